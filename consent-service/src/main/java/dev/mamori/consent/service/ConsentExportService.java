package dev.mamori.consent.service;

import dev.mamori.consent.TenantPolicy;
import dev.mamori.consent.repository.ConsentStateReader;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * The current consent state of everyone who answered for one purpose, as CSV: for vendors with no API, who
 * otherwise strip opted-out people from their files by hand.
 */
@ApplicationScoped
public class ConsentExportService {

    private static final int PAGE = 5000;
    static final String HEADER = "subject_ref,allowed,reason,consent_id,consented_version,current_version,captured_at,withdrawn_at,expires_at\r\n";

    private final ConsentStateReader reader;
    private final TenantContext tenant;
    private final AuditLog audit;

    public ConsentExportService(ConsentStateReader reader, TenantContext tenant, AuditLog audit) {
        this.reader = reader;
        this.tenant = tenant;
        this.audit = audit;
    }

    public Uni<String> export(String purposeCode) {
        String tenantId = tenant.tenantId();
        return reader.purpose(tenantId, purposeCode).chain(purpose -> {
            if (!purpose.known()) {
                throw ProblemException.notFound("Purpose", purposeCode);
            }
            return reader.guardianAgeThreshold(tenantId, TenantPolicy.DEFAULT_GUARDIAN_AGE).chain(threshold -> {
                StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER);
                OffsetDateTime now = OffsetDateTime.now();
                int[] rows = {0};
                String[] last = {""};
                return page(tenantId, purposeCode, last, csv, purpose, threshold, now, rows)
                        .chain(() -> Panache.withTransaction(() -> audit.record("CONSENT_STATES_EXPORTED", "purpose",
                                purposeCode + " (" + rows[0] + " people)", null)))
                        .map(v -> csv.toString());
            });
        });
    }

    private Uni<Void> page(String tenantId, String purposeCode, String[] last, StringBuilder csv, PurposeFacts purpose,
                           int threshold, OffsetDateTime now, int[] rows) {
        return reader.statesForPurpose(tenantId, purposeCode, last[0], PAGE, s -> {
            Decision d = DecisionRules.decide(purpose, s.state(), threshold, now);
            csv.append(cell(s.subjectRef())).append(',').append(d.allowed()).append(',').append(d.reason()).append(',')
                    .append(opt(s.state().consentId())).append(',').append(opt(d.consentedVersion())).append(',')
                    .append(d.purposeVersion()).append(',').append(opt(s.state().capturedAt())).append(',')
                    .append(opt(s.state().withdrawnAt())).append(',').append(opt(s.state().expiresAt())).append("\r\n");
            last[0] = s.subjectRef();
            rows[0]++;
        }).chain(n -> n == PAGE ? page(tenantId, purposeCode, last, csv, purpose, threshold, now, rows)
                : Uni.createFrom().voidItem());
    }

    private static String opt(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
