package dev.mamori.center.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/** The person reading a page: no one signs in, so all that is known is the language they chose (Japanese first). */
@RequestScoped
public class Visitor {

    public static final String LANG_COOKIE = "mamori-lang";

    private final HttpServerRequest request;

    public Visitor(HttpServerRequest request) {
        this.request = request;
    }

    public Locale locale() {
        Cookie lang = request.getCookie(LANG_COOKIE);
        return lang != null && "en".equals(lang.getValue()) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    public boolean english() {
        return locale() == Locale.ENGLISH;
    }

    /** The path of the page being read, for the language switch to return to. */
    public String path() {
        return request.path();
    }
}
