package io.github.netpol.report;

/** Turns a project-relative file into the repository-relative path that code hosts annotate. */
final class RepositoryPath {

    private RepositoryPath() {
    }

    static String of(String repositoryPrefix, String file) {
        String prefix = repositoryPrefix == null ? "" : repositoryPrefix.replace('\\', '/');
        String path = file.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (prefix.isEmpty() || prefix.equals(".")) {
            return path;
        }
        return prefix.endsWith("/") ? prefix + path : prefix + "/" + path;
    }
}
