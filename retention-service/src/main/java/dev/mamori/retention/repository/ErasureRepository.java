package dev.mamori.retention.repository;

import dev.mamori.retention.ErasureCause;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The hot path of erasure, in plain set-based SQL: one statement per batch picks the holdings, deletes them, queues
 * one erasure request per owning system and writes that request's evidence: one row holding the erased holdings'
 * fields as parallel arrays (V6 migration; the view {@code erasure_evidence} reads it back one row per holding).
 * Nothing travels row by row between the service and the database, and nothing is written per holding but its
 * deletion, so a batch costs about what a plain DELETE of the same rows costs.
 */
@ApplicationScoped
public class ErasureRepository {

    /** A holding is held when an active legal hold matches every scope field the hold names. */
    static final String HELD = """
            EXISTS (SELECT 1 FROM legal_hold l
                    WHERE l.tenant_id = h.tenant_id AND l.released_at IS NULL AND (l.until IS NULL OR l.until > now())
                      AND (l.subject_ref IS NULL OR l.subject_ref = h.subject_ref)
                      AND (l.category_code IS NULL OR l.category_code = h.category_code)
                      AND (l.contract_ref IS NULL OR l.contract_ref = h.contract_ref))""";

    /**
     * %1$s: which holdings (due now, or one person's); %2$s: the hold filter (empty when the tenant has no active
     * hold, which spares the anti-join); %3$s: SKIP LOCKED for the purge (replicas split the work), nothing for a
     * person's erasure (it waits for a purge batch holding the same rows, then finds them gone).
     * <p>
     * The batch is picked in no particular order: a run erases every due holding anyway, and sorting would make
     * each batch read (and sort) all the tenant's due rows to pick the first n. The DELETE finds the picked rows
     * through the primary key ({@code = ANY(ARRAY(...))}): a join with the CTE was planned as a hash join over a
     * sequential scan of the whole holding table, every tenant's, once per batch. {@code per_system} is computed
     * once (it calls gen_random_uuid(), so PostgreSQL materialises it) and feeds both the request and its evidence,
     * which therefore share the id and the count. Each array_agg of one group sees the rows in the same order, so
     * the arrays line up element by element. The purge run's heartbeat is renewed in the same statement (it matches
     * no run for a person's erasure).
     */
    private static final String ERASE = """
            WITH doomed AS (
                SELECT h.id FROM holding h
                WHERE h.tenant_id = :tenant AND %1$s %2$s
                LIMIT :limit
                FOR UPDATE OF h %3$s
            ), gone AS (
                DELETE FROM holding h WHERE h.id = ANY (ARRAY(SELECT id FROM doomed))
                RETURNING h.id, h.tenant_id, h.subject_ref, h.category_code, h.owning_system, h.locator,
                          h.collected_at, h.delete_after, h.retention_basis, h.retention_days, h.rule,
                          h.contract_ref, h.extension_id
            ), per_system AS (
                SELECT gen_random_uuid() AS request_id, g.owning_system, count(*) AS items,
                       array_agg(g.id) AS holding_ids, array_agg(g.subject_ref) AS subject_refs,
                       array_agg(g.category_code) AS category_codes, array_agg(g.locator) AS locators,
                       array_agg(g.collected_at) AS collected_ats, array_agg(g.delete_after) AS delete_afters,
                       array_agg(g.retention_basis) AS retention_bases, array_agg(g.retention_days) AS retention_days,
                       array_agg(g.rule) AS rules, array_agg(g.contract_ref) AS contract_refs,
                       array_agg(g.extension_id) AS extension_ids
                FROM gone g GROUP BY g.owning_system
            ), requests AS (
                INSERT INTO erasure_request (id, tenant_id, system_code, cause, run_id, request_ref, item_count,
                                             status, attempts, next_attempt_at, created_at)
                SELECT p.request_id, :tenant, p.owning_system, :cause, CAST(NULLIF(:run, '') AS uuid),
                       NULLIF(:requestRef, ''), p.items, 'PENDING', 0, now(), now()
                FROM per_system p
            ), evidence AS (
                INSERT INTO erasure_evidence_batch (erasure_request_id, tenant_id, owning_system, cause, request_ref,
                                                    run_id, erased_at, erased_by, holding_ids, subject_refs,
                                                    category_codes, locators, collected_ats, delete_afters,
                                                    retention_bases, retention_days, rules, contract_refs,
                                                    extension_ids)
                SELECT p.request_id, :tenant, p.owning_system, :cause, NULLIF(:requestRef, ''),
                       CAST(NULLIF(:run, '') AS uuid), now(), :actor, p.holding_ids, p.subject_refs, p.category_codes,
                       p.locators, p.collected_ats, p.delete_afters, p.retention_bases, p.retention_days, p.rules,
                       p.contract_refs, p.extension_ids
                FROM per_system p
                RETURNING cardinality(holding_ids) AS items
            ), heartbeat AS (
                UPDATE purge_run SET heartbeat_at = now() WHERE id = CAST(NULLIF(:run, '') AS uuid)
                RETURNING 1
            )
            SELECT CAST(COALESCE(sum(items), 0) AS bigint) FROM evidence""";

