import groovy.json.JsonSlurper

def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
def logOf = { String name -> new File(basedir, name + '/build.log').exists() ? new File(basedir, name + '/build.log').text : builds.find { it.contains('render-kustomize-' + name) } }
def json = { String name -> new JsonSlurper().parse(new File(basedir, name + '/target/netpol/check.json')) }

// 1: the strategic-merge patch in prod
def smp = logOf('smp')
assert smp.contains('netpol: environment prod: overlays/prod rendered by ')
assert smp.contains('into target/netpol/rendered/prod/manifests.yaml')
assert smp.contains('comparing with git tag v1.0.0')
assert smp.contains('comparing with git tag v1.0.0') && smp.contains('(environments staging, prod)')
def rendered = new File(basedir, 'smp/target/netpol/rendered/prod/manifests.yaml').text
assert rendered.contains('# Source: base/allow-web.yaml:1\n# Patched by: overlays/prod/allow-monitoring.yaml (patches[0] of overlays/prod/kustomization.yaml)\n')
assert !rendered.contains('config.kubernetes.io/origin')
assert smp =~ /target\/netpol\/rendered\/prod\/manifests\.yaml:\d+:\d+: error: \[prod\] from base\/allow-web\.yaml:1, patched by overlays\/prod\/allow-monitoring\.yaml \(patches\[0\] of overlays\/prod\/kustomization\.yaml\): prod\/allow-web now allows more ingress/
assert smp.contains("- id: prod:WIDENED_INGRESS/prod/allow-web")
assert smp.contains('[prod:WIDENED_INGRESS/prod/allow-web]')
assert smp.contains('netpol check FAILED against git tag v1.0.0')
assert smp.contains('netpol check FAILED against git tag v1.0.0') && smp.contains(': 1 widening (staging: no widening; prod: 1 widening)')
def check = json('smp')
assert check.verdict == 'fail'
assert check.baseline.environments == ['staging', 'prod']
def widened = check.findings.findAll { it.kind == 'WIDENED_INGRESS' }
assert widened*.id == ['prod:WIDENED_INGRESS/prod/allow-web']
assert widened[0].environment == 'prod'
assert widened[0].location.file == 'target/netpol/rendered/prod/manifests.yaml'
assert rendered.readLines()[widened[0].location.line - 1].contains('namespaceSelector')
assert !check.findings.any { it.environment == 'staging' && it.severity == 'error' }
// the baseline was rendered from the tree at the tag, in the build's directory; the work tree was not touched
def gitBaseline = new File(basedir, 'smp/target/netpol/baseline').listFiles().find { it.name.startsWith('git-') }
assert gitBaseline != null
def oldProd = new File(gitBaseline, 'rendered/prod/manifests.yaml').text
assert oldProd.contains('name: allow-web\n  namespace: prod\n')
assert !oldProd.contains('monitoring') && rendered.contains('kubernetes.io/metadata.name: monitoring')
assert !oldProd.contains('# Patched by:')
assert new File(basedir, 'smp/overlays/prod/allow-monitoring.yaml').isFile()
def junit = new File(basedir, 'smp/target/netpol/TEST-netpol-check.xml').text
assert junit.contains('<testcase name="prod: prod/ingress" classname="netpol.check">')
assert junit.contains('<testcase name="staging: staging/ingress" classname="netpol.check"></testcase>')
// validate covered both environments
assert smp.contains('netpol validate: passed') && smp.contains('(environments staging, prod)')
// the bundle holds each environment's rendered manifests and the digest of what they were rendered from
def bundle = new File(basedir, 'smp/target/netpol/render-kustomize-smp-1.1.0-SNAPSHOT-netpol.yaml').text
assert bundle.contains('- name: prod\n  source: overlays/prod\n')
assert bundle =~ /inputsDigest: [0-9a-f]{64}/

// 2: the JSON 6902 patch
def drop = logOf('json6902')
assert drop =~ /error: \[prod\] from base\/default-deny\.yaml:1, patched by overlays\/prod\/egress-only\.yaml \(patches\[0\] of overlays\/prod\/kustomization\.yaml\): /
assert json('json6902').findings.any { it.id == 'prod:ISOLATION_DROPPED/prod/default-deny/ingress' && it.severity == 'error' }
assert !json('json6902').findings.any { it.environment == 'staging' && it.severity == 'error' }

// 3: narrowing passes
def narrow = logOf('narrow')
assert narrow.contains('netpol check passed against git tag v1.0.0')
assert json('narrow').findings.any { it.id == 'prod:NARROWED_INGRESS/prod' && it.severity == 'info' }
return true
