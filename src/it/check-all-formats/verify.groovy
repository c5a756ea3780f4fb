def out = new File(basedir, 'target/netpol')
['check.json', 'check.sarif', 'check.md', 'TEST-netpol-check.xml', 'report.html'].each { name ->
    def f = new File(out, name)
    assert f.isFile() && f.length() > 0 : "missing report ${f}"
}
def log = new File(basedir, 'build.log').text
assert log.contains('[WIDENED_INGRESS/shop/allow-api]')

assert new File(out, 'check.json').text.contains('"WIDENED_INGRESS/shop/allow-api"')
assert new File(out, 'check.sarif').text.contains('"version" : "2.1.0"') || new File(out, 'check.sarif').text.contains('"version":"2.1.0"')
assert new File(out, 'TEST-netpol-check.xml').text.contains('<failure')

def markdown = new File(out, 'check.md').text
def summary = new File(basedir, 'step-summary.md')
assert summary.isFile() : 'GITHUB_STEP_SUMMARY did not receive the summary'
assert summary.text.contains(markdown.readLines().first())
assert summary.text.contains('WIDENED_INGRESS')

// the second run (report goal) replaced report.html with the full page: matrix, isolation, the widening marked
def html = new File(out, 'report.html').text
assert html.contains('netpol check failed: 1 widening')
assert html.contains('<table id="matrix">')
assert html.contains('<table id="isolation">')
assert html.contains('class="allowed widened"')
assert log.contains('netpol: report in ')
return true
