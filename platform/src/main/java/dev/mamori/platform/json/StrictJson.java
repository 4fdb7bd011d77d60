package dev.mamori.platform.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.mamori.platform.text.StorableText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The suite's one JSON reading rule: what is stored is what was sent, or the call is refused.
 * <ul>
 * <li>No coercion between kinds: a number is not an enum, a string or a boolean; {@code true} is not a string; a
 * fraction is not an integer; a string is not a number. ({@code "decision": 0} once recorded a GIVEN consent.)</li>
 * <li>{@code null} inside a list is refused, a {@code null} for a primitive too; a key twice in one object is
 * refused; unknown fields stay refused ({@code quarkus.jackson.fail-on-unknown-properties}).</li>
 * <li>Text that cannot be stored exactly (NUL, unpaired surrogates, non-characters; see {@link StorableText}) is
 * refused with a field error instead of being altered on its way to PostgreSQL.</li>
 * <li>Dates are read strictly (no 30 February) and only between {@value #MIN_YEAR} and {@value #MAX_YEAR}; a field
 * with a narrower sense (captured at, signed on) says so with its own constraint.</li>
 * </ul>
 * Every refusal is a Jackson mapping exception with the field's path, which {@code ProblemMapper} turns into a
 * problem+json field error.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    /** Last of all customizers: the date deserializers here must win over the JavaTimeModule Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules for a mapper the suite builds itself (tests, clients). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // An explicit null for a primitive is refused by PrimitiveNotNull below; an absent one keeps its default
        // (Jackson's FAIL_ON_NULL_FOR_PRIMITIVES would refuse both, and absent optional flags are common).
        mapper.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        for (LogicalType type : new LogicalType[] {
            LogicalType.Textual,
            LogicalType.Enum,
            LogicalType.Boolean,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.DateTime,
            LogicalType.OtherScalar
        }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // A number is a number: "12" for an integer is refused like 12 for a string.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // An integer in a date-time field would be read as epoch milliseconds: a shape nobody means.
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);

        SimpleModule strict = new SimpleModule("mamori-strict");
        strict.addDeserializer(String.class, new StorableString());
        strict.addDeserializer(LocalDate.class, new BoundedLocalDate());
        strict.addDeserializer(OffsetDateTime.class, new BoundedOffsetDateTime());
        strict.addDeserializer(Instant.class, new BoundedInstant());
        strict.addKeyDeserializer(String.class, new StorableKey());
        primitive(strict, boolean.class, false);
        primitive(strict, int.class, 0);
        primitive(strict, long.class, 0L);
        primitive(strict, double.class, 0.0d);
        // A JSON tree's deserializer is not a bean's, so the modifier below does not see it.
        strict.addDeserializer(JsonNode.class, tree(JsonNode.class));
        strict.addDeserializer(ObjectNode.class, tree(ObjectNode.class));
        strict.addDeserializer(ArrayNode.class, tree(ArrayNode.class));
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == Object.class ? new CheckedTree(deserializer) : deserializer;
            }
        });
        mapper.registerModule(strict);
        return mapper;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> void primitive(SimpleModule module, Class<T> type, T absent) {
        module.addDeserializer(
                type, (JsonDeserializer) new PrimitiveNotNull(NumberDeserializers.find(type, type.getName()), absent));
    }

    /** A primitive that is absent takes its default; one sent as {@code null} is refused. */
    static final class PrimitiveNotNull extends DelegatingDeserializer {
        private final Object absent;

        PrimitiveNotNull(JsonDeserializer<?> delegate, Object absent) {
            super(delegate);
            this.absent = absent;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new PrimitiveNotNull(delegate, absent);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            return context.reportInputMismatch(this, "must not be null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return absent;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends JsonNode> JsonDeserializer<T> tree(Class<T> type) {
        return (JsonDeserializer) new CheckedTree(JsonNodeDeserializer.getDeserializer(type));
    }

    static InvalidFormatException refused(JsonParser parser, String message, Object value, Class<?> type) {
        return InvalidFormatException.from(parser, message, value, type);
    }

    /** A string value and nothing else; refused when it cannot be stored exactly. */
    static final class StorableString extends StdScalarDeserializer<String> {
        StorableString() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                if (parser.hasToken(JsonToken.FIELD_NAME)) {
                    return check(parser, parser.currentName());
                }
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return check(parser, parser.getText());
        }

        private static String check(JsonParser parser, String text) throws IOException {
            String problem = StorableText.problem(text);
            if (problem != null) {
                throw refused(parser, problem, "(text)", String.class);
            }
            return text;
        }
    }

    abstract static class BoundedDate<T> extends StdScalarDeserializer<T> {
        BoundedDate(Class<T> type) {
            super(type);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) context.handleUnexpectedToken(handledType(), parser);
                return unexpected;
            }
            String text = parser.getText().trim();
            T value;
            int year;
            try {
                value = parse(text);
                year = year(value);
            } catch (DateTimeParseException e) {
                throw refused(parser, "is not a valid " + kind(), text, handledType());
            }
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw refused(
                        parser, "must be between the years " + MIN_YEAR + " and " + MAX_YEAR, text, handledType());
            }
            return value;
        }

        abstract T parse(String text);

        abstract int year(T value);

        abstract String kind();
    }

    static final class BoundedLocalDate extends BoundedDate<LocalDate> {
        private static final DateTimeFormatter STRICT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        BoundedLocalDate() {
            super(LocalDate.class);
        }

        @Override
        LocalDate parse(String text) {
            return LocalDate.parse(text, STRICT);
        }

        @Override
        int year(LocalDate value) {
            return value.getYear();
        }

        @Override
        String kind() {
            return "date (YYYY-MM-DD)";
        }
    }

    static final class BoundedOffsetDateTime extends BoundedDate<OffsetDateTime> {
        BoundedOffsetDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        OffsetDateTime parse(String text) {
            return OffsetDateTime.parse(
                    text, DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT));
        }

        @Override
        int year(OffsetDateTime value) {
            return value.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // As Jackson did before (ADJUST_DATES_TO_CONTEXT_TIME_ZONE with UTC): the same instant, said in UTC.
            OffsetDateTime value = super.deserialize(parser, context);
            return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
        }

        @Override
        String kind() {
            return "RFC 3339 date-time";
        }
    }

    static final class BoundedInstant extends BoundedDate<Instant> {
        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        Instant parse(String text) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .withResolverStyle(ResolverStyle.STRICT)
                    .parse(text, OffsetDateTime::from)
                    .toInstant();
        }

        @Override
        int year(Instant value) {
            return value.atOffset(ZoneOffset.UTC).getYear();
        }

        @Override
        String kind() {
            return "RFC 3339 date-time";
        }
    }

    /** A map's keys are text the caller sent, like its values. */
    static final class StorableKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String problem = StorableText.problem(key);
            if (problem != null) {
                throw InvalidFormatException.from(context.getParser(), "key " + problem, "(text)", String.class);
            }
            return key;
        }
    }

    /**
     * A free-form value (a JSON tree, an untyped object: evidence, answers, payloads) is checked as a whole once
     * read: every string and key in it, and no {@code null} inside its arrays.
     */
    static final class CheckedTree extends DelegatingDeserializer {
        CheckedTree(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedTree(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String problem = problemIn(value, 0);
            if (problem != null) {
                throw refused(parser, problem, "(value)", Object.class);
            }
            return value;
        }

        private static String problemIn(Object value, int depth) {
            if (value == null || depth > 200) {
                return null;
            }
            if (value instanceof CharSequence text) {
                return StorableText.problem(text);
            }
            if (value instanceof JsonNode node) {
                if (node.isTextual()) {
                    return StorableText.problem(node.textValue());
                }
                if (node.isArray()) {
                    for (JsonNode item : node) {
                        if (item.isNull()) {
                            return "must not hold null inside a list";
                        }
                        String problem = problemIn(item, depth + 1);
                        if (problem != null) {
                            return problem;
                        }
                    }
                } else if (node.isObject()) {
                    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) node::fields) {
                        String problem = StorableText.problem(field.getKey());
                        if (problem == null) {
                            problem = problemIn(field.getValue(), depth + 1);
                        }
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                return null;
            }
            if (value instanceof java.util.Map<?, ?> map) {
                for (var entry : map.entrySet()) {
                    String problem = problemIn(entry.getKey(), depth + 1);
                    if (problem == null) {
                        problem = problemIn(entry.getValue(), depth + 1);
                    }
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            if (value instanceof java.util.Collection<?> items) {
                for (Object item : items) {
                    if (item == null) {
                        return "must not hold null inside a list";
                    }
                    String problem = problemIn(item, depth + 1);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }
    }
}
