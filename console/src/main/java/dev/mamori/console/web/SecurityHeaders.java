package dev.mamori.console.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page forbids what it does not use: no scripts at all, styles and images from the console itself, forms
 * posted only to the console (and to Keycloak, where an expired session's form is sent to sign in again), no
 * framing. Pages hold personal data: they are not cached.
 */
public class SecurityHeaders {

    private final String csp;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String keycloak) {
        String origin = keycloak.replaceFirst("^(https?://[^/]+).*$", "$1");
        this.csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' " + origin
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @ServerResponseFilter
    public void secure(ContainerResponseContext response) {
        var headers = response.getHeaders();
        // A download sets its own, stricter policy (a sandbox): it is kept.
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", csp);
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Cache-Control", "no-store");
    }
}
