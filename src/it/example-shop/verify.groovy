def log = new File(basedir, 'build.log').text
assert log.contains('netpol validate: passed, 0 errors, 0 warnings in 5 files')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert json.verdict == 'pass'
