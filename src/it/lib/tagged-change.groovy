import org.eclipse.jgit.api.Git
import java.nio.file.*

// Shared by the setup scripts of the check-* ITs that gate a change against a git tag: a real repository with
// v1/policies.yaml released as v1.0.0 (tagged), then v2/policies.yaml committed on top with `changeMessage`,
// which the calling script sets before evaluating this one.
def dir = basedir.toPath()
def sources = dir.resolve('src/main/kubernetes')
Files.createDirectories(sources)
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
def commit = { String message ->
    git.add().addFilepattern('.').call()
    git.commit().setMessage(message).setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
}
Files.copy(dir.resolve('v1/policies.yaml'), sources.resolve('policies.yaml'), StandardCopyOption.REPLACE_EXISTING)
commit('release 1.0.0')
git.tag().setName('v1.0.0').call()
Files.copy(dir.resolve('v2/policies.yaml'), sources.resolve('policies.yaml'), StandardCopyOption.REPLACE_EXISTING)
commit(changeMessage)
git.close()
return true
