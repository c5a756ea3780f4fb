def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 4
def errors = { String log -> log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') } }

// 1: one error, naming the file, the entry and what to do; nothing was run
def remote = errors(builds[0])
assert remote.size() == 1
assert remote[0].contains("netpol: app/kustomization.yaml: resources[1] 'https://raw.githubusercontent.com/example/policies/main/allow-all.yaml'"
        + " is a remote resource (a URL or git reference), and the build never fetches from the network: vendor it into the repository"
        + " and name it by its relative path")
assert !new File(basedir, 'remote/target/netpol/rendered/app/manifests.yaml').exists()

// 2: one error naming the parameter and what to install
def tool = errors(builds[1])
assert tool.size() == 1
assert tool[0].contains("netpol: netpol.kustomize: 'kubectl-not-installed' is not an executable file on the PATH; install kubectl"
        + " or kustomize, or point netpol.kustomize at one of them")

// 3: Helm's message, naming the chart, the release and the template
def template = errors(builds[2])
assert template.size() == 1
assert template[0].contains('netpol: Helm failed to render chart (release chart, namespace shop): ')
assert template[0].contains('port is required: set it in a values file')
assert template[0].contains('shop/templates/networkpolicy.yaml')

// 4: the kustomizations are read as plain files, and validate says so and how to render them
def plain = builds[3]
assert plain.contains('[WARNING] deploy/overlay/kustomization.yaml:1:1: warning: deploy/overlay is a Kustomize directory among the plain sources')
assert plain.contains('Render it: add deploy/overlay to netpol.sources, or to <renders> as <render><path>deploy/overlay</path></render>. [unrendered-source]')
def classes = new File(basedir, 'plain/classes.log').text
assert classes.contains('io.github.netpol.maven.ValidateMojo')
assert !classes.contains('com.marcnuri')
assert !classes.contains('io.github.netpol.render.HelmEngine')
return true
