package dev.mamori.incident;

/**
 * Whose data it is: the tenant's own, or a client company's that the tenant handles under entrustment (APPI Art.
 * 25), in which case the tenant may notify the client instead of reporting itself (Art. 26(1) proviso).
 */
public enum DataOwner {
    OWN,
    CLIENT
}
