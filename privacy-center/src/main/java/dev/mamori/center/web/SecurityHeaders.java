package dev.mamori.center.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page forbids what it does not use: no scripts at all, styles and images from the privacy center itself,
 * forms posted only to it, no framing. It faces the internet, so this is stricter than nice-to-have.
 */
public class SecurityHeaders {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    static final String ATTACHMENT_CSP = "sandbox; default-src 'none'";

    @ServerResponseFilter
    public void secure(ContainerResponseContext response) {
        var headers = response.getHeaders();
        Object disposition = headers.getFirst("Content-Disposition");
        boolean attachment = disposition != null && disposition.toString().startsWith("attachment");
        // A file handed on (a result) is never a page of the site: opened anyway, it runs nothing and reaches nothing.
        headers.putSingle("Content-Security-Policy", attachment ? ATTACHMENT_CSP : CSP);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
    }
}
