package dev.mamori.thirdparty.client;

/**
 * consent-service refused the call itself (a 4xx other than 404): retrying cannot help and the service is not
 * failing, so neither the retry nor the circuit breaker counts it.
 */
public class ConsentRejected extends RuntimeException {

    private final int status;

    public ConsentRejected(int status, String detail) {
        super("consent-service answered " + status + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
