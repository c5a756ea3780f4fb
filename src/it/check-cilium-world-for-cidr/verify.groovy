def log = new File(basedir, 'build.log').text
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
// world in place of the CIDR set: the same rule now reaches addresses outside 203.0.113.0/24
def f = json.findings.find { it.kind == 'WIDENED_EGRESS' && it.message.contains('egress[0]') }
assert f != null : json.findings*.id
assert f.id.startsWith('WIDENED_EGRESS/shop/') && f.id.contains('payments-egress')
assert f.message.contains('CiliumNetworkPolicy shop/payments-egress')
assert f.namespace == 'shop'
assert f.location.file == 'src/main/kubernetes/policies.yaml'
assert f.witness.source.podLabels.app == 'payments'
assert f.witness.destination.ip != null
assert !f.witness.destination.ip.startsWith('203.0.113.')
assert f.witness.protocol == 'TCP' && f.witness.port == 443
assert json.findings.findAll { it.kind.startsWith('WIDENED') }*.kind == ['WIDENED_EGRESS']
return true
