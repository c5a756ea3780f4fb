package io.github.netpol.maven;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the repository a project lies in: the top of the enclosing git work tree, or without git the
 * top-level project's directory (the root of a multi-module build), else the project's own directory. Report paths
 * are relative to it, and symbolic links under the sources may point only inside it.
 */
final class ProjectRoot {

    private ProjectRoot() {
    }

    /** @param topLevelProject the directory of the build's top-level project, or {@code null} */
    static Path of(Path base, Path topLevelProject) {
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return topLevelProject != null && base.startsWith(topLevelProject) ? topLevelProject : base;
    }

    /** The project's directory relative to the root, with forward slashes ({@code ""} at the root). */
    static String prefix(Path base, Path topLevelProject) {
        return of(base, topLevelProject).relativize(base).toString().replace('\\', '/');
    }
}
