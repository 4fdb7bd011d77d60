package dev.mamori.center.web;

import dev.mamori.web.Language;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/** The person reading a page: no one signs in, so all that is known is the language they chose (Japanese first). */
@RequestScoped
public class Visitor {

    private final HttpServerRequest request;
    private String nonce;

    public Visitor(HttpServerRequest request) {
        this.request = request;
    }

    public Locale locale() {
        Cookie lang = request.getCookie(Language.COOKIE);
        return Language.of(lang == null ? null : lang.getValue());
    }

    /** The language of the mails request-service sends this reader. */
    public String language() {
        return english() ? "en" : "ja";
    }

    public boolean english() {
        return locale() == Locale.ENGLISH;
    }

    /** The reader's nonce for form tokens: the one their cookie holds, or one drawn for this page. */
    public String formNonce() {
        if (nonce == null) {
            Cookie cookie = request.getCookie(FormTokens.COOKIE);
            nonce = cookie != null && FormTokens.isNonce(cookie.getValue()) ? cookie.getValue() : FormTokens.newNonce();
        }
        return nonce;
    }

    /** The nonce the browser sent with this request, or null. */
    public String sentNonce() {
        Cookie cookie = request.getCookie(FormTokens.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * The client's address, for the abuse limits. Behind a proxy this is the proxy unless Quarkus is told to trust
     * its forwarded headers (quarkus.http.proxy.*; docs/architecture.md).
     */
    public String address() {
        var remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    /** The path of the page being read, for the language switch to return to. */
    public String path() {
        return request.path();
    }
}
