def log = new File(basedir, 'build.log').text
assert log.contains('comparing with git tag v1.0.0')
// the Accept that now comes before the Deny is named: tier, policy, priority (and the old one), rule name
assert log.contains('src/main/kubernetes/policies.yaml:60:5: error: ClusterNetworkPolicy tenant-b-metrics (Admin, priority 5),'
        + ' whose priority was 20 in the baseline, lets more ingress of tenant-a through than the baseline: the rule'
        + " ingress[0] 'allow-metrics' (Accept, 60:5) now accepts these connections")
assert log.contains('[WIDENED_INGRESS/tenant-a/ClusterNetworkPolicy/tenant-b-metrics]')
// namespaces the manifests do not name may carry tenant=a too: reported under *
assert log.contains('[WIDENED_INGRESS/*/ClusterNetworkPolicy/tenant-b-metrics]')
assert log.contains('on TCP 9090')
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
def f = json.findings.find { it.id == 'WIDENED_INGRESS/tenant-a/ClusterNetworkPolicy/tenant-b-metrics' }
assert f.location.line == 60
assert f.witness.port == 9090
assert f.witness.source.namespace == 'tenant-b'
return true
