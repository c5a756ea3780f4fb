import org.eclipse.jgit.api.Git
import java.nio.file.*

// A real repository: release v1.0.0 tagged, then the change under review committed on top.
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
commit('deny becomes pass')
git.close()
return true
