package dev.mamori.request;

/** How the requester's identity was verified (Art. 37(1): the business fixes the method). */
public enum VerificationMethod {
    /** Copies or sight of identity documents. */
    DOCUMENTS,
    /** A call back to the phone number the client company has on record for the person. */
    CALLBACK_TO_REGISTERED_NUMBER
}
