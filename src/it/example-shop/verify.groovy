def log = new File(basedir, 'build.log').text
assert log.contains('netpol validate: passed, 0 errors, 0 warnings in 5 files')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netpol/validate.json'))
assert json.verdict == 'pass'
assert log.contains('netpol test: passed, 0 of 7 assertions failed (1 file)')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/netpol/TEST-netpol-test.xml'))
assert junit.@tests == '7'
assert junit.@failures == '0'
assert junit.testcase*.@name*.toString().contains('the internet cannot reach the database')
