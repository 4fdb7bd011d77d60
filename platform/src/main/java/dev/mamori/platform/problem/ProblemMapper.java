package dev.mamori.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where anything that goes wrong becomes an RFC 9457 {@code application/problem+json} answer.
 * Whatever a caller can send maps to a 4xx with a stable {@code type}; only a fault of ours is a 500, and its body
 * carries an id to find the log line, never an exception class or a stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final CurrentIdentityAssociation identity;

    public ProblemMapper(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Problem problem = e.toProblem(request.path());
        if (e.extensions().isEmpty()) {
            return respond(problem);
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", problem.instance());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        e.extensions().forEach(body::putIfAbsent);
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(
                new Problem(Problem.type("validation"), "Request is not valid", 400, detail, request.path(), errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(bodyProblem(e, request));
    }

    /** Declared on its own: Quarkus ships a mapper for this subtype, and the most specific mapper wins. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return respond(bodyProblem(e, request));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem(
                Problem.type("forbidden"),
                "Forbidden",
                403,
                "The token's roles do not allow this operation",
                request.path(),
                null));
    }

    @ServerExceptionMapper
    public Uni<Response> web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 404 || status == 405 || status == 406 || status == 415) {
            // Refused while the request was matched to a method (its path, its HTTP method, its media types), that
            // is before the method's role check authenticates the caller (authentication is lazy). The caller learns
            // what the API has and how it may be called only once it has shown a valid token: without one it gets
            // the 401 that every endpoint answers. (A resource the service looks up and misses is a
            // ProblemException, not this.)
            return identity.getDeferredIdentity()
                    .map(caller -> caller.isAnonymous() ? unauthenticated(request) : webProblem(e, request))
                    .onFailure(AuthenticationFailedException.class)
                    .recoverWithItem(() -> unauthenticated(request));
        }
        return Uni.createFrom().item(webProblem(e, request));
    }

    private Response webProblem(WebApplicationException e, HttpServerRequest request) {
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return respond(bodyProblem(json, request));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        String kind =
                switch (status) {
                    case 400 -> "bad-request";
                    case 404 -> "not-found";
                    case 405 -> "method-not-allowed";
                    case 406 -> "not-acceptable";
                    case 413 -> "payload-too-large";
                    case 415 -> "unsupported-media-type";
                    default -> "http-" + status;
                };
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No resource at " + request.path() : title;
        return respond(new Problem(Problem.type(kind), title, status, detail, request.path(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // A unique-key race that slipped past a service's own check is the caller's conflict, not our fault. It
        // arrives as the reactive driver's PgException or, through Hibernate, as a JDBC SQLException.
        Throwable cause = e;
        while (cause != null) {
            String state = cause instanceof java.sql.SQLException sql
                    ? sql.getSQLState()
                    : cause.getClass().getName().equals("io.vertx.pgclient.PgException") ? sqlState(cause) : null;
            if ("23505".equals(state)) {
                return respond(new Problem(
                        Problem.type("conflict"),
                        "Conflict",
                        409,
                        "The resource already exists",
                        request.path(),
                        null));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        ProblemException problem = causeOf(e, ProblemException.class);
        if (problem != null) {
            return problem(problem, request);
        }
        return internal(e, request);
    }

    private Response internal(Throwable e, HttpServerRequest request) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s on %s %s", incident, request.method(), request.path());
        return respond(new Problem(
                Problem.type("internal"),
                "Internal error",
                500,
                "An internal error occurred; quote incident " + incident,
                request.path(),
                null));
    }

    private Response unauthenticated(HttpServerRequest request) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        Problem.type("unauthorized"),
                        "Unauthorized",
                        401,
                        "A valid bearer token is required",
                        request.path(),
                        null))
                .build();
    }

    private static Problem bodyProblem(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidFormatException invalid
                    && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                message = "must be one of "
                        + Arrays.toString(invalid.getTargetType().getEnumConstants());
            } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
                message = "is not a valid " + typeName(invalid.getTargetType());
            } else {
                message = "has the wrong type or shape";
            }
            return new Problem(
                    Problem.type("validation"),
                    "Request is not valid",
                    400,
                    field + ": " + message,
                    request.path(),
                    List.of(new Problem.FieldError(field, message)));
        }
        return new Problem(
                Problem.type("malformed-body"),
                "Body is not valid JSON",
                400,
                "The request body could not be read as JSON",
                request.path(),
                null);
    }

    /** How a value's type is named to a caller, in body and parameter errors alike. */
    static String typeName(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> "RFC 3339 date-time";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "UUID";
            case "Integer", "Long" -> "integer";
            default -> type.getSimpleName().toLowerCase();
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The field as the caller named it: drop the Java method and parameter nodes, keep the body's own path. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
                continue;
            }
            // An index or key belongs to the container named by the node before it: checks[0].subjectRef.
            if (node.isInIterable() && !names.isEmpty()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + at + "]");
                }
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            names.add(node.getName());
        }
        // A body parameter's own name says nothing to the caller; a query or path parameter's name is the field.
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static String sqlState(Throwable pgException) {
        try {
            return (String) pgException.getClass().getMethod("getSqlState").invoke(pgException);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        Throwable cause = e;
        while (cause != null) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return null;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
