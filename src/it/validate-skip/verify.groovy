def log = new File(basedir, 'build.log').text
assert log.contains('netpol: skipped (netpol.skip=true)')
assert !log.contains('[unknown-field]')
assert !new File(basedir, 'target/netpol/validate.json').exists()
