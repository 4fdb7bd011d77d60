package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.ProblemException;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.LegalBasis;
import java.util.Locale;
import java.util.Set;

/** What allows personal data to go to a party in a foreign country (APPI Art. 28(1); PPC Rules 15-16). */
final class CrossBorderRule {

    /**
     * Countries designated as having a system equivalent to Japan's (Rule 15; PPC Notice No. 1 of 2019): the EU
     * member states and the other EEA states (Iceland, Liechtenstein, Norway), and the United Kingdom.
     */
    static final Set<String> ADEQUATE = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private CrossBorderRule() {}

    static boolean isCountry(String code) {
        return ISO_COUNTRIES.contains(code);
    }

    /**
     * The cross-border basis to store for a party in {@code country}, or a refusal. A party in Japan has none. A
     * party abroad needs one unless the flow is an Art. 27(1) exception (Art. 28(1) "except in the cases listed in
     * Art. 27(1)"); entrustment and joint use do not remove the need. A party in an adequate country has that basis
     * by law when none is named.
     */
    static CrossBorderBasis basisFor(String country, LegalBasis legalBasis, CrossBorderBasis requested) {
        if (ThirdPartyDraft.JAPAN.equals(country)) {
            if (requested != null) {
                throw ProblemException.unprocessable(
                        "cross-border-basis-not-applicable",
                        "No cross-border basis for a party in Japan",
                        "crossBorderBasis",
                        "a party in Japan is not in a foreign country (Art. 28(1)); leave crossBorderBasis out");
            }
            return null;
        }
        boolean adequate = ADEQUATE.contains(country);
        if (requested == CrossBorderBasis.ADEQUATE_COUNTRY && !adequate) {
            throw ProblemException.unprocessable(
                    "country-not-adequate",
                    "The country is not designated as adequate",
                    "crossBorderBasis",
                    country + " is not designated under Rule 15 (only EU/EEA countries and GB are);"
                            + " use CONSENT_WITH_INFORMATION or EQUIVALENT_MEASURES");
        }
        CrossBorderBasis basis = requested == null && adequate ? CrossBorderBasis.ADEQUATE_COUNTRY : requested;
        if (basis == null && !legalBasis.isArt27Exception()) {
            throw ProblemException.unprocessable(
                    "cross-border-basis-required",
                    "A party in a foreign country needs a cross-border basis",
                    "crossBorderBasis",
                    "provision to a third party in " + country + " needs the principal's consent after information "
                            + "(CONSENT_WITH_INFORMATION) or a recipient with equivalent measures (EQUIVALENT_MEASURES)"
                            + " (Art. 28(1))");
        }
        if (basis == CrossBorderBasis.CONSENT_WITH_INFORMATION && legalBasis == LegalBasis.OPT_OUT) {
            // Art. 28(1), second sentence: where its consent is needed, Art. 27 (and so opt-out) does not apply.
            throw ProblemException.unprocessable(
                    "opt-out-not-available-abroad",
                    "Opt-out provision is not available to this foreign party",
                    "legalBasis",
                    "provision that needs Art. 28(1) consent cannot rely on opt-out (Art. 27(2)); use CONSENT");
        }
        return basis;
    }
}
