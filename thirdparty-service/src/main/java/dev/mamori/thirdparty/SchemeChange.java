package dev.mamori.thirdparty;

/** What a new version of a joint-use scheme changes, which decides the notice it needs (APPI Art. 27(6)). */
public enum SchemeChange {
    /** The first version: the five items are announced before joint use starts (Art. 27(5)(iii)). */
    INITIAL,
    /** The responsible person's name, address or representative: notify without delay (Art. 27(6), first part). */
    RESPONSIBLE_DETAILS,
    /** The purposes of use: notify in advance (Art. 27(6), second part). */
    PURPOSES,
    /** Data items or joint users removed: narrows the scheme, which the principal is not harmed by. */
    SCOPE_NARROWED
}
