// These builds render with the real Kustomize: kubectl (which carries it) or kustomize must be on the PATH.
// Without either they are skipped with this message; NETPOL_RENDER_TESTS=required (CI) makes that an error.
def onPath = { String name ->
    System.getenv('PATH').split(File.pathSeparator).any { new File(it, name).canExecute() }
}
if (onPath('kubectl') || onPath('kustomize')) {
    return true
}
def message = 'render-kustomize needs kubectl or kustomize on the PATH, and neither is there'
if (System.getenv('NETPOL_RENDER_TESTS') == 'required') {
    throw new IllegalStateException(message + ' (NETPOL_RENDER_TESTS=required)')
}
println '[WARNING] SKIPPED: ' + message + '; install kubectl to run it'
return false
