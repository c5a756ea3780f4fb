import org.eclipse.jgit.api.Git
import java.nio.file.*

// Each project: its own repository, the release v1.0.0 (common/), then the change under review (<project>/next/).
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
['smp', 'json6902', 'narrow'].each { name ->
    def dir = root.resolve(name)
    if (Files.exists(dir.resolve('.git'))) {
        return // the hook runs before every build of this IT
    }
    def next = root.resolve('next-' + name)
    Files.move(dir.resolve('next'), next)
    copyTree(root.resolve('common'), dir)
    def git = Git.init().setDirectory(dir.toFile()).setInitialBranch('main').call()
    def commit = { String message ->
        git.add().addFilepattern('.').call()
        git.commit().setMessage(message).setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
    }
    Files.writeString(dir.resolve('.gitignore'), 'target/\n')
    commit('release 1.0.0')
    git.tag().setName('v1.0.0').call()
    copyTree(next, dir)
    commit('the change under review')
    git.close()
}
return true
