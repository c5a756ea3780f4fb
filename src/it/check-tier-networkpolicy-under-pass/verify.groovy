def log = new File(basedir, 'build.log').text
// the Admin Pass hands tenant-b's traffic down; the new NetworkPolicy now decides for the api pods (the Baseline
// deny no longer applies to them): the NetworkPolicy rule is what to look at
assert log.contains('src/main/kubernetes/policies.yaml:76:7: error: tenant-a/allow-tenant-b now allows more ingress than'
        + ' the baseline: ingress[0].from[0] (76:7): pods with app=api in tenant-a accept TCP 8080 from any pod in'
        + ' namespaces with tenant=b')
assert log.contains('[WIDENED_INGRESS/tenant-a/allow-tenant-b]')
assert log.contains('netpol check FAILED against git tag v1.0.0 (') && log.contains('): 1 widening, 1 narrowing')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
assert json.findings.findAll { it.kind.startsWith('WIDENED') }*.id == ['WIDENED_INGRESS/tenant-a/allow-tenant-b']
return true
