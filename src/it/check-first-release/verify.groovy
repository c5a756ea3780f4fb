def log = new File(basedir, 'build.log').text
// proven, not assumed: every repository answered and the complete history holds no earlier tag
assert log.contains('no baseline to compare with: this is a first release (every repository answered and none holds a'
        + ' release of io.github.netpol.it:check-first-release below 1.1.0-SNAPSHOT; the complete git history holds no tag before HEAD)')
assert log.contains('Set netpol.failIfNoBaseline=true once you have released')
assert log.contains('netpol check passed against no baseline')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'pass'
assert json.findings*.severity == ['warning']
return true
