package dev.mamori.bench;

/** A scenario cannot go on; its message says why in words a reader of the report understands. */
class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
