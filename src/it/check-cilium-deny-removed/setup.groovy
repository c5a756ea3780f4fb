// A real repository: release v1.0.0 tagged, then the change under review committed on top.
changeMessage = 'drop the batch deny'
return evaluate(new File(itLib, 'tagged-change.groovy'))
