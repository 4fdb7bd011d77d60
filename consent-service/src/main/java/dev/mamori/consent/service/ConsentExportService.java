package dev.mamori.consent.service;

import dev.mamori.consent.TenantPolicy;
import dev.mamori.consent.repository.ConsentStateReader;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.text.Csv;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The current consent state of everyone who answered for one purpose, as CSV ({@link Csv}: UTF-8 with a byte-order
 * mark, formulas defused): for vendors with no API, who otherwise strip opted-out people from their files by hand.
 */
@ApplicationScoped
public class ConsentExportService {

    private static final int PAGE = 5000;
    static final List<String> HEADER = List.of(
            "subject_ref",
            "allowed",
            "reason",
            "consent_id",
            "consented_version",
            "current_version",
            "captured_at",
            "withdrawn_at",
            "expires_at");

    private final ConsentStateReader reader;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Clock clock;

    public ConsentExportService(ConsentStateReader reader, TenantContext tenant, AuditLog audit, Clock clock) {
        this.reader = reader;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<String> export(String purposeCode) {
        String tenantId = tenant.tenantId();
        return reader.purpose(tenantId, purposeCode).chain(purpose -> {
            if (!purpose.known()) {
                throw ProblemException.notFound("Purpose", purposeCode);
            }
            return reader.guardianAgeThreshold(tenantId, TenantPolicy.DEFAULT_GUARDIAN_AGE)
                    .chain(threshold -> {
                        Csv csv = Csv.withHeader(HEADER);
                        OffsetDateTime now = OffsetDateTime.now(clock);
                        String[] last = {""};
                        return page(tenantId, purposeCode, last, csv, purpose, threshold, now)
                                .chain(() -> Panache.withTransaction(() -> audit.record(
                                        "CONSENT_STATES_EXPORTED",
                                        "purpose",
                                        purposeCode + " (" + csv.rows() + " people)",
                                        null)))
                                .map(v -> csv.text());
                    });
        });
    }

    private Uni<Void> page(
            String tenantId,
            String purposeCode,
            String[] last,
            Csv csv,
            PurposeFacts purpose,
            int threshold,
            OffsetDateTime now) {
        return reader.statesForPurpose(tenantId, purposeCode, last[0], PAGE, s -> {
                    Decision d = DecisionRules.decide(purpose, s.state(), threshold, now);
                    csv.row(
                            s.subjectRef(),
                            d.allowed(),
                            d.reason(),
                            s.state().consentId(),
                            d.consentedVersion(),
                            d.purposeVersion(),
                            s.state().capturedAt(),
                            s.state().withdrawnAt(),
                            s.state().expiresAt());
                    last[0] = s.subjectRef();
                })
                .chain(n -> n == PAGE
                        ? page(tenantId, purposeCode, last, csv, purpose, threshold, now)
                        : Uni.createFrom().voidItem());
    }
}
