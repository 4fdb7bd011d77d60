package dev.mamori.launcher;

/** The suite could not be started (or a call to it failed); the message says which part and why. */
public class SuiteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
