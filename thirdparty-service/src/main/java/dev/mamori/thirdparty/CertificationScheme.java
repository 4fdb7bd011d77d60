package dev.mamori.thirdparty;

/** Certifications a contractor's selection relies on. */
public enum CertificationScheme {
    /** JIPDEC PrivacyMark (JIS Q 15001). */
    PRIVACY_MARK,
    /** ISO/IEC 27001 information security management. */
    ISO_IEC_27001,
    /** ISO/IEC 27701 privacy information management. */
    ISO_IEC_27701,
    OTHER
}
