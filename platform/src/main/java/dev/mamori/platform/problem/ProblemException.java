package dev.mamori.platform.problem;

import java.util.List;

/**
 * A refusal the caller can act on. Thrown anywhere below a resource; {@link ProblemMapper} turns it into an
 * RFC 9457 document. Because it is thrown inside the transaction, nothing the call started is committed.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(404, "not-found", "Not found", resource + " " + id + " does not exist", null);
    }

    public static ProblemException badRequest(String kind, String detail) {
        return new ProblemException(400, kind, "Bad request", detail, null);
    }

    public static ProblemException forbidden(String kind, String detail) {
        return new ProblemException(403, kind, "Forbidden", detail, null);
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(409, kind, "Conflict", detail, null);
    }

    /** A well-formed request that breaks a rule of the domain; {@code field} names what to fix. */
    public static ProblemException unprocessable(String kind, String title, String field, String detail) {
        return new ProblemException(
                422, kind, title, detail, field == null ? null : List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                "Request is not valid",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * Extension members of the problem document (RFC 9457 §3.2), e.g. the per-person failures of a refused
     * provision. Subclasses override it; the mapper adds them beside the standard members.
     */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(kind), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }
}
