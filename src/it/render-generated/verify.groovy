import groovy.json.JsonSlurper

def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 3

// 1: generated first, then validated, tested and bundled from what was generated
def ok = builds[0]
def generated = ok.indexOf(':copy-resources (generate-manifests) @ orders')
def validated = ok.indexOf('--- netpol:')
assert generated >= 0 && validated > generated
assert new File(basedir, 'ok/target/classes/META-INF/jkube/kubernetes/networkpolicy.yaml').text.contains('name: orders')
assert ok.contains('netpol validate: passed, 0 errors, 1 warning in 3 files')
assert ok.contains('target/classes/META-INF/jkube/kubernetes/networkpolicy.yaml:13:11: warning: NetworkPolicy shop/orders ingress rule 1')
assert ok.contains('netpol test: passed, 0 of 2 assertions failed')
def bundle = new File(basedir, 'ok/target/netpol/orders-1.0-SNAPSHOT-netpol.yaml').text
assert bundle.contains('name: orders')

// 2: one error naming the source and the phase to bind to; nothing passed for want of files
def errors = builds[1].readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors.size() == 1
assert errors[0].contains('netpol: source target/classes/META-INF/jkube does not exist yet: it lies in the build directory')
assert errors[0].contains('<phase>process-classes</phase> after Eclipse JKube')
assert !builds[1].contains('netpol validate: passed')

// 3: one error that says why and what to compare with instead
def gitErrors = builds[2].readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert gitErrors.size() == 1
assert gitErrors[0] =~ /netpol: the baseline git tag v1\.0\.0 \([0-9a-f]+\) is read from git, but the source target\/classes\/META-INF\/jkube is generated into the build directory, which git does not hold/
assert gitErrors[0].contains('netpol.baseline=release')
assert !builds[2].contains('netpol check passed')
return true
