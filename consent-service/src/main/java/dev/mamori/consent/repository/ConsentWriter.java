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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One consent's write as plain prepared SQL on the reactive pool (see {@code PlainWrites}): one statement reads what
 * the consent is checked against, one inserts it. A consent at a time is what web forms and call centres send, so
 * this path runs at the rate of their traffic; the ORM's session, flush and entity lifecycle cost more than the
 * statements themselves here (BENCHMARKS.md has the figures). An import writes the same way, in bulk: one statement
 * reads what all its consents are checked against, one inserts them all from one array per column.
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

    /**
     * For an import: every (purpose code, version) pair its consents name, by the same keys as {@link #FACTS}, and
     * the tenant's age threshold, in one statement. The outer row is there even when no purpose is found, so the
     * threshold always comes back; a pair whose purpose is unknown gives no row.
     */
    private static final String IMPORT_FACTS = "SELECT k.code, p.id, p.current_version, v.version, "
            + "v.sensitive_categories, t.guardian_age_threshold FROM (SELECT 1) one "
            + "LEFT JOIN tenant_policy t ON t.tenant_id = $1 "
            + "LEFT JOIN (unnest($2::text[], $3::int[]) AS k(code, version) "
            + "JOIN purpose p ON p.tenant_id = $1 AND p.code = k.code "
            + "LEFT JOIN purpose_version v ON v.purpose_id = p.id AND v.tenant_id = $1 AND v.version = k.version) "
            + "ON true";

    /**
     * An import's consents in one statement: one typed array per column, unnested into rows in the order sent (so
     * {@code seq}, which breaks ties between answers captured at the same instant, follows the import's order). The
     * tenant and the actor are one caller's, sent once.
     */
    private static final String INSERT_ALL = "INSERT INTO consent (id, tenant_id, subject_ref, purpose_id, "
            + "purpose_code, purpose_version, decision, method, channel, operator_ref, actor_subject, actor_client, "
            + "notice_version, language, captured_at, recorded_at, user_agent, anonymised_ip, recording_ref, "
            + "expires_at, sensitive_categories, subject_birth_date, guardian_name, guardian_relation, "
            + "guardian_verification) "
            + "SELECT r.id, $1, r.subject_ref, r.purpose_id, r.purpose_code, r.purpose_version, r.decision, r.method, "
            + "r.channel, r.operator_ref, $2, $3, r.notice_version, r.language, r.captured_at, r.recorded_at, "
            + "r.user_agent, r.anonymised_ip, r.recording_ref, r.expires_at, r.sensitive_categories, "
            + "r.subject_birth_date, r.guardian_name, r.guardian_relation, r.guardian_verification "
            + "FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::int[], $9::text[], $10::text[], "
            + "$11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[], "
            + "$17::text[], $18::text[], $19::text[], $20::timestamptz[], $21::text[], $22::date[], $23::text[], "
            + "$24::text[], $25::text[]) WITH ORDINALITY AS r(id, subject_ref, purpose_id, purpose_code, "
            + "purpose_version, decision, method, channel, operator_ref, notice_version, language, captured_at, "
            + "recorded_at, user_agent, anonymised_ip, recording_ref, expires_at, sensitive_categories, "
            + "subject_birth_date, guardian_name, guardian_relation, guardian_verification, ord) ORDER BY r.ord";

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

    /**
     * What an import is checked against: the purposes it names by code, their asked versions by {@link
     * #versionKey}, and the tenant's age threshold.
     */
    public record ImportFacts(
            Map<String, Purpose> purposes, Map<String, PurposeVersion> versions, int guardianAgeThreshold) {}

    /** How {@link ImportFacts#versions} is keyed. */
    public static String versionKey(UUID purposeId, int version) {
        return purposeId + "@" + version;
    }

    /**
     * Sends the import's read on subscription: {@code codes} and {@code versions} are the distinct (code, version)
     * pairs its consents name, position by position.
     */
    public Uni<ImportFacts> importFacts(SqlClient connection, String tenantId, String[] codes, Integer[] versions) {
        return connection
                .preparedQuery(IMPORT_FACTS)
                .execute(Tuple.tuple()
                        .addString(tenantId)
                        .addArrayOfString(codes)
                        .addArrayOfInteger(versions))
                .map(rows -> {
                    Map<String, Purpose> purposes = new HashMap<>();
                    Map<String, PurposeVersion> found = new HashMap<>();
                    Integer threshold = null;
                    for (Row row : rows) {
                        threshold = row.getInteger("guardian_age_threshold");
                        UUID id = row.getUUID("id");
                        if (id == null) {
                            continue;
                        }
                        Purpose purpose = purposes.computeIfAbsent(row.getString("code"), code -> {
                            Purpose p = new Purpose();
                            p.id = id;
                            p.tenantId = tenantId;
                            p.code = code;
                            p.currentVersion = row.getInteger("current_version");
                            return p;
                        });
                        if (row.getInteger("version") != null) {
                            PurposeVersion v = new PurposeVersion();
                            v.purposeId = purpose.id;
                            v.tenantId = tenantId;
                            v.version = row.getInteger("version");
                            v.sensitiveCategories =
                                    VERSION_CATEGORIES.convertToEntityAttribute(row.getString("sensitive_categories"));
                            found.put(versionKey(v.purposeId, v.version), v);
                        }
                    }
                    return new ImportFacts(
                            purposes, found, threshold == null ? TenantPolicy.DEFAULT_GUARDIAN_AGE : threshold);
                });
    }

    /** The import's rows in one statement (see {@link #valuesOfAll}). */
    public String insertAll() {
        return INSERT_ALL;
    }

    /**
     * The arguments of {@link #insertAll()}: the consents' columns as arrays, as {@link #values} writes one row. All
     * are one caller's: the tenant and the actor are taken from the first.
     */
    public Tuple valuesOfAll(List<Consent> all) {
        int n = all.size();
        UUID[] ids = new UUID[n];
        String[] subjects = new String[n];
        UUID[] purposeIds = new UUID[n];
        String[] purposeCodes = new String[n];
        Integer[] purposeVersions = new Integer[n];
        String[] decisions = new String[n];
        String[] methods = new String[n];
        String[] channels = new String[n];
        String[] operators = new String[n];
        String[] notices = new String[n];
        String[] languages = new String[n];
        OffsetDateTime[] captured = new OffsetDateTime[n];
        OffsetDateTime[] recorded = new OffsetDateTime[n];
        String[] userAgents = new String[n];
        String[] ips = new String[n];
        String[] recordings = new String[n];
        OffsetDateTime[] expires = new OffsetDateTime[n];
        String[] categories = new String[n];
        LocalDate[] births = new LocalDate[n];
        String[] guardianNames = new String[n];
        String[] guardianRelations = new String[n];
        String[] guardianVerifications = new String[n];
        for (int i = 0; i < n; i++) {
            Consent c = all.get(i);
            ids[i] = c.id;
            subjects[i] = c.subjectRef;
            purposeIds[i] = c.purposeId;
            purposeCodes[i] = c.purposeCode;
            purposeVersions[i] = c.purposeVersion;
            decisions[i] = c.decision.name();
            methods[i] = c.method.name();
            channels[i] = c.channel;
            operators[i] = c.operatorRef;
            notices[i] = c.noticeVersion;
            languages[i] = c.language;
            captured[i] = c.capturedAt;
            recorded[i] = c.recordedAt;
            userAgents[i] = c.userAgent;
            ips[i] = c.anonymisedIp;
            recordings[i] = c.recordingRef;
            expires[i] = c.expiresAt;
            categories[i] = CATEGORIES.convertToDatabaseColumn(c.sensitiveCategories);
            births[i] = c.subjectBirthDate;
            guardianNames[i] = c.guardianName;
            guardianRelations[i] = c.guardianRelation;
            guardianVerifications[i] = c.guardianVerification;
        }
        Consent first = all.get(0);
        return Tuple.tuple()
                .addString(first.tenantId)
                .addString(first.actorSubject)
                .addString(first.actorClient)
                .addArrayOfUUID(ids)
                .addArrayOfString(subjects)
                .addArrayOfUUID(purposeIds)
                .addArrayOfString(purposeCodes)
                .addArrayOfInteger(purposeVersions)
                .addArrayOfString(decisions)
                .addArrayOfString(methods)
                .addArrayOfString(channels)
                .addArrayOfString(operators)
                .addArrayOfString(notices)
                .addArrayOfString(languages)
                .addArrayOfOffsetDateTime(captured)
                .addArrayOfOffsetDateTime(recorded)
                .addArrayOfString(userAgents)
                .addArrayOfString(ips)
                .addArrayOfString(recordings)
                .addArrayOfOffsetDateTime(expires)
                .addArrayOfString(categories)
                .addArrayOfLocalDate(births)
                .addArrayOfString(guardianNames)
                .addArrayOfString(guardianRelations)
                .addArrayOfString(guardianVerifications);
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
