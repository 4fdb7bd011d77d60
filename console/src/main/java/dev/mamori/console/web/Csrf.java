package dev.mamori.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Form tokens against cross-site request forgery: every form carries an HMAC of the person's sign-in session
 * (user name and Keycloak session id), and every POST must return it. Another site cannot read it; a page from an
 * earlier sign-in carries a stale one, which is refused like a forged one. Stateless: nothing is stored.
 */
@ApplicationScoped
public class Csrf {

    public static final String FIELD = "_csrf";

    private final SecretKeySpec key;

    public Csrf(@ConfigProperty(name = "mamori.console.csrf-key") Optional<String> configured) {
        byte[] bytes;
        if (configured.isPresent() && !configured.get().isBlank()) {
            bytes = configured.get().getBytes(StandardCharsets.UTF_8);
        } else {
            // Without a configured key each start draws one: forms from before a restart are then refused as stale,
            // and replicas need the same key (k8s: from the console Secret).
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String token(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean valid(String session, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        token(session).getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII));
    }
}
