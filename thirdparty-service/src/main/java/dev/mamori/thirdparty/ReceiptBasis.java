package dev.mamori.thirdparty;

/**
 * Under what provision the provider gave us the data, which decides the items of the receipt record
 * (APPI Art. 30(3); PPC Rule 24(1)).
 */
public enum ReceiptBasis {
    /** The provider holds the principal's consent (Art. 27(1) or 28(1)); the record states that fact (Rule 24(1)(ii)). */
    CONSENT,
    /**
     * Opt-out provision (Art. 27(2)): the record holds the date received and that the PPC published the provider's
     * filing (Art. 27(4); Rule 24(1)(i)).
     */
    OPT_OUT
}
