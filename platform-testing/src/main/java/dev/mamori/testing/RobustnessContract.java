package dev.mamori.testing;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.OpenApiSamples.Member;
import dev.mamori.testing.OpenApiSamples.Variant;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * The table-driven robustness check every service runs over its own OpenAPI document: no input a caller can send
 * gets a 5xx, and every refusal is {@code application/problem+json} with a {@code type}.
 *
 * <p>For each operation a plausible request is built from the document (required members, first enum constants,
 * today for dates, values matching simple patterns; in the path the id of a resource the run created before, else a
 * random UUID or {@code ref-1}) and sent with a token whose role the operation allows. Then its inputs are broken
 * one at a time: every body member gets wrong JSON types, null, {@code [null]}, NUL, an unpaired surrogate, a
 * 100,000-character string and impossible dates; every path and query value gets the encoded values of
 * {@link #PATH_VALUES} (NUL, surrogate, percent, brace, bar, caret, backslash, space, slash, a Japanese ref), a
 * 5,000-character value and (queries) values of the wrong type; the body is sent malformed and with the wrong
 * Content-Type; the URI is padded to 20 KB; the call is made asking for XML and with a method the path does not
 * have. A call without a token must answer 401 whatever else is wrong with it (the media type it asks for, a CSV
 * export's included, its Content-Type, its method, an unknown path): a caller learns nothing about the API before it
 * shows a token.
 *
 * <p>The number of broken calls per operation is bounded (most telling variants first, spread over all inputs) so
 * that a service's run stays short. The calls act for a tenant of their own, in no company group, so nothing they
 * create shows in other tests. All failures are collected and reported at once; afterwards the tenant's audit chain
 * must still verify.
 */
public final class RobustnessContract {

    /** Broken calls per operation unless {@code -Dmamori.robustness.max-calls} says otherwise. */
    public static final int DEFAULT_MAX_CALLS = 40;

    static final List<String> PATH_VALUES = List.of(
            "%00",
            "%ED%A0%80",
            "%25",
            "%7B",
            "%7C",
            "%5E",
            "%5C",
            // a space, an encoded slash, '?' and '#', and a Japanese ref that is valid (SubjectRef allows it): each
            // must survive being echoed back, e.g. into a Location header
            "%20",
            "%2F",
            "%3F",
            "%23",
            "%E9%A1%A7%E5%AE%A2-001");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String VERIFICATION = "/v1/audit-events/verification";

    private final Map<String, Object> document;
    private final OpenApiSamples samples;
    private final String tenant = "robustness-" + UUID.randomUUID().toString().substring(0, 8);
    private final int maxCalls = Integer.getInteger("mamori.robustness.max-calls", DEFAULT_MAX_CALLS);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    /** {@code -Dmamori.robustness.trace=true} prints every call and its answer. */
    private final boolean trace = Boolean.getBoolean("mamori.robustness.trace");
    /** Per path template ending in a parameter ({@code /v1/purposes/{code}}): an id the run created there. */
    private final Map<String, String> learned = new LinkedHashMap<>();

    private String lastBody = "";
    private boolean oversizeSent;
    private int calls;

    private RobustnessContract(Map<String, Object> document) {
        this.document = document;
        this.samples = new OpenApiSamples(document);
    }

    /** Runs the check over every operation; {@code minimum} guards against a document that lost its paths. */
    public static void verify(int minimum) {
        Map<String, Object> document = given().accept(ContentType.JSON)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        new RobustnessContract(document).run(minimum);
    }

    private void run(int minimum) {
        long started = System.nanoTime();
        List<SecurityContract.Operation> operations = SecurityContract.operations();
        Assertions.assertTrue(
                operations.size() >= minimum,
                "expected at least " + minimum + " operations, found " + operations.size());
        for (SecurityContract.Operation op : operations) {
            check(op);
        }
        unknownPaths(operations.get(0));
        languages(operations);
        verifyAuditChain();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "robustness contract: %d operations, %d calls, %d failures in %d ms (tenant %s), "
                        + "answers by status %s%n",
                operations.size(), calls, failures.size(), millis, tenant, statuses);
        Assertions.assertTrue(
                failures.isEmpty(), failures.size() + " robustness failures:\n  " + String.join("\n  ", failures));
    }

    /** What one operation takes: its parameters, its body and the media types it answers with. */
    private record Shape(
            List<Map<String, Object>> parameters,
            String bodyType,
            Map<String, Object> bodySchema,
            List<String> produces,
            Set<String> pathMethods) {}

    /** One request, every part of it already encoded as sent. */
    private record Call(
            String method,
            String path,
            List<String> query,
            String token,
            Map<String, String> headers,
            String contentType,
            String accept,
            byte[] body) {

        Call with(
                String method,
                String path,
                List<String> query,
                String token,
                String contentType,
                String accept,
                byte[] body) {
            return new Call(method, path, query, token, headers, contentType, accept, body);
        }

        String target() {
            return path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }
    }

    private record Mutation(String name, Call call) {}

    private void check(SecurityContract.Operation op) {
        Shape shape = shape(op);
        Call valid = valid(op, shape);
        Object body = null;
        if (shape.bodyType() != null && shape.bodyType().contains("json")) {
            // The required members first; where that is refused as invalid, every member (a member the document
            // does not call required may still be needed, e.g. a Java primitive).
            body = samples.sample(shape.bodySchema());
            int status = send(op, "valid request", withBody(valid, OpenApiSamples.json(body)));
            if (status == 400) {
                Object full = samples.full(shape.bodySchema());
                status = send(op, "valid request with every member", withBody(valid, OpenApiSamples.json(full)));
                if (status != 400) {
                    body = full;
                }
            }
            if (status == 201 && op.method().equals("post")) {
                learn(op.path());
            }
            valid = withBody(valid, OpenApiSamples.json(body));
        } else {
            send(op, "valid request", valid);
        }
        List<Mutation> generic = generic(op, shape, valid);
        List<List<Mutation>> targets = new ArrayList<>();
        targets.addAll(pathMutations(op, shape, valid));
        targets.addAll(queryMutations(shape, valid));
        targets.addAll(bodyMutations(shape, valid, body));
        List<Mutation> chosen = new ArrayList<>(generic);
        chosen.addAll(spread(targets, Math.max(0, maxCalls - generic.size())));
        for (Mutation mutation : chosen) {
            send(op, mutation.name(), mutation.call());
        }
    }

    /** A path no operation has, under the API and outside it: 404 problem+json with a token, 401 without. */
    private void unknownPaths(SecurityContract.Operation any) {
        for (String path : List.of("/v1/robustness-no-such-resource", "/robustness-no-such-path")) {
            Call call = new Call("GET", path, List.of(), token(any), Map.of(), null, null, null);
            send(any, "unknown path " + path, call);
            send(any, "no token, unknown path " + path, call.with("GET", path, List.of(), null, null, null, null));
        }
    }

    /**
     * Problems speak the caller's language: {@code Accept-Language: ja} gives the Japanese title and platform
     * messages with the same type and field, {@code en} (or nothing) the English, and {@code Content-Language} says
     * which.
     */
    private void languages(List<SecurityContract.Operation> operations) {
        SecurityContract.Operation any = operations.get(0);
        String path = "/v1/robustness-no-such-resource";
        expectLanguage(any, "unknown path", "GET", path, null, "ja", "not-found", "見つかりません", null);
        expectLanguage(any, "unknown path", "GET", path, null, "en;q=0.9, ja;q=0.1", "not-found", null, null);
        for (SecurityContract.Operation op : operations) {
            Shape shape = shape(op);
            if (op.method().equals("post")
                    && op.path().indexOf('{') < 0
                    && "application/json".equals(shape.bodyType())) {
                byte[] body = "{\"robustnessNoSuchMember\": 1}".getBytes(StandardCharsets.UTF_8);
                expectLanguage(
                        op, "unknown member", "POST", op.path(), body, "ja", "validation", "入力内容に誤りがあります", "未知の項目です");
                expectLanguage(op, "unknown member", "POST", op.path(), body, null, "validation", null, null);
                return;
            }
        }
    }

    private void expectLanguage(
            SecurityContract.Operation op,
            String what,
            String method,
            String path,
            byte[] body,
            String acceptLanguage,
            String kind,
            String jaTitle,
            String jaMessage) {
        Map<String, String> headers = acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage);
        Call call = new Call(method, path, List.of(), token(op), headers, "application/json", null, body);
        String label = "language " + (acceptLanguage == null ? "none" : acceptLanguage) + ", " + what;
        HttpResponse<String> response = raw(call);
        if (response == null) {
            failures.add(method + " " + path + " [" + label + "]: no answer");
            return;
        }
        String wanted = jaTitle != null ? "ja" : "en";
        String language = response.headers().firstValue("Content-Language").orElse("");
        JsonPath json;
        try {
            json = new JsonPath(response.body());
        } catch (RuntimeException e) {
            failures.add(method + " " + path + " [" + label + "]: not JSON " + abbreviate(response.body()));
            return;
        }
        String type = json.getString("type");
        String title = json.getString("title");
        String where = method + " " + path + " [" + label + "] -> " + response.statusCode() + " ";
        if (type == null || !type.endsWith("/" + kind)) {
            failures.add(where + "type " + type + ", expected kind " + kind);
        } else if (!language.equals(wanted)) {
            failures.add(where + "Content-Language '" + language + "', expected " + wanted);
        } else if (jaTitle != null && !jaTitle.equals(title)) {
            failures.add(where + "title '" + title + "', expected '" + jaTitle + "'");
        } else if (jaTitle == null && title != null && !title.chars().allMatch(c -> c < 128)) {
            failures.add(where + "title '" + title + "' is not English");
        } else if (jaMessage != null
                && !String.valueOf(json.getList("errors.message")).contains(jaMessage)) {
            failures.add(where + "errors " + json.getList("errors") + ", expected a message '" + jaMessage + "'");
        }
    }

    private HttpResponse<String> raw(Call call) {
        calls++;
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + call.target())).timeout(Duration.ofSeconds(30));
        request.header("Authorization", "Bearer " + call.token());
        if (call.token().equals(tokens.get("service"))) {
            request.header("X-Mamori-Tenant", tenant);
        }
        call.headers().forEach(request::header);
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Round robin over the inputs, each input's variants rotated by its position, so the budget covers them all. */
    static <T> List<T> spread(List<List<T>> targets, int budget) {
        List<List<T>> rotated = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            List<T> variants = new ArrayList<>(targets.get(i));
            if (!variants.isEmpty()) {
                Collections.rotate(variants, -(i % variants.size()));
            }
            rotated.add(variants);
        }
        List<T> out = new ArrayList<>();
        for (int round = 0; out.size() < budget; round++) {
            boolean any = false;
            for (List<T> variants : rotated) {
                if (round < variants.size()) {
                    any = true;
                    if (out.size() < budget) {
                        out.add(variants.get(round));
                    }
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Shape shape(SecurityContract.Operation op) {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> item = (Map<String, Object>) paths.get(op.path());
        Map<String, Object> operation = (Map<String, Object>) item.get(op.method());
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        for (Object source : new Object[] {item.get("parameters"), operation.get("parameters")}) {
            if (source instanceof List<?> list) {
                for (Object raw : list) {
                    Map<String, Object> parameter = parameter(raw);
                    parameters.put(parameter.get("in") + " " + parameter.get("name"), parameter);
                }
            }
        }
        String bodyType = null;
        Map<String, Object> bodySchema = null;
        if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                && requestBody.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            bodyType = content.containsKey("application/json")
                    ? "application/json"
                    : String.valueOf(content.keySet().iterator().next());
            Object media = content.get(bodyType);
            bodySchema = media instanceof Map<?, ?> m ? samples.resolve(m.get("schema")) : Map.of();
        }
        List<String> produces = new ArrayList<>();
        if (operation.get("responses") instanceof Map<?, ?> responses) {
            responses.forEach((status, response) -> {
                if (String.valueOf(status).startsWith("2")
                        && response instanceof Map<?, ?> r
                        && r.get("content") instanceof Map<?, ?> content) {
                    content.keySet().forEach(type -> produces.add(String.valueOf(type)));
                }
            });
        }
        Set<String> pathMethods = new LinkedHashSet<>();
        item.keySet().stream().filter(METHODS::contains).forEach(pathMethods::add);
        return new Shape(List.copyOf(parameters.values()), bodyType, bodySchema, produces, pathMethods);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parameter(Object raw) {
        Map<String, Object> parameter = (Map<String, Object>) raw;
        if (parameter.get("$ref") instanceof String ref) {
            Map<String, Object> components = (Map<String, Object>) document.get("components");
            Map<String, Object> all = (Map<String, Object>) components.get("parameters");
            parameter = (Map<String, Object>) all.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return parameter;
    }

    /**
     * After a create under {@code collection} answered 201: the new resource's id (the member named like the path
     * parameter below the collection, or {@code id}) stands in the path of the operations below it from now on, so
     * their broken inputs reach past the lookup into the service.
     */
    @SuppressWarnings("unchecked")
    private void learn(String collection) {
        Object created;
        try {
            created = JsonPath.from(lastBody).get("$");
        } catch (RuntimeException e) {
            return;
        }
        if (!(created instanceof Map<?, ?> resource)) {
            return;
        }
        for (String template : ((Map<String, Object>) document.get("paths")).keySet()) {
            if (!template.startsWith(collection + "/{") || template.indexOf('/', collection.length() + 1) >= 0) {
                continue;
            }
            String name = template.substring(collection.length() + 2, template.length() - 1);
            Object id = resource.containsKey(name) ? resource.get(name) : resource.get("id");
            if (id instanceof String value && !value.isEmpty()) {
                learned.put(template, value);
            }
        }
    }

    /** The id learned for the template up to {@code {name}}, or null. */
    private String learned(String template, String name) {
        int at = template.indexOf("{" + name + "}");
        return at < 0 ? null : learned.get(template.substring(0, at + name.length() + 2));
    }

    private Call valid(SecurityContract.Operation op, Shape shape) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map<String, Object> parameter : shape.parameters()) {
            String name = String.valueOf(parameter.get("name"));
            Map<String, Object> schema = samples.resolve(parameter.get("schema"));
            switch (String.valueOf(parameter.get("in"))) {
                case "path" -> {
                    String known = learned(op.path(), name);
                    pathValues.put(name, encode(known != null ? known : pathValue(schema)));
                }
                case "query" -> {
                    if (Boolean.TRUE.equals(parameter.get("required"))) {
                        query.add(encode(name) + "=" + encode(queryValue(schema)));
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(parameter.get("required"))) {
                        headers.put(name, queryValue(schema));
                    }
                }
                default -> {}
            }
        }
        byte[] body = null;
        if (shape.bodyType() != null) {
            body = shape.bodyType().contains("json")
                    ? OpenApiSamples.json(samples.sample(shape.bodySchema())).getBytes(StandardCharsets.UTF_8)
                    : "x".getBytes(StandardCharsets.UTF_8);
        }
        return new Call(
                op.method().toUpperCase(Locale.ROOT),
                concrete(op.path(), pathValues),
                query,
                token(op),
                Map.copyOf(headers),
                shape.bodyType(),
                null,
                body);
    }

    private String pathValue(Map<String, Object> schema) {
        if (OpenApiSamples.format(schema).equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        Object sample = samples.sample(schema);
        return sample instanceof String s && !s.isEmpty() ? s : sample == null ? "ref-1" : sample.toString();
    }

    private String queryValue(Map<String, Object> schema) {
        Object sample = samples.sample(schema);
        if (sample instanceof List<?> list) {
            sample = list.isEmpty() ? "" : list.get(0);
        }
        return String.valueOf(sample);
    }

    private List<Mutation> generic(SecurityContract.Operation op, Shape shape, Call valid) {
        List<Mutation> out = new ArrayList<>();
        // Without a token, asking for each media type the operation answers with (a CSV export too): 401.
        Set<String> own = new LinkedHashSet<>(shape.produces());
        if (own.isEmpty()) {
            own.add("application/json");
        }
        if (valid.method().equals("GET")) {
            // An export may negotiate more than its document says; the token is checked before the media type.
            own.add("text/csv");
        }
        for (String type : own) {
            out.add(new Mutation(
                    "no token, Accept " + type,
                    valid.with(
                            valid.method(),
                            valid.path(),
                            valid.query(),
                            null,
                            valid.contentType(),
                            type,
                            valid.body())));
        }
        out.add(new Mutation(
                "Accept application/xml",
                valid.with(
                        valid.method(),
                        valid.path(),
                        valid.query(),
                        valid.token(),
                        valid.contentType(),
                        "application/xml",
                        valid.body())));
        List<String> padded = new ArrayList<>(valid.query());
        padded.add("pad=" + "a".repeat(20_000));
        out.add(new Mutation(
                "20 KB URI",
                valid.with(
                        valid.method(), valid.path(), padded, valid.token(), valid.contentType(), null, valid.body())));
        String other = List.of("patch", "put", "delete", "post").stream()
                .filter(m -> !shape.pathMethods().contains(m))
                .findFirst()
                .orElse(null);
        if (other != null) {
            for (String token : java.util.Arrays.asList(valid.token(), null)) {
                out.add(new Mutation(
                        (token == null ? "no token, " : "") + "method " + other.toUpperCase(Locale.ROOT)
                                + " not allowed",
                        valid.with(
                                other.toUpperCase(Locale.ROOT),
                                valid.path(),
                                valid.query(),
                                token,
                                "application/json",
                                null,
                                "{}".getBytes(StandardCharsets.UTF_8))));
            }
        }
        if (shape.bodyType() != null) {
            out.add(new Mutation("malformed JSON body", withBody(valid, "{\"a\": ")));
            out.add(new Mutation(
                    "Content-Type text/plain",
                    valid.with(
                            valid.method(),
                            valid.path(),
                            valid.query(),
                            valid.token(),
                            "text/plain",
                            null,
                            valid.body())));
            out.add(new Mutation(
                    "no token, Content-Type text/plain",
                    valid.with(valid.method(), valid.path(), valid.query(), null, "text/plain", null, valid.body())));
            out.add(new Mutation(
                    "no body",
                    valid.with(
                            valid.method(),
                            valid.path(),
                            valid.query(),
                            valid.token(),
                            valid.contentType(),
                            null,
                            null)));
            if (!oversizeSent && shape.bodyType().contains("json")) {
                oversizeSent = true;
                String big = "{\"a\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
                out.add(new Mutation("9 MB body", withBody(valid, big)));
            }
        }
        return out;
    }

    private List<List<Mutation>> pathMutations(SecurityContract.Operation op, Shape shape, Call valid) {
        List<List<Mutation>> out = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(op.path());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        // The valid path again, parameter by parameter, to swap one value at a time.
        String[] segments = valid.path().split("/", -1);
        String[] template = op.path().split("/", -1);
        for (int i = 0; i < template.length && i < segments.length; i++) {
            Matcher p = PARAM.matcher(template[i]);
            if (p.matches()) {
                values.put(p.group(1), segments[i]);
            }
        }
        for (String name : names) {
            List<Mutation> mutations = new ArrayList<>();
            List<String> bad = new ArrayList<>(PATH_VALUES);
            bad.add("a".repeat(5_000));
            for (String value : bad) {
                Map<String, String> changed = new LinkedHashMap<>(values);
                changed.put(name, value);
                mutations.add(new Mutation(
                        "path " + name + "=" + abbreviate(value),
                        valid.with(
                                valid.method(),
                                concrete(op.path(), changed),
                                valid.query(),
                                valid.token(),
                                valid.contentType(),
                                null,
                                valid.body())));
            }
            out.add(mutations);
        }
        return out;
    }

    private List<List<Mutation>> queryMutations(Shape shape, Call valid) {
        List<List<Mutation>> out = new ArrayList<>();
        for (Map<String, Object> parameter : shape.parameters()) {
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            String name = String.valueOf(parameter.get("name"));
            Map<String, Object> schema = samples.resolve(parameter.get("schema"));
            if (OpenApiSamples.type(schema).equals("array")) {
                schema = samples.resolve(schema.get("items"));
            }
            List<String> bad = new ArrayList<>(typed(schema));
            bad.addAll(PATH_VALUES);
            bad.add("a".repeat(5_000));
            List<Mutation> mutations = new ArrayList<>();
            String prefix = encode(name) + "=";
            for (String value : bad) {
                List<String> query = new ArrayList<>();
                valid.query().stream().filter(q -> !q.startsWith(prefix)).forEach(query::add);
                query.add(prefix + value);
                mutations.add(new Mutation(
                        "query " + name + "=" + abbreviate(value),
                        valid.with(
                                valid.method(),
                                valid.path(),
                                query,
                                valid.token(),
                                valid.contentType(),
                                null,
                                valid.body())));
            }
            out.add(mutations);
        }
        return out;
    }

    /** Encoded query values of the wrong type for this schema. */
    static List<String> typed(Map<String, Object> schema) {
        List<String> out = new ArrayList<>();
        switch (OpenApiSamples.type(schema)) {
            case "integer" -> out.addAll(List.of("abc", "1.5", "-1", "99999999999999999999", ""));
            case "number" -> out.addAll(List.of("abc", "1e400", "-1"));
            case "boolean" -> out.addAll(List.of("maybe", "1"));
            default -> {
                if (schema.get("enum") instanceof List<?>) {
                    out.addAll(List.of("NO_SUCH_VALUE", "1", ""));
                }
                switch (OpenApiSamples.format(schema)) {
                    case "uuid" -> out.addAll(List.of("not-a-uuid", "1"));
                    case "date" -> out.addAll(List.of("2026-02-30", "0001-01-01", "9999-12-31T00%3A00%3A00Z", "abc"));
                    case "date-time" ->
                        out.addAll(List.of(
                                "2026-02-30T00%3A00%3A00Z",
                                "0001-01-01T00%3A00%3A00Z", "9999-12-31T00%3A00%3A00Z", "abc"));
                    default -> {}
                }
            }
        }
        return out;
    }

    private List<List<Mutation>> bodyMutations(Shape shape, Call valid, Object body) {
        List<List<Mutation>> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        out.add(List.of(
                new Mutation("body null", withBody(valid, "null")),
                new Mutation("body [null]", withBody(valid, "[null]")),
                new Mutation("body a string", withBody(valid, "\"a\"")),
                new Mutation("body duplicate key", withBody(valid, duplicateKey(body)))));
        for (Member member : samples.members(shape.bodySchema())) {
            List<Mutation> mutations = new ArrayList<>();
            for (Variant variant : samples.variants(member.schema())) {
                Object changed = samples.with(body, shape.bodySchema(), member.path(), variant.value());
                mutations.add(new Mutation(
                        "body " + member.name() + ": " + variant.name(),
                        withBody(valid, OpenApiSamples.json(changed))));
            }
            out.add(mutations);
        }
        return out;
    }

    private static String duplicateKey(Object body) {
        String json = OpenApiSamples.json(body);
        if (body instanceof Map<?, ?> map && !map.isEmpty()) {
            String key = String.valueOf(map.keySet().iterator().next());
            return "{" + OpenApiSamples.json(key) + ": " + OpenApiSamples.json(map.get(key)) + ", " + json.substring(1);
        }
        return json;
    }

    private static Call withBody(Call valid, String json) {
        return valid.with(
                valid.method(),
                valid.path(),
                valid.query(),
                valid.token(),
                "application/json",
                null,
                json.getBytes(StandardCharsets.UTF_8));
    }

    private String token(SecurityContract.Operation op) {
        String role = op.roles().stream()
                .filter(r -> !r.equals("service"))
                .findFirst()
                .orElse("service");
        return tokens.computeIfAbsent(
                role,
                r -> r.equals("service")
                        ? TestTokens.service("robustness-check")
                        : TestTokens.sign(tenant, null, tenant + "-" + r, r));
    }

    /** Sends the call, records a failure if the answer breaks the contract, and answers its status (0: none). */
    private int send(SecurityContract.Operation op, String mutation, Call call) {
        calls++;
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + call.target())).timeout(Duration.ofSeconds(30));
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
            if (call.token().equals(tokens.get("service"))) {
                request.header("X-Mamori-Tenant", tenant);
            }
        }
        call.headers().forEach(request::header);
        if (call.contentType() != null && call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.accept() != null) {
            request.header("Accept", call.accept());
        }
        request.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        String what = op.method().toUpperCase(Locale.ROOT) + " " + op.path() + " [" + mutation + "] "
                + abbreviate(call.target());
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failures.add(what + ": no answer (" + e + ")");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        lastBody = response.body();
        if (trace) {
            System.out.println("robustness: " + what + " -> " + response.statusCode() + " "
                    + abbreviate(response.body().replace('\n', ' ')));
        }
        if (call.token() == null && response.statusCode() != 401) {
            // Whatever else is wrong with the call, a caller without a token learns nothing but that it needs one.
            failures.add(what + " -> " + response.statusCode() + " without a token, expected 401 "
                    + abbreviate(response.body().replace('\n', ' ')));
            return response.statusCode();
        }
        String failure = judge(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        if (failure != null) {
            failures.add(what + " -> " + failure);
        }
        return response.statusCode();
    }

    /** Why an answer breaks the contract, or null when it keeps it. */
    static String judge(int status, String contentType, String body) {
        String start = body == null ? "" : abbreviate(body.replace('\n', ' '));
        if (status >= 500) {
            return status + " " + contentType + " " + start;
        }
        if (status < 400) {
            return null;
        }
        if (!contentType.startsWith("application/problem+json")) {
            return status + " not problem+json but '" + contentType + "' " + start;
        }
        try {
            String type = JsonPath.from(body).getString("type");
            if (type == null || type.isBlank()) {
                return status + " problem without a type: " + start;
            }
        } catch (RuntimeException e) {
            return status + " problem+json that is not JSON: " + start;
        }
        return null;
    }

    private void verifyAuditChain() {
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        if (!(paths.get(VERIFICATION) instanceof Map<?, ?> item) || !item.containsKey("get")) {
            return;
        }
        JsonPath chain = given().auth()
                .oauth2(TestTokens.sign(tenant, null, tenant + "-auditor", "auditor"))
                .get(VERIFICATION)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Object intact = chain.get("intact");
        if (!(intact instanceof Boolean)) {
            failures.add("GET " + VERIFICATION + ": the answer has no boolean 'intact': " + chain.prettify());
        } else if (!(Boolean) intact) {
            failures.add("GET " + VERIFICATION + ": the audit chain of " + tenant + " no longer verifies: "
                    + chain.prettify());
        }
    }

    private static String base() {
        String uri = RestAssured.baseURI;
        int port = RestAssured.port;
        String basePath = RestAssured.basePath == null || RestAssured.basePath.equals("/") ? "" : RestAssured.basePath;
        return uri + ":" + port + basePath;
    }

    private static String concrete(String template, Map<String, String> values) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "ref-1")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 150) + "...(" + text.length() + " chars)";
    }
}
