package dev.mamori.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageHeadersTest {

    @Test
    void shouldAllowFormsOnlyToTheSiteByDefault() {
        assertEquals(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
                        + " base-uri 'none'",
                PageHeaders.pagePolicy());
    }

    @Test
    void shouldAllowFormsToTheNamedOriginsToo() {
        assertEquals(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' https://sso.example;"
                        + " frame-ancestors 'none'; base-uri 'none'",
                PageHeaders.pagePolicy("https://sso.example"));
    }

    @Test
    void shouldForbidSniffingReferrersAndFraming() {
        Map<String, String> headers = new LinkedHashMap<>();
        PageHeaders.putCommon(headers::put);
        assertEquals(
                Map.of(
                        "X-Content-Type-Options",
                        "nosniff",
                        "Referrer-Policy",
                        "no-referrer",
                        "X-Frame-Options",
                        "DENY"),
                headers);
    }

    @Test
    void shouldSandboxAttachments() {
        assertEquals("sandbox; default-src 'none'", PageHeaders.ATTACHMENT_POLICY);
    }
}
