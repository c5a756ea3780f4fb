import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
assert log.contains('comparing with directory baseline')
assert log.contains('[WIDENED_INGRESS/shop/allow-api]')
// the second run (failOn=none) reports the widening as a warning and passes
assert log.contains('netpol check passed against directory baseline')

// both files' parses are kept in the local repository by the SHA-256 of their bytes (in a directory of the plugin
// build), and the second run reads them from there instead of parsing
def cache = new File(localRepositoryPath, '.cache/netpol-maven-plugin/parsed')
def kept = []
cache.eachFileRecurse { if (it.name.endsWith('.bin')) kept << it.name }
for (String path : ['src/main/kubernetes/policies.yaml', 'baseline/policies.yaml']) {
    def hex = MessageDigest.getInstance('SHA-256').digest(new File(basedir, path).bytes).encodeHex().toString()
    assert kept.contains(hex + '.yaml.bin') : path
}
def second = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }[1]
assert second.contains('both versions read and validated (file contents: 0 parsed, 2 from the parse cache)')
return true
