package dev.mamori.request.client;

import dev.mamori.platform.net.OutboundUrls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The client-system URLs a tenant gives (a request's callbackUrl, the settings' clientCallbackUrl) go through the
 * suite's outbound rule when they are registered and again right before each call, since a name may resolve
 * elsewhere later (APPI Art. 23: security control measures). The check resolves the host, so it runs on a worker
 * thread and answers on the caller's context.
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

    /** The URL to call now, or a failure with {@link OutboundUrls.Refused} saying why not. */
    Uni<URI> check(String tenant, String url) {
        return vertx.executeBlocking(Uni.createFrom().emitter(emitter -> {
            try {
                emitter.complete(outbound.check(tenant, url));
            } catch (OutboundUrls.Refused refused) {
                emitter.fail(refused);
            }
        }));
    }
}
