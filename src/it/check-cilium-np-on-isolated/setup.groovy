// A real repository: release v1.0.0 tagged, then the change under review committed on top.
changeMessage = 'let monitoring scrape the db'
return evaluate(new File(itLib, 'tagged-change.groovy'))
