import org.eclipse.jgit.api.Git
import java.nio.file.*

// git-baseline: its own repository with a release tag; target/ is ignored, as in every Maven project
def dir = basedir.toPath().resolve('git-baseline')
if (Files.exists(dir.resolve('.git'))) {
    return true // the hook runs before every build of this IT
}
Files.writeString(dir.resolve('.gitignore'), 'target/\n')
def git = Git.init().setDirectory(dir.toFile()).setInitialBranch('main').call()
def commit = { String message ->
    git.add().addFilepattern('.').call()
    git.commit().setMessage(message).setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
}
commit('release 1.0.0')
git.tag().setName('v1.0.0').call()
Files.writeString(dir.resolve('src/main/jkube/namespace.yaml'), Files.readString(dir.resolve('src/main/jkube/namespace.yaml'))
        .replace('policyTypes: [Ingress]', 'policyTypes: [Ingress]\n  ingress: [{}]'))
commit('the change under review: the default-deny opens')
git.close()
return true
