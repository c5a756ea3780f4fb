import org.eclipse.jgit.api.Git
import java.nio.file.*

// Its own repository, so the project's root (where links may point) is this directory. Links are made here rather
// than kept in src/it, which the invoker copies without them.
def dir = basedir.toPath()
if (Files.exists(dir.resolve('.git'))) {
    return true // the hook runs before every build of this project
}
Git.init().setDirectory(basedir).setInitialBranch('main').call().close()
Files.createSymbolicLink(dir.resolve('src/main/kubernetes/shared'), Paths.get('../../../shared-policies'))

// beyond the root: a policy that would widen everything, with a marker no report may ever show
def outside = dir.resolveSibling('check-symlinks-outside')
Files.createDirectories(outside)
Files.writeString(outside.resolve('secret.yaml'), '''apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: leaked-3f9c
  namespace: shop
  labels: {marker: leak-marker-3f9c}
spec:
  podSelector: {}
  ingress:
  - {}
''')
def leaky = Files.createDirectories(dir.resolve('src/leaky'))
Files.copy(dir.resolve('src/main/kubernetes/policies.yaml'), leaky.resolve('policies.yaml'))
Files.createSymbolicLink(leaky.resolve('passwd.yaml'), Paths.get('/etc/passwd'))
Files.createSymbolicLink(leaky.resolve('secret.yaml'), Paths.get('../../../check-symlinks-outside/secret.yaml'))
Files.createSymbolicLink(leaky.resolve('outside'), Paths.get('../../../check-symlinks-outside'))
return true
