package dev.mamori.consent;

/** The kind of third party a purpose intends to provide data to (APPI Art. 17(1): state intended provision). */
public enum RecipientType {
    GROUP_COMPANY,
    BUSINESS_PARTNER,
    CONTRACTOR,
    PUBLIC_AGENCY,
    OTHER
}
