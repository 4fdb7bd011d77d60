package dev.mamori.platform.tenant;

import dev.mamori.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and for which tenant (client company). The tenant always comes from the verified token, never
 * from a request body or path: that is the suite's isolation model. The single exception is background work
 * between services: a token with the {@code service} role may name the tenant it acts for in
 * {@value #TENANT_HEADER}; any other caller sending that header is refused.
 */
@RequestScoped
public class TenantContext {

    public static final String TENANT_HEADER = "X-Mamori-Tenant";
    public static final String TENANT_CLAIM = "tenant";
    public static final String GROUP_CLAIM = "group";
    /** What a tenant id looks like, for {@code @Pattern} on a body that names another tenant (joint use). */
    public static final String TENANT_ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public static final String TENANT_ID_MESSAGE = "must be a tenant id (lower-case letters, digits and '-')";
    private static final Pattern TENANT_ID = Pattern.compile(TENANT_ID_PATTERN);

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private String tenantId;

    public TenantContext(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    /** The tenant this call acts for; a call that cannot name one is refused with 403. */
    public String tenantId() {
        // Asked several times per request (service, audit, repositories): worked out once.
        String known = tenantId;
        if (known == null) {
            known = tenantId = resolveTenantId();
        }
        return known;
    }

    private String resolveTenantId() {
        String named = request.getHeader(TENANT_HEADER);
        if (named != null) {
            if (!identity.hasRole(Roles.SERVICE)) {
                throw ProblemException.forbidden(
                        "tenant-header-forbidden", "Only service tokens may name a tenant in " + TENANT_HEADER);
            }
            if (!TENANT_ID.matcher(named).matches()) {
                throw ProblemException.badRequest(
                        "invalid-tenant-header",
                        TENANT_HEADER + " must be a tenant id (lower-case letters, digits and '-')");
            }
            return named;
        }
        return claim(TENANT_CLAIM)
                .orElseThrow(() -> ProblemException.forbidden(
                        "tenant-missing",
                        "The token carries no tenant claim"
                                + (identity.hasRole(Roles.SERVICE)
                                        ? "; a service token must name the tenant in " + TENANT_HEADER
                                        : "")));
    }

    /** The company group the caller belongs to, for joint use (APPI Art. 27(5)(iii)). */
    public Optional<String> group() {
        return claim(GROUP_CLAIM);
    }

    /** The token's subject: the user, or the service account of a client. */
    public String actorSubject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The OAuth client that obtained the token (Keycloak's {@code azp}), when the token names one. */
    public String actorClient() {
        return claim("azp").or(() -> claim("client_id")).orElse(null);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public static boolean isTenantId(String value) {
        return value != null && TENANT_ID.matcher(value).matches();
    }

    private Optional<String> claim(String name) {
        return claim(identity, name);
    }

    /** A text claim of the caller's verified token, blank as absent; for code that runs before a tenant is chosen. */
    public static Optional<String> claim(SecurityIdentity identity, String name) {
        // Read once per token when it was verified (VerifiedTokenCache): JsonWebToken.getClaim looks a name up in
        // the standard-claims enum first and, for a custom claim such as "tenant", pays for an exception each time.
        if (identity.getAttribute(VerifiedTokenCache.CLAIMS) instanceof Map<?, ?> claims
                && VerifiedTokenCache.READ_CLAIMS.contains(name)) {
            return Optional.ofNullable((String) claims.get(name));
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(text(jwt.getClaim(name)));
        }
        return Optional.empty();
    }

    /** A claim's value as text, or null when it is absent or blank. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return text.isBlank() ? null : text;
    }
}
