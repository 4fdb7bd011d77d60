package dev.mamori.center.web;

import dev.mamori.web.PageHeaders;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The shared page headers (PageHeaders), forms posted only to the privacy center itself. It faces the internet, so
 * this is stricter than nice-to-have.
 */
public class SecurityHeaders {

    static final String CSP = PageHeaders.pagePolicy();

    @ServerResponseFilter
    public void secure(ContainerResponseContext response) {
        var headers = response.getHeaders();
        Object disposition = headers.getFirst("Content-Disposition");
        boolean attachment = disposition != null && disposition.toString().startsWith("attachment");
        // A file handed on (a result) is never a page of the site: opened anyway, it runs nothing and reaches nothing.
        headers.putSingle(PageHeaders.CONTENT_SECURITY_POLICY, attachment ? PageHeaders.ATTACHMENT_POLICY : CSP);
        PageHeaders.putCommon(headers::putSingle);
    }
}
