// A real repository: release v1.0.0 tagged, then the change under review committed on top.
changeMessage = 'reach any db'
return evaluate(new File(itLib, 'tagged-change.groovy'))
