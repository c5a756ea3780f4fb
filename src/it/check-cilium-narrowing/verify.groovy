def log = new File(basedir, 'build.log').text
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol check passed against git tag v1.0.0')
// the batch allow removed narrows ingress; the new deny narrows egress
assert log.contains('[NARROWED_INGRESS/shop')
assert log.contains('[NARROWED_EGRESS/shop')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'pass'
assert json.findings.every { it.severity == 'info' } : json.findings*.id
assert !json.findings.any { it.kind.startsWith('WIDENED') || it.kind == 'ISOLATION_DROPPED' }
return true
