// the removed deny is the cause, named with its policy
findingKind = 'WIDENED_INGRESS'
policy = 'CiliumNetworkPolicy shop/db-guard'
rule = 'ingressDeny[0]'
def r = evaluate(new File(itLib, 'cilium-widening.groovy'))
def f = r.finding
assert f.id.startsWith('WIDENED_INGRESS/shop/') && f.id.contains('db-guard')
assert f.message.contains('(Deny')
// the example: the batch jobs, which the deny kept out, on the database's port
assert f.witness.source.podLabels.app == 'batch'
assert f.witness.destination.podLabels.app == 'db'
assert f.witness.protocol == 'TCP' && f.witness.port == 5432
assert r.log.contains('Deployment shop/batch -> Deployment shop/db on TCP 5432')
return true
