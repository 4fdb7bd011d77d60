package dev.mamori.request.client;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.net.OutboundUrls;
import dev.mamori.platform.signing.Signature;
import dev.mamori.platform.signing.SignedSender;
import dev.mamori.request.TaskAction;
import dev.mamori.request.service.RequestConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Posts to the client system: status callbacks and decided corrections, through the platform's
 * {@link SignedSender}: signed with the tenant's secret over the timestamp and the raw bytes sent (the receiver
 * verifies before parsing, and refuses what is older than its replay window), the URL checked again right before the
 * call, redirects never followed. The body is sent exactly as stored, so a retry carries the same bytes and the same
 * {@value #DELIVERY} id, by which the receiver recognises a repeat.
 */
@ApplicationScoped
@Startup // created at start, so that a refused secret stops the start rather than the first callback
public class CallbackSender {

    public static final String SIGNATURE = Signature.SIGNATURE_HEADER;
    public static final String TIMESTAMP = Signature.TIMESTAMP_HEADER;
    public static final String EVENT = "X-Mamori-Event";
    public static final String DELIVERY = "X-Mamori-Delivery";

    private final SignedSender sender;
    private final RequestConfig config;

    public CallbackSender(Vertx vertx, RequestConfig config, ClientSystemsConfig clientSystems, OutboundUrls outbound) {
        this.config = config;
        RequestConfig.Callback cb = config.callback();
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) cb.connectTimeout().toMillis())
                .setIdleTimeout((int) cb.timeout().toSeconds())
                .setVerifyHost(true)
                .setUserAgent("mamori-request-service");
        ClientSystemsConfig.TrustStore store = clientSystems.trustStore();
        store.path().ifPresent(path -> options.setTrustOptions(trustOptions(vertx, store, path)));
        this.sender = new SignedSender(vertx, outbound, options, cb.timeout());
        // The dev secret is published in this repository: a signature made with it proves nothing, so a packaged
        // service refuses to start with it rather than sign real callbacks (APPI Art. 23, security control measures).
        if (LaunchMode.current() == LaunchMode.NORMAL
                && (cb.defaultSecret().equals(RequestConfig.DEV_CALLBACK_SECRET)
                        || cb.secrets().containsValue(RequestConfig.DEV_CALLBACK_SECRET))) {
            throw new IllegalStateException("Callbacks would be signed with the published dev secret: set "
                    + "MAMORI_CALLBACK_SECRET (and mamori.request.callback.secrets.<tenant>) to secrets of your own");
        }
    }

    @PreDestroy
    void close() {
        sender.close();
    }

    Uni<Delivery> post(String tenant, TaskAction action, String key, Envelope envelope) {
        if (envelope.url() == null) {
            return Uni.createFrom()
                    .item(new Delivery(
                            false,
                            false,
                            null,
                            null,
                            "no client-system callback URL: give one on the request or in the tenant's request settings, "
                                    + "then retry"));
        }
        byte[] body = envelope.body().getBytes(StandardCharsets.UTF_8);
        // A refusal of the URL (checked again now: the name may resolve to an internal address by now) is the task's
        // recorded failure, not retried by itself: an operator retries once the URL or rule is fixed.
        return sender.post(
                        tenant,
                        envelope.url(),
                        body,
                        secretOf(tenant),
                        Map.of(
                                EVENT,
                                action == TaskAction.PASS_CORRECTION ? "request.correction" : "request.status",
                                DELIVERY,
                                key,
                                Idempotency.HEADER,
                                key))
                .map(response -> response.ok()
                        ? Delivery.ok(response.status(), null)
                        : Delivery.failed(response.status(), "client system answered HTTP " + response.status()))
                .onFailure(OutboundUrls.Refused.class)
                .recoverWithItem(refused -> new Delivery(
                        false,
                        false,
                        null,
                        null,
                        "refused to call the client system: the URL " + refused.getMessage()));
    }

    /**
     * The configured trust store, and the JVM's default certificates after it: a tenant's client system with a
     * private CA is trusted without every other tenant's publicly certified system being refused.
     */
    static TrustOptions trustOptions(Vertx vertx, ClientSystemsConfig.TrustStore store, String path) {
        String password = store.password().orElse(null);
        TrustOptions configured =
                switch (store.type()) {
                    case PKCS12 -> new PfxOptions().setPath(path).setPassword(password);
                    case JKS -> new JksOptions().setPath(path).setPassword(password);
                    case PEM -> new PemTrustOptions().addCertPath(path);
                };
        try {
            X509TrustManager own = x509(configured.getTrustManagerFactory(vertx.getDelegate()));
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            return TrustOptions.wrap(new EitherTrustManager(own, x509(defaults)));
        } catch (Exception e) {
            throw new IllegalStateException("mamori.client-systems.trust-store cannot be read: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    /** Trusts a server the first manager trusts, else one the second trusts. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notByFirst) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("request-service is a client of client systems, never their server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    String secretOf(String tenant) {
        return config.callback()
                .secrets()
                .getOrDefault(tenant, config.callback().defaultSecret());
    }
}
