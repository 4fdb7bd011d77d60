package dev.mamori.request.client;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * request-service calls the other services with its own token (client-credentials grant, client secret
 * OIDC_CLIENT_SECRET). Packaged (the prod profile has no fallback for it) a missing secret stops the start, rather
 * than every erasure, stop and disclosure call failing later with 401 (APPI Art. 23: security control measures).
 * The Quarkus OIDC client itself only notices at the first call.
 */
@ApplicationScoped
@Startup
public class ClientSecretCheck {

    public ClientSecretCheck(@ConfigProperty(name = "quarkus.oidc-client.credentials.secret") Optional<String> secret) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && secret.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException(
                    "OIDC_CLIENT_SECRET is not set: request-service needs the secret of its "
                            + "client at the OIDC provider (quarkus.oidc-client.credentials.secret) to call the other services");
        }
    }
}
