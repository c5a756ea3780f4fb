def log = new File(basedir, 'build.log').text
// allowed, but blocked: the counterexample and the isolating policies with their lines
assert log.contains("src/test/netpol/payments.yaml:6:5: error: 'web reaches the db' expected allowed")
assert log.contains("but a pod with app=web in namespace payments (namespace labels env=prod) -> a pod with app=db in namespace payments (namespace labels env=prod) on TCP 5432 (the port it names 'postgres') is denied")
assert log.contains('ingress of the destination: blocked, the destination is isolated for ingress by payments/default-deny (src/main/kubernetes/payments.yaml:33:3), payments/db (src/main/kubernetes/payments.yaml:42:3) and no ingress rule matches')
// denied, but allowed: the rule that lets it in
assert log.contains("src/test/netpol/payments.yaml:11:5: error: 'api never reaches the db' expected denied")
assert log.contains('ingress of the destination: allowed by payments/db ingress[0].from[0] (src/main/kubernetes/payments.yaml:46:11)')
assert log.contains('netpol test: FAILED, 2 of 3 assertions failed (1 file)')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/netpol/TEST-netpol-test.xml'))
assert junit.@tests == '3'
assert junit.@failures == '2'
def failed = junit.testcase.findAll { it.failure.size() > 0 }*.@name*.toString()
assert failed == ['web reaches the db', 'api never reaches the db']
