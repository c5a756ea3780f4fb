def bundle = new File(basedir, 'repo/io/github/netpol/it/shop-policies/1.0.0/shop-policies-1.0.0-netpol.yaml')
assert bundle.isFile() : 'release 1.0.0 was deployed with its netpol bundle'
assert bundle.text.contains('kind: PolicyBundle')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'v2/target/netpol/check.json'))
// the last run is the expired acceptance: the finding is not accepted and fails
assert json.verdict == 'fail'
assert json.baseline.spec == 'release:1.0.0'
def f = json.findings.find { it.id == 'WIDENED_INGRESS/shop/allow-api' }
assert !f.accepted
assert f.message.contains('expired on 2020-01-31')
return true
