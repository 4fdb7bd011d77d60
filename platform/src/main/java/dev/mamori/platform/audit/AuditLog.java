package dev.mamori.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends audit events inside the caller's transaction, so a change and its audit line commit or roll back
 * together. Each tenant's events form a hash chain: every event's hash covers its content and the previous hash,
 * and a per-tenant head row holds the last seq and hash. The head row is locked while appending, which orders
 * concurrent writers of one tenant without blocking other tenants.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_BATCH = 1000;
    private static final int INSERT_CHUNK = 1000;
    private static final String COLUMNS = "(id, tenant_id, seq, occurred_at, actor_subject, actor_client, action, "
            + "resource_type, resource_id, subject_ref, outcome, prev_hash, hash)";
    /**
     * One statement per chunk: each column travels as one text array and {@code unnest} zips them back into rows.
     * Text arrays because both drivers bind a {@code String[]} alike (the ORM session inside a caller's transaction,
     * the plain pool for the read-audit buffer); the values are the very strings the hash covers.
     */
    private static final String INSERT_ARRAYS = "INSERT INTO audit_event " + COLUMNS + " "
            + "SELECT gen_random_uuid(), $1, CAST(r.seq AS bigint), CAST(r.occurred_at AS timestamptz), r.actor_subject, "
            + "r.actor_client, r.action, r.resource_type, r.resource_id, r.subject_ref, r.outcome, r.prev_hash, r.hash "
            + "FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]), CAST($5 AS text[]), "
            + "CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]), CAST($10 AS text[]), "
            + "CAST($11 AS text[]), CAST($12 AS text[])) AS r(seq, occurred_at, actor_subject, actor_client, action, "
            + "resource_type, resource_id, subject_ref, outcome, prev_hash, hash)";
    /** The same with named parameters {@code :p1 … :p12}, for the ORM session. */
    private static final String INSERT_ARRAYS_NAMED = named(INSERT_ARRAYS, 12);
    private static final String LOCK_HEAD = "INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) "
            + "VALUES (:t, 0, :g) ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = excluded.tenant_id "
            + "RETURNING last_seq, last_hash";
    private static final String LOCK_HEAD_POSITIONAL = LOCK_HEAD.replace(":t", "$1").replace(":g", "$2");
    private static final String UPDATE_HEAD = "UPDATE audit_chain_head SET last_seq = :s, last_hash = :h WHERE tenant_id = :t";
    private static final String UPDATE_HEAD_POSITIONAL = UPDATE_HEAD.replace(":s", "$1").replace(":h", "$2")
            .replace(":t", "$3");

    private final TenantContext tenant;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(TenantContext tenant, ObjectMapper json) {
        this.tenant = tenant;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** Records an action by the current caller for the current tenant. Must run inside a transaction. */
    public Uni<Void> record(String action, String resourceType, Object resourceId, String subjectRef) {
        return record(tenant.tenantId(), tenant.actorSubject(), tenant.actorClient(), action, resourceType,
                resourceId, subjectRef, "SUCCESS");
    }

    public Uni<Void> record(String tenantId, String actorSubject, String actorClient, String action,
                            String resourceType, Object resourceId, String subjectRef, String outcome) {
        return append(tenantId, List.of(new AuditEntry(tenantId, actorSubject, actorClient, action, resourceType,
                resourceId == null ? null : resourceId.toString(), subjectRef, outcome,
                OffsetDateTime.now(clock))));
    }

    /** Appends many lines of one tenant in one go, inside the current transaction (bulk writes). */
    public Uni<Void> recordAll(String tenantId, List<AuditEntry> entries) {
        return entries.isEmpty() ? Uni.createFrom().voidItem() : append(tenantId, entries);
    }

    /** Describes the current caller's action for a later {@link AuditBuffer} flush. */
    public AuditEntry entry(String action, String resourceType, Object resourceId, String subjectRef) {
        return entry(tenant.tenantId(), action, resourceType, resourceId, subjectRef);
    }

    /** The same, for a tenant the caller has already resolved from the request. */
    public AuditEntry entry(String tenantId, String action, String resourceType, Object resourceId, String subjectRef) {
        return new AuditEntry(tenantId, tenant.actorSubject(), tenant.actorClient(), action, resourceType,
                resourceId == null ? null : resourceId.toString(), subjectRef, "SUCCESS", OffsetDateTime.now(clock));
    }

    /**
     * Appends entries of one tenant to its chain, in order, inside the current transaction. The head row is
     * created on first use and locked in one statement (the no-op update takes the row lock), which orders
     * concurrent writers of one tenant without blocking other tenants.
     */
    Uni<Void> append(String tenantId, List<AuditEntry> entries) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(LOCK_HEAD, Object[].class)
                .setParameter("t", tenantId)
                .setParameter("g", GENESIS)
                .getSingleResult()
                .chain(head -> {
                    Chained chained = chain(tenantId, ((Number) head[0]).longValue(), (String) head[1], entries);
                    // One multi-row insert per chunk: a request that touches thousands of people still writes one
                    // line per person without a round trip per line.
                    Uni<Void> inserts = Uni.createFrom().voidItem();
                    for (int from = 0; from < chained.events().size(); from += INSERT_CHUNK) {
                        String[][] columns = columns(chained.events(), from,
                                Math.min(from + INSERT_CHUNK, chained.events().size()));
                        inserts = inserts.chain(() -> {
                            var insert = session.createNativeQuery(INSERT_ARRAYS_NAMED).setParameter("p1", tenantId);
                            for (int c = 0; c < columns.length; c++) {
                                insert.setParameter("p" + (c + 2), columns[c]);
                            }
                            return insert.executeUpdate().replaceWithVoid();
                        });
                    }
                    return inserts.chain(() -> session.createNativeQuery(UPDATE_HEAD)
                            .setParameter("s", chained.lastSeq())
                            .setParameter("h", chained.lastHash())
                            .setParameter("t", tenantId)
                            .executeUpdate());
                }))
                .replaceWithVoid();
    }

    /**
     * The same append on a plain connection inside a transaction the caller owns, with the columns bound as typed
     * arrays: the audit buffer writes thousands of read lines a second and needs neither an ORM session nor a JSON
     * document per line.
     */
    Uni<Void> append(SqlConnection connection, String tenantId, List<AuditEntry> entries) {
        return connection.preparedQuery(LOCK_HEAD_POSITIONAL).execute(Tuple.of(tenantId, GENESIS))
                // Hashing and binding thousands of lines takes tens of milliseconds: off the event loop, so that the
                // requests it serves meanwhile are not held up once a second (the decision's p99).
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(rows -> {
                    Row head = rows.iterator().next();
                    Chained chained = chain(tenantId, head.getLong(0), head.getString(1), entries);
                    Uni<Void> inserts = Uni.createFrom().voidItem();
                    for (int from = 0; from < chained.events().size(); from += INSERT_CHUNK) {
                        Tuple columns = Tuple.of(tenantId);
                        for (String[] column : columns(chained.events(), from,
                                Math.min(from + INSERT_CHUNK, chained.events().size()))) {
                            columns.addArrayOfString(column);
                        }
                        inserts = inserts.chain(() -> connection.preparedQuery(INSERT_ARRAYS).execute(columns)
                                .replaceWithVoid());
                    }
                    return inserts.chain(() -> connection.preparedQuery(UPDATE_HEAD_POSITIONAL)
                            .execute(Tuple.of(chained.lastSeq(), chained.lastHash(), tenantId)).replaceWithVoid());
                });
    }

    private record Chained(List<AuditEvent> events, long lastSeq, String lastHash) {
    }

    /** Numbers and links the entries after the chain's head; ids are left to the database. */
    private Chained chain(String tenantId, long seq, String prev, List<AuditEntry> entries) {
        List<AuditEvent> events = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            AuditEvent event = new AuditEvent();
            event.tenantId = tenantId;
            event.seq = ++seq;
            event.occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC);
            event.actorSubject = entry.actorSubject();
            event.actorClient = entry.actorClient();
            event.action = entry.action();
            event.resourceType = entry.resourceType();
            event.resourceId = entry.resourceId();
            event.subjectRef = entry.subjectRef();
            event.outcome = entry.outcome();
            event.prevHash = prev;
            event.hash = hash(event);
            prev = event.hash;
            events.add(event);
        }
        return new Chained(events, seq, prev);
    }

    /** The chunk's columns after the tenant, in {@link #INSERT_ARRAYS}'s order, as the strings the hash covers. */
    private static String[][] columns(List<AuditEvent> events, int from, int to) {
        int n = to - from;
        String[][] columns = new String[11][n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = events.get(from + i);
            columns[0][i] = Long.toString(e.seq);
            columns[1][i] = e.occurredAt.toString();
            columns[2][i] = e.actorSubject;
            columns[3][i] = e.actorClient;
            columns[4][i] = e.action;
            columns[5][i] = e.resourceType;
            columns[6][i] = e.resourceId;
            columns[7][i] = e.subjectRef;
            columns[8][i] = e.outcome;
            columns[9][i] = e.prevHash;
            columns[10][i] = e.hash;
        }
        return columns;
    }

    private static String named(String positional, int parameters) {
        String named = positional;
        for (int i = parameters; i >= 1; i--) {
            named = named.replace("$" + i, ":p" + i);
        }
        return named;
    }

    /** A page of the current tenant's audit log, oldest first, after the given seq. */
    public Uni<List<AuditEvent>> page(long afterSeq, int limit, String subjectRef) {
        String tenantId = tenant.tenantId();
        String hql = "from AuditEvent where tenantId = :t and seq > :after"
                + (subjectRef == null ? "" : " and subjectRef = :subject") + " order by seq";
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery(hql, AuditEvent.class)
                    .setParameter("t", tenantId)
                    .setParameter("after", afterSeq);
            if (subjectRef != null) {
                q.setParameter("subject", subjectRef);
            }
            return q.setMaxResults(limit).getResultList();
        });
    }

    /**
     * Walks the tenant's chain from the start and recomputes every hash. An edited row breaks its own hash, a
     * deleted row leaves a gap in seq or a broken link, and a deleted tail no longer reaches the head.
     */
    public Uni<ChainVerification> verify() {
        String tenantId = tenant.tenantId();
        return Panache.getSession().chain(s -> s
                .createNativeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = :t", Object[].class)
                .setParameter("t", tenantId)
                .getResultList()
                .chain(heads -> {
                    long headSeq = heads.isEmpty() ? 0 : ((Number) heads.get(0)[0]).longValue();
                    String headHash = heads.isEmpty() ? GENESIS : (String) heads.get(0)[1];
                    return verifyFrom(tenantId, 0, GENESIS, 0, headSeq, headHash);
                }));
    }

    private Uni<ChainVerification> verifyFrom(String tenantId, long afterSeq, String prevHash, long checked,
                                              long headSeq, String headHash) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from AuditEvent where tenantId = :t and seq > :after order by seq", AuditEvent.class)
                .setParameter("t", tenantId)
                .setParameter("after", afterSeq)
                .setMaxResults(VERIFY_BATCH)
                .getResultList()
                .invoke(events -> events.forEach(s::detach)))
                .chain(events -> {
                    long expectedSeq = afterSeq + 1;
                    String expectedPrev = prevHash;
                    long count = checked;
                    for (AuditEvent event : events) {
                        if (event.seq != expectedSeq) {
                            return Uni.createFrom().item(ChainVerification.broken(tenantId, count, expectedSeq,
                                    "event " + expectedSeq + " is missing"));
                        }
                        if (!event.prevHash.equals(expectedPrev)) {
                            return Uni.createFrom().item(ChainVerification.broken(tenantId, count, event.seq,
                                    "event " + event.seq + " does not link to the event before it"));
                        }
                        if (!hash(event).equals(event.hash)) {
                            return Uni.createFrom().item(ChainVerification.broken(tenantId, count, event.seq,
                                    "event " + event.seq + " was changed after it was written"));
                        }
                        expectedPrev = event.hash;
                        expectedSeq++;
                        count++;
                    }
                    if (events.size() == VERIFY_BATCH) {
                        return verifyFrom(tenantId, expectedSeq - 1, expectedPrev, count, headSeq, headHash);
                    }
                    if (expectedSeq - 1 != headSeq || !expectedPrev.equals(headHash)) {
                        return Uni.createFrom().item(ChainVerification.broken(tenantId, count, expectedSeq,
                                "the log ends at event " + (expectedSeq - 1) + " but " + headSeq + " were written"));
                    }
                    return Uni.createFrom().item(ChainVerification.intact(tenantId, count));
                });
    }

    /**
     * SHA-256 over the canonical JSON array of the event's content and the previous hash. The bytes are those
     * Jackson writes for that array (verified by test); plain text is written directly and anything with escapes
     * goes through Jackson itself, so lines written before and after this shortcut verify alike.
     */
    String hash(AuditEvent e) {
        String occurred = e.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toString();
        byte[] canonical = CanonicalJson.array(e.tenantId, e.seq, occurred, e.actorSubject, e.actorClient, e.action,
                e.resourceType, e.resourceId, e.subjectRef, e.outcome, e.prevHash);
        try {
            if (canonical == null) {
                canonical = json.writeValueAsBytes(Arrays.asList(e.tenantId, e.seq, occurred, e.actorSubject,
                        e.actorClient, e.action, e.resourceType, e.resourceId, e.subjectRef, e.outcome, e.prevHash));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e1) {
            throw new IllegalStateException("Cannot hash audit event", e1);
        }
    }

}
