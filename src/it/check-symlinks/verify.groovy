def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 3

// 1: the linked directory is analysed: its allow-all widens the ingress of shop
def linked = builds[0]
assert linked.contains('src/main/kubernetes/shared/allow-all.yaml')
assert linked.contains('[WIDENED_INGRESS/shop/allow-all]')
assert linked.contains('netpol check FAILED against directory baseline')
def bundle = new File(basedir, 'target/netpol/check-symlinks-1.1.0-SNAPSHOT-netpol.yaml').text
assert bundle.contains('path: src/main/kubernetes/shared/allow-all.yaml')
assert bundle.contains('path: src/main/kubernetes/policies.yaml')

// 2, 3: links out of the project are errors at the link, in check and in bundle
def check = builds[1]
['src/leaky/outside', 'src/leaky/passwd.yaml', 'src/leaky/secret.yaml'].each { link ->
    assert check.contains(link + ':1:1: error: The symbolic link points to ')
}
assert check.contains('[symlink-outside-root]')
assert check.contains('its target is not read')
assert builds[2].contains('netpol: cannot bundle the sources: src/leaky/outside:1:1: error: The symbolic link points to')

// no output holds a byte of the targets
def outputs = [new File(basedir, 'build.log')] + new File(basedir, 'target/netpol').listFiles().findAll { it.isFile() }
assert outputs.any { it.name == 'check.json' } && outputs.any { it.name == 'check.sarif' }
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
assert json.findings*.id.count { it == 'symlink-outside-root' } == 3
outputs.findAll { !it.name.endsWith('-netpol.yaml') }.each { f ->
    def text = f.text
    assert !text.contains('leak-marker-3f9c') : f
    assert !text.contains('leaked-3f9c') : f
    assert !text.contains('root:x:0:0') : f
    assert !text.contains('/bin/bash') && !text.contains('nologin') : f
}
assert !bundle.contains('leak-marker') && !bundle.contains('root:x:0:0')
return true
