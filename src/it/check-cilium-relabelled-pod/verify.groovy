// written once the behaviour is known
return false
