// Shared by the verify scripts of the check-cilium-* ITs whose change widens access: the Cilium policies were
// analysed (no UNSUPPORTED_POLICY_KIND), the check failed against the tag, the only widening is of
// `findingKind`, and a finding of that kind names `rule` of `policy` (e.g. 'CiliumNetworkPolicy shop/db-guard'),
// at the manifests' file. The calling script sets the three before evaluating this one; it returns the build
// log, check.json and that finding for the caller's own assertions.
def log = new File(basedir, 'build.log').text
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
def widened = json.findings.findAll { it.kind.startsWith('WIDENED') }
assert widened*.kind.unique() == [findingKind] : widened*.id
def f = widened.find { it.message.contains(policy) && it.message.contains(rule) }
assert f != null : widened*.message
assert f.location.file == 'src/main/kubernetes/policies.yaml'
return [log: log, json: json, finding: f]
