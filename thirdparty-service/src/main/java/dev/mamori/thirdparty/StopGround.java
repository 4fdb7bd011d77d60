package dev.mamori.thirdparty;

/** Why third-party provision of a person's data was stopped on their request. */
public enum StopGround {
    /** The person asked an opt-out provider to stop (APPI Art. 27(2)). */
    ART_27_2_OPT_OUT,
    /** The data was provided in breach of Art. 27(1) or 28 (Art. 35(3)). */
    ART_35_3,
    /** The business no longer needs to use the data (Art. 35(5)). */
    ART_35_5_NO_LONGER_NEEDED,
    /** A reportable leak concerns the person (Art. 35(5), Art. 26(1)). */
    ART_35_5_LEAK,
    /** The handling may harm the person's rights or legitimate interests (Art. 35(5)). */
    ART_35_5_HARM
}
