import org.eclipse.jgit.api.Git
import java.nio.file.*

// upstream: the project committed, tagged v1.0.0, then one more commit; shallow: a clone of depth 1 (the default
// CI checkout), which holds the newest commit only, so the tag is not reachable from HEAD.
def dir = basedir.toPath()
def upstream = dir.resolve('upstream')
def shallow = dir.resolve('shallow')
if (Files.exists(shallow)) {
    return true // the hook runs before every build of this project
}
def template = dir.resolve('project')
Files.walk(template).each { p ->
    def target = upstream.resolve(template.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target)
    }
}
def git = Git.init().setDirectory(upstream.toFile()).setInitialBranch('main').call()
def commit = { String message ->
    git.add().addFilepattern('.').call()
    git.commit().setMessage(message).setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
}
commit('release 1.0.0')
git.tag().setName('v1.0.0').call()
def policies = upstream.resolve('src/main/kubernetes/policies.yaml')
Files.writeString(policies, Files.readString(policies) + '# next\n')
commit('next')
git.close()
Git.cloneRepository().setURI(upstream.toUri().toString()).setDirectory(shallow.toFile()).setDepth(1).call().close()
assert Files.exists(shallow.resolve('.git/shallow'))
return true
