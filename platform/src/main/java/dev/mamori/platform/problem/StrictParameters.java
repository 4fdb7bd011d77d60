package dev.mamori.platform.problem;

import dev.mamori.platform.text.StorableText;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Path and query values are read as strictly as bodies. JAX-RS answers a query or path value it cannot convert
 * ({@code limit=abc}) with 404, as if the resource did not exist, and passes text PostgreSQL cannot store (a NUL)
 * through to the database, which fails with a 500. This filter runs after matching and before the values are
 * converted, and answers 400 problem+json naming the parameter instead.
 */
public class StrictParameters {

    private record Declared(String name, boolean query, Class<?> type) {}

    /**
     * The typed parameters of each resource method, keyed by the framework's per-method resource info so that the
     * hot path (a decision is one call) does no reflection after the first call; bounded in case an implementation
     * hands out a new info per request.
     */
    private static final Map<SimpleResourceInfo, List<Declared>> DECLARED = new ConcurrentHashMap<>();

    private static final int MAX_DECLARED = 10_000;

    @ServerRequestFilter
    public Response checkParameters(ContainerRequestContext request, SimpleResourceInfo resource) {
        List<Problem.FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        text(query, errors);
        text(path, errors);
        if (errors.isEmpty() && resource != null && resource.getResourceClass() != null) {
            for (Declared declared : declared(resource)) {
                List<String> values = (declared.query() ? query : path).get(declared.name());
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    String problem = conversionProblem(declared.type(), value);
                    if (problem != null) {
                        errors.add(new Problem.FieldError(declared.name(), problem));
                        break;
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return ProblemMapper.respond(new Problem(
                Problem.type("validation"),
                "Request is not valid",
                400,
                detail,
                request.getUriInfo().getPath(),
                errors));
    }

    private static void text(MultivaluedMap<String, String> values, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = StorableText.isStorable(entry.getKey()) ? entry.getKey() : "(parameter name)";
            for (String value : entry.getValue()) {
                String problem = StorableText.problem(entry.getKey());
                if (problem == null) {
                    problem = StorableText.problem(value);
                }
                if (problem != null) {
                    errors.add(new Problem.FieldError(name, problem));
                    break;
                }
            }
        }
    }

    private static List<Declared> declared(SimpleResourceInfo resource) {
        List<Declared> known = DECLARED.get(resource);
        if (known != null) {
            return known;
        }
        if (DECLARED.size() >= MAX_DECLARED) {
            DECLARED.clear();
        }
        return DECLARED.computeIfAbsent(resource, info -> {
            Method m;
            try {
                m = info.getResourceClass().getMethod(info.getMethodName(), info.parameterTypes());
            } catch (NoSuchMethodException e) {
                return List.of(); // not a public method: nothing typed to check
            }
            List<Declared> found = new ArrayList<>();
            for (Parameter parameter : m.getParameters()) {
                QueryParam q = parameter.getAnnotation(QueryParam.class);
                PathParam p = parameter.getAnnotation(PathParam.class);
                if (q == null && p == null) {
                    continue;
                }
                Class<?> type = parameter.getType();
                if (Collection.class.isAssignableFrom(type)) {
                    Type generic = parameter.getParameterizedType();
                    type = generic instanceof ParameterizedType pt
                                    && pt.getActualTypeArguments()[0] instanceof Class<?> c
                            ? c
                            : String.class;
                }
                if (type != String.class) {
                    found.add(new Declared(q != null ? q.value() : p.value(), q != null, type));
                }
            }
            return List.copyOf(found);
        });
    }

    /** Why {@code value} does not convert to {@code type}, or null when it does (or the type is not ours to judge). */
    static String conversionProblem(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    return "must be true or false";
                }
            } else if (type == UUID.class) {
                if (value.length() != 36) {
                    return "is not a valid UUID";
                }
                UUID.fromString(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == OffsetDateTime.class) {
                OffsetDateTime.parse(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return null;
                    }
                }
                if (hasStatic(type, "fromString")) {
                    return null; // the enum reads its own spellings
                }
                List<String> names = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    names.add(((Enum<?>) constant).name());
                }
                return "must be one of " + names;
            } else {
                return null;
            }
            return null;
        } catch (RuntimeException e) {
            return "is not a valid "
                    + (type == int.class || type == long.class ? "integer" : ProblemMapper.typeName(type));
        }
    }

    private static boolean hasStatic(Class<?> type, String name) {
        try {
            return Modifier.isStatic(type.getMethod(name, String.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
