// examples/cilium as .ci/run builds it: the Cilium policies and NetworkPolicies validate without an error or a
// warning (the L7 rule is reported as information), every assertion holds through both kinds, and against the
// previous release the change is a narrowing.
def log = new File(basedir, 'build.log').text
assert log.contains('netpol validate: passed, 0 errors, 0 warnings in 5 files')
def validate = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert validate.verdict == 'pass'
assert validate.findings*.id.any { it.startsWith('cilium-l7-only-rule') }
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol test: passed, 0 of 8 assertions failed (1 file)')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/netpol/TEST-netpol-test.xml'))
assert junit.@tests == '8'
assert junit.@failures == '0'
assert junit.testcase*.@name*.toString().contains('the storefront never reaches the database')
assert log.contains('examples/cilium/previous-release: 2 narrowings')
def check = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert check.verdict == 'pass'
assert check.findings*.id.sort() == ['NARROWED_EGRESS/orders', 'NARROWED_INGRESS/orders']
assert check.findings.every { it.severity == 'info' }
return true
