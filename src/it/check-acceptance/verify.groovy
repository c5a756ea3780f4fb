def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 4
def id = 'UNSUPPORTED_POLICY_KIND/cluster/GlobalNetworkPolicy/allow-monitoring'

// 1: accepted as reviewed
assert builds[0].contains('(accepted: reviewed with the platform team: monitoring may scrape every namespace (NET-12)) [' + id + ']')
assert builds[0].readLines().find { it.contains('(accepted: reviewed with the platform team') }.startsWith('[WARNING] ')
assert !builds[0].readLines().any { it.startsWith('[ERROR]') }
assert builds[0].contains('netpol check passed against directory baseline: 1 unsupported policy kind (1 accepted)')

// 2: changed since: fails, and prints the entry to paste for the object as it is now
def changed = builds[1]
assert changed.contains('The object changed since it was accepted at netpol-accepted.yaml:2:5 (accepted: sha256:476518041c278b5447a3599fea3545ffdb08ff115dcba9b276c0668b1ac1a50e, now: sha256:')
assert changed.contains('  - id: ' + id)
assert changed =~ /    digest: sha256:[0-9a-f]{64}/
assert changed.contains('netpol check FAILED against directory baseline: 1 unsupported policy kind')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'fail'
assert !json.findings.find { it.id == id }.accepted

// 3: a configured accepted-changes file that is missing
assert builds[2] =~ /netpol: netpol\.accepted: '.*config\/missing\.yaml' does not exist; use an existing accepted-changes file/

// 4: one line naming the parameter, the value and the values allowed
assert builds[3].contains("netpol: netpol.failOnSeverity: 'fatal' is not a severity; use error, warning or info -> [Help 1]")
assert !builds[3].contains('No enum constant')
return true
