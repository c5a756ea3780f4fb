// world in place of the CIDR set: the same rule now reaches addresses outside 203.0.113.0/24
findingKind = 'WIDENED_EGRESS'
policy = 'CiliumNetworkPolicy shop/payments-egress'
rule = 'egress[0]'
def f = evaluate(new File(itLib, 'cilium-widening.groovy')).finding
assert f.id.startsWith('WIDENED_EGRESS/shop/') && f.id.contains('payments-egress')
assert f.witness.source.podLabels.app == 'payments'
assert f.witness.destination.ip != null
assert !f.witness.destination.ip.startsWith('203.0.113.')
assert f.witness.protocol == 'TCP' && f.witness.port == 443
return true
