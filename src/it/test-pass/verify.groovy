def log = new File(basedir, 'build.log').text
assert log.contains('netpol test: passed, 0 of 2 assertions failed (1 file)')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/netpol/TEST-netpol-test.xml'))
assert junit.@tests == '2'
assert junit.@failures == '0'
