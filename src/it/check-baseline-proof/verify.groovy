// build.log holds the three builds one after the other
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('[INFO] Building ') }
assert builds.size() == 3

def shallowAuto = builds[0]
assert shallowAuto.contains('auto: no git tag before HEAD, but the clone is shallow')
assert shallowAuto.contains('fetch-depth: 0')
assert shallowAuto.contains("git fetch --unshallow --tags")
assert !shallowAuto.contains('this is a first release')
assert shallowAuto.contains('BUILD FAILURE')

def shallowTag = builds[1]
assert shallowTag.contains('git:tag: no git tag before HEAD, but the clone is shallow')
assert shallowTag.contains('fetch-depth: 0')

def unreachable = builds[2]
assert unreachable.contains('auto: a repository did not answer (repository unreachable (http://127.0.0.1:9/): ')
assert unreachable.contains('so it is unknown whether a release of io.github.netpol.it:baseline-proof-unreachable below 1.1.0-SNAPSHOT exists')
assert unreachable.contains('Fix the repository')
assert !unreachable.contains('this is a first release')
return true
