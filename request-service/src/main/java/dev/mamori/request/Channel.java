package dev.mamori.request;

/** How the request reached the business (Art. 37(1): the business fixes where and how requests are taken). */
public enum Channel {
    WEB,
    PHONE,
    LETTER,
    EMAIL,
    IN_PERSON,
    /** Relayed by the client company's own system. */
    CLIENT_SYSTEM
}
