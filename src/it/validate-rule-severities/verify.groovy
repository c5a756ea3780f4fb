def log = new File(basedir, 'build.log').text
// invocation 1: <rules> in the POM made the info an error
assert log.contains('src/main/kubernetes/shop.yaml:12:1: error: NetworkPolicy shop/default-deny has no policyTypes')
assert log.contains('[policy-types-omitted]')
assert log.contains('netpol validate: FAILED, 1 error')
// invocation 2: -Dnetpol.rules=policy-types-omitted:off wins, the rule reports nothing and the build passes
def second = log.substring(log.lastIndexOf('netpol validate: FAILED'))
assert second.contains('netpol validate: passed')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert json.verdict == 'pass'
assert json.findings.every { it.id != 'policy-types-omitted' }
