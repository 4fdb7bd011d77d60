package dev.mamori.consent.repository;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.SensitiveCategory;
import dev.mamori.consent.service.ConsentState;
import dev.mamori.consent.service.PurposeFacts;
import dev.mamori.consent.service.SubjectConsents;
import dev.mamori.platform.persistence.StringListConverter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The use decision's reads, as plain prepared SQL on the reactive pool: this path takes thousands of calls a second
 * and an ORM costs several times the query itself here (BENCHMARKS.md has the figures).
 */
@ApplicationScoped
public class ConsentStateReader {

    private static final String STATE_COLUMNS = "c.id, c.decision, c.purpose_version, c.expires_at, "
            + "c.sensitive_categories, c.subject_birth_date, c.guardian_name IS NOT NULL AS has_guardian, "
            + "c.captured_at, w.withdrawn_at";

    private static final String STOPPED = "EXISTS (SELECT 1 FROM use_stop s WHERE s.tenant_id = $1 "
            + "AND s.subject_ref = %s AND s.lifted_at IS NULL AND (s.purpose_code IS NULL OR s.purpose_code = %s))";
    /** An erasure on the person's request stops every purpose; '!' marks it among a person's stops. */
    private static final String ERASED = "EXISTS (SELECT 1 FROM use_stop s WHERE s.tenant_id = $1 "
            + "AND s.subject_ref = %s AND s.lifted_at IS NULL AND s.ground = 'ERASURE')";

    /**
     * Everything the decision needs about one person at once: the latest answer for each purpose they ever
     * answered, and the purposes whose use is stopped ({@code *} for a stop of every purpose). A caller who asks about
     * a person usually asks about several of their purposes (the operator's screen during a call), so one read
     * serves them all from the cache.
     */
    private static final String SUBJECT = "SELECT c.purpose_code, " + STATE_COLUMNS + ", "
            + "(SELECT array_agg(CASE WHEN s.ground = 'ERASURE' THEN '!' ELSE COALESCE(s.purpose_code, '*') END) "
            + "FROM use_stop s WHERE s.tenant_id = $1 "
            + "AND s.subject_ref = $2 AND s.lifted_at IS NULL) AS stops "
            + "FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT DISTINCT ON (c.purpose_code) * FROM consent c "
            + "WHERE c.tenant_id = $1 AND c.subject_ref = $2 "
            + "ORDER BY c.purpose_code, c.captured_at DESC, c.seq DESC) c ON true "
            + "LEFT JOIN consent_withdrawal w ON w.consent_id = c.id";

    /** The same for many pairs at once, in the order given. */
    private static final String MANY =
            "SELECT q.ord, " + STATE_COLUMNS + ", " + STOPPED.formatted("q.subject", "q.purpose")
                    + " AS stopped, " + ERASED.formatted("q.subject") + " AS erased "
                    + "FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS q(subject, purpose, ord) "
                    + "LEFT JOIN LATERAL (SELECT * FROM consent c WHERE c.tenant_id = $1 AND c.subject_ref = q.subject "
                    + "AND c.purpose_code = q.purpose ORDER BY c.captured_at DESC, c.seq DESC LIMIT 1) c ON true "
                    + "LEFT JOIN consent_withdrawal w ON w.consent_id = c.id ORDER BY q.ord";

    /** The current state of every person who ever answered for a purpose, for the vendor export. */
    private static final String BY_PURPOSE = "SELECT DISTINCT ON (c.subject_ref) c.subject_ref, " + STATE_COLUMNS + ", "
            + STOPPED.formatted("c.subject_ref", "c.purpose_code") + " AS stopped, "
            + ERASED.formatted("c.subject_ref") + " AS erased "
            + "FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id "
            + "WHERE c.tenant_id = $1 AND c.purpose_code = $2 AND c.subject_ref > $3 "
            + "ORDER BY c.subject_ref, c.captured_at DESC, c.seq DESC LIMIT $4";

    private static final String PURPOSE = "SELECT p.id, p.current_version, v.sensitive_categories, "
            + "(SELECT max(u.version) FROM purpose_version u WHERE u.purpose_id = p.id AND u.change_type = 'UNRELATED') "
            + "AS last_unrelated FROM purpose p JOIN purpose_version v ON v.purpose_id = p.id "
            + "AND v.version = p.current_version WHERE p.tenant_id = $1 AND p.code = $2";

    private static final String THRESHOLD = "SELECT guardian_age_threshold FROM tenant_policy WHERE tenant_id = $1";

