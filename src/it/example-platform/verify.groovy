// examples/platform as .ci/run builds it: the tier policies validate without a warning (no lint finding
// about overlaps, shadowed rules or a Pass with nothing below it; the tenant namespaces count as isolated
// through the Baseline-tier Deny), every assertion holds through the tiers, and against the previous
// release the change is a narrowing.
def log = new File(basedir, 'build.log').text
assert log.contains('netpol validate: passed, 0 errors, 0 warnings in 6 files')
def validate = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert validate.verdict == 'pass'
assert !validate.findings.any { it.id.startsWith('tier-') || it.id == 'required-isolation' }
assert log.contains('netpol test: passed, 0 of 6 assertions failed (1 file)')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/netpol/TEST-netpol-test.xml'))
assert junit.@tests == '6'
assert junit.@failures == '0'
assert junit.testcase*.@name*.toString().contains('another tenant cannot reach tenant a')
assert log.contains('examples/platform/previous-release: 3 narrowings')
def check = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert check.verdict == 'pass'
assert check.findings.every { it.severity == 'info' && it.id.startsWith('NARROWED_INGRESS/') }
return true
