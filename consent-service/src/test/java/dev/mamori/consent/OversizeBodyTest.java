package dev.mamori.consent;

import static dev.mamori.consent.ConsentFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body over the HTTP limit is refused as problem+json like every other error, whether the client announces its
 * length or streams it in chunks. The limit is lowered to 16 KiB here so the bodies stay small; production uses
 * the platform's 8M, through the same code.
 */
@QuarkusTest
@TestProfile(OversizeBodyTest.SmallLimit.class)
class OversizeBodyTest {

    static final int LIMIT = 16 * 1024;

    @TestHTTPResource("/")
    URI url;

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "16K");
        }
    }

    /** A consent body padded with spaces (still valid JSON) to exactly {@code size} bytes. */
    private static byte[] bodyOf(int size) {
        String subject = ConsentFixtures.unique("s");
        String json = ConsentFixtures.consentBody(subject, "no-such-purpose", 1, "GIVEN", null);
        byte[] core = json.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        System.arraycopy(core, 0, body, 0, core.length);
        return body;
    }

    @Test
    void shouldRefuseABodyOneByteOverTheLimitAsPayloadTooLargeProblem() {
        as("tenant-a", "client-system")
                .body(bodyOf(LIMIT + 1))
                .post("/v1/consents")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/payload-too-large"))
                .body("status", equalTo(413))
                .body("instance", equalTo("/v1/consents"));
    }

    @Test
    void shouldLetTheCallerReadThe413EvenWhenTheBodyIsFarOverTheLimit() throws Exception {
        // A caller that sends its whole body before reading (as java.net.http does) must still hear the 413: a
        // connection closed with the body unread is reset, and the reset can throw the answer away.
        byte[] body = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(url.resolve("/v1/consents"))
                            .header("Authorization", "Bearer " + TestTokens.forTenant("tenant-a", "client-system"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), "attempt " + attempt);
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitAsPayloadTooLargeProblem() {
        // An InputStream body has no length up front, so it is sent with Transfer-Encoding: chunked.
        Response response = as("tenant-a", "client-system")
                .body(new ByteArrayInputStream(bodyOf(LIMIT + 1024)))
                .post("/v1/consents");
        assertEquals(413, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0]);
        assertEquals(
                "https://mamori.dev/problems/payload-too-large",
                response.jsonPath().getString("type"));
    }

    @Test
    void shouldReadABodyOfExactlyTheLimitAndAnswerForItsContent() {
        // Not refused for size: the unknown purpose is what the caller hears about.
        as("tenant-a", "client-system")
                .body(bodyOf(LIMIT))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/unknown-purpose"));
    }

    @Test
    void shouldReadAChunkedBodyUnderTheLimitLikeAnyOther() {
        // Read through the bounded body handler and handed on: the service parses it like a body of known length.
        as("tenant-a", "client-system")
                .body(new ByteArrayInputStream(bodyOf(LIMIT / 2)))
                .post("/v1/consents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-purpose"));
    }
}
