def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert runs.size() == 3

// 1: the check ran in a JVM of its own with the quick compiler only, and failed on the widening as in Maven's JVM
def first = runs[0]
assert first.contains('netpol: check runs in a JVM of its own: ')
assert first.contains('-XX:TieredStopAtLevel=1')
assert first.contains('io.github.netpol.fork.ForkedCheckMain')
assert first.contains('[ERROR] ') && first.contains('[WIDENED_INGRESS/shop/allow-api]')
assert first.contains('netpol check FAILED against directory baseline')
assert first.contains('in its own JVM: analysis, comparison and verdict')
assert first.contains('in its own JVM: heap peak at most ')
// its classes are archived for the next forked check (or were, by an earlier build on this local repository)
assert first.contains('-XX:ArchiveClassesAtExit=') || first.contains('-XX:SharedArchiveFile=')
def archives = new File(localRepositoryPath, '.cache/netpol-maven-plugin/jvm')
assert archives.listFiles().any { it.name.endsWith('.jsa') }
assert !archives.listFiles().any { it.name.endsWith('.tmp') }
assert first.contains('Each finding above names the rule, an example connection and the line to add to netpol-accepted.yaml')

// 2: the same finding as a warning, a pass, and the reports the forked JVM wrote
def second = runs[1]
assert second.contains('[WARNING] ') && second.contains('[WIDENED_INGRESS/shop/allow-api]')
assert second.contains('netpol check passed against directory baseline')
assert second.contains('BUILD SUCCESS')
def out = new File(basedir, 'target/netpol')
['check.json', 'check.md', 'check.sarif'].each { assert new File(out, it).isFile() : it }
assert new File(out, 'check.json').text.contains('"allow-api"') || new File(out, 'check.json').text.contains('allow-api')
assert !out.listFiles().any { it.name.startsWith('fork-') } : 'the request and outcome files are removed'

// 3: a bad value is refused by name
assert runs[2].contains("netpol.fork: 'sometimes' is not a fork mode; use auto, true or false")
return true
