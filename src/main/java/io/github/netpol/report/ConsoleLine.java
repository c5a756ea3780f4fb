package io.github.netpol.report;

/** One line of a goal's console output and the log level it is printed at. */
public record ConsoleLine(Level level, String text) {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    /** Where a goal's console lines go: Maven's log, or the record a forked check hands back. */
    @FunctionalInterface
    public interface Sink {
        void accept(ConsoleLine line);

        default void debug(String text) {
            accept(new ConsoleLine(Level.DEBUG, text));
        }

        default void info(String text) {
            accept(new ConsoleLine(Level.INFO, text));
        }
    }
}
