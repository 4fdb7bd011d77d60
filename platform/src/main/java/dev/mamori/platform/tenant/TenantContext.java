package dev.mamori.platform.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and for which tenant (client company). The tenant always comes from the verified token, never
 * from a request body or path: that is the suite's isolation model. Two callers may name the tenant in
 * {@value #TENANT_HEADER}: a token with the {@code service} role (background work between services), and a person
 * whose token lists the tenants they serve in {@value #TENANTS_CLAIM} (one of those only). Rules: {@link TenantChoice}.
 */
@RequestScoped
public class TenantContext {

    public static final String TENANT_HEADER = "X-Mamori-Tenant";
    public static final String TENANT_CLAIM = "tenant";
    public static final String GROUP_CLAIM = "group";
    /** A list claim: the tenants a person serving several client companies may name in the header. */
    public static final String TENANTS_CLAIM = "tenants";
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
        return TenantChoice.resolve(
                request.getHeader(TENANT_HEADER),
                identity.hasRole(Roles.SERVICE),
                claim(TENANT_CLAIM).orElse(null),
                tenants(identity));
    }

    /** The tenants a person serving several client companies may choose from (claim {@value #TENANTS_CLAIM}). */
    public List<String> tenants() {
        return tenants(identity);
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

    /** The caller's {@value #TENANTS_CLAIM} list claim, empty when absent. */
    public static List<String> tenants(SecurityIdentity identity) {
        if (identity.getAttribute(VerifiedTokenCache.TENANTS) instanceof List<?> known) {
            return known.stream().map(String::valueOf).toList();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getClaimNames() != null
                && jwt.getClaimNames().contains(TENANTS_CLAIM)) {
            return texts(jwt.getClaim(TENANTS_CLAIM));
        }
        return List.of();
    }

    /** A list claim's values as text (a single text value counts as a list of one); blanks are dropped. */
    static List<String> texts(Object value) {
        if (value instanceof java.util.Collection<?> items) {
            return items.stream()
                    .map(TenantContext::text)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
        }
        String single = text(value);
        return single == null ? List.of() : List.of(single);
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
