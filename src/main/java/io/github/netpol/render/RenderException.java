package io.github.netpol.render;

/**
 * A source that cannot be rendered: a missing tool, a rendering error, a timeout, a remote resource or download,
 * an input outside the project. The message is one sentence for the build log: what failed, where, and what to
 * install or change. Rendering never falls back to reading the files as they are.
 */
public final class RenderException extends Exception {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
