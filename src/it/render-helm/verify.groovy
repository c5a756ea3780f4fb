import groovy.json.JsonSlurper

def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 3

// 1: the bundle of 1.0.0 holds both environments' rendered manifests and the digest of their inputs
def bundle = new File(basedir, 'repo/io/github/netpol/it/shop-chart/1.0.0/shop-chart-1.0.0-netpol.yaml').text
assert bundle.contains('environments:\n- name: prod\n  source: chart\n  tool: Helm (helm-java ')
assert bundle.contains('- name: staging\n')
assert bundle.contains('# Source: chart/templates/networkpolicy.yaml')
assert bundle =~ /inputsDigest: [0-9a-f]{64}/
assert builds[0].contains('netpol: environment prod: chart rendered by Helm (helm-java ')
assert builds[0].contains('no baseline to compare with: this is a first release')

// 2: compared rendered against rendered; prod widened, staging not
def v2 = builds[1]
assert v2.contains('netpol: comparing with release 1.0.0 of io.github.netpol.it:shop-chart (environments prod, staging)')
assert v2 =~ /target\/netpol\/rendered\/prod\/manifests\.yaml:\d+:\d+: error: \[prod\] from chart\/templates\/networkpolicy\.yaml: shop\/shop-web now allows more ingress/
assert v2.contains('[prod:WIDENED_INGRESS/shop/shop-web]')
assert v2.contains(': 1 widening (staging: no widening; prod: 1 widening)')
def check = new JsonSlurper().parse(new File(basedir, 'v2/target/netpol/check.json'))
assert check.findings.findAll { it.severity == 'error' }*.environment == ['prod']
def rendered = new File(basedir, 'v2/target/netpol/rendered/prod/manifests.yaml').text
assert rendered.contains('name: shop-web\n  namespace: shop\n')
assert rendered.contains('- port: 8443')
assert new File(basedir, 'v2/target/netpol/rendered/staging/manifests.yaml').text.contains('namespace: shop-staging')

// 3: narrowing passes
assert builds[2].contains('netpol check passed against release 1.0.0 of io.github.netpol.it:shop-chart: 1 narrowing (staging: no widening; prod: 1 narrowing)')
return true
