def log = new File(basedir, 'build.log').text
// the removed Deny is named with where it was, and the policy it was in
assert log.contains('src/main/kubernetes/policies.yaml:35:3: error: BaselineAdminNetworkPolicy default (Baseline) lets more'
        + " ingress of tenant-a through than the baseline: the rule ingress[1] 'default-deny' (Deny, 48:5) denied in the"
        + ' baseline and no longer denies these connections')
assert log.contains('restore the Deny rule')
assert log.contains('[WIDENED_INGRESS/tenant-a/BaselineAdminNetworkPolicy/default]')
assert log.contains('[ISOLATION_DROPPED/tenant-a/BaselineAdminNetworkPolicy/default/ingress]')
// an example a person recognises: the declared workload on its declared port
assert log.contains("Deployment tenant-a/api -> Deployment tenant-a/api on TCP 8080 (the port it names 'http')")
assert log.contains('netpol check FAILED against git tag v1.0.0')
assert !log.contains('UNSUPPORTED_POLICY_KIND')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
return true
