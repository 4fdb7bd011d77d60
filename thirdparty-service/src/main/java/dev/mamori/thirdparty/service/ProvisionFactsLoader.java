package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.thirdparty.CrossBorderBasis;
import dev.mamori.thirdparty.CrossBorderCheck;
import dev.mamori.thirdparty.JointUseScheme;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.LegalBasis;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.ThirdParty;
import dev.mamori.thirdparty.repository.CrossBorderCheckRepository;
import dev.mamori.thirdparty.repository.JointUseSchemeRepository;
import dev.mamori.thirdparty.repository.JointUseSchemeVersionRepository;
import dev.mamori.thirdparty.repository.OptOutFilingVersionRepository;
import dev.mamori.thirdparty.repository.ProvisionStopRepository;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository;
import dev.mamori.thirdparty.repository.ReceiptRecordRepository.OptOutReceipt;
import dev.mamori.thirdparty.repository.ThirdPartyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the {@link ProvisionFacts} of a provision, one query after the other in the caller's session, and only what
 * the recipient's legal basis makes the rules look at.
 */
@ApplicationScoped
public class ProvisionFactsLoader {

    private final ThirdPartyRepository parties;
    private final ProvisionStopRepository stops;
    private final CrossBorderCheckRepository crossBorderChecks;
    private final ContractorService contractors;
    private final JointUseSchemeRepository schemes;
    private final JointUseSchemeVersionRepository schemeVersions;
    private final OptOutFilingVersionRepository filings;
    private final ReceiptRecordRepository receipts;
    private final TenantContext tenant;

    public ProvisionFactsLoader(
            ThirdPartyRepository parties,
            ProvisionStopRepository stops,
            CrossBorderCheckRepository crossBorderChecks,
            ContractorService contractors,
            JointUseSchemeRepository schemes,
            JointUseSchemeVersionRepository schemeVersions,
            OptOutFilingVersionRepository filings,
            ReceiptRecordRepository receipts,
            TenantContext tenant) {
        this.parties = parties;
        this.stops = stops;
        this.crossBorderChecks = crossBorderChecks;
        this.contractors = contractors;
        this.schemes = schemes;
        this.schemeVersions = schemeVersions;
        this.filings = filings;
        this.receipts = receipts;
        this.tenant = tenant;
    }

    /** The facts of {@code draft} for the principals {@code refs} as of {@code today} (in Japan). */
    public Uni<ProvisionFacts> load(String tenantId, ProvisionDraft draft, List<String> refs, LocalDate today) {
        Loading c = new Loading();
        return parties.findInTenant(tenantId, draft.recipientId())
                .chain(party -> {
                    if (party == null) {
                        // Another tenant's party is answered exactly like one that does not exist.
                        throw ProblemException.unprocessable(
                                "unknown-recipient",
                                "Unknown recipient",
                                "recipientId",
                                "no third party " + draft.recipientId()
                                        + " is registered; register the recipient first");
                    }
                    c.party = party;
                    return stops.inForce(tenantId, refs);
                })
                .chain(found -> {
                    c.stops = found;
                    return c.party.isAbroad() && c.party.crossBorderBasis == CrossBorderBasis.EQUIVALENT_MEASURES
                            ? crossBorderChecks.latest(tenantId, c.party.id)
                            : Uni.createFrom().nullItem();
                })
                .chain(check -> {
                    c.lastCheck = check;
                    return c.party.legalBasis == LegalBasis.ENTRUSTMENT
                            ? contractors.standingOfParty(tenantId, c.party.id)
                            : Uni.createFrom().nullItem();
                })
                .chain(standing -> {
                    c.standing = standing;
                    if (c.party.legalBasis != LegalBasis.JOINT_USE || draft.jointUseSchemeId() == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return schemes.findVisible(tenantId, tenant.group().orElse(null), draft.jointUseSchemeId(), today)
                            .chain(scheme -> {
                                c.scheme = scheme;
                                return scheme == null
                                        ? Uni.createFrom().nullItem()
                                        : schemeVersions.inForce(scheme.id, today);
                            });
                })
                .chain(version -> {
                    c.schemeVersion = (JointUseSchemeVersion) version;
                    if (c.party.legalBasis != LegalBasis.OPT_OUT) {
                        return Uni.createFrom().item(c.facts(tenantId));
                    }
                    // The filings in force on the day of provision: a withdrawal dated later has not ended it yet.
                    LocalDate on = draft.providedOn() == null ? today : draft.providedOn();
                    return filings.currentOfTenant(tenantId, on)
                            .chain(found -> {
                                c.filings = found;
                                return receipts.receivedByOptOut(tenantId, refs);
                            })
                            .map(received -> {
                                c.receivedByOptOut = received;
                                return c.facts(tenantId);
                            });
                });
    }

    /** The facts as they are read, one after the other. */
    private static final class Loading {
        ThirdParty party;
        List<ProvisionStop> stops;
        CrossBorderCheck lastCheck;
        ContractorStanding standing;
        JointUseScheme scheme;
        JointUseSchemeVersion schemeVersion;
        List<OptOutFilingVersion> filings;
        List<OptOutReceipt> receivedByOptOut;

        ProvisionFacts facts(String tenantId) {
            return new ProvisionFacts(
                    tenantId, party, stops, lastCheck, standing, scheme, schemeVersion, filings, receivedByOptOut);
        }
    }
}
