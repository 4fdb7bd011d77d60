package dev.mamori.thirdparty;

/**
 * Why personal data may flow to (or from) a counterparty: the principal's consent (APPI Art. 27(1) main clause),
 * one of the seven Art. 27(1) exceptions, opt-out provision filed with the PPC (Art. 27(2)), or one of the cases
 * in which the counterparty is not a third party at all (Art. 27(5)).
 */
public enum LegalBasis {
    /** Prior consent of the principal (Art. 27(1) main clause). */
    CONSENT,
    /** Art. 27(1)(i): based on laws and regulations. */
    LAW_27_1_1,
    /** Art. 27(1)(ii): protection of life, body or property, and consent is difficult to obtain. */
    LAW_27_1_2,
    /** Art. 27(1)(iii): public health or the sound upbringing of children, and consent is difficult to obtain. */
    LAW_27_1_3,
    /** Art. 27(1)(iv): cooperation with a state organ or local government executing affairs prescribed by law. */
    LAW_27_1_4,
    /** Art. 27(1)(v): an academic research institution publishing or teaching research results. */
    LAW_27_1_5,
    /** Art. 27(1)(vi): an academic research institution providing for joint academic research with the recipient. */
    LAW_27_1_6,
    /** Art. 27(1)(vii): the recipient is an academic research institution handling the data for research. */
    LAW_27_1_7,
    /** Opt-out provision notified to principals and filed with the PPC (Art. 27(2)). */
    OPT_OUT,
    /** Entrustment of handling within the purpose of use (Art. 27(5)(i)); the contractor is supervised (Art. 25). */
    ENTRUSTMENT,
    /** Business succession by merger or otherwise (Art. 27(5)(ii)). */
    BUSINESS_SUCCESSION,
    /** Joint use announced in advance with its five items (Art. 27(5)(iii)). */
    JOINT_USE;

    /** One of the Art. 27(1) exceptions: no consent, and no Art. 28 consent for a foreign recipient either. */
    public boolean isArt27Exception() {
        return name().startsWith("LAW_27_1_");
    }

    /** The counterparty is not a third party (Art. 27(5)): entrustment, succession or joint use. */
    public boolean isNotAThirdParty() {
        return this == ENTRUSTMENT || this == BUSINESS_SUCCESSION || this == JOINT_USE;
    }
}
