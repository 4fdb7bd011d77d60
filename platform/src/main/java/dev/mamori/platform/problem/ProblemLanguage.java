package dev.mamori.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A problem document in the caller's language. Every service answers in English unless the caller prefers
 * Japanese ({@code Accept-Language: ja}); then the title comes from {@code titles_ja.properties} (by the problem's
 * kind, which never changes with the language) and the field messages the platform itself writes (JSON shape, types,
 * storable text, the usual constraint messages) are put in Japanese. A service's own domain detail stays as written.
 * Pure: {@link ProblemLanguageFilter} applies it to each answer.
 */
public final class ProblemLanguage {

    public static final String JA = "ja";
    public static final String EN = "en";

    private static final Map<String, String> TITLES_JA = load("titles_ja.properties");

    /** English platform messages and their Japanese; the first matching pattern wins. */
    private static final List<Map.Entry<Pattern, Function<Matcher, String>>> MESSAGES_JA = List.of(
            rule("is not a known field", m -> "未知の項目です"),
            rule("has the wrong type or shape", m -> "型または形が正しくありません"),
            rule("must be one of (.+)", m -> m.group(1) + " のいずれかにしてください"),
            rule("is not a valid (.+)", m -> "正しい" + typeJa(m.group(1)) + "ではありません"),
            rule("must be true or false", m -> "true か false にしてください"),
            rule("must not be null", m -> "必須です"),
            rule("must not be blank", m -> "入力してください"),
            rule("must not be empty", m -> "空にはできません"),
            rule("must not hold null inside a list", m -> "リストに null は入れられません"),
            rule("must not contain the NUL character \\(U\\+0000\\)", m -> "NUL 文字 (U+0000) は使えません"),
            rule("must not contain an unpaired UTF-16 surrogate", m -> "対になっていないサロゲートは使えません"),
            rule("must not contain the non-character (U\\+[0-9A-F]+)", m -> "非文字 " + m.group(1) + " は使えません"),
            rule("must be between the years (\\d+) and (\\d+)", m -> m.group(1) + "年から" + m.group(2) + "年までにしてください"),
            rule("size must be between (\\d+) and (\\d+)", m -> m.group(1) + "〜" + m.group(2) + " 件（文字）にしてください"),
            rule("must be greater than or equal to (-?\\d+)", m -> m.group(1) + " 以上にしてください"),
            rule("must be less than or equal to (-?\\d+)", m -> m.group(1) + " 以下にしてください"),
            rule("must be greater than (-?\\d+)", m -> m.group(1) + " より大きくしてください"),
            rule("must be less than (-?\\d+)", m -> m.group(1) + " より小さくしてください"),
            rule("must be a well-formed email address", m -> "メールアドレスの形式にしてください"),
            rule("must be a date in the past or in the present", m -> "現在以前の日付にしてください"),
            rule("must not be in the future", m -> "未来の日時にはできません"),
            rule("must be true", m -> "true にしてください"),
            rule("must match \"(.*)\"", m -> "形式 " + m.group(1) + " に合いません"),
            rule("must be base64", m -> "base64 にしてください"),
            rule("must be ja or en", m -> "ja か en にしてください"));

    private ProblemLanguage() {}

    /**
     * The language to answer in, from an {@code Accept-Language} list in the caller's order of preference: the first
     * of ja and en the caller names; English when it names neither.
     */
    public static String choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if (JA.equals(language) || EN.equals(language)) {
                return language;
            }
        }
        return EN;
    }

    /** The same, from an {@code Accept-Language} header as sent (weights honoured); English when unreadable. */
    public static String choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            return choose(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(r -> r.getWeight() > 0)
                    .map(r -> Locale.forLanguageTag(r.getRange()))
                    .toList());
        } catch (IllegalArgumentException e) {
            return EN;
        }
    }

    /** The same problem in Japanese where the platform knows the words; unchanged for English. */
    public static Problem localize(Problem problem, String language) {
        if (!JA.equals(language)) {
            return problem;
        }
        List<Problem.FieldError> errors = problem.errors() == null ? null : localizeErrors(problem.errors());
        String detail = problem.detail();
        if ("validation".equals(kindOf(problem.type())) && errors != null && !errors.isEmpty()) {
            detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        }
        return new Problem(
                problem.type(),
                titleJa(problem.type(), problem.title()),
                problem.status(),
                detail,
                problem.instance(),
                errors);
    }

    /** A problem body that carries extension members, as a map in member order. */
    public static Map<String, Object> localize(Map<?, ?> body, String language) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> out.put(String.valueOf(k), v));
        if (!JA.equals(language)) {
            return out;
        }
        Object type = out.get("type");
        if (type instanceof String t) {
            out.put("title", titleJa(t, out.get("title") instanceof String s ? s : null));
        }
        if (out.get("errors") instanceof List<?> list && list.stream().allMatch(e -> e instanceof Problem.FieldError)) {
            List<Problem.FieldError> errors = new ArrayList<>();
            list.forEach(e -> errors.add((Problem.FieldError) e));
            out.put("errors", localizeErrors(errors));
        }
        return out;
    }

    /** The Japanese title of a problem type; the English one for a kind without a line (never expected). */
    public static String titleJa(String type, String english) {
        String title = TITLES_JA.get(kindOf(type));
        return title != null ? title : english;
    }

    /** Whether a kind has a Japanese title. */
    public static boolean hasTitle(String kind) {
        return TITLES_JA.containsKey(kind);
    }

    public static String messageJa(String english) {
        if (english == null) {
            return null;
        }
        for (Map.Entry<Pattern, Function<Matcher, String>> rule : MESSAGES_JA) {
            Matcher m = rule.getKey().matcher(english);
            if (m.matches()) {
                return rule.getValue().apply(m);
            }
        }
        return english;
    }

    private static List<Problem.FieldError> localizeErrors(List<Problem.FieldError> errors) {
        return errors.stream()
                .map(e -> new Problem.FieldError(e.field(), messageJa(e.message())))
                .toList();
    }

    static String kindOf(String type) {
        if (type == null) {
            return "";
        }
        return type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : type;
    }

    private static String typeJa(String english) {
        return switch (english) {
            case "integer" -> "整数";
            case "UUID" -> " UUID ";
            case "date (YYYY-MM-DD)" -> "日付 (YYYY-MM-DD) ";
            case "RFC 3339 date-time" -> "日時 (RFC 3339) ";
            case "boolean" -> "真偽値";
            default -> " " + english + " ";
        };
    }

    private static Map.Entry<Pattern, Function<Matcher, String>> rule(String regex, Function<Matcher, String> ja) {
        return Map.entry(Pattern.compile(regex), ja);
    }

    private static Map<String, String> load(String name) {
        Properties properties = new Properties();
        try (InputStream in = ProblemLanguage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        properties.forEach((k, v) -> titles.put((String) k, (String) v));
        return Map.copyOf(titles);
    }
}
