package dev.mamori.platform.signing;

import dev.mamori.platform.net.OutboundUrls;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sends one signed POST to a system a tenant named (a client system's callback URL, an owning system's erasure
 * URL): the URL passes the platform's outbound rule again right before the call ({@link OutboundUrls}: a name may
 * resolve elsewhere by now, or the allow-list changed), the body is signed with the {@link Signature} headers, and
 * redirects are never followed, whatever options the caller gives (a redirect's target was not checked and could be
 * an internal address). APPI Art. 23: security control measures.
 *
 * <p>A refused URL fails the answer with {@link OutboundUrls.Refused}; a connection failure or timeout fails it as
 * the client reports it; any HTTP answer, 3xx to 5xx included, is a {@link Response} for the caller to judge.
 */
public final class SignedSender implements AutoCloseable {

    /** What the system answered: its status and body as text. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Vertx vertx;
    private final OutboundUrls outbound;
    private final WebClient client;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param options connection settings (timeouts, trust, user agent); redirects are switched off here
     * @param timeout how long one call may take, answer included
     */
    public SignedSender(Vertx vertx, OutboundUrls outbound, WebClientOptions options, Duration timeout, Clock clock) {
        this.vertx = vertx;
        this.outbound = outbound;
        this.timeout = timeout;
        this.clock = clock;
        this.client = WebClient.create(
                vertx, new WebClientOptions(options).setFollowRedirects(false).setMaxRedirects(0));
    }

    public SignedSender(Vertx vertx, OutboundUrls outbound, WebClientOptions options, Duration timeout) {
        this(vertx, outbound, options, timeout, Clock.systemUTC());
    }

    /** Posts {@code body} (JSON) to {@code url} for {@code tenant}, signed now with {@code secret}. */
    public Uni<Response> post(String tenant, String url, byte[] body, String secret, Map<String, String> headers) {
        return post(tenant, url, body, secret, headers, clock.instant());
    }

    /**
     * As {@link #post(String, String, byte[], String, Map)}, signed with the time {@code at}: for a body that states
     * when it was sent, so the body and the timestamp header agree.
     */
    public Uni<Response> post(
            String tenant, String url, byte[] body, String secret, Map<String, String> headers, Instant at) {
        // The check resolves the host name: on a worker thread, not the event loop.
        return vertx.executeBlocking(() -> outbound.check(tenant, url))
                .chain(uri -> send(uri, body, secret, headers, at.getEpochSecond()));
    }

    private Uni<Response> send(URI uri, byte[] body, String secret, Map<String, String> headers, long timestamp) {
        HttpRequest<Buffer> request = client.postAbs(uri.toString())
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json");
        headers.forEach(request::putHeader);
        return request.putHeader(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(Signature.SIGNATURE_HEADER, Signature.sign(secret, timestamp, body))
                .sendBuffer(Buffer.buffer(body))
                .map(response -> new Response(response.statusCode(), response.bodyAsString()));
    }

    @Override
    public void close() {
        client.close();
    }
}
