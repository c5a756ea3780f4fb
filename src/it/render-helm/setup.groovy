import java.nio.file.*

// Each version: the chart as it is in that version. v2 widens prod's allowFrom, v3 narrows it.
def copyTree = { Path from, Path to ->
    Files.walk(from).forEach { p ->
        def target = to.resolve(from.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(target)
        } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
def root = basedir.toPath()
if (Files.exists(root.resolve('v1/chart'))) {
    return true // the hook runs before every build of this IT
}
// a release deployed by an earlier run of the build would be "the previous release" of the first one
new File(localRepositoryPath, 'io/github/netpol/it/shop-chart').deleteDir()
['v1', 'v2', 'v3'].each { copyTree(root.resolve('chart'), root.resolve(it + '/chart')) }
Files.writeString(root.resolve('v2/chart/values-prod.yaml'), '''networkPolicy:
  allowFrom:
    - podSelector:
        matchLabels:
          app: frontend
    - namespaceSelector:
        matchLabels:
          team: ops
''')
Files.writeString(root.resolve('v3/chart/values-prod.yaml'), '''networkPolicy:
  allowFrom:
    - podSelector:
        matchLabels:
          app: frontend
          tier: edge
          zone: dmz
''')
return true
