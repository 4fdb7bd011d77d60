package dev.mamori.request.client;

/**
 * What one attempt to deliver a task got: success with the answer's body, or a failure that is worth retrying
 * (target down, timeout, 5xx, 408, 409, 429) or not (another 4xx: resending the same call cannot succeed).
 */
public record Delivery(boolean ok, boolean retryable, Integer httpStatus, String body, String error) {

    public static Delivery ok(int status, String body) {
        return new Delivery(true, false, status, body, null);
    }

    public static Delivery failed(Integer status, String error) {
        boolean retryable = status == null || status >= 500 || status == 408 || status == 409 || status == 429
                || status == 401;
        return new Delivery(false, retryable, status, null, error);
    }
}
