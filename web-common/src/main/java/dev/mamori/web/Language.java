package dev.mamori.web;

import java.util.Locale;

/** The page language a reader chose: Japanese by default, English on request, kept in a cookie. */
public final class Language {

    public static final String COOKIE = "mamori-lang";

    private Language() {}

    /** The language the cookie's value names: English for "en", Japanese for anything else or no cookie. */
    public static Locale of(String cookieValue) {
        return "en".equals(cookieValue) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    /** The cookie value for a requested language (a path segment): "en", or "ja" for anything else. */
    public static String cookieValue(String requested) {
        return "en".equals(requested) ? "en" : "ja";
    }
}
