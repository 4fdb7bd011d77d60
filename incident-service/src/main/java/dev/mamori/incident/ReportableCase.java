package dev.mamori.incident;

/** The four cases of PPC Rule 7 in which an incident must be reported (APPI Art. 26(1)). */
public enum ReportableCase {
    /** Rule 7(i): special care-required personal information (要配慮個人情報). */
    SENSITIVE,
    /** Rule 7(ii): data whose misuse may cause financial harm (財産的被害). */
    FINANCIAL_HARM,
    /** Rule 7(iii): an act with an unlawful purpose (不正の目的), including data about to be acquired. */
    UNLAWFUL_PURPOSE,
    /** Rule 7(iv): more than 1,000 persons. */
    OVER_1000_PERSONS
}
