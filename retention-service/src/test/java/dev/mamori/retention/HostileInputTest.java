package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a caller can send never earns a 5xx: NUL and broken text in bodies, queries and paths, URI-special
 * characters in path refs, over-long values and wrongly typed query parameters are all refused with a 4xx
 * problem+json, and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {

    private static final String TENANT = "tenant-a";
    /** Path segments as they go on the wire: NUL, '%' alone or with bad hex, and characters a URI must escape. */
    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "%00",
            "a%00b",
            "%25",
            "a%25b",
            "%7B",
            "a%7Bb%7D",
            "%7C",
            "%5E",
            "%5C",
            "a%5Cb",
            "%C3%28",
            "%ED%A0%80",
            "%EF%BF%BF",
            "%0A",
            "%20",
            "..",
            "x".repeat(129),
            "a%2Fb");
    /** The same characters sent raw, as a client that does not escape them would. */
    private static final List<String> RAW_SEGMENTS = List.of("%", "a%zz", "a%", "{", "a{b}", "|", "^", "a\\b", "%G0");

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(1)
                .withNano(0)
                .toString();
    }

    private static void assertProblem(Response response, String what) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, what + ": expected a 4xx, got " + status + " " + response.asString());
        assertTrue(
                String.valueOf(response.contentType()).startsWith("application/problem+json"),
                what + ": expected problem+json, got " + response.contentType() + " " + response.asString());
    }

    private static void assertFieldRefused(Response response, String field, String what) {
        assertProblem(response, what);
        assertEquals(400, response.statusCode(), what + ": " + response.asString());
        assertEquals(field, response.jsonPath().getString("errors[0].field"), what + ": " + response.asString());
    }

    @Test
    void shouldRefuseBrokenTextInBodiesNamingTheFieldAndStoreNothing() {
        String category = addCategory(TENANT, uniqueCode("hostile"), "");
        String subject = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        // JSON escapes: NUL, a lone high and a lone low surrogate, a non-character.
        for (String bad : List.of("\\u0000", "a\\u0000b", "\\ud800", "a\\udc00b", "\\uffff")) {
            assertFieldRefused(
                    as(TENANT, "client-system")
                            .body(holding(subject, category, recent(), bad))
                            .post("/v1/holdings"),
                    "locator",
                    "holding locator " + bad);
            assertFieldRefused(
                    as(TENANT, "client-system")
                            .body(holding(subject + bad, category, recent(), "l/1"))
                            .post("/v1/holdings"),
                    "subjectRef",
                    "holding subjectRef " + bad);
            assertFieldRefused(
                    as(TENANT, "privacy-officer")
                            .body("{\"subjectRef\": \"" + subject + "\", \"reason\": \"x" + bad + "\"}")
                            .post("/v1/legal-holds"),
                    "reason",
                    "legal hold reason " + bad);
            assertFieldRefused(
                    as(TENANT, "privacy-officer")
                            .body("{\"ref\": \"c-1\", \"name\": \"" + bad + "\", \"startsOn\": \"2026-01-01\"}")
                            .post("/v1/contracts"),
                    "name",
                    "contract name " + bad);
        }
        Response batch = as(TENANT, "client-system")
                .body("{\"holdings\": [" + holding(subject, category, recent(), "ok") + ","
                        + holding(subject, category, recent(), "a\\u0000") + "]}")
                .post("/v1/holdings/batch");
        assertProblem(batch, "batch with NUL in row 1");
        assertTrue(batch.asString().contains("holdings[1].locator"), batch.asString());
        // Over-long values.
        assertFieldRefused(
                as(TENANT, "client-system")
                        .body(holding(subject, category, recent(), "l".repeat(401)))
                        .post("/v1/holdings"),
                "locator",
                "401-character locator");
        assertFieldRefused(
                as(TENANT, "client-system")
                        .body(holding("s".repeat(129), category, recent(), "l"))
                        .post("/v1/holdings"),
                "subjectRef",
                "129-character subjectRef");
        assertProblem(
                as(TENANT, "privacy-officer")
                        .body(Map.of("subjectRef", subject, "reason", "r".repeat(100_000)))
                        .post("/v1/legal-holds"),
                "100,000-character reason");
        // Dates outside the calendar or the suite's years.
        for (String until : List.of("2200-01-01T00:00:00Z", "2027-02-30T00:00:00Z", "1", "2027-01-01")) {
            assertFieldRefused(
                    as(TENANT, "privacy-officer")
                            .body("{\"subjectRef\": \"" + subject + "\", \"reason\": \"x\", \"until\": \"" + until
                                    + "\"}")
                            .post("/v1/legal-holds"),
                    "until",
                    "legal hold until " + until);
        }
        // Wrong types.
        assertFieldRefused(
                as(TENANT, "privacy-officer")
                        .body("{\"subjectRef\": 12, \"reason\": \"x\"}")
                        .post("/v1/legal-holds"),
                "subjectRef",
                "number for a ref");
        assertFieldRefused(
                as(TENANT, "client-system")
                        .body("{\"erasureRequestId\": \"not-a-uuid\", \"erased\": 1}")
                        .post("/v1/erasure-confirmations"),
                "erasureRequestId",
                "bad UUID in body");

        assertEquals(0, Db.count("SELECT count(*) FROM holding WHERE subject_ref LIKE ?", "hostile-%"));
        assertEquals(
                0,
                Db.count("SELECT count(*) FROM legal_hold WHERE tenant_id = ? AND subject_ref = ?", TENANT, subject));
        as(TENANT, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void shouldRefuseHostileQueryValuesNamingTheParameter() {
        for (String list : List.of(
                "/v1/legal-holds",
                "/v1/purge-runs",
                "/v1/owning-systems",
                "/v1/contracts",
                "/v1/data-categories",
                "/v1/erasure-requests",
                "/v1/deletion-certificates",
                "/v1/subjects/cust-1/holdings")) {
            for (String limit : List.of("abc", "1.5", "0", "-1", "99999", "%00", "1%00", "9999999999999")) {
                assertFieldRefused(
                        as(TENANT, "privacy-officer").urlEncodingEnabled(false).get(list + "?limit=" + limit),
                        "limit",
                        list + " limit=" + limit);
            }
            assertFieldRefused(
                    as(TENANT, "privacy-officer").urlEncodingEnabled(false).get(list + "?offset=x"),
                    "offset",
                    list + " offset=x");
        }
        assertFieldRefused(
                as(TENANT, "privacy-officer").urlEncodingEnabled(false).get("/v1/legal-holds?active=%00"),
                "active",
                "active=NUL");
        assertFieldRefused(
                as(TENANT, "privacy-officer").urlEncodingEnabled(false).get("/v1/legal-holds?active=maybe"),
                "active",
                "active=maybe");
        assertFieldRefused(
                as(TENANT, "privacy-officer").urlEncodingEnabled(false).get("/v1/erasure-requests?status=LOST"),
                "status",
                "unknown status");
        assertFieldRefused(
                as(TENANT, "privacy-officer").urlEncodingEnabled(false).get("/v1/erasure-requests?requestRef=a%00b"),
                "requestRef",
                "NUL in requestRef");
        assertFieldRefused(
                as(TENANT, "privacy-officer")
                        .urlEncodingEnabled(false)
                        .get("/v1/deletion-certificates?requestRef=a%00b"),
                "requestRef",
                "NUL in certificate requestRef");
        assertFieldRefused(
                as(TENANT, "privacy-officer")
                        .urlEncodingEnabled(false)
                        .get("/v1/deletion-certificates/" + UUID.randomUUID() + "?format=pdf"),
                "format",
                "format=pdf");
    }

    @Test
    void shouldRefuseHostileEscapedPathValuesWithAProblem() {
        for (String segment : HOSTILE_SEGMENTS) {
            for (String path : List.of(
                    "/v1/subjects/%s/holdings",
                    "/v1/contracts/%s",
                    "/v1/contracts/%s/extensions",
                    "/v1/data-categories/%s",
                    "/v1/owning-systems/%s",
                    "/v1/legal-holds/%s",
                    "/v1/purge-runs/%s",
                    "/v1/erasure-requests/%s",
                    "/v1/deletion-certificates/%s",
                    "/v1/deletion-certificates/%s/verification")) {
                String url = path.formatted(segment);
                assertProblem(
                        as(TENANT, "privacy-officer").urlEncodingEnabled(false).get(url), "GET " + url);
            }
            String erase = "/v1/subjects/" + segment + "/erasure";
            assertProblem(
                    RestAssured.given()
                            .auth()
                            .oauth2(TestTokens.service("request-service"))
                            .header("X-Mamori-Tenant", TENANT)
                            .contentType("application/json")
                            .urlEncodingEnabled(false)
                            .body(Map.of("requestRef", "req-hostile"))
                            .post(erase),
                    "POST " + erase);
        }
        assertEquals(0, Db.count("SELECT count(*) FROM erasure_request WHERE request_ref = 'req-hostile'"));
        // Longer than the server takes in a request line at all.
        String huge = "/v1/subjects/" + "x".repeat(20_000) + "/holdings";
        assertProblem(
                as(TENANT, "privacy-officer").urlEncodingEnabled(false).get(huge), "GET of a 20,000-character ref");
        assertProblem(
                as(TENANT, "privacy-officer")
                        .urlEncodingEnabled(false)
                        .get("/v1/legal-holds?limit=" + "9".repeat(20_000)),
                "20,000-digit limit");
    }

    /**
     * Sent raw, these make the request line an invalid URI. Quarkus's HTTP layer answers such a request 400 with an
     * empty body before any code of the suite runs (so no problem+json can be given); what matters here is that it
     * is a 4xx, never a 5xx, and that a body, when there is one, is a problem.
     */
    @Test
    void shouldRefuseRawUriSpecialCharactersInPathsWithAClientError() throws IOException {
        String token = TestTokens.forTenant(TENANT, "privacy-officer");
        for (String segment : RAW_SEGMENTS) {
            for (String path : List.of(
                    "/v1/subjects/%s/holdings",
                    "/v1/subjects/%s/erasure",
                    "/v1/contracts/%s",
                    "/v1/legal-holds/%s",
                    "/v1/data-categories/%s",
                    "/v1/owning-systems/%s")) {
                String target = path.formatted(segment);
                RawAnswer answer = raw("GET", target, token);
                assertEquals(400, answer.status(), "GET " + target + ": " + answer.body());
                assertTrue(
                        answer.contentLength() == 0 || answer.contentType().startsWith("application/problem+json"),
                        "GET " + target + ": expected problem+json, got " + answer.contentType() + " " + answer.body());
            }
        }
    }

    record RawAnswer(int status, String contentType, int contentLength, String body) {}

    /** A request written byte for byte, so the path goes on the wire exactly as given. */
    private static RawAnswer raw(String method, String target, String token) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String contentType = "";
            int contentLength = -1;
            int end = text.indexOf("\r\n\r\n");
            for (String line : text.substring(0, Math.max(0, end)).split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                } else if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(
                            line.substring("content-length:".length()).trim());
                }
            }
            if (contentLength < 0) {
                contentLength = end < 0 ? 0 : text.length() - end - 4;
            }
            return new RawAnswer(status, contentType, contentLength, text);
        }
    }
}
