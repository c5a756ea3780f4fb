package io.github.netpol.baseline;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders the build's environments from another copy of the project: a git ref checked out into the build's
 * directory, or a {@code dir:} baseline. The same renders, with the same settings, as for the current sources.
 */
public interface EnvironmentRenderer {

    /**
     * Every environment whose directory exists in the copy, rendered; one whose directory is not there (it is new
     * since) is left out.
     *
     * @param projectDir the copy's directory that stands for the project's base directory
     * @param root       where the renders' inputs must lie: the whole checkout, or the directory
     * @param label      a directory name for the output of these renders, e.g. {@code git-3f2a1c9d4e5f}
     * @throws BaselineException when an environment that is there cannot be rendered
     */
    List<RenderedFiles> render(Path projectDir, Path root, String label) throws BaselineException;

    /**
     * A directory that is itself a Kustomize directory or a chart, rendered as the build's one environment.
     *
     * @throws BaselineException when the build has more than one environment, or a render fails
     */
    RenderedFiles renderAsTheEnvironment(Path dir, String label) throws BaselineException;
}
