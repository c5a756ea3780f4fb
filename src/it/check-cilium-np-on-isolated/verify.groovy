def log = new File(basedir, 'build.log').text
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
// the database was isolated by the Cilium policy; the new NetworkPolicy's rule is what lets monitoring in
def widened = json.findings.findAll { it.kind.startsWith('WIDENED') }
assert widened*.id == ['WIDENED_INGRESS/shop/allow-monitoring'] : widened*.id
def f = widened[0]
assert f.message.contains('shop/allow-monitoring') && f.message.contains('ingress[0]')
assert f.location.file == 'src/main/kubernetes/policies.yaml'
assert f.witness.source.namespace == 'monitoring' && f.witness.source.podLabels.app == 'monitoring'
assert f.witness.destination.podLabels.app == 'db'
assert f.witness.protocol == 'TCP' && f.witness.port == 9187
assert log.contains('Deployment monitoring/prometheus -> Deployment shop/db on TCP 9187')
assert log.contains('[WIDENED_INGRESS/shop/allow-monitoring]')
return true
