package dev.mamori.request.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How request-service reaches client companies' systems (decided corrections, status callbacks):
 * {@code mamori.client-systems.*}. The JVM's default certificates decide whom to trust, and with a trust store also
 * the certificates in it (a client system with a private CA, or a test server). Whether plain http may be called
 * and which internal hosts a tenant may name is {@code mamori.outbound.*} (platform OutboundUrls).
 */
@ConfigMapping(prefix = "mamori.client-systems")
public interface ClientSystemsConfig {

    TrustStore trustStore();

    interface TrustStore {
        /** A file path, or a class-path resource when no such file exists; absent: the JVM's defaults only. */
        Optional<String> path();

        Optional<String> password();

        /** PKCS12, JKS or PEM (a file of one or more certificates). */
        @WithDefault("PKCS12")
        Type type();
    }

    enum Type {
        PKCS12,
        JKS,
        PEM
    }
}
