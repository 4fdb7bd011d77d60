package dev.mamori.thirdparty.service;

import dev.mamori.thirdparty.PartyKind;
import dev.mamori.thirdparty.ReceiptBasis;
import dev.mamori.thirdparty.ReceiptRecord;
import dev.mamori.thirdparty.RecordMethod;
import dev.mamori.thirdparty.ThirdParty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules a record of personal data received from a third party follows (APPI Art. 30; PPC Rules 22-25) and the
 * items it holds. Pure: the request, the provider and the day in, the failures or the record out; no database.
 * {@link ReceiptService} loads the provider, asks these rules and records.
 */
public final class ReceiptRules {

    private ReceiptRules() {}

    /**
     * Every rule a receipt of {@code draft} from {@code provider} (null when the tenant has no such party) breaks on
     * {@code today} (in Japan); empty when it may be recorded. Every check runs, so one refusal names all that fail.
     */
    public static List<ReceiptRefused.Failure> failures(ReceiptDraft draft, ThirdParty provider, LocalDate today) {
        List<ReceiptRefused.Failure> failures = new ArrayList<>();
        checkRequiredItems(draft, failures);
        checkDates(draft, today, failures);
        checkProvider(draft, provider, failures);
        return failures;
    }

    /**
     * The record of an allowed receipt (Art. 30(3); Rule 24): the provider and how it acquired the data, the basis,
     * the items, and until when the record is kept (Art. 30(4); Rule 25). The principals are listed beside it.
     */
    public static ReceiptRecord record(
            ReceiptDraft draft,
            ThirdParty provider,
            String tenantId,
            UUID id,
            OffsetDateTime now,
            LocalDate today,
            String recordedBy) {
        ReceiptRecord record = new ReceiptRecord();
        record.id = id;
        record.tenantId = tenantId;
        record.providerId = provider.id;
        record.providerName = provider.name;
        record.providerAddress = provider.address;
        record.providerRepresentative = provider.representative;
        record.acquisitionCircumstances = draft.acquisitionCircumstances().strip();
        record.basis = draft.basis();
        record.consentConfirmed = draft.consentIsConfirmed();
        record.ppcPublicationConfirmed = draft.ppcPublicationIsConfirmed();
        record.method = draft.method();
        record.receivedOn = draft.receivedOn();
        record.lastTransferOn = draft.lastTransferOn();
        record.dataItems = List.copyOf(draft.dataItems());
        record.recordedOn = today;
        record.recordedAt = now;
        record.recordedBy = recordedBy;
        record.retainUntil = RecordRetention.retainUntil(record.method, today, record.lastTransferOn);
        return record;
    }

    /** The items a receipt record must hold for its basis and method (Art. 30(3); Rules 23(2), 24(1), 25). */
    private static void checkRequiredItems(ReceiptDraft draft, List<ReceiptRefused.Failure> failures) {
        if (draft.basis() == ReceiptBasis.CONSENT && !draft.consentIsConfirmed()) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.CONSENT_NOT_CONFIRMED,
                    "consentConfirmed",
                    "must be true: the record states that the principal consented to the provision (Rule 24(1)(ii))"));
        }
        if (draft.basis() == ReceiptBasis.OPT_OUT) {
            if (draft.receivedOn() == null) {
                failures.add(new ReceiptRefused.Failure(
                        ReceiptRule.RECEIVED_DATE_REQUIRED,
                        "receivedOn",
                        "is required for an opt-out receipt: the record holds the date received (Rule 24(1)(i))"));
            }
            if (!draft.ppcPublicationIsConfirmed()) {
                failures.add(new ReceiptRefused.Failure(
                        ReceiptRule.PPC_PUBLICATION_NOT_CONFIRMED,
                        "ppcPublicationConfirmed",
                        "must be true: confirm the PPC published the provider's opt-out "
                                + "filing (Art. 27(4); Rule 24(1)(i))"));
            }
            if (draft.method() == RecordMethod.BULK) {
                failures.add(new ReceiptRefused.Failure(
                        ReceiptRule.BULK_NOT_FOR_OPT_OUT,
                        "method",
                        "data received by opt-out cannot be recorded in bulk (Rule 23(2)); use EACH"));
            }
        }
        if (draft.method() != RecordMethod.EACH && draft.lastTransferOn() == null) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.LAST_TRANSFER_REQUIRED,
                    "lastTransferOn",
                    "is required for a " + draft.method()
                            + " record: its retention runs from the last receipt (Rule 25)"));
        }
        if (draft.method() == RecordMethod.EACH && draft.lastTransferOn() != null) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.LAST_TRANSFER_NOT_APPLICABLE,
                    "lastTransferOn",
                    "an EACH record covers one receipt: give its date as receivedOn"));
        }
    }

    private static void checkDates(ReceiptDraft draft, LocalDate today, List<ReceiptRefused.Failure> failures) {
        if (draft.receivedOn() != null && draft.receivedOn().isAfter(today)) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.DATE_IN_FUTURE,
                    "receivedOn",
                    "is after today (" + today + " in Japan); a receipt is recorded once it has happened"));
        }
        if (draft.lastTransferOn() != null && draft.lastTransferOn().isAfter(today)) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.DATE_IN_FUTURE,
                    "lastTransferOn",
                    "is after today (" + today + " in Japan); a receipt is recorded once it has happened"));
        }
        if (draft.receivedOn() != null
                && draft.lastTransferOn() != null
                && draft.lastTransferOn().isBefore(draft.receivedOn())) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.LAST_TRANSFER_BEFORE_RECEIPT, "lastTransferOn", "must not be before receivedOn"));
        }
    }

    private static void checkProvider(ReceiptDraft draft, ThirdParty provider, List<ReceiptRefused.Failure> failures) {
        if (provider == null) {
            // Another tenant's party is answered exactly like one that does not exist.
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.UNKNOWN_PROVIDER,
                    "providerId",
                    "no third party " + draft.providerId() + " is registered; register the provider first"));
        } else if (provider.kind == PartyKind.PUBLIC_AGENCY) {
            failures.add(new ReceiptRefused.Failure(
                    ReceiptRule.RECORD_NOT_REQUIRED,
                    "providerId",
                    "a state organ, local government or administrative agency (Art. 16(2)) is not a third party for"
                            + " the receipt record (Arts. 29(1), 30)"));
        }
    }
}
