def log = new File(basedir, 'build.log').text
assert log.contains('netpol check passed against git tag v1.0.0')
assert log.contains('[NARROWED_INGRESS/tenant-a]')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'pass'
assert json.findings.every { it.severity == 'info' }
return true
