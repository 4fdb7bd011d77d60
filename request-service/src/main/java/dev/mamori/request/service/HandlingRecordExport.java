package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.text.Csv;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of handling requests from the person that JIS Q 15001 (PrivacyMark) asks for, as CSV:
 * one line per request with what was asked, how the requester was verified, who decided what and when, whether
 * it was answered by its due date, and when and how the result notice was sent. It holds no name or contact, only the client company's subject reference.
 */
@ApplicationScoped
public class HandlingRecordExport {

    static final int MAX_ROWS = 10_000;
    static final List<String> HEADER = List.of(
            "request_id",
            "external_id",
            "subject_ref",
            "type",
            "channel",
            "received_at",
            "requester_relation",
            "agent_type",
            "identity_method",
            "identity_documents",
            "identity_verified_by",
            "identity_verified_at",
            "outcome",
            "refusal_ground",
            "decided_by",
            "decided_at",
            "fee_jpy",
            "sla_business_days",
            "paused_business_days",
            "extended_at",
            "due_on",
            "statutory_marker_on",
            "status",
            "closed_at",
            "answered_by_due_date",
            "notified_at",
            "notified_via",
            "notified_by");

    private final DataSubjectRequestRepository requests;
    private final TenantContext tenant;
    private final AuditLog audit;

    public HandlingRecordExport(DataSubjectRequestRepository requests, TenantContext tenant, AuditLog audit) {
        this.requests = requests;
        this.tenant = tenant;
        this.audit = audit;
    }

    /** Requests that arrived from {@code from} to {@code to} (Japan dates, both included). */
    @WithTransaction
    public Uni<String> csv(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalidField("to", "a record covers at most five years");
        }
        String tenantId = tenant.tenantId();
        return requests.receivedBetween(
                        tenantId, JapanTime.startOf(from), JapanTime.startOf(to.plusDays(1)), MAX_ROWS + 1)
                .chain(found -> {
                    if (found.size() > MAX_ROWS) {
                        throw ProblemException.unprocessable(
                                "export-too-large",
                                "Too many requests",
                                "from",
                                "more than " + MAX_ROWS + " requests in the period; export a shorter period");
                    }
                    return audit.recordAll(
                                    tenantId,
                                    found.stream()
                                            .map(r -> audit.entry(
                                                    "REQUEST_EXPORTED", RequestService.RESOURCE, r.id, r.subjectRef))
                                            .toList())
                            .map(v -> render(found));
                });
    }

    static String render(List<DataSubjectRequest> found) {
        Csv csv = Csv.withHeader(HEADER);
        for (DataSubjectRequest r : found) {
            List<String> row = new ArrayList<>();
            row.add(s(r.id));
            row.add(r.externalId);
            row.add(r.subjectRef);
            row.add(s(r.type));
            row.add(s(r.channel));
            row.add(s(r.receivedAt));
            row.add(s(r.requesterRelation));
            row.add(s(r.agentType));
            row.add(s(r.identityMethod));
            row.add(r.identityDocuments == null ? null : String.join(" ", r.identityDocuments));
            row.add(r.identityVerifiedBy);
            row.add(s(r.identityVerifiedAt));
            row.add(s(r.outcome));
            row.add(s(r.refusalGround));
            row.add(r.decidedBy);
            row.add(s(r.decidedAt));
            row.add(s(r.feeJpy));
            row.add(s(r.slaBusinessDays));
            row.add(s(r.pausedBusinessDays));
            row.add(s(r.extendedAt));
            row.add(s(r.dueOn));
            row.add(s(r.statutoryMarkerOn));
            row.add(s(r.status));
            row.add(s(r.closedAt));
            row.add(
                    r.closedAt == null || r.status == RequestStatus.CANCELLED
                            ? null
                            : Boolean.toString(!Deadlines.arrivalDay(r.closedAt).isAfter(r.dueOn)));
            // When and how the person was told the result (Arts. 32(3), 33(3), 34(3), 35(7): without delay).
            row.add(s(r.notifiedAt));
            row.add(s(r.notifiedVia));
            row.add(r.notifiedBy);
            csv.row(row);
        }
        return csv.text();
    }

    private static String s(Object value) {
        return value == null ? null : value.toString();
    }
}
