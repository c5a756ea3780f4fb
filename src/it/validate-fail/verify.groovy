def log = new File(basedir, 'build.log').text
assert log.contains("src/main/kubernetes/policy.yaml:7:3: error: Unknown field 'spec.podSelecter' in NetworkPolicy; did you mean 'podSelector'? [unknown-field]")
assert log.contains("src/main/kubernetes/policy.yaml:13:13: error: The cidr '10.0.0.0/33' is not a valid CIDR")
assert log.contains('netpol validate: FAILED, 2 errors')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert json.verdict == 'fail'
def errors = json.findings.findAll { it.severity == 'error' }
assert errors*.id == ['unknown-field', 'invalid-cidr']
assert errors[1].location == [file: 'src/main/kubernetes/policy.yaml', line: 13, column: 13]
