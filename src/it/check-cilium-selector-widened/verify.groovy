def log = new File(basedir, 'build.log').text
assert !log.contains('UNSUPPORTED_POLICY_KIND')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
// the toEndpoints selector lost tier=primary: the rule now reaches the replica too
def f = json.findings.find { it.kind == 'WIDENED_EGRESS' && it.message.contains('egress[0]') }
assert f != null : json.findings*.id
assert f.id.startsWith('WIDENED_EGRESS/shop/') && f.id.contains('web-egress')
assert f.message.contains('CiliumNetworkPolicy shop/web-egress')
assert f.namespace == 'shop'
assert f.location.file == 'src/main/kubernetes/policies.yaml'
assert f.witness.source.podLabels.app == 'web'
assert f.witness.destination.podLabels.app == 'db'
assert f.witness.destination.podLabels.tier != 'primary'
assert f.witness.protocol == 'TCP' && f.witness.port == 5432
assert log.contains('Deployment shop/web -> Deployment shop/db-replica on TCP 5432')
assert json.findings.findAll { it.kind.startsWith('WIDENED') }*.kind == ['WIDENED_EGRESS']
return true
