def log = new File(basedir, 'build.log').text
// the Cilium policy is analysed, not refused
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
// the removed deny is the cause, named with its policy and where the policy is
def f = json.findings.find { it.kind == 'WIDENED_INGRESS' && it.message.contains('ingressDeny[0]') }
assert f != null : json.findings*.id
assert f.id.startsWith('WIDENED_INGRESS/shop/') && f.id.contains('db-guard')
assert f.message.contains('CiliumNetworkPolicy shop/db-guard')
assert f.message.contains('(Deny')
assert f.namespace == 'shop'
assert f.location.file == 'src/main/kubernetes/policies.yaml'
// the example: the batch jobs, which the deny kept out, on the database's port
assert f.witness.source.podLabels.app == 'batch'
assert f.witness.destination.podLabels.app == 'db'
assert f.witness.protocol == 'TCP' && f.witness.port == 5432
assert log.contains('Deployment shop/batch -> Deployment shop/db on TCP 5432')
// only the batch jobs gained anything: no other widening
assert json.findings.findAll { it.kind.startsWith('WIDENED') }.size() == 1
return true
