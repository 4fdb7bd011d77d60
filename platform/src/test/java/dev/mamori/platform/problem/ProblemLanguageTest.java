package dev.mamori.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProblemLanguageTest {

    @Test
    void theCallersFirstKnownLanguageWinsAndEnglishOtherwise() {
        assertEquals("ja", ProblemLanguage.choose("ja,en;q=0.8"));
        assertEquals("en", ProblemLanguage.choose("en-GB,ja;q=0.5"));
        assertEquals("ja", ProblemLanguage.choose("fr, ja-JP;q=0.7, en;q=0.3"));
        assertEquals("en", ProblemLanguage.choose("fr"));
        assertEquals("en", ProblemLanguage.choose((String) null));
        assertEquals("en", ProblemLanguage.choose(";;;q=x\u0000"));
        assertEquals("en", ProblemLanguage.choose("ja;q=0, en"));
        assertEquals("ja", ProblemLanguage.choose(List.of(Locale.forLanguageTag("de"), Locale.JAPANESE)));
    }

    @Test
    void japaneseKeepsTypeStatusFieldAndInstanceAndTranslatesTitleAndPlatformMessages() {
        Problem english = new Problem(
                Problem.type("validation"),
                "Request is not valid",
                400,
                "purposeCode: is not a known field; givenAt: is not a valid RFC 3339 date-time",
                "/v1/consents",
                List.of(
                        new Problem.FieldError("purposeCode", "is not a known field"),
                        new Problem.FieldError("givenAt", "is not a valid RFC 3339 date-time")));
        Problem ja = ProblemLanguage.localize(english, "ja");
        assertEquals(english.type(), ja.type());
        assertEquals(400, ja.status());
        assertEquals("/v1/consents", ja.instance());
        assertEquals("入力内容に誤りがあります", ja.title());
        assertEquals("purposeCode", ja.errors().get(0).field());
        assertEquals("未知の項目です", ja.errors().get(0).message());
        assertEquals("正しい日時 (RFC 3339) ではありません", ja.errors().get(1).message());
        assertEquals("purposeCode: 未知の項目です; givenAt: 正しい日時 (RFC 3339) ではありません", ja.detail());
        assertSame(english, ProblemLanguage.localize(english, "en"));
    }

    @Test
    void aDomainRefusalGetsItsJapaneseTitleAndKeepsItsOwnDetail() {
        Problem english = new Problem(
                Problem.type("refusal-reason-required"), "Reason required", 422, "explain the refusal", null, null);
        Problem ja = ProblemLanguage.localize(english, "ja");
        assertEquals("理由の説明を入力してください", ja.title());
        assertEquals("explain the refusal", ja.detail());
    }

    @Test
    void extensionBodiesAreTranslatedToo() {
        Map<String, Object> ja = ProblemLanguage.localize(
                Map.of(
                        "type",
                        Problem.type("code-mismatch"),
                        "title",
                        "Code does not match",
                        "attemptsLeft",
                        3,
                        "errors",
                        List.of(new Problem.FieldError("code", "must not be blank"))),
                "ja");
        assertEquals("確認コードが一致しません", ja.get("title"));
        assertEquals(3, ja.get("attemptsLeft"));
        assertEquals(List.of(new Problem.FieldError("code", "入力してください")), ja.get("errors"));
    }

    @Test
    void unknownMessagesStayAsWrittenAndConstraintMessagesAreTranslated() {
        assertEquals("must be a purpose code", ProblemLanguage.messageJa("must be a purpose code"));
        assertEquals("1〜64 件（文字）にしてください", ProblemLanguage.messageJa("size must be between 1 and 64"));
        assertEquals(
                "NUL 文字 (U+0000) は使えません", ProblemLanguage.messageJa("must not contain the NUL character (U+0000)"));
        assertEquals("[A, B] のいずれかにしてください", ProblemLanguage.messageJa("must be one of [A, B]"));
    }

    /** Every kind any service throws has a Japanese title: a new refusal without one fails here. */
    @Test
    void everyKindThrownInTheSourcesHasAJapaneseTitle() throws IOException {
        Pattern thrown = Pattern.compile(
                "(?:ProblemException\\.(?:conflict|unprocessable|forbidden|badRequest)|new ProblemException|"
                        + "Problem\\.type|problem)\\(\\s*(?:\\d+,\\s*)?\"([a-z0-9][a-z0-9-]*)\"");
        Path root = Path.of("..").toAbsolutePath().normalize();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")
                            && p.toString().contains("/src/main/java/")
                            && !p.toString().contains("/.git/"))
                    .toList()) {
                Matcher m = thrown.matcher(Files.readString(file));
                while (m.find()) {
                    kinds.add(m.group(1));
                    if (!ProblemLanguage.hasTitle(m.group(1))) {
                        missing.add(m.group(1) + " (" + root.relativize(file) + ")");
                    }
                }
            }
        }
        assertTrue(kinds.size() > 100, "the scan found the services' sources: " + kinds.size());
        assertTrue(missing.isEmpty(), "kinds without a Japanese title in titles_ja.properties: " + missing);
        assertFalse(ProblemLanguage.hasTitle("no-such-kind"));
    }
}
