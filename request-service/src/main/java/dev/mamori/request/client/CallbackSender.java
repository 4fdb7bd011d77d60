package dev.mamori.request.client;

import dev.mamori.platform.signing.Signature;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.request.TaskAction;
import dev.mamori.request.service.RequestConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * Posts to the client system: status callbacks and decided corrections. Each body is signed with the tenant's
 * secret, HMAC-SHA256 over the raw bytes sent, in {@value #SIGNATURE}: the receiver verifies it before parsing
 * (the OpenGDPR practice). The body is sent exactly as stored, so a retry carries the same signature.
 */
@ApplicationScoped
@Startup // created at start, so that a refused secret stops the start rather than the first callback
public class CallbackSender {

    public static final String SIGNATURE = Signature.HEADER;
    public static final String EVENT = "X-Mamori-Event";
    public static final String DELIVERY = "X-Mamori-Delivery";

    private final WebClient client;
    private final RequestConfig config;

    public CallbackSender(Vertx vertx, RequestConfig config) {
        this.config = config;
        RequestConfig.Callback cb = config.callback();
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) cb.connectTimeout().toMillis())
                .setIdleTimeout((int) cb.timeout().toSeconds())
                .setFollowRedirects(false)
                .setUserAgent("mamori-request-service");
        if (cb.trustAll()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("mamori.request.callback.trust-all is for tests only");
            }
            options.setTrustAll(true).setVerifyHost(false);
        }
        this.client = WebClient.create(vertx, options);
        // The dev secret is published in this repository: a signature made with it proves nothing, so a packaged
        // service refuses to start with it rather than sign real callbacks (APPI Art. 23, security control measures).
        if (LaunchMode.current() == LaunchMode.NORMAL && (cb.defaultSecret().equals(RequestConfig.DEV_CALLBACK_SECRET)
                || cb.secrets().containsValue(RequestConfig.DEV_CALLBACK_SECRET))) {
            throw new IllegalStateException("Callbacks would be signed with the published dev secret: set "
                    + "MAMORI_CALLBACK_SECRET (and mamori.request.callback.secrets.<tenant>) to secrets of your own");
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Uni<Delivery> post(String tenant, TaskAction action, String key, Envelope envelope) {
        if (envelope.url() == null) {
            return Uni.createFrom().item(new Delivery(false, false, null, null,
                    "no client-system callback URL: give one on the request or in the tenant's request settings, "
                            + "then retry"));
        }
        byte[] body = envelope.body().getBytes(StandardCharsets.UTF_8);
        return client.requestAbs(HttpMethod.POST, envelope.url())
                .timeout(config.callback().timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(SIGNATURE, Signature.of(secretOf(tenant), body))
                .putHeader(EVENT, action == TaskAction.PASS_CORRECTION ? "request.correction" : "request.status")
                .putHeader(DELIVERY, key)
                .putHeader(Idempotency.HEADER, key)
                .sendBuffer(Buffer.buffer(body))
                .map(response -> response.statusCode() / 100 == 2
                        ? Delivery.ok(response.statusCode(), null)
                        : Delivery.failed(response.statusCode(), "client system answered HTTP " + response.statusCode()));
    }

    String secretOf(String tenant) {
        return config.callback().secrets().getOrDefault(tenant, config.callback().defaultSecret());
    }
}
