// no policy changed: the per-workload comparison finds the connection the relabelled replica now accepts, and
// names the Cilium rule that lets the web tier send it
findingKind = 'WIDENED_CONNECTION'
policy = 'of CiliumNetworkPolicy shop/web-egress'
rule = 'rule egress[0]'
def r = evaluate(new File(itLib, 'cilium-widening.groovy'))
def f = r.finding
assert r.json.findings.findAll { it.kind.startsWith('WIDENED') }*.id ==
        ['WIDENED_CONNECTION/shop/Deployment/web->shop/Deployment/db-replica']
// pointing at the changed labels
assert f.location.line == 52
assert f.message.contains('tier=primary (before: app=db, instance=db-replica, tier=replica)')
assert r.log.contains('Deployment shop/web -> Deployment shop/db-replica on TCP 5432')
return true
