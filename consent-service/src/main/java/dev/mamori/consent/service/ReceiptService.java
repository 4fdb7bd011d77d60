package dev.mamori.consent.service;

import dev.mamori.consent.Consent;
import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.PurposeVersion;
import dev.mamori.consent.TenantPolicy;
import dev.mamori.consent.repository.ConsentRepository;
import dev.mamori.consent.repository.ConsentWithdrawalRepository;
import dev.mamori.consent.repository.PurposeVersionRepository;
import dev.mamori.consent.repository.TenantPolicyRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consent receipts in the Kantara Initiative Consent Receipt v1.1 format, so a consent can be handed to the person
 * or to another system in a form they already know. Mamori-specific facts sit under {@code x-mamori}.
 */
@ApplicationScoped
public class ReceiptService {

    private final ConsentRepository consents;
    private final ConsentWithdrawalRepository withdrawals;
    private final PurposeVersionRepository versions;
    private final TenantPolicyRepository policies;
    private final TenantContext tenant;
    private final AuditLog audit;

    public ReceiptService(
            ConsentRepository consents,
            ConsentWithdrawalRepository withdrawals,
            PurposeVersionRepository versions,
            TenantPolicyRepository policies,
            TenantContext tenant,
            AuditLog audit) {
        this.consents = consents;
        this.withdrawals = withdrawals;
        this.versions = versions;
        this.policies = policies;
        this.tenant = tenant;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Map<String, Object>> receipt(UUID consentId) {
        String tenantId = tenant.tenantId();
        return consents.findForTenant(tenantId, consentId).chain(consent -> {
            if (consent == null) {
                throw ProblemException.notFound("Consent", consentId);
            }
            if (consent.decision != ConsentDecision.GIVEN) {
                throw ProblemException.conflict(
                        "no-consent-to-receipt",
                        "Consent " + consentId + " records a refusal; a consent receipt documents a consent");
            }
            return versions.find("purposeId = ?1 and version = ?2", consent.purposeId, consent.purposeVersion)
                    .firstResult()
                    .chain(version -> policies.findById(tenantId).chain(policy -> withdrawals
                            .findForConsent(tenantId, consentId)
                            .map(w -> build(
                                    consent,
                                    version,
                                    policy == null ? TenantPolicy.defaults(tenantId) : policy,
                                    w == null ? null : w.withdrawnAt.toString()))))
                    .call(() -> audit.record("CONSENT_RECEIPT_ISSUED", "consent", consentId, consent.subjectRef));
        });
    }

    private Map<String, Object> build(Consent c, PurposeVersion v, TenantPolicy policy, String withdrawnAt) {
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("piiController", policy.controllerName == null ? c.tenantId : policy.controllerName);
        controller.put("onBehalf", false);
        controller.put("contact", policy.controllerContact);
        controller.put("address", policy.controllerAddress);
        controller.put("piiControllerUrl", policy.policyUrl);

        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("purpose", "ja".equals(c.language) || v.descriptionEn == null ? v.descriptionJa : v.descriptionEn);
        purpose.put("purposeCategory", List.of(c.purposeCode));
        purpose.put("consentType", "EXPLICIT");
        purpose.put("piiCategory", v.dataItems);
        purpose.put("primaryPurpose", true);
        purpose.put("termination", c.expiresAt == null ? "until withdrawn" : "until " + c.expiresAt + " or withdrawn");
        purpose.put("thirdPartyDisclosure", v.thirdPartyProvision);
        if (v.thirdPartyProvision) {
            purpose.put(
                    "thirdPartyName",
                    String.join(", ", v.recipientTypes.stream().map(Enum::name).toList()));
        }

        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service", "ja".equals(c.language) || v.titleEn == null ? v.titleJa : v.titleEn);
        service.put("purposes", List.of(purpose));

        Map<String, Object> mamori = new LinkedHashMap<>();
        mamori.put("purposeVersion", c.purposeVersion);
        mamori.put("noticeVersion", c.noticeVersion);
        mamori.put("method", c.method.name());
        mamori.put("withdrawnAt", withdrawnAt);
        mamori.put("guardianConsented", c.guardianName != null);

        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("version", "KI-CR-v1.1.0");
        receipt.put("jurisdiction", "JP");
        receipt.put("consentTimestamp", c.capturedAt.toEpochSecond());
        receipt.put("collectionMethod", c.method.name() + " via " + c.channel);
        receipt.put("consentReceiptID", c.id.toString());
        receipt.put("language", c.language);
        receipt.put("piiPrincipalId", c.subjectRef);
        receipt.put("piiControllers", List.of(controller));
        receipt.put("policyUrl", policy.policyUrl);
        receipt.put("services", List.of(service));
        receipt.put("sensitive", !c.sensitiveCategories.isEmpty());
        receipt.put("spiCat", c.sensitiveCategories.stream().map(Enum::name).toList());
        receipt.put("x-mamori", mamori);
        return receipt;
    }
}
