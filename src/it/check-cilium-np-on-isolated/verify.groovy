// the database was isolated by the Cilium policy; the new NetworkPolicy's rule is what lets monitoring in
findingKind = 'WIDENED_INGRESS'
policy = 'shop/allow-monitoring'
rule = 'ingress[0]'
def r = evaluate(new File(itLib, 'cilium-widening.groovy'))
def f = r.finding
assert r.json.findings.findAll { it.kind.startsWith('WIDENED') }*.id == ['WIDENED_INGRESS/shop/allow-monitoring']
assert f.witness.source.namespace == 'monitoring' && f.witness.source.podLabels.app == 'monitoring'
assert f.witness.destination.podLabels.app == 'db'
assert f.witness.protocol == 'TCP' && f.witness.port == 9187
assert r.log.contains('Deployment monitoring/prometheus -> Deployment shop/db on TCP 9187')
return true
