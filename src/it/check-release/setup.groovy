import org.eclipse.jgit.api.Git
import java.nio.file.*

// Its own repository with v1's sources tagged v1.0.0, so that auto would have a git tag to fall back to.
if (Files.exists(basedir.toPath().resolve('.git'))) {
    return true // the hook runs before every build of this project
}
// deploy installs each release into the build's local repository too, which outlives this directory: a release
// left there by an earlier run of the build would be "the previous release" of the first one
new File(localRepositoryPath, 'io/github/netpol/it/shop-policies').deleteDir()
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
git.add().addFilepattern('.').call()
git.commit().setMessage('release 1.0.0').setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
git.tag().setName('v1.0.0').call()
Files.writeString(basedir.toPath().resolve('README'), 'next\n')
git.add().addFilepattern('.').call()
git.commit().setMessage('next').setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
git.close()
return true
