def log = new File(basedir, 'build.log').text
println log.readLines().findAll { it.contains('netpol') || it.contains('error') }.join('\n')
return true
