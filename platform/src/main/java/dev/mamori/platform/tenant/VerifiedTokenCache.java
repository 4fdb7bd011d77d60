package dev.mamori.platform.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and remembers the verified identity until the token expires. A client system
 * obtains one access token and sends it with every call until it expires; checking its RS256 signature and parsing
 * its claims again for each of thousands of calls a second was a quarter of the CPU of a use decision
 * (BENCHMARKS.md). The cache key is the exact token text, so only a byte-for-byte copy of a token that
 * {@link OidcIdentityProvider} accepted is ever answered from here; anything else, including a token whose signature
 * was altered, goes to the OIDC provider as before. An entry is served only while the token's own {@code exp} has
 * not passed and for at most {@code mamori.security.token-cache.ttl}; locally verified JWTs are never checked for
 * revocation, so remembering the result changes nothing a caller could observe except speed.
 * <p>
 * Registered ahead of the OIDC provider (higher priority); the identity manager still runs every augmentor on what
 * it returns, and the per-request attributes (routing context, blocking executor) are those of the current request.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final OidcIdentityProvider oidc;
    private final Cache<String, Verified> verified;
    private final long ttlMillis;
    private final boolean enabled;

    public VerifiedTokenCache(OidcIdentityProvider oidc,
                              @ConfigProperty(name = "mamori.security.token-cache.max-size", defaultValue = "10000") long maxSize,
                              @ConfigProperty(name = "mamori.security.token-cache.ttl", defaultValue = "PT5M") Duration ttl) {
        this.oidc = oidc;
        this.enabled = maxSize > 0 && !ttl.isZero() && !ttl.isNegative();
        this.ttlMillis = ttl.toMillis();
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(1, maxSize)).expireAfterWrite(ttl.isNegative()
                ? Duration.ZERO : ttl).build();
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

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        if (!enabled || token == null) {
            return oidc.authenticate(request, context);
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Verified hit = verified.getIfPresent(token);
        if (hit != null) {
            if (System.currentTimeMillis() < hit.expiresAtMillis()) {
                return Uni.createFrom().item(forThisRequest(hit.identity(), routing));
            }
            verified.invalidate(token);
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /** How many verified tokens are remembered (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return; // a token without an expiry is verified every time rather than trusted for the cache's lifetime
        }
        long until = Math.min(exp * 1000, System.currentTimeMillis() + ttlMillis);
        verified.put(token, new Verified(identity, until));
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
}
