def log = new File(basedir, 'build.log').text
assert log.contains('no baseline to compare with')
assert log.contains('no git tag reachable from HEAD')
assert log.contains('netpol check passed against no baseline')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/check.json'))
assert json.verdict == 'pass'
return true
