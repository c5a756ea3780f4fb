def log = new File(basedir, 'build.log').text
assert log.contains('comparing with git tag v1.0.0')
assert log.contains('src/main/kubernetes/policies.yaml:27:7: error: shop/allow-api now allows more ingress than the baseline: ingress[0].from[0] (27:7): pods with app=api in shop accept TCP 8080 from any pod in any namespace')
assert log.contains('For example: a pod without labels in namespace shop (namespace labels team=shop) -> a pod with app=api in namespace shop (namespace labels team=shop) on TCP 8080')
assert log.contains('[WIDENED_INGRESS/shop/allow-api]')
assert log.contains("- id: WIDENED_INGRESS/shop/allow-api")
assert log.contains('netpol check FAILED against git tag v1.0.0')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
def f = json.findings.find { it.id == 'WIDENED_INGRESS/shop/allow-api' }
assert f.kind == 'WIDENED_INGRESS'
assert f.direction == 'ingress'
assert f.location.file == 'src/main/kubernetes/policies.yaml'
assert f.location.line == 27
assert f.witness.destination.podLabels.app == 'api'
assert f.witness.source.namespace != null
// the work tree was not touched by reading the tag
assert new File(basedir, 'src/main/kubernetes/policies.yaml').text.contains('namespaceSelector: {}')
return true
