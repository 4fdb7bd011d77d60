package dev.mamori.thirdparty.service;

/**
 * The checks a receipt record passes before it is written (APPI Art. 30; PPC Rules 22-25). A refusal names every
 * one that fails at once, so a caller corrects the record in one go. Stable codes: clients branch on them.
 */
public enum ReceiptRule {
    /** Rule 24(1)(ii): a consent-based record states that the principal consented to the provision. */
    CONSENT_NOT_CONFIRMED,
    /** Rule 24(1)(i)(a): an opt-out record holds the date received. */
    RECEIVED_DATE_REQUIRED,
    /** Art. 27(4); Rule 24(1)(i): the PPC published the provider's opt-out filing. */
    PPC_PUBLICATION_NOT_CONFIRMED,
    /** Rule 25: a BULK or CONTRACT_SUBSTITUTE record is kept from the last receipt, so it names that day. */
    LAST_TRANSFER_REQUIRED,
    /** Rule 23(1): an EACH record covers one receipt, whose date is receivedOn. */
    LAST_TRANSFER_NOT_APPLICABLE,
    /** Rule 23(2): data received by opt-out is recorded each time, never in bulk. */
    BULK_NOT_FOR_OPT_OUT,
    /** Art. 30(3): a record is made of a receipt that happened, so its dates are not after today in Japan. */
    DATE_IN_FUTURE,
    /** The last receipt a record covers is not before its first. */
    LAST_TRANSFER_BEFORE_RECEIPT,
    /** The provider is not a third party registered in this tenant. */
    UNKNOWN_PROVIDER,
    /** Arts. 16(2), 30(1): a public agency is not a third party for the receipt record. */
    RECORD_NOT_REQUIRED
}
