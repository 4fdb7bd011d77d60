package dev.mamori.center.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Issues the forms' tokens and checks a posted one before the privacy center calls any service for it. */
@ApplicationScoped
public class FormGuard {

    private static final Logger LOG = Logger.getLogger(FormGuard.class);

    private final FormTokens tokens;
    private final CenterConfig config;
    private final Clock clock;

    @Inject
    public FormGuard(CenterConfig config) {
        this(config, Clock.systemUTC());
    }

    FormGuard(CenterConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        byte[] key;
        if (config.formKey().isPresent() && !config.formKey().get().isBlank()) {
            key = config.formKey().get().getBytes(StandardCharsets.UTF_8);
        } else {
            LOG.warn("mamori.center.form-key is not set: a random key is drawn for this start. Fine on a developer's"
                    + " machine; in a deployment set it (the same on every replica), or forms are refused after a"
                    + " restart or when a post reaches another replica.");
            key = FormTokens.randomKey();
        }
        this.tokens = new FormTokens(key);
    }

    /** The token for a form of the page's tenant, bound to the reader's nonce cookie. */
    public String token(String tenant, String form, String nonce) {
        return tokens.issue(tenant, form, nonce, Instant.now(clock).plus(config.formTtl()));
    }

    /** Refuses (403, nothing sent) a post whose token is missing, forged, another form's, or expired. */
    public void check(String tenant, String form, String nonce, String token, String back) {
        if (!tokens.valid(tenant, form, nonce, token, Instant.now(clock))) {
            throw new Refused(403, "error.form-token", back);
        }
    }

    /**
     * The nonce cookie: HttpOnly (no script reads it; there is none anyway), SameSite=Strict (never sent with a post
     * from another site), for the session only.
     */
    public NewCookie cookie(String nonce) {
        return new NewCookie.Builder(FormTokens.COOKIE)
                .value(nonce)
                .path("/")
                .httpOnly(true)
                .secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
