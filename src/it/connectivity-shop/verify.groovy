def dir = new File(basedir, 'target/netpol')
def lines = new File(dir, 'connectivity.txt').readLines()
// the storefront reaches the api on the api's http port, and nothing else of the shop
assert lines.contains('shop/web[Deployment] => shop/api[Deployment] : TCP 8081')
// the db is reachable only from the api, on the postgres port
assert lines.findAll { it.contains('=> shop/db[') } == ['shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432']
// the internet (minus 10.0.0.0/8) reaches the storefront's http port
assert lines.contains('0.0.0.0-9.255.255.255[External] => shop/web[Deployment] : TCP 8080')
assert lines.contains('11.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 8080')
['json', 'md', 'csv', 'dot'].each { assert new File(dir, "connectivity.$it").isFile() }
def json = new groovy.json.JsonSlurper().parse(new File(dir, 'connectivity.json'))
assert json.workloads.find { it.id == 'shop/StatefulSet/db' }
assert json.connections.find { it.source == 'shop/Deployment/api' && it.destination == 'shop/StatefulSet/db' }
        .protocols.TCP == [[5432, 5432]]
def log = new File(basedir, 'build.log').text
assert log.contains('shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432')
assert log.contains('netpol connectivity: 9 connections between')