    private final Pool pool;
    private final StringListConverter lists = new StringListConverter();

    public ConsentStateReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<SubjectConsents> subject(String tenantId, String subjectRef) {
        return pool.preparedQuery(SUBJECT)
                .execute(Tuple.of(tenantId, subjectRef))
                .map(rows -> {
                    Row first = rows.iterator().next();
                    String[] stops = first.getArrayOfStrings("stops");
                    Set<String> stopped = stops == null
                            ? Set.of()
                            : Set.of(Arrays.stream(stops).distinct().toArray(String[]::new));
                    boolean erased = stopped.contains("!");
                    boolean stoppedAll = erased || stopped.contains("*");
                    Map<String, ConsentState> byPurpose = new HashMap<>();
                    for (Row row : rows) {
                        String purpose = row.getString("purpose_code");
                        if (purpose != null) {
                            byPurpose.put(purpose, toState(row, stoppedAll || stopped.contains(purpose), erased));
                        }
                    }
                    return SubjectConsents.complete(byPurpose, stoppedAll, stopped, erased);
                });
    }

    public Uni<List<ConsentState>> states(String tenantId, List<String> subjectRefs, List<String> purposeCodes) {
        return pool.preparedQuery(MANY)
                .execute(Tuple.of(tenantId, subjectRefs.toArray(String[]::new), purposeCodes.toArray(String[]::new)))
                .map(rows -> {
                    List<ConsentState> states = new ArrayList<>(rows.size());
                    rows.forEach(row -> states.add(toState(row)));
                    return states;
                });
    }

    /** Pages through a purpose's subjects in subjectRef order; {@code after} is the last subjectRef seen. */
    public Uni<Integer> statesForPurpose(
            String tenantId, String purposeCode, String after, int limit, Consumer<SubjectState> sink) {
        return pool.preparedQuery(BY_PURPOSE)
                .execute(Tuple.of(tenantId, purposeCode, after, limit))
                .map((RowSet<Row> rows) -> {
                    rows.forEach(row -> sink.accept(new SubjectState(row.getString("subject_ref"), toState(row))));
                    return rows.size();
                });
    }

    public record SubjectState(String subjectRef, ConsentState state) {}

    public Uni<PurposeFacts> purpose(String tenantId, String code) {
        return pool.preparedQuery(PURPOSE).execute(Tuple.of(tenantId, code)).map(rows -> {
            if (rows.size() == 0) {
                return PurposeFacts.UNKNOWN;
            }
            Row row = rows.iterator().next();
            Integer lastUnrelated = row.getInteger("last_unrelated");
            return new PurposeFacts(
                    row.getUUID("id"),
                    code,
                    row.getInteger("current_version"),
                    lastUnrelated == null ? 0 : lastUnrelated,
                    categories(row.getString("sensitive_categories")));
        });
    }

    public Uni<Integer> guardianAgeThreshold(String tenantId, int defaultAge) {
        return pool.preparedQuery(THRESHOLD)
                .execute(Tuple.of(tenantId))
                .map(rows ->
                        rows.size() == 0 ? defaultAge : rows.iterator().next().getInteger(0));
    }

    private ConsentState toState(Row row) {
        return toState(row, row.getBoolean("stopped"), row.getBoolean("erased"));
    }

    private ConsentState toState(Row row, boolean stopped, boolean erased) {
        UUID id = row.getUUID("id");
        if (id == null) {
            return erased ? ConsentState.NONE_ERASED : stopped ? ConsentState.NONE_STOPPED : ConsentState.NONE;
        }
        return new ConsentState(
                id,
                ConsentDecision.valueOf(row.getString("decision")),
                row.getInteger("purpose_version"),
                row.getOffsetDateTime("expires_at"),
                categories(row.getString("sensitive_categories")),
                row.getLocalDate("subject_birth_date"),
                row.getBoolean("has_guardian"),
                row.getOffsetDateTime("captured_at"),
                row.getOffsetDateTime("withdrawn_at"),
                stopped,
                erased);
    }

    private Set<SensitiveCategory> categories(String json) {
        List<String> names = lists.convertToEntityAttribute(json);
        if (names.isEmpty()) {
            return Set.of();
        }
        EnumSet<SensitiveCategory> set = EnumSet.noneOf(SensitiveCategory.class);
        names.forEach(n -> set.add(SensitiveCategory.valueOf(n)));
        return set;
    }
}
