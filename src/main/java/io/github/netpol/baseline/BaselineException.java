package io.github.netpol.baseline;

/** The baseline that was asked for cannot be had; the message says what was tried and how to fix it. */
public class BaselineException extends Exception {
    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
