def log = new File(basedir, 'build.log').text
assert log.contains('src/main/kubernetes/policies.yaml:43:5: error: ClusterNetworkPolicy isolate-tenant-a (Admin, priority 10)'
        + " lets more ingress of tenant-a through than the baseline: the rule ingress[0] 'deny-tenant-b' (Pass, 43:5) now"
        + ' passes to the lower tiers, which let them through, these connections')
assert log.contains('deny these connections in the tier, or narrow the Pass rule')
assert log.contains('[WIDENED_INGRESS/tenant-a/ClusterNetworkPolicy/isolate-tenant-a]')
// the pods the Deny isolated are isolated no more
assert log.contains("The rule ClusterNetworkPolicy isolate-tenant-a (Admin, priority 10) ingress[0] 'deny-tenant-b' (Deny)"
        + ' (as in the baseline, at src/main/kubernetes/policies.yaml:43:5) no longer denies connections of these pods')
assert log.contains('[ISOLATION_DROPPED/tenant-a/ClusterNetworkPolicy/isolate-tenant-a/ingress]')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
def f = json.findings.find { it.id == 'WIDENED_INGRESS/tenant-a/ClusterNetworkPolicy/isolate-tenant-a' }
assert f.witness.source.namespace == 'tenant-b'
assert f.witness.destination.namespace == 'tenant-a'
return true
