package io.github.netpol.report;

import io.github.netpol.finding.Finding;

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

    /** {@code path:line} of a finding relative to the repository root, or {@code ""} when it has no file. */
    static String where(Finding finding, String repositoryPrefix) {
        if (finding.location() == null || finding.location().file() == null) {
            return "";
        }
        return of(repositoryPrefix, finding.location().file()) + ":" + finding.location().line();
    }
}
