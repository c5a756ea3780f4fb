def log = new File(basedir, 'build.log').text
// invocation 1: the namespace without default-deny fails the build, naming the policy to add and its YAML
assert log.contains('src/main/kubernetes/shop.yaml:4:3: error: Namespace shop has no default-deny ingress policy')
assert log.contains("-Dnetpol.requireIsolation='*,!shop'")
assert log.contains('[required-isolation]')
assert !log.contains('policyTypes: [Ingress] [required-isolation]') // the YAML stays paste-safe
assert log.contains('Add the NetworkPolicy below')
['kind: NetworkPolicy', 'name: default-deny-ingress', 'namespace: shop', 'podSelector: {}', 'policyTypes: [Ingress]'].each {
    assert log.contains(it) : "suggested YAML line '${it}' missing from build.log"
}
assert log.contains('netpol validate: FAILED, 1 error')
// invocation 2 (-Dnetpol.requireIsolation=none): the same sources pass, and the rule no longer reports
def second = log.substring(log.lastIndexOf('netpol validate: FAILED'))
assert second.contains('netpol validate: passed')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert json.verdict == 'pass'
assert json.findings.every { it.id != 'required-isolation' }
