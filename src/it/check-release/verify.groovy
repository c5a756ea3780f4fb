def repo = new File(basedir, 'repo/io/github/netpol/it/shop-policies')
assert new File(repo, '1.0.0/shop-policies-1.0.0-netpol.yaml').text.contains('kind: PolicyBundle')
assert new File(repo, '1.0.5/shop-policies-1.0.5.pom').isFile()
assert !new File(repo, '1.0.5/shop-policies-1.0.5-netpol.yaml').exists()

def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 8
assert builds[0].contains('no baseline to compare with: this is a first release (every repository answered')
assert builds[1].contains('netpol check FAILED against release 1.0.0 of io.github.netpol.it:shop-policies: 1 widening')
assert builds[2].contains('netpol check passed against release 1.0.0 of io.github.netpol.it:shop-policies: 1 widening (1 accepted)')
assert builds[3].contains('expired on 2020-01-31')

// the release's bundle is parsed once: the first check keeps it under target/ and next to the bundle in the local
// repository, and the later builds read it from there
assert builds[1].contains('netpol: comparing with release 1.0.0 of io.github.netpol.it:shop-policies (1 file)')
assert builds[2].contains('netpol: comparing with release 1.0.0 of io.github.netpol.it:shop-policies (1 file, parsed by an earlier build and kept)')
assert builds[7].contains('parsed by an earlier build and kept')
assert new File(localRepositoryPath, 'io/github/netpol/it/shop-policies/1.0.0/shop-policies-1.0.0-netpol.yaml.netpol-cache').isFile()
assert new File(basedir, 'v2/target/netpol/bundle-cache').listFiles().findAll { it.name.endsWith('.bin') }.size() == 1

def noBundle = { String spec -> spec + ': release 1.0.5 of io.github.netpol.it:shop-policies, the newest below 1.1.0-SNAPSHOT,' +
        ' has no netpol bundle (classifier netpol, type yaml), and the check does not fall back to an older release or a git tag' }
assert builds[5].contains(noBundle('auto'))
assert builds[5].contains('netpol.baseline=release:<an older version that has a bundle> or git:<the tag of 1.0.5>')
assert !builds[5].contains('comparing with')
assert builds[6].contains(noBundle('release'))
assert !builds[6].contains('comparing with')
assert builds[7].contains('netpol: comparing with release 1.0.0 of io.github.netpol.it:shop-policies')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'v2/target/netpol/check.json'))
assert json.verdict == 'pass'
assert json.baseline.spec == 'release:1.0.0'
assert json.findings.find { it.id == 'WIDENED_INGRESS/shop/allow-api' }.accepted
return true
