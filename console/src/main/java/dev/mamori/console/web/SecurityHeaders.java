package dev.mamori.console.web;

import dev.mamori.web.PageHeaders;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The shared page headers (PageHeaders), with the console's forms also posted to Keycloak (where an expired
 * session's form is sent to sign in again). Pages hold personal data: they are not cached.
 */
public class SecurityHeaders {

    private final String csp;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String keycloak) {
        this.csp = PageHeaders.pagePolicy(keycloak.replaceFirst("^(https?://[^/]+).*$", "$1"));
    }

    @ServerResponseFilter
    public void secure(ContainerResponseContext response) {
        var headers = response.getHeaders();
        // A download sets its own, stricter policy (a sandbox): it is kept.
        if (!headers.containsKey(PageHeaders.CONTENT_SECURITY_POLICY)) {
            headers.putSingle(PageHeaders.CONTENT_SECURITY_POLICY, csp);
        }
        PageHeaders.putCommon(headers::putSingle);
        headers.putSingle("Cache-Control", "no-store");
    }
}
