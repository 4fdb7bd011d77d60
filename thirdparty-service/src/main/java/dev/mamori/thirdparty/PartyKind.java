package dev.mamori.thirdparty;

/** What kind of person a counterparty is; it decides which identity items the law asks for. */
public enum PartyKind {
    /** A company or other body: its representative's name is a required item (APPI Arts. 27(2)(i), 30(1)(i)). */
    CORPORATION,
    /** A natural person: has no representative. */
    INDIVIDUAL,
    /**
     * A state organ, local government, incorporated administrative agency or local incorporated administrative
     * agency (APPI Art. 16(2)). They are not "third parties" for the provision and receipt records (Art. 29(1)).
     */
    PUBLIC_AGENCY
}
