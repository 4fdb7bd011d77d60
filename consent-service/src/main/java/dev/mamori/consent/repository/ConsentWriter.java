package dev.mamori.consent.repository;

import dev.mamori.consent.Consent;
import dev.mamori.consent.Purpose;
import dev.mamori.consent.PurposeVersion;
import dev.mamori.consent.TenantPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One consent's write as plain prepared SQL on the reactive pool (see {@code PlainWrites}): one statement reads what
 * the consent is checked against, one inserts it. A consent at a time is what web forms and call centres send, so
 * this path runs at the rate of their traffic; the ORM's session, flush and entity lifecycle cost more than the
 * statements themselves here (BENCHMARKS.md has the figures).
 */
@ApplicationScoped
public class ConsentWriter {

    /**
     * The purpose by code, the asked version and the tenant's age threshold in one statement, by their keys (unique
     * (tenant, code), unique (purpose, version), the policy's key): its cost does not grow with the tenant.
     */
    private static final String FACTS = "SELECT p.id, p.current_version, v.version, v.sensitive_categories, "
            + "t.guardian_age_threshold FROM (SELECT 1) one "
            + "LEFT JOIN purpose p ON p.tenant_id = $1 AND p.code = $2 "
            + "LEFT JOIN purpose_version v ON v.purpose_id = p.id AND v.tenant_id = $1 AND v.version = $3 "
            + "LEFT JOIN tenant_policy t ON t.tenant_id = $1";

    private static final String INSERT = "INSERT INTO consent (id, tenant_id, subject_ref, purpose_id, purpose_code, "
            + "purpose_version, decision, method, channel, operator_ref, actor_subject, actor_client, notice_version, "
            + "language, captured_at, recorded_at, user_agent, anonymised_ip, recording_ref, expires_at, "
            + "sensitive_categories, subject_birth_date, guardian_name, guardian_relation, guardian_verification) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, "
            + "$22, $23, $24, $25)";

    private static final Consent.SensitiveCategoryList CATEGORIES = new Consent.SensitiveCategoryList();
    private static final PurposeVersion.SensitiveCategories VERSION_CATEGORIES =
            new PurposeVersion.SensitiveCategories();

    /** What one consent is checked against: the purpose and version it names (null if unknown), the threshold. */
    public record Facts(Purpose purpose, PurposeVersion version, int guardianAgeThreshold) {}

    /** Sends the read on subscription (no other statement waits for it). */
    public Uni<Facts> facts(SqlClient connection, String tenantId, String purposeCode, int version) {
        return connection
                .preparedQuery(FACTS)
                .execute(Tuple.of(tenantId, purposeCode, version))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Purpose purpose = null;
                    PurposeVersion found = null;
                    if (row.getUUID("id") != null) {
                        purpose = new Purpose();
                        purpose.id = row.getUUID("id");
                        purpose.tenantId = tenantId;
                        purpose.code = purposeCode;
                        purpose.currentVersion = row.getInteger("current_version");
                        if (row.getInteger("version") != null) {
                            found = new PurposeVersion();
                            found.purposeId = purpose.id;
                            found.tenantId = tenantId;
                            found.version = row.getInteger("version");
                            found.sensitiveCategories =
                                    VERSION_CATEGORIES.convertToEntityAttribute(row.getString("sensitive_categories"));
                        }
                    }
                    Integer threshold = row.getInteger("guardian_age_threshold");
                    return new Facts(purpose, found, threshold == null ? TenantPolicy.DEFAULT_GUARDIAN_AGE : threshold);
                });
    }

    /** The consent's row, as the ORM wrote it (enums by name, categories as a JSON array of names). */
    public String insert() {
        return INSERT;
    }

    public Tuple values(Consent c) {
        return Tuple.tuple()
                .addUUID(c.id)
                .addString(c.tenantId)
                .addString(c.subjectRef)
                .addUUID(c.purposeId)
                .addString(c.purposeCode)
                .addInteger(c.purposeVersion)
                .addString(c.decision.name())
                .addString(c.method.name())
                .addString(c.channel)
                .addString(c.operatorRef)
                .addString(c.actorSubject)
                .addString(c.actorClient)
                .addString(c.noticeVersion)
                .addString(c.language)
                .addOffsetDateTime(c.capturedAt)
                .addOffsetDateTime(c.recordedAt)
                .addString(c.userAgent)
                .addString(c.anonymisedIp)
                .addString(c.recordingRef)
                .addOffsetDateTime(c.expiresAt)
                .addString(CATEGORIES.convertToDatabaseColumn(c.sensitiveCategories))
                .addLocalDate(c.subjectBirthDate)
                .addString(c.guardianName)
                .addString(c.guardianRelation)
                .addString(c.guardianVerification);
    }
}
