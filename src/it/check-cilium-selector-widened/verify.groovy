// the toEndpoints selector lost tier=primary: the rule now reaches the replica too
findingKind = 'WIDENED_EGRESS'
policy = 'CiliumNetworkPolicy shop/web-egress'
rule = 'egress[0]'
def r = evaluate(new File(itLib, 'cilium-widening.groovy'))
def f = r.finding
assert f.id.startsWith('WIDENED_EGRESS/shop/') && f.id.contains('web-egress')
assert f.witness.source.podLabels.app == 'web'
assert f.witness.destination.podLabels.app == 'db'
assert f.witness.destination.podLabels.tier != 'primary'
assert f.witness.protocol == 'TCP' && f.witness.port == 5432
assert r.log.contains('Deployment shop/web -> Deployment shop/db-replica on TCP 5432')
return true
