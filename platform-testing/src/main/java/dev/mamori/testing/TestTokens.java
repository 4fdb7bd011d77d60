package dev.mamori.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens shaped like the demo realm's: realm roles under {@code realm_access.roles}, the client
 * company in {@code tenant}, the company group in {@code group}. They are signed with the key of the WireMock OIDC
 * server ({@code OidcWiremockTestResource}), so the service verifies them exactly as it verifies Keycloak's.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {}

    /** A token of {@code <tenant>-<role>}'s service account, as the demo realm issues it. */
    public static String forTenant(String tenant, String role) {
        return sign(tenant, tenant.startsWith("tenant-c") ? null : "group-ab", tenant + "-" + role, role);
    }

    /** A service-to-service token: the {@code service} role and no tenant of its own. */
    public static String service(String serviceName) {
        return sign(null, null, serviceName, "service");
    }

    public static String sign(String tenant, String group, String clientId, String... roles) {
        return sign(3600, tenant, group, clientId, roles);
    }

    /** A tenant role's token that expires after the given number of seconds. */
    public static String expiringIn(long seconds, String tenant, String role) {
        return sign(seconds, tenant, tenant.startsWith("tenant-c") ? null : "group-ab", tenant + "-" + role, role);
    }

    private static String sign(long lifetimeSeconds, String tenant, String group, String clientId, String... roles) {
        var builder = Jwt.issuer(ISSUER)
                .subject("service-account-" + clientId)
                .claim("preferred_username", "service-account-" + clientId)
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (tenant != null) {
            builder.claim("tenant", tenant);
        }
        if (group != null) {
            builder.claim("group", group);
        }
        return builder.expiresIn(lifetimeSeconds).sign();
    }

    /**
     * A signed-in person's token as the realm issues it to the console: the person's user name as subject and
     * {@code preferred_username}, the {@code console} client as {@code azp}, and either the single {@code tenant}
     * claim (one tenant) or the list claim {@code tenants} (staff serving several client companies).
     */
    public static String person(String username, List<String> tenants, String role) {
        var builder = Jwt.issuer(ISSUER)
                .subject(username)
                .claim("preferred_username", username)
                .claim("azp", "console")
                .claim("realm_access", Map.of("roles", List.of(role)));
        if (tenants.size() == 1) {
            builder.claim("tenant", tenants.get(0));
        } else {
            builder.claim("tenants", tenants);
        }
        return builder.expiresIn(3600).sign();
    }

    /** A token that is well-formed but signed by nobody the service trusts. */
    public static String forged(String tenant, String role) {
        String real = forTenant(tenant, role);
        return real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
    }
}
