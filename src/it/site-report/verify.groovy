// both site builds passed despite the widening; each site holds the netpol page and links it
['site', 'site-doxia1'].each { dir ->
    def site = new File(basedir, "target/${dir}")
    def page = new File(site, 'netpol-report.html')
    assert page.isFile() : "no netpol page in ${site}"
    def html = page.text
    assert html.contains('netpol check failed: 1 widening')
    assert html.contains('<table id="matrix">')
    assert html.contains('class="allowed widened"')

    def reports = new File(site, 'project-reports.html')
    assert reports.isFile() : "no project-reports.html in ${site}"
    assert reports.text =~ /<a href="netpol-report.html"[^>]*>NetworkPolicies<\/a>/ : "${reports} does not link the netpol page"
}
def log = new File(basedir, 'build.log').text
assert log.contains('netpol: site report in ')
// a report, not a gate: the standalone goal's directory stays untouched by the site
assert !new File(basedir, 'target/netpol').exists()
return true
