package dev.mamori.thirdparty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.thirdparty.PartyKind;
import dev.mamori.thirdparty.ReceiptBasis;
import dev.mamori.thirdparty.ReceiptRecord;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.ThirdParty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The receipt record's rules alone (APPI Art. 30; PPC Rules 22-25): no database. ReceiptResourceTest checks them
 * through the API.
 */
class ReceiptRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-04-10");

    @Test
    void shouldRecordAConsentBasedReceiptWithTheItemsTheRuleAsksFor() {
        ThirdParty provider = party(PartyKind.CORPORATION);
        ReceiptDraft draft = draft(ReceiptBasis.CONSENT, true, null, RecordMethod.EACH, TODAY, null);

        assertEquals(List.of(), ReceiptRules.failures(draft, provider, TODAY));
        UUID id = UUID.randomUUID();
        ReceiptRecord record = ReceiptRules.record(
                draft,
                provider,
                "tenant-a",
                id,
                OffsetDateTime.of(2026, 4, 10, 1, 0, 0, 0, ZoneOffset.UTC),
                TODAY,
                "officer");
        assertEquals(id, record.id);
        assertEquals(provider.name, record.providerName);
        assertEquals("Entry form on the provider's site", record.acquisitionCircumstances, "stripped");
        assertTrue(record.consentConfirmed);
        assertEquals(LocalDate.parse("2029-04-10"), record.retainUntil, "3 years from the making of the record");
    }

    @Test
    void shouldNameEveryMissingItemOfAnOptOutReceiptAtOnce() {
        ReceiptDraft draft = draft(ReceiptBasis.OPT_OUT, null, false, RecordMethod.BULK, null, null);

        assertEquals(
                List.of(
                        ReceiptRule.RECEIVED_DATE_REQUIRED,
                        ReceiptRule.PPC_PUBLICATION_NOT_CONFIRMED,
                        ReceiptRule.BULK_NOT_FOR_OPT_OUT,
                        ReceiptRule.LAST_TRANSFER_REQUIRED),
                rules(ReceiptRules.failures(draft, party(PartyKind.CORPORATION), TODAY)));
    }

    @Test
    void shouldRefuseAnUnconfirmedConsentDatesThatCannotBeAndAPublicAgency() {
        ReceiptDraft draft =
                draft(ReceiptBasis.CONSENT, false, null, RecordMethod.CONTRACT_SUBSTITUTE, TODAY.plusDays(1), TODAY);

        assertEquals(
                List.of(
                        ReceiptRule.CONSENT_NOT_CONFIRMED,
                        ReceiptRule.DATE_IN_FUTURE,
                        ReceiptRule.LAST_TRANSFER_BEFORE_RECEIPT,
                        ReceiptRule.RECORD_NOT_REQUIRED),
                rules(ReceiptRules.failures(draft, party(PartyKind.PUBLIC_AGENCY), TODAY)));
        assertEquals(
                List.of(ReceiptRule.LAST_TRANSFER_NOT_APPLICABLE, ReceiptRule.UNKNOWN_PROVIDER),
                rules(ReceiptRules.failures(
                        draft(ReceiptBasis.CONSENT, true, null, RecordMethod.EACH, TODAY, TODAY), null, TODAY)));
    }

    private static List<ReceiptRule> rules(List<ReceiptRefused.Failure> failures) {
        return failures.stream().map(ReceiptRefused.Failure::rule).toList();
    }

    private static ThirdParty party(PartyKind kind) {
        ThirdParty p = new ThirdParty();
        p.id = UUID.randomUUID();
        p.name = "Provider K.K.";
        p.address = "Osaka";
        p.representative = "Rep";
        p.kind = kind;
        p.country = "JP";
        return p;
    }

    private static ReceiptDraft draft(
            ReceiptBasis basis,
            Boolean consent,
            Boolean ppc,
            RecordMethod method,
            LocalDate receivedOn,
            LocalDate lastTransferOn) {
        return new ReceiptDraft(
                UUID.randomUUID(),
                List.of("cust-1"),
                List.of("name"),
                "  Entry form on the provider's site ",
                basis,
                consent,
                ppc,
                method,
                receivedOn,
                lastTransferOn);
    }
}
