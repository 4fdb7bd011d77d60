package dev.mamori.request.client;

/**
 * What one attempt to deliver a task got: success with the answer's body, or a failure that is worth retrying
 * (target down, timeout, 5xx, 408, 409, 429) or not (another 4xx: resending the same call cannot succeed).
 * {@code note} says why a success is not the plain one (e.g. a stop that was already in force); the operator sees it
 * on the task.
 */
public record Delivery(boolean ok, boolean retryable, Integer httpStatus, String body, String error, String note) {

    public Delivery(boolean ok, boolean retryable, Integer httpStatus, String body, String error) {
        this(ok, retryable, httpStatus, body, error, null);
    }

    public static Delivery ok(int status, String body) {
        return new Delivery(true, false, status, body, null, null);
    }

    /** The target refused the call because what it asks is already so: the person's wish is met. */
    public static Delivery alreadyDone(int status, String body, String note) {
        return new Delivery(true, false, status, body, null, note);
    }

    public static Delivery failed(Integer status, String error) {
        boolean retryable =
                status == null || status >= 500 || status == 408 || status == 409 || status == 429 || status == 401;
        return new Delivery(false, retryable, status, null, error, null);
    }
}
