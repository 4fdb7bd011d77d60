package dev.mamori.request;

/**
 * How the person wants a disclosure handed over (Art. 33(1) and PPC rules: electronic record or paper). Paper is
 * also the fallback when the chosen method is costly or difficult, which must then be notified (Art. 33(2), (3)).
 */
public enum DeliveryMethod {
    /** An electronic record, e.g. an email attachment. */
    ELECTRONIC,
    /** Delivery of a paper document. */
    PAPER
}
