import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text

// the parent: one info line, no warning, nothing attached
def aggregatorLines = log.readLines().findAll { it.contains('netpol: reactor-aggregator is an aggregator') }
assert aggregatorLines.size() == 1 : aggregatorLines
assert aggregatorLines[0].startsWith('[INFO] ')
assert !log.contains('does not exist')
assert !log.readLines().any { it.startsWith('[WARNING]') && it.contains('netpol') } : 'no netpol warning'
assert !new File(basedir, 'target/netpol').exists()
def installed = new File(localRepositoryPath, 'io/github/netpol/it/reactor-aggregator/1.0')
assert installed.list().findAll { it.endsWith('-netpol.yaml') }.isEmpty()
assert new File(localRepositoryPath, 'io/github/netpol/it/a/1.0/a-1.0-netpol.yaml').isFile()

// every module's SARIF has its own category, and paths from the repository root
['a', 'b'].each { m ->
    def sarif = new JsonSlurper().parse(new File(basedir, "$m/target/netpol/check.sarif"))
    assert sarif.runs[0].automationDetails.id == "netpol/check/$m/"
    def validate = new JsonSlurper().parse(new File(basedir, "$m/target/netpol/validate.sarif"))
    assert validate.runs[0].automationDetails.id == "netpol/validate/$m/"
}

// the plugin's jar tells Eclipse m2e what to do with each goal
def jar = new File(localRepositoryPath, "io/github/netpol/netpol-maven-plugin/${netpolVersion}/netpol-maven-plugin-${netpolVersion}.jar")
assert jar.isFile() : jar
new ZipFile(jar).withCloseable { zip ->
    def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
    assert entry != null
    def xml = new groovy.xml.XmlSlurper().parse(zip.getInputStream(entry))
    def actions = [:]
    xml.pluginExecutions.pluginExecution.each { pe ->
        pe.pluginExecutionFilter.goals.goal.each { g ->
            actions[g.text()] = pe.action.ignore.size() > 0 ? 'ignore'
                    : pe.action.execute.runOnIncremental.text() == 'true' ? 'incremental' : 'full'
        }
    }
    assert actions == [validate: 'incremental', test: 'incremental', check: 'full', bundle: 'ignore', report: 'ignore', connectivity: 'ignore'] : actions
    // every goal it names is a goal of the plugin, and every goal of the plugin is named
    def descriptor = new groovy.xml.XmlSlurper().parse(zip.getInputStream(zip.getEntry('META-INF/maven/plugin.xml')))
    def goals = descriptor.mojos.mojo.goal*.text() as Set
    assert goals - 'help' == actions.keySet() : goals // help is never bound to a phase
}
