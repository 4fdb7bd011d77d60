package dev.mamori.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * The table-driven tenant-isolation check every service runs over its own OpenAPI document: for each operation
 * whose path names one resource ({@code {id}}, {@code {code}}, {@code {ref}}), a real resource of {@link #OWNER} is
 * created and the operation is called with a token of {@link #OTHER} whose role the operation allows. The answer
 * must be 404 problem+json, exactly as for an id that does not exist, and a write must leave the owner's resource
 * as it was.
 *
 * <p>The table is the OpenAPI document: an operation with a path parameter that no fixture covers fails the check,
 * so a new resource cannot skip it. Each service's test supplies, per path template, a way to create one resource
 * of the owner (the fixture covers every operation under that template), request bodies for writes that validate
 * their body before they look the resource up, and the few templates that are not a tenant's resource (with the
 * reason).
 */
public final class TenantIsolation {

    public static final String OWNER = "tenant-a";
    /** In the owner's company group, so a resource that leaks through a group check is caught too. */
    public static final String OTHER = "tenant-b";
    /** In no group: the other tenant for resources the group legitimately shares. */
    public static final String OUTSIDER = "tenant-c";

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private final Map<String, Supplier<Map<String, String>>> fixtures = new LinkedHashMap<>();
    private final Map<String, Supplier<Map<String, String>>> ownNamespace = new LinkedHashMap<>();
    private final Map<String, String> exempt = new LinkedHashMap<>();
    private final Map<String, String> groupShared = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> created = new LinkedHashMap<>();
    /** Per own-namespace template: which of the owner's ids appeared in the owner's own reads. */
    private final Map<String, java.util.Set<String>> seen = new LinkedHashMap<>();

    private final String owner;

    private TenantIsolation(String owner) {
        this.owner = owner;
    }

    /** A table whose resources belong to {@link #OWNER}. */
    public static TenantIsolation table() {
        return new TenantIsolation(OWNER);
    }

    /**
     * A table whose resources belong to {@code owner}, for services whose tests keep each tenant's data apart
     * (a purge acts on the whole tenant); its tokens carry the same company group as {@link #OTHER}'s.
     */
    public static TenantIsolation table(String owner) {
        return new TenantIsolation(owner);
    }

    /**
     * {@code template} (e.g. {@code /v1/consents/{id}}) names one resource; {@code create} makes one as
     * {@link #OWNER} and answers the value of each path parameter. It covers the template and every path below it.
     */
    public TenantIsolation resource(String template, Supplier<Map<String, String>> create) {
        fixtures.put(template, create);
        return this;
    }

    /**
     * Like {@link #resource}, for a resource the owner's company group may read (joint use, APPI Art. 27(5)(iii)):
     * {@link #OTHER} is in that group, so {@link #OUTSIDER} is the tenant that must see 404.
     */
    public TenantIsolation groupShared(String template, Supplier<Map<String, String>> create, String reason) {
        Assertions.assertFalse(reason == null || reason.isBlank(), template + " is group-shared without a reason");
        groupShared.put(template, reason);
        return resource(template, create);
    }

    /**
     * A template whose parameter is a name inside the caller's own tenant, not a resource id, e.g. a data subject's
     * ref: {@link #OTHER} asking about the owner's {@code cust-1} is asking about its own {@code cust-1}. Reads
     * under it must answer {@link #OTHER}'s (empty) view and never contain any value {@code create} answers (the
     * owner's ids); writes must leave the owner's read of the template unchanged.
     */
    public TenantIsolation ownNamespace(String template, Supplier<Map<String, String>> create) {
        ownNamespace.put(template, create);
        return this;
    }

    /** A template that is no tenant's resource at all; {@code reason} says why, so a reviewer can disagree. */
    public TenantIsolation tenantLess(String template, String reason) {
        Assertions.assertFalse(reason == null || reason.isBlank(), template + " is exempted without a reason");
        exempt.put(template, reason);
        return this;
    }

    /** The body for {@code method template} (e.g. {@code "POST", "/v1/consents/{id}/withdraw"}) when {} is invalid. */
    public TenantIsolation body(String method, String template, String json) {
        bodies.put(method.toLowerCase() + " " + template, json);
        return this;
    }

    /**
     * Runs the check over every operation of the running service's OpenAPI document; {@code minimum} guards against
     * templates that stopped matching (a renamed path would otherwise shrink the check without a sound).
     */
    public void verify(int minimum) {
        List<SecurityContract.Operation> operations = SecurityContract.operations();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (SecurityContract.Operation op : operations) {
            if (!PARAM.matcher(op.path()).find()) {
                continue;
            }
            if (covering(exempt.keySet(), op.path()).isPresent()) {
                continue;
            }
            Optional<String> own = covering(ownNamespace.keySet(), op.path());
            Optional<String> resource = covering(fixtures.keySet(), op.path());
            String template = resource.orElse(own.orElse(null));
            if (resource.isPresent()
                    && own.isPresent()
                    && own.get().length() > resource.get().length()) {
                template = own.get();
            }
            if (template == null) {
                failures.add(op + ": no tenant-isolation fixture covers it; add one (or list it as tenant-less "
                        + "with the reason)");
                continue;
            }
            boolean isOwnNamespace = template.equals(own.orElse(null));
            Supplier<Map<String, String>> create = isOwnNamespace ? ownNamespace.get(template) : fixtures.get(template);
            String failure = check(op, template, isOwnNamespace, create, operations);
            checked++;
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (checked < minimum) {
            failures.add("expected at least " + minimum + " operations with a path parameter to be checked, checked "
                    + checked);
        }
        created.forEach((template, params) -> {
            if (!ownNamespace.containsKey(template)) {
                return;
            }
            for (String key : params.keySet()) {
                if (!isParam(template, key)
                        && !seen.getOrDefault(template, java.util.Set.of()).contains(key)) {
                    failures.add(template + ": the owner's " + key + " appears in none of the owner's own reads, "
                            + "so a leak of it could not be seen; return only ids the reads show");
                }
            }
        });
        unused(fixtures.keySet(), operations, failures);
        unused(ownNamespace.keySet(), operations, failures);
        unused(exempt.keySet(), operations, failures);
        for (String key : bodies.keySet()) {
            if (operations.stream().noneMatch(op -> (op.method() + " " + op.path()).equals(key))) {
                failures.add(key + ": a body is given but no operation has this method and path");
            }
        }
        Assertions.assertTrue(failures.isEmpty(), "tenant isolation:\n  " + String.join("\n  ", failures));
    }

    private String check(
            SecurityContract.Operation op,
            String template,
            boolean isOwnNamespace,
            Supplier<Map<String, String>> create,
            List<SecurityContract.Operation> operations) {
        Map<String, String> params = created.computeIfAbsent(template, t -> create.get());
        String path;
        try {
            path = concrete(op.path(), params);
        } catch (IllegalArgumentException e) {
            return op + ": " + e.getMessage();
        }
        boolean write = !op.method().equals("get");
        // The owner's resource is read where the template itself is a GET; a subject has no such read, so the
        // first read below it (e.g. the person's consents) stands for it.
        Optional<SecurityContract.Operation> read = operations.stream()
                .filter(o -> o.method().equals("get") && o.path().equals(template))
                .findFirst()
                .or(() -> isOwnNamespace
                        ? operations.stream()
                                .filter(o -> o.method().equals("get")
                                        && o.path().startsWith(template + "/")
                                        && PARAM.matcher(o.path())
                                                .results()
                                                .allMatch(m -> params.containsKey(m.group(1))))
                                .findFirst()
                        : Optional.empty());
        String before = write ? read.map(r -> state(r, params)).orElse(null) : null;

        String other = groupShared.containsKey(template) ? OUTSIDER : OTHER;
        Response answer = call(op, path, other);
        String what = op + " as " + other + " on " + owner + "'s " + path;
        if (isOwnNamespace) {
            if (answer.statusCode() >= 500) {
                return what + ": " + answer.statusCode() + " " + answer.asString();
            }
            if (!write) {
                if (answer.statusCode() != 200) {
                    return what + ": expected " + other + "'s own view (200), got " + answer.statusCode() + " "
                            + answer.asString();
                }
                // The owner's ids that the owner's own answer shows must not be in the other tenant's answer. An
                // id is only evidence where the owner sees it, so each must show up in at least one owner read.
                String mine = call(op, path, owner).asString();
                String theirs = answer.asString();
                List<String> leaked = new ArrayList<>();
                for (Map.Entry<String, String> value : params.entrySet()) {
                    if (isParam(template, value.getKey()) || !mine.contains(value.getValue())) {
                        continue;
                    }
                    seen.computeIfAbsent(template, t -> new java.util.HashSet<>())
                            .add(value.getKey());
                    if (theirs.contains(value.getValue())) {
                        leaked.add(value.getKey() + " " + value.getValue());
                    }
                }
                if (!leaked.isEmpty()) {
                    return what + ": the answer contains " + owner + "'s " + String.join(", ", leaked);
                }
            }
        } else {
            if (answer.statusCode() != 404) {
                String hint = answer.statusCode() == 400 || answer.statusCode() == 422
                        ? " (if the body was refused before the lookup, give the table a valid body for it)"
                        : "";
                return what + ": expected 404, got " + answer.statusCode() + " " + answer.asString() + hint;
            }
            if (!answer.contentType().startsWith("application/problem+json")
                    || !answer.jsonPath().getString("type").startsWith("https://mamori.dev/problems/")) {
                return what + ": expected a not-found problem+json, got " + answer.contentType() + " "
                        + answer.asString();
            }
        }
        if (before != null) {
            String after = state(read.get(), params);
            if (!before.equals(after)) {
                return what + ": changed " + owner + "'s resource\n    before: " + before + "\n    after:  " + after;
            }
        }
        return null;
    }

    /** The owner's view of the resource, read with the first role the read allows. */
    private String state(SecurityContract.Operation read, Map<String, String> params) {
        Response response = call(read, concrete(read.path(), params), owner);
        Assertions.assertEquals(
                200, response.statusCode(), owner + " cannot read its own " + read + ": " + response.asString());
        return response.asString();
    }

    private Response call(SecurityContract.Operation op, String path, String tenant) {
        String role = op.roles().stream()
                .filter(r -> !r.equals("service"))
                .findFirst()
                .orElse(null);
        RequestSpecification spec = role != null
                ? given().auth().oauth2(TestTokens.forTenant(tenant, role))
                // Only a service may call it: a service acts for the tenant it names, so the tenant is the same.
                : given().auth().oauth2(TestTokens.service("isolation-check")).header("X-Mamori-Tenant", tenant);
        spec = spec.contentType(ContentType.JSON);
        if (!op.method().equals("get") && !op.method().equals("delete")) {
            spec = spec.body(bodies.getOrDefault(op.method() + " " + op.path(), "{}"));
        }
        return spec.request(op.method().toUpperCase(), path);
    }

    private static boolean isParam(String template, String name) {
        return PARAM.matcher(template).results().anyMatch(m -> m.group(1).equals(name));
    }

    private static String concrete(String template, Map<String, String> params) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the fixture gives no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The longest template that is the path itself or a whole-segment prefix of it. */
    private static Optional<String> covering(Iterable<String> templates, String path) {
        String best = null;
        for (String t : templates) {
            if ((path.equals(t) || path.startsWith(t + "/")) && (best == null || t.length() > best.length())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A template that matches no operation is a typo or a removed endpoint: say so rather than pass silently. */
    private static void unused(
            Iterable<String> templates, List<SecurityContract.Operation> operations, List<String> failures) {
        for (String t : templates) {
            if (operations.stream()
                    .noneMatch(op -> op.path().equals(t) || op.path().startsWith(t + "/"))) {
                failures.add(t + ": listed in the table but no operation has this path");
            }
        }
    }
}
