package dev.mamori.thirdparty.service;

import dev.mamori.thirdparty.CrossBorderCheck;
import dev.mamori.thirdparty.JointUseScheme;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository.OptOutReceipt;
import java.util.List;

/**
 * What the provision rules look at besides the request and consent-service's answers, read from the database before
 * they run ({@link ProvisionFactsLoader}). A fact the recipient's legal basis does not need is not read: null or empty.
 *
 * @param tenantId         the providing tenant
 * @param party            the recipient
 * @param stops            the principals' provision stops in force (Arts. 27(2), 35)
 * @param lastCheck        the latest check of a recipient abroad that relies on equivalent measures (Art. 28(3))
 * @param standing         the contractor's supervision record, for entrustment (Art. 25)
 * @param scheme           the joint-use scheme named, if this tenant manages it or belongs to it (Art. 27(5)(iii))
 * @param schemeVersion    the scheme's version in force today
 * @param filings          the opt-out filings in force on the day of provision (Art. 27(2))
 * @param receivedByOptOut what the company itself received by opt-out about these principals (Art. 27(2) proviso)
 */
public record ProvisionFacts(
        String tenantId,
        ThirdParty party,
        List<ProvisionStop> stops,
        CrossBorderCheck lastCheck,
        ContractorStanding standing,
        JointUseScheme scheme,
        JointUseSchemeVersion schemeVersion,
        List<OptOutFilingVersion> filings,
        List<OptOutReceipt> receivedByOptOut) {

    public ProvisionFacts {
        stops = stops == null ? List.of() : stops;
        filings = filings == null ? List.of() : filings;
        receivedByOptOut = receivedByOptOut == null ? List.of() : receivedByOptOut;
    }
}
