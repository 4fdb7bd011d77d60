package dev.mamori.thirdparty.repository;

import dev.mamori.platform.mail.StaffMail;
import dev.mamori.thirdparty.CertificationScheme;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reads the staff mails about contractors need: certifications in force and audits falling due, not yet mailed
 * about (which mails went is the platform's, {@link StaffMail}). Runs in the caller's transaction.
 */
@ApplicationScoped
public class StaffNoticeRepository {

    /** A certification in force (the latest of its scheme for the contractor) that expires soon. */
    public record ExpiringCertification(
            UUID id, UUID contractorId, CertificationScheme scheme, String number, LocalDate expiresOn) {}

    /** A contractor whose periodic audit falls due soon. */
    public record AuditDue(UUID contractorId, LocalDate dueOn) {}

    // In force: no later-expiring certification of the same scheme for the contractor (ContractorStanding).
    private static final String EXPIRING = "SELECT CAST(c.id AS text), CAST(c.contractor_id AS text), c.scheme, "
            + "c.number, c.expires_on FROM contractor_certification c WHERE c.tenant_id = :tenant "
            + "AND c.expires_on >= :today AND c.expires_on <= :horizon "
            + "AND NOT EXISTS (SELECT 1 FROM contractor_certification newer WHERE newer.tenant_id = c.tenant_id "
            + "AND newer.contractor_id = c.contractor_id AND newer.scheme = c.scheme "
            + "AND (newer.expires_on > c.expires_on OR (newer.expires_on = c.expires_on AND newer.id > c.id))) "
            + "AND "
            + StaffMail.notSent("c.tenant_id", "'CERTIFICATION_EXPIRING'", "CAST(c.id AS text)", "c.expires_on")
            + " "
            + "ORDER BY c.expires_on, c.id LIMIT :limit";

    // The next audit is the latest audit's next_due, or (none yet) the day in Japan the contractor was recorded plus
    // its audit interval (ContractorStanding.nextAuditDue).
    private static final String AUDITS = "SELECT CAST(d.id AS text), d.due FROM (SELECT k.id, k.tenant_id, "
            + "COALESCE((SELECT a.next_due FROM contractor_audit a WHERE a.tenant_id = k.tenant_id "
            + "AND a.contractor_id = k.id ORDER BY a.audited_on DESC, a.recorded_at DESC LIMIT 1), "
            + "CAST(CAST(k.created_at AT TIME ZONE 'Asia/Tokyo' AS date) "
            + "+ make_interval(months => k.audit_interval_months) AS date)) AS due "
            + "FROM contractor k WHERE k.tenant_id = :tenant) d "
            + "WHERE d.due >= :today AND d.due <= :horizon "
            + "AND " + StaffMail.notSent("d.tenant_id", "'AUDIT_DUE'", "CAST(d.id AS text)", "d.due") + " "
            + "ORDER BY d.due, d.id LIMIT :limit";

    public Uni<List<ExpiringCertification>> expiringWithoutNotice(
            String tenantId, LocalDate today, LocalDate horizon, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(EXPIRING, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("today", today)
                        .setParameter("horizon", horizon)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new ExpiringCertification(
                                UUID.fromString((String) r[0]),
                                UUID.fromString((String) r[1]),
                                CertificationScheme.valueOf((String) r[2]),
                                (String) r[3],
                                toDate(r[4])))
                        .toList());
    }

    public Uni<List<AuditDue>> auditsDueWithoutNotice(String tenantId, LocalDate today, LocalDate horizon, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(AUDITS, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("today", today)
                        .setParameter("horizon", horizon)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new AuditDue(UUID.fromString((String) r[0]), toDate(r[1])))
                        .toList());
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
