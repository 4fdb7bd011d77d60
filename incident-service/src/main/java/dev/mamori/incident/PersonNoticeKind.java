package dev.mamori.incident;

/** A notice to the persons themselves, or a public announcement in its place (APPI Art. 26(2) proviso). */
public enum PersonNoticeKind {
    NOTICE,
    PUBLIC_ANNOUNCEMENT
}
