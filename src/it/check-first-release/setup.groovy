import org.eclipse.jgit.api.Git

// Its own repository with one commit and no tag, so auto finds nothing to compare with.
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
git.add().addFilepattern('.').call()
git.commit().setMessage('first').setAuthor('IT', 'it@example.org').setCommitter('IT', 'it@example.org').setSign(false).call()
git.close()
return true
