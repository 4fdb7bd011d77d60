package dev.mamori.request.client;

import dev.mamori.platform.net.OutboundUrls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The client-system URLs a tenant gives (a request's callbackUrl, the settings' clientCallbackUrl) go through the
 * suite's outbound rule when they are registered and again right before each call, since a name may resolve
 * elsewhere later (APPI Art. 23: security control measures; the check before each call is the platform's
 * SignedSender's). The check resolves the host, so it runs on a worker thread and answers on the caller's context.
 */
@ApplicationScoped
public class ClientSystemUrls {

    private final OutboundUrls outbound;
    private final Vertx vertx;

    public ClientSystemUrls(OutboundUrls outbound, Vertx vertx) {
        this.outbound = outbound;
        this.vertx = vertx;
    }

    /** Fails with 422 {@code outbound-url-refused} naming {@code field} when the URL may not be called. */
    public Uni<Void> require(String tenant, String field, String url) {
        if (url == null) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> outbound.require(tenant, field, url)))
                .replaceWithVoid();
    }
}
