package dev.mamori.platform.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and remembers the verified identity until the token expires. A client system
 * obtains one access token and sends it with every call until it expires; checking its RS256 signature and parsing
 * its claims again for each of thousands of calls a second was a quarter of the CPU of a use decision
 * (BENCHMARKS.md). The cache key is the exact token text, so only a byte-for-byte copy of a token that the OIDC
 * provider accepted is ever answered from here; anything else, including a token whose signature was altered, goes
 * to the OIDC provider as before. An entry is served only while the token's own {@code exp} has not passed and for
 * at most {@code mamori.security.token-cache.ttl}; locally verified JWTs are never checked for revocation, so
 * remembering the result changes nothing a caller could observe except speed.
 * <p>
 * Only public Quarkus Security API: this identity provider is asked first (higher priority than the OIDC one) and
 * answers a remembered token, or nothing, so that the OIDC provider verifies the token with the request as usual;
 * {@link Recorder}, the first augmentor to see the verified identity, remembers it. The identity manager still runs
 * every augmentor on what is answered from here, and the per-request attributes (routing context, blocking
 * executor) are those of the current request. The recorder also reads the claims the suite uses once per token
 * ({@link #claims}), so that a remembered token's tenant is not looked up again on every call.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attribute holding the text claims read at verification: claim name to value. */
    public static final String CLAIMS = "dev.mamori.token-claims";
    /** The identity attribute holding the {@code tenants} list claim read at verification (absent when empty). */
    public static final String TENANTS = "dev.mamori.token-tenants";
    /** The claims read once per verified token (TenantContext asks for them on every call). */
    static final List<String> READ_CLAIMS =
            List.of(TenantContext.TENANT_CLAIM, TenantContext.GROUP_CLAIM, "azp", "client_id");

    private static final String REMEMBERED = "dev.mamori.token-cache.remembered";
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, long expiresAtMillis) {}

    private final Cache<String, Verified> verified;
    private final long ttlMillis;
    private final boolean enabled;

    public VerifiedTokenCache(
            @ConfigProperty(name = "mamori.security.token-cache.max-size", defaultValue = "10000") long maxSize,
            @ConfigProperty(name = "mamori.security.token-cache.ttl", defaultValue = "PT5M") Duration ttl) {
        this.enabled = maxSize > 0 && !ttl.isZero() && !ttl.isNegative();
        this.ttlMillis = ttl.toMillis();
        this.verified = Caffeine.newBuilder()
                .maximumSize(Math.max(1, maxSize))
                .expireAfterWrite(ttl.isNegative() ? Duration.ZERO : ttl)
                .build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above the OIDC provider's default (1001): the manager asks providers in descending priority. */
    @Override
    public int priority() {
        return 2000;
    }

    /** A remembered identity, or nothing: the manager then asks the next provider (OIDC), which verifies the token. */
    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        if (!enabled || token == null) {
            return Uni.createFrom().nullItem();
        }
        Verified hit = verified.getIfPresent(token);
        if (hit == null) {
            return Uni.createFrom().nullItem();
        }
        if (System.currentTimeMillis() >= hit.expiresAtMillis()) {
            verified.invalidate(token);
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
                .item(forThisRequest(hit.identity(), HttpSecurityUtils.getRoutingContextAttribute(request)));
    }

    /** How many verified tokens are remembered (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The text claims of a verified token that {@link #READ_CLAIMS} names and it holds; blank counts as absent. */
    static Map<String, String> claims(JsonWebToken jwt) {
        Map<String, String> found = new HashMap<>();
        Set<String> present = jwt.getClaimNames() == null ? Set.of() : jwt.getClaimNames();
        for (String name : READ_CLAIMS) {
            if (present.contains(name)) {
                String text = TenantContext.text(jwt.getClaim(name));
                if (text != null) {
                    found.put(name, text);
                }
            }
        }
        return Map.copyOf(found);
    }

    /** Adds the claims to an identity the OIDC provider verified just now and remembers it for its token. */
    SecurityIdentity verifiedNow(SecurityIdentity identity) {
        if (identity == null
                || identity.isAnonymous()
                || identity.getAttribute(REMEMBERED) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder claimed =
                QuarkusSecurityIdentity.builder(identity).addAttribute(CLAIMS, claims(jwt));
        List<String> tenants = TenantContext.tenants(identity);
        if (!tenants.isEmpty()) {
            claimed.addAttribute(TENANTS, tenants);
        }
        SecurityIdentity withClaims = claimed.build();
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        String token = credential != null ? credential.getToken() : jwt.getRawToken();
        long exp = jwt.getExpirationTime();
        // A token without an expiry is verified every time rather than trusted for the cache's lifetime.
        if (enabled && token != null && exp > 0) {
            long until = Math.min(exp * 1000, System.currentTimeMillis() + ttlMillis);
            verified.put(
                    token,
                    new Verified(
                            QuarkusSecurityIdentity.builder(withClaims)
                                    .addAttribute(REMEMBERED, Boolean.TRUE)
                                    .build(),
                            until));
        }
        return withClaims;
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext routing) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (routing != null) {
            builder.addAttribute(ROUTING_CONTEXT, routing);
            Object blocking = routing.get(REQUEST_CONTEXT);
            if (blocking != null) {
                builder.addAttribute(REQUEST_CONTEXT, blocking);
            }
        }
        return builder.build();
    }

    /**
     * Sees every identity first, before any other augmentor, as the provider made it: one the OIDC provider verified
     * just now is remembered (with its claims); one answered from the cache is left as it is.
     */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {

        private final VerifiedTokenCache cache;

        public Recorder(VerifiedTokenCache cache) {
            this.cache = cache;
        }

        /** Augmentors run in descending priority: this one first. */
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            return Uni.createFrom().item(cache.verifiedNow(identity));
        }
    }
}
