package dev.mamori.platform.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.net.OutboundUrls;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on this machine, allowed for one tenant as the services' tests allow it. */
class SignedSenderTest {

    private static final String SECRET = "owning-system-secret";

    record Received(String path, Map<String, String> headers, byte[] body) {}

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static SignedSender sender;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().subscribe().with(body -> {
                    received.add(new Received(
                            request.path(),
                            Map.of(
                                    "timestamp", String.valueOf(request.getHeader(Signature.TIMESTAMP_HEADER)),
                                    "signature", String.valueOf(request.getHeader(Signature.SIGNATURE_HEADER)),
                                    "delivery", String.valueOf(request.getHeader("X-Mamori-Delivery")),
                                    "type", String.valueOf(request.getHeader("Content-Type"))),
                            body.getBytes()));
                    if (request.path().equals("/moved")) {
                        request.response()
                                .setStatusCode(307)
                                .putHeader("Location", "/elsewhere")
                                .endAndForget();
                    } else {
                        request.response().setStatusCode(200).endAndForget("{\"erased\":2}");
                    }
                }))
                .listen(0)
                .await()
                .atMost(Duration.ofSeconds(10));
        OutboundUrls outbound = new OutboundUrls(new OutboundUrls.Settings() {
            public boolean allowHttp() {
                return true;
            }

            public Map<String, List<String>> allowedHosts() {
                return Map.of("tenant-a", List.of("localhost"));
            }
        });
        sender = new SignedSender(vertx, outbound, new WebClientOptions(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (sender != null) {
            sender.close();
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }

    private static String url(String path) {
        return "http://localhost:" + server.actualPort() + path;
    }

    @Test
    void shouldPostTheBodySignedWithTimestampAndTheCallersHeaders() {
        byte[] body = "{\"erasureRequestId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.now();
        SignedSender.Response response = sender.post(
                        "tenant-a", url("/erase"), body, SECRET, Map.of("X-Mamori-Delivery", "e-1"), at)
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(200, response.status());
        assertTrue(response.ok());
        assertEquals("{\"erased\":2}", response.body());
        Received r = received.stream()
                .filter(x -> x.path().equals("/erase"))
                .findFirst()
                .orElseThrow();
        assertEquals(Long.toString(at.getEpochSecond()), r.headers().get("timestamp"));
        assertEquals("e-1", r.headers().get("delivery"));
        assertEquals("application/json", r.headers().get("type"));
        assertDoesNotThrow(
                () -> SignatureVerifier.withDefaultWindow()
                        .verify(
                                SECRET,
                                r.headers().get("timestamp"),
                                r.headers().get("signature"),
                                r.body()),
                "a receiver accepts it");
    }

    @Test
    void shouldNotFollowARedirect() {
        SignedSender.Response response = sender.post("tenant-a", url("/moved"), new byte[0], SECRET, Map.of())
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(307, response.status());
        assertTrue(
                received.stream().noneMatch(x -> x.path().equals("/elsewhere")),
                "the redirect's target was not called");
    }

    @Test
    void shouldCallNothingWhenTheUrlIsRefusedForTheTenant() {
        int before = received.size();
        Throwable refused = assertThrows(
                Throwable.class, () -> sender.post("tenant-b", url("/erase"), new byte[0], SECRET, Map.of())
                        .await()
                        .atMost(Duration.ofSeconds(10)));
        Throwable cause = refused instanceof OutboundUrls.Refused ? refused : refused.getCause();
        assertInstanceOf(OutboundUrls.Refused.class, cause, String.valueOf(refused));
        assertTrue(cause.getMessage().contains("internal address"), cause.getMessage());
        assertEquals(before, received.size());
    }
}
