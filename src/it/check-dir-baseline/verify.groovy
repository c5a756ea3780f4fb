def log = new File(basedir, 'build.log').text
assert log.contains('comparing with directory baseline')
assert log.contains('[WIDENED_INGRESS/shop/allow-api]')
// the second run (failOn=none) reports the widening as a warning and passes
assert log.contains('netpol check passed against directory baseline')
return true
