package dev.mamori.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Plausible values and their hostile variants, read from OpenAPI schemas: what {@link RobustnessContract} sends.
 * A valid value follows the schema (required members, the first enum constant, today for a date, a value matching a
 * simple pattern, the example where there is one); the variants break one thing at a time (wrong JSON type, null,
 * null inside a list, NUL, an unpaired surrogate, a 100,000-character string, impossible or out-of-range dates).
 */
final class OpenApiSamples {

    /** A JSON fragment written as is, for numbers no Java value spells (an integer past long, 1e400). */
    record Raw(String json) {}

    /** One hostile value and what it is called in a failure report. */
    record Variant(String name, Object value) {}

    /** One member somewhere in a body: its path (member names and list indexes) and its schema. */
    record Member(List<Object> path, Map<String, Object> schema) {
        String name() {
            StringBuilder sb = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(step);
                }
            }
            return sb.toString();
        }
    }

    static final int MAX_DEPTH = 4;
    static final String LONG_TEXT = "x".repeat(100_000);
    private static final List<String> CANDIDATES = List.of(
            "ref-1",
            "a",
            "A",
            "abc",
            "ABC",
            "1",
            "123",
            "a1",
            "A1",
            "cust-1",
            "ABC-123",
            "abc_def",
            "ab.cd",
            "JP",
            "jp",
            "2026",
            "12345",
            "1234567",
            "1234567890123",
            "03-1234-5678",
            "+81312345678",
            "a@example.com",
            "https://example.com/x",
            "テスト");

    private final Map<String, Object> schemas;

    @SuppressWarnings("unchecked")
    OpenApiSamples(Map<String, Object> document) {
        Object components = document == null ? null : document.get("components");
        Object found = components instanceof Map<?, ?> c ? c.get("schemas") : null;
        this.schemas = found instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    }

    /** The schema itself: references followed, {@code allOf} merged, the first non-null {@code oneOf}/{@code anyOf}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Object raw) {
        if (!(raw instanceof Map<?, ?>)) {
            return Map.of();
        }
        Map<String, Object> schema = (Map<String, Object>) raw;
        for (int hops = 0; schema.get("$ref") instanceof String ref && hops < 20; hops++) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Map<String, Object> target = schemas.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> merged = new LinkedHashMap<>(target);
            schema.forEach((k, v) -> {
                if (!k.equals("$ref")) {
                    merged.put(k, v);
                }
            });
            schema = merged;
        }
        if (schema.get("allOf") instanceof List<?> all) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, Object> properties = new LinkedHashMap<>();
            Set<Object> required = new LinkedHashSet<>();
            List<Object> parts = new ArrayList<>(all);
            Map<String, Object> self = new LinkedHashMap<>(schema);
            self.remove("allOf");
            parts.add(self);
            for (Object part : parts) {
                Map<String, Object> resolved = resolve(part);
                resolved.forEach((k, v) -> {
                    if (k.equals("properties") && v instanceof Map<?, ?> p) {
                        properties.putAll((Map<String, Object>) p);
                    } else if (k.equals("required") && v instanceof Collection<?> r) {
                        required.addAll(r);
                    } else {
                        merged.putIfAbsent(k, v);
                    }
                });
            }
            if (!properties.isEmpty()) {
                merged.put("properties", properties);
            }
            if (!required.isEmpty()) {
                merged.put("required", new ArrayList<>(required));
            }
            schema = merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.get(choice) instanceof List<?> options) {
                for (Object option : options) {
                    Map<String, Object> resolved = resolve(option);
                    if (!"null".equals(type(resolved))) {
                        Map<String, Object> merged = new LinkedHashMap<>(resolved);
                        schema.forEach((k, v) -> {
                            if (!k.equals(choice)) {
                                merged.putIfAbsent(k, v);
                            }
                        });
                        return merged;
                    }
                }
            }
        }
        return schema;
    }

    /** The schema's JSON type, the first that is not {@code null} where it lists several (OpenAPI 3.1). */
    static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream()
                    .map(String::valueOf)
                    .filter(t -> !t.equals("null"))
                    .findFirst()
                    .orElse("null");
        }
        if (type != null) {
            return type.toString();
        }
        if (schema.containsKey("properties")) {
            return "object";
        }
        if (schema.containsKey("items")) {
            return "array";
        }
        if (schema.containsKey("enum")) {
            return "string";
        }
        return "";
    }

    static String format(Map<String, Object> schema) {
        Object format = schema.get("format");
        return format == null ? "" : format.toString();
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            ((Map<String, Object>) properties).forEach((name, property) -> {
                Map<String, Object> resolved = resolve(property);
                // A member the server writes and never reads is no input.
                if (!Boolean.TRUE.equals(resolved.get("readOnly"))) {
                    out.put(name, resolved);
                }
            });
        }
        return out;
    }

    static Set<String> required(Map<String, Object> schema) {
        Set<String> out = new LinkedHashSet<>();
        if (schema.get("required") instanceof Collection<?> required) {
            required.forEach(r -> out.add(String.valueOf(r)));
        }
        return out;
    }

    /** A value the schema accepts, as far as the schema can say: objects carry their required members. */
    Object sample(Object raw) {
        return sample(resolve(raw), 0, false);
    }

    /**
     * Like {@link #sample(Object)}, with every member an object has: a member the schema does not list as required
     * may still be needed (a Java primitive cannot be absent).
     */
    Object full(Object raw) {
        return sample(resolve(raw), 0, true);
    }

    private Object sample(Map<String, Object> schema, int depth) {
        return sample(schema, depth, false);
    }

    private Object sample(Map<String, Object> schema, int depth, boolean all) {
        if (schema.containsKey("const")) {
            return schema.get("const");
        }
        if (schema.get("enum") instanceof List<?> constants) {
            for (Object constant : constants) {
                if (constant != null) {
                    return constant;
                }
            }
        }
        Object example = example(schema);
        String type = type(schema);
        switch (type) {
            case "object" -> {
                Map<String, Object> value = new LinkedHashMap<>();
                if (depth <= MAX_DEPTH) {
                    Set<String> required = required(schema);
                    properties(schema).forEach((name, property) -> {
                        if (all || required.contains(name)) {
                            value.put(name, sample(property, depth + 1, all));
                        }
                    });
                }
                return value;
            }
            case "array" -> {
                List<Object> value = new ArrayList<>();
                int count = Math.max(1, intOf(schema.get("minItems"), 1));
                Map<String, Object> items = resolve(schema.get("items"));
                Object item = depth <= MAX_DEPTH ? sample(items, depth + 1, all) : null;
                for (int i = 0; i < count && item != null; i++) {
                    value.add(i == 0 || !(item instanceof String s) ? item : s + i);
                }
                return value;
            }
            case "integer" -> {
                return (example instanceof Number n && n.longValue() == n.doubleValue()) ? n : number(schema, true);
            }
            case "number" -> {
                return example instanceof Number n ? n : number(schema, false);
            }
            case "boolean" -> {
                return example instanceof Boolean b ? b : Boolean.TRUE;
            }
            default -> {
                return string(schema, example);
            }
        }
    }

    private static Object example(Map<String, Object> schema) {
        Object example = schema.get("example");
        if (example == null && schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            example = examples.get(0);
        }
        return example;
    }

    private static Number number(Map<String, Object> schema, boolean integer) {
        double value = 1;
        if (schema.get("minimum") instanceof Number min) {
            value = Math.max(value, min.doubleValue());
        }
        if (schema.get("exclusiveMinimum") instanceof Number min) {
            value = Math.max(value, min.doubleValue() + 1);
        }
        if (schema.get("maximum") instanceof Number max) {
            value = Math.min(value, max.doubleValue());
        }
        if (schema.get("exclusiveMaximum") instanceof Number max) {
            value = Math.min(value, max.doubleValue() - 1);
        }
        if (integer) {
            return (long) Math.ceil(value);
        }
        return value;
    }

    private static String string(Map<String, Object> schema, Object example) {
        int min = intOf(schema.get("minLength"), 0);
        int max = intOf(schema.get("maxLength"), Integer.MAX_VALUE);
        switch (format(schema)) {
            case "date":
                return LocalDate.now(ZoneOffset.UTC).toString();
            case "date-time":
                return OffsetDateTime.now(ZoneOffset.UTC)
                        .minusMinutes(1)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
            case "uuid":
                return UUID.randomUUID().toString();
            case "email":
                return "a@example.com";
            case "uri", "url":
                return "https://example.com/x";
            default:
                break;
        }
        Pattern pattern = pattern(schema);
        List<String> candidates = new ArrayList<>();
        if (example instanceof String s) {
            candidates.add(s);
        }
        if (pattern != null) {
            String generated = fromPattern(pattern.pattern(), min);
            if (generated != null) {
                candidates.add(generated);
            }
        }
        candidates.addAll(CANDIDATES);
        for (String candidate : candidates) {
            if (fits(candidate, pattern, min, max)) {
                return candidate;
            }
        }
        for (String unit : List.of("a", "A", "1", "あ")) {
            String candidate = unit.repeat(Math.max(min, 1));
            if (fits(candidate, pattern, min, max)) {
                return candidate;
            }
        }
        String fallback = "ref-1";
        while (fallback.length() < min) {
            fallback += "x";
        }
        return fallback.length() > max ? fallback.substring(0, max) : fallback;
    }

    /**
     * The shortest text a simple regular expression matches (classes, groups, alternatives, quantifiers), padded
     * by repeating the last repeatable atom up to {@code min} characters; null where it cannot tell.
     */
    static String fromPattern(String regex, int min) {
        try {
            int[] at = {0};
            StringBuilder out = new StringBuilder();
            String[] repeatable = {null};
            sequence(regex, at, out, repeatable);
            while (out.length() < min && repeatable[0] != null && !repeatable[0].isEmpty()) {
                out.append(repeatable[0]);
            }
            return out.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void sequence(String re, int[] at, StringBuilder out, String[] repeatable) {
        while (at[0] < re.length()) {
            char c = re.charAt(at[0]);
            if (c == ')') {
                return;
            }
            if (c == '|') {
                // The first alternative is taken: skip the others up to the end of this group.
                int depth = 0;
                while (at[0] < re.length()) {
                    char d = re.charAt(at[0]);
                    if (d == '\\') {
                        at[0]++;
                    } else if (d == '[') {
                        at[0] = re.indexOf(']', at[0] + 2);
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        if (depth == 0) {
                            return;
                        }
                        depth--;
                    }
                    at[0]++;
                }
                return;
            }
            if (c == '^' || c == '$') {
                at[0]++;
                continue;
            }
            String atom;
            if (c == '(') {
                at[0]++;
                if (re.startsWith("?:", at[0])) {
                    at[0] += 2;
                } else if (re.startsWith("?", at[0])) {
                    throw new IllegalArgumentException("look-around");
                }
                StringBuilder inner = new StringBuilder();
                sequence(re, at, inner, new String[1]);
                at[0]++; // ')'
                atom = inner.toString();
            } else if (c == '[') {
                atom = classChar(re, at);
            } else if (c == '\\') {
                atom = escape(re, at);
            } else if (c == '.') {
                at[0]++;
                atom = "a";
            } else {
                at[0]++;
                atom = String.valueOf(c);
            }
            int times = 1;
            if (at[0] < re.length()) {
                char q = re.charAt(at[0]);
                if (q == '{') {
                    int close = re.indexOf('}', at[0]);
                    String range = re.substring(at[0] + 1, close);
                    times = Integer.parseInt(range.split(",", -1)[0].trim());
                    at[0] = close + 1;
                    repeatable[0] = range.contains(",") ? atom : repeatable[0];
                } else if (q == '*' || q == '?') {
                    times = 0;
                    at[0]++;
                    repeatable[0] = q == '*' ? atom : repeatable[0];
                } else if (q == '+') {
                    at[0]++;
                    repeatable[0] = atom;
                }
                if (at[0] < re.length() && (re.charAt(at[0]) == '?' || re.charAt(at[0]) == '+')) {
                    at[0]++; // lazy or possessive
                }
            }
            out.append(atom.repeat(times));
        }
    }

    private static String classChar(String re, int[] at) {
        at[0]++; // '['
        if (re.charAt(at[0]) == '^') {
            throw new IllegalArgumentException("negated class");
        }
        String first = null;
        while (re.charAt(at[0]) != ']' || first == null) {
            String item = re.charAt(at[0]) == '\\' ? escape(re, at) : String.valueOf(re.charAt(at[0]++));
            if (first == null) {
                first = item;
            }
            if (re.charAt(at[0]) == '[') {
                throw new IllegalArgumentException("nested class");
            }
        }
        at[0]++; // ']'
        return first;
    }

    private static String escape(String re, int[] at) {
        char e = re.charAt(at[0] + 1);
        at[0] += 2;
        if (e == 'p' || e == 'P') {
            int close = re.indexOf('}', at[0]);
            String name = re.substring(at[0] + 1, close);
            at[0] = close + 1;
            if (e == 'P') {
                throw new IllegalArgumentException("negated property");
            }
            return name.startsWith("N") || name.equals("Digit") || name.equals("Nd") ? "1" : "a";
        }
        return switch (e) {
            case 'd' -> "1";
            case 'w' -> "a";
            case 's' -> " ";
            case 'D', 'W', 'S', 'b', 'B' -> throw new IllegalArgumentException("unsupported escape");
            default -> String.valueOf(e);
        };
    }

    private static boolean fits(String candidate, Pattern pattern, int min, int max) {
        int length = candidate.codePointCount(0, candidate.length());
        return length >= min
                && length <= max
                && (pattern == null || pattern.matcher(candidate).matches());
    }

    private static Pattern pattern(Map<String, Object> schema) {
        if (schema.get("pattern") instanceof String p) {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
        return null;
    }

    private static int intOf(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }

    /** Every member of a body, depth first, through objects and the first element of lists, bounded in depth. */
    List<Member> members(Object raw) {
        List<Member> out = new ArrayList<>();
        members(resolve(raw), new ArrayList<>(), 0, out);
        return out;
    }

    private void members(Map<String, Object> schema, List<Object> path, int depth, List<Member> out) {
        if (depth > MAX_DEPTH) {
            return;
        }
        String type = type(schema);
        if (type.equals("object")) {
            properties(schema).forEach((name, property) -> {
                List<Object> at = new ArrayList<>(path);
                at.add(name);
                out.add(new Member(at, property));
                members(property, at, depth + 1, out);
            });
        } else if (type.equals("array")) {
            Map<String, Object> items = resolve(schema.get("items"));
            String itemType = type(items);
            if (itemType.equals("object") || itemType.equals("array")) {
                List<Object> at = new ArrayList<>(path);
                at.add(0);
                members(items, at, depth + 1, out);
            }
        }
    }

    /** The hostile values for a member of this schema, the most telling first. */
    List<Variant> variants(Map<String, Object> schema) {
        List<Variant> out = new ArrayList<>();
        String type = type(schema);
        boolean isEnum = schema.get("enum") instanceof List<?>;
        String format = format(schema);
        switch (type) {
            case "integer", "number" -> {
                out.add(new Variant("string for " + type, "abc"));
                if (type.equals("integer")) {
                    out.add(new Variant("fraction for integer", new Raw("1.5")));
                    out.add(new Variant("integer past long", new Raw("99999999999999999999")));
                    out.add(new Variant("integer past int", new Raw("2147483648")));
                } else {
                    out.add(new Variant("number past double", new Raw("1e400")));
                }
                out.add(new Variant("null", null));
                out.add(new Variant("negative", -1));
                out.add(new Variant("true for " + type, true));
                out.add(new Variant("numeric string for " + type, "12"));
            }
            case "boolean" -> {
                out.add(new Variant("string for boolean", "true"));
                out.add(new Variant("number for boolean", 1));
                out.add(new Variant("null", null));
            }
            case "array" -> {
                out.add(new Variant("[null]", listOf((Object) null)));
                out.add(new Variant("null", null));
                out.add(new Variant("string for array", "a"));
                out.add(new Variant("empty array", List.of()));
                out.add(new Variant("object for array", Map.of()));
                Map<String, Object> items = resolve(schema.get("items"));
                String itemType = type(items);
                if (itemType.equals("string") || itemType.isEmpty()) {
                    out.add(new Variant("[NUL string]", List.of("a\u0000b")));
                    out.add(new Variant("[lone surrogate]", List.of("\ud800")));
                    out.add(new Variant("[number] for [string]", List.of(12)));
                    out.add(new Variant("[100k string]", List.of(LONG_TEXT)));
                } else if (itemType.equals("integer") || itemType.equals("number")) {
                    out.add(new Variant("[string] for [number]", List.of("abc")));
                }
            }
            case "object" -> {
                out.add(new Variant("null", null));
                out.add(new Variant("string for object", "a"));
                out.add(new Variant("array for object", List.of()));
                out.add(new Variant("number for object", 12));
                out.add(new Variant("object with NUL key", Map.of("a\u0000b", "c")));
            }
            default -> {
                if (isEnum) {
                    out.add(new Variant("number for enum", 1));
                    out.add(new Variant("unknown enum constant", "NO_SUCH_VALUE"));
                }
                if (format.equals("date")) {
                    out.add(new Variant("impossible date 2026-02-30", "2026-02-30"));
                    out.add(new Variant("date 0001-01-01", "0001-01-01"));
                    out.add(new Variant("date-time 9999-12-31T00:00:00Z for date", "9999-12-31T00:00:00Z"));
                    out.add(new Variant("date 9999-12-31", "9999-12-31"));
                } else if (format.equals("date-time")) {
                    out.add(new Variant("impossible date-time 2026-02-30", "2026-02-30T00:00:00Z"));
                    out.add(new Variant("date-time 0001-01-01", "0001-01-01T00:00:00Z"));
                    out.add(new Variant("date-time 9999-12-31", "9999-12-31T00:00:00Z"));
                    out.add(new Variant("date for date-time", "2026-02-03"));
                } else if (format.equals("uuid")) {
                    out.add(new Variant("not a UUID", "not-a-uuid"));
                }
                out.add(new Variant("number for string", 12));
                out.add(new Variant("null", null));
                out.add(new Variant("NUL in string", "a\u0000b"));
                out.add(new Variant("lone surrogate", "\ud800"));
                out.add(new Variant("100k string", LONG_TEXT));
                out.add(new Variant("true for string", true));
                out.add(new Variant("object for string", Map.of()));
                out.add(new Variant("array for string", List.of("a")));
            }
        }
        return out;
    }

    private static List<Object> listOf(Object value) {
        List<Object> list = new ArrayList<>();
        list.add(value);
        return list;
    }

    /**
     * A copy of {@code body} with {@code value} at {@code path}; members on the way that the body lacks are filled in
     * from the schema (an optional object, the first element of a list).
     */
    @SuppressWarnings("unchecked")
    Object with(Object body, Map<String, Object> rootSchema, List<Object> path, Object value) {
        Object copy = deepCopy(body);
        if (path.isEmpty()) {
            return value;
        }
        Object container = copy;
        Map<String, Object> schema = resolve(rootSchema);
        for (int i = 0; i < path.size(); i++) {
            Object step = path.get(i);
            boolean last = i == path.size() - 1;
            Map<String, Object> childSchema = step instanceof Integer
                    ? resolve(schema.get("items"))
                    : properties(schema).getOrDefault((String) step, Map.of());
            if (step instanceof Integer index && container instanceof List<?> list) {
                List<Object> items = (List<Object>) list;
                while (items.size() <= index) {
                    items.add(sample(childSchema, 0));
                }
                if (last) {
                    items.set(index, value);
                } else {
                    container = ensure(items.get(index), childSchema, v -> items.set(index, v));
                }
            } else if (step instanceof String name && container instanceof Map<?, ?> map) {
                Map<String, Object> members = (Map<String, Object>) map;
                if (last) {
                    members.put(name, value);
                } else {
                    container = ensure(members.get(name), childSchema, v -> members.put(name, v));
                }
            } else {
                return copy; // the body's shape does not follow the schema here: nothing to replace
            }
            schema = childSchema;
        }
        return copy;
    }

    private Object ensure(Object current, Map<String, Object> schema, java.util.function.Consumer<Object> put) {
        String type = type(schema);
        boolean fits = type.equals("array") ? current instanceof List<?> : current instanceof Map<?, ?>;
        if (fits) {
            return current;
        }
        Object fresh = sample(schema, 0);
        if (type.equals("array") && fresh instanceof List<?> list && list.isEmpty()) {
            fresh = new ArrayList<>();
        }
        put.accept(fresh);
        return fresh;
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /**
     * JSON text of a value, escaping every control character and every surrogate as {@code \\uXXXX}: an unpaired
     * surrogate has no UTF-8 form, so only its escape reaches the server as sent.
     */
    static String json(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Raw raw) {
            sb.append(raw.json());
        } else if (value instanceof String s) {
            string(s, sb);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(entry.getKey(), sb);
                sb.append(':');
                write(entry.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof Collection<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(item, sb);
            }
            sb.append(']');
        } else {
            string(value.toString(), sb);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