    public Uni<Boolean> hasActiveHold(String tenantId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM legal_hold WHERE tenant_id = :t "
                                        + "AND released_at IS NULL AND (until IS NULL OR until > now())",
                                Long.class)
                        .setParameter("t", tenantId)
                        .getSingleResult())
                .map(n -> n > 0);
    }

    /**
     * Erases up to {@code limit} due, unheld holdings of a tenant and renews the run's heartbeat; answers how many.
     * Run inside a transaction.
     */
    public Uni<Integer> purgeBatch(String tenantId, UUID runId, int limit, boolean holdsExist, String actor) {
        String sql = ERASE.formatted("h.delete_after <= now()", holdsExist ? "AND NOT " + HELD : "", "SKIP LOCKED");
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Long.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("limit", limit)
                        .setParameter("cause", ErasureCause.RETENTION.name())
                        .setParameter("run", runId.toString())
                        .setParameter("requestRef", "")
                        .setParameter("actor", actor)
                        .getSingleResult())
                .map(Long::intValue);
    }

    /** Erases a person's unheld holdings, whatever their date, for an approved request. Inside a transaction. */
    public Uni<Integer> eraseSubject(String tenantId, String subjectRef, String requestRef, int limit, String actor) {
        String sql = ERASE.formatted("h.subject_ref = :subject", "AND NOT " + HELD, "");
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Long.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("subject", subjectRef)
                        .setParameter("limit", limit)
                        .setParameter("cause", ErasureCause.SUBJECT_REQUEST.name())
                        .setParameter("run", "")
                        .setParameter("requestRef", requestRef)
                        .setParameter("actor", actor)
                        .getSingleResult())
                .map(Long::intValue);
    }

    /** Due holdings a legal hold keeps. */
    public Uni<Long> countHeldDue(String tenantId) {
        return count("h.delete_after <= now() AND " + HELD, tenantId, null);
    }

    /** Due holdings not held: what is left to erase. */
    public Uni<Long> countDueUnheld(String tenantId) {
        return count("h.delete_after <= now() AND NOT " + HELD, tenantId, null);
    }

    public Uni<Long> countHeldForSubject(String tenantId, String subjectRef) {
        return count("h.subject_ref = :subject AND " + HELD, tenantId, subjectRef);
    }

    private Uni<Long> count(String where, String tenantId, String subjectRef) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(
                            "SELECT count(*) FROM holding h WHERE h.tenant_id = :tenant AND " + where, Long.class)
                    .setParameter("tenant", tenantId);
            if (subjectRef != null) {
                q.setParameter("subject", subjectRef);
            }
            return q.getSingleResult();
        });
    }

    /**
     * Holdings a purge run erased, over all its batches (also those of a replica that died mid-run). Summed from the
     * run's erasure requests: each counts exactly the evidence rows its batch statement wrote (V4 migration).
     */
    public Uni<Long> countForRun(UUID runId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT CAST(COALESCE(sum(item_count), 0) AS bigint) FROM erasure_request WHERE run_id = :run",
                        Long.class)
                .setParameter("run", runId)
                .getSingleResult());
    }

    // ---- Reading evidence (certificates, payloads) ----

    private static final String EVIDENCE_COLUMNS = """
            CAST(e.holding_id AS text), e.subject_ref, e.category_code, e.owning_system, e.locator,
            to_char(e.collected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            to_char(e.delete_after AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            e.retention_basis, e.retention_days, e.rule, e.contract_ref, CAST(e.extension_id AS text), e.cause,
            e.request_ref, CAST(e.run_id AS text), CAST(e.erasure_request_id AS text),
            to_char(e.erased_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.erased_by,
            r.status, r.confirmed_by,
            to_char(r.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')""";

    /** One erased holding as the evidence holds it; times are UTC RFC 3339 with microseconds. */
    public record Evidence(
            String holdingId,
            String subjectRef,
            String categoryCode,
            String owningSystem,
            String locator,
            String collectedAt,
            String deleteAfter,
            String retentionBasis,
            int retentionDays,
            String rule,
            String contractRef,
            String extensionId,
            String cause,
            String requestRef,
            String runId,
            String erasureRequestId,
            String erasedAt,
            String erasedBy,
            String requestStatus,
            String confirmedBy,
            String confirmedAt) {}

    /** Evidence erased in [from, to), oldest first; at most {@code limit} rows. */
    public Uni<List<Evidence>> inPeriod(String tenantId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return evidence(
                "e.tenant_id = :tenant AND e.erased_at >= :from AND e.erased_at < :to", limit, q -> q.setParameter(
                                "tenant", tenantId)
                        .setParameter("from", from)
                        .setParameter("to", to));
    }

    public Uni<List<Evidence>> forRequestRef(String tenantId, String requestRef, int limit) {
        return evidence("e.tenant_id = :tenant AND e.request_ref = :ref", limit, q -> q.setParameter("tenant", tenantId)
                .setParameter("ref", requestRef));
    }

    public Uni<List<Evidence>> forErasureRequest(UUID erasureRequestId) {
        return evidence("e.erasure_request_id = :id", Integer.MAX_VALUE, q -> q.setParameter("id", erasureRequestId));
    }

    private Uni<List<Evidence>> evidence(
            String where,
            int limit,
            java.util.function.UnaryOperator<org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<Object[]>> bind) {
        String sql = "SELECT " + EVIDENCE_COLUMNS + " FROM erasure_evidence e "
                + "JOIN erasure_request r ON r.id = e.erasure_request_id WHERE " + where
                // Rows erased in one statement share erased_at; collection time then locator give every reader (and the
                // certificate digest) the same order, where the random holding id alone would not.
                + " ORDER BY e.erased_at, e.collected_at, e.owning_system, e.locator, e.holding_id";
        return Panache.getSession()
                .chain(s -> {
                    var q = bind.apply(s.createNativeQuery(sql, Object[].class));
                    if (limit != Integer.MAX_VALUE) {
                        q.setMaxResults(limit);
                    }
                    return q.getResultList();
                })
                .map(rows -> {
                    List<Evidence> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        out.add(new Evidence(
                                (String) r[0],
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                (String) r[4],
                                (String) r[5],
                                (String) r[6],
                                (String) r[7],
                                ((Number) r[8]).intValue(),
                                (String) r[9],
                                (String) r[10],
                                (String) r[11],
                                (String) r[12],
                                (String) r[13],
                                (String) r[14],
                                (String) r[15],
                                (String) r[16],
                                (String) r[17],
                                (String) r[18],
                                (String) r[19],
                                (String) r[20]));
                    }
                    return out;
                });
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
