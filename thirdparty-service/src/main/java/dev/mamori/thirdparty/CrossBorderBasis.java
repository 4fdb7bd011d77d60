package dev.mamori.thirdparty;

/** What allows provision to a third party in a foreign country (APPI Art. 28; PPC Rules 15-18). */
public enum CrossBorderBasis {
    /**
     * The principal consented to provision to a third party in a foreign country after being told the country's
     * name, its protection system and the recipient's measures (Art. 28(1), 28(2); Rule 17).
     */
    CONSENT_WITH_INFORMATION,
    /**
     * The recipient keeps a system of measures equivalent to the Act's, by contract or internal rules, or an
     * APEC CBPR certification (Art. 28(1); Rule 16); the provider checks it periodically (Art. 28(3); Rule 18).
     */
    EQUIVALENT_MEASURES,
    /** The country is designated as having an equivalent system: EU/EEA member states and the UK (Rule 15). */
    ADEQUATE_COUNTRY
}
