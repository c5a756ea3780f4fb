// A real repository: release v1.0.0 tagged, then the change under review committed on top.
changeMessage = 'add a NetworkPolicy'
return evaluate(new File(itLib, 'tagged-change.groovy'))
