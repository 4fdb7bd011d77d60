package dev.mamori.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.persistence.SqlStatement;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The tenant's audit log. A change's audit lines are written inside the change's own transaction, so the change
 * and its lines commit or roll back together, but without a place in the chain: they wait in {@code audit_pending}.
 * The sealer ({@link #seal}) chains them shortly after, in commit order, in one short transaction per tenant: every
 * event's hash covers its content and the previous hash, and a per-tenant head row holds the last seq and hash.
 * Only the sealer takes the head row's lock, for the few milliseconds of a seal, so a tenant's writes run in
 * parallel instead of one after another behind the lock. Reads of the log ({@link #page}, {@link #verify}) seal
 * first, so an auditor always sees every committed line; a line left unsealed for longer than
 * {@value #UNSEALED_LIMIT_SECONDS} seconds makes the verification fail.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** A committed line still pending after this long means the sealer is not running: verification says so. */
    static final int UNSEALED_LIMIT_SECONDS = 10;
    /** Lines sealed in one transaction at most; a larger backlog is sealed by the next rounds. */
    private static final int SEAL_BATCH = 20_000;
    /** A change's lines, in its own transaction, with no chain position: one text array per column. */
    private static final String INSERT_PENDING = "INSERT INTO audit_pending (tenant_id, occurred_at, actor_subject, "
            + "actor_client, action, resource_type, resource_id, subject_ref, outcome) "
            + "SELECT :p1, CAST(r.occurred_at AS timestamptz), r.actor_subject, r.actor_client, r.action, "
            + "r.resource_type, r.resource_id, r.subject_ref, r.outcome "
            + "FROM unnest(CAST(:p2 AS text[]), CAST(:p3 AS text[]), CAST(:p4 AS text[]), CAST(:p5 AS text[]), "
            + "CAST(:p6 AS text[]), CAST(:p7 AS text[]), CAST(:p8 AS text[]), CAST(:p9 AS text[])) "
            + "WITH ORDINALITY AS r(occurred_at, actor_subject, actor_client, action, resource_type, resource_id, "
            + "subject_ref, outcome, ord) ORDER BY r.ord";
    /** The same on a plain connection ({@code $n} parameters). */
    private static final String INSERT_PENDING_POSITIONAL = INSERT_PENDING
            .replace(":p1", "$1")
            .replace(":p2", "$2")
            .replace(":p3", "$3")
            .replace(":p4", "$4")
            .replace(":p5", "$5")
            .replace(":p6", "$6")
            .replace(":p7", "$7")
            .replace(":p8", "$8")
            .replace(":p9", "$9");
    /** One line (the usual write): plain values, no arrays to build and unnest. */
    private static final String INSERT_PENDING_ONE = "INSERT INTO audit_pending (tenant_id, occurred_at, "
            + "actor_subject, actor_client, action, resource_type, resource_id, subject_ref, outcome) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    /** Takes the oldest pending lines of a tenant out, for sealing in the same transaction. */
    private static final String TAKE_PENDING = "DELETE FROM audit_pending WHERE id IN (SELECT id FROM audit_pending "
            + "WHERE tenant_id = $1 ORDER BY id LIMIT " + SEAL_BATCH + ") RETURNING id, occurred_at, actor_subject, "
            + "actor_client, action, resource_type, resource_id, subject_ref, outcome";

    private static final String TENANTS_PENDING = "SELECT DISTINCT tenant_id FROM audit_pending";
    private static final String STALE_PENDING = "SELECT count(*) FROM audit_pending WHERE tenant_id = $1 "
            + "AND written_at < clock_timestamp() - make_interval(secs => " + UNSEALED_LIMIT_SECONDS + ")";
    private static final int VERIFY_BATCH = 1000;
    private static final int INSERT_CHUNK = 1000;
    private static final String COLUMNS = "(id, tenant_id, seq, occurred_at, actor_subject, actor_client, action, "
            + "resource_type, resource_id, subject_ref, outcome, prev_hash, hash)";
    /**
     * Sealed single-line events (changes, bulk writes): one statement per chunk, each column travelling as one text
     * array that {@code unnest} zips back into rows; the values are the very strings the hash covers. High-volume
     * reads do not come this way: they are read events ({@link #INSERT_READS}).
     */
    private static final String INSERT_ARRAYS = "INSERT INTO audit_event " + COLUMNS + " "
            + "SELECT gen_random_uuid(), $1, CAST(r.seq AS bigint), CAST(r.occurred_at AS timestamptz), r.actor_subject, "
            + "r.actor_client, r.action, r.resource_type, r.resource_id, r.subject_ref, r.outcome, r.prev_hash, r.hash "
            + "FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]), CAST($5 AS text[]), "
            + "CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]), CAST($10 AS text[]), "
            + "CAST($11 AS text[]), CAST($12 AS text[])) AS r(seq, occurred_at, actor_subject, actor_client, action, "
            + "resource_type, resource_id, subject_ref, outcome, prev_hash, hash)";
    /** The same with named parameters {@code :p1 … :p12}, for the ORM session. */
    private static final String LOCK_HEAD = "INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) "
            + "VALUES (:t, 0, :g) ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = excluded.tenant_id "
            + "RETURNING last_seq, last_hash";

    private static final String LOCK_HEAD_POSITIONAL =
            LOCK_HEAD.replace(":t", "$1").replace(":g", "$2");
    private static final String UPDATE_HEAD =
            "UPDATE audit_chain_head SET last_seq = :s, last_hash = :h WHERE tenant_id = :t";
    private static final String UPDATE_HEAD_POSITIONAL =
            UPDATE_HEAD.replace(":s", "$1").replace(":h", "$2").replace(":t", "$3");

    /** One read event per row; its reads travel as three arrays (APPI Art. 23: every read stays on record). */
    private static final String INSERT_READS =
            "INSERT INTO audit_event (id, tenant_id, seq, occurred_at, actor_subject, "
                    + "actor_client, action, resource_type, outcome, prev_hash, hash, subject_refs, resource_ids, occurred_ats) "
                    + "VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    private static final String SELECT_EVENTS = "SELECT id, tenant_id, seq, occurred_at, actor_subject, actor_client, "
            + "action, resource_type, resource_id, subject_ref, outcome, prev_hash, hash, subject_refs, resource_ids, "
            + "occurred_ats FROM audit_event WHERE tenant_id = $1 AND seq > $2 ";
    private static final String PAGE = SELECT_EVENTS + "ORDER BY seq LIMIT $3";
    /** Package-private for AuditIndexesTest, which checks that PostgreSQL can answer it by index. */
    static final String PAGE_OF_SUBJECT =
            SELECT_EVENTS + "AND (subject_ref = $3 OR subject_refs @> ARRAY[$3]::text[]) ORDER BY seq LIMIT $4";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuditLog.class);

    private final TenantContext tenant;
    private final ObjectMapper json;
    private final Pool pool;
    private final Clock clock;

    public AuditLog(TenantContext tenant, ObjectMapper json, Pool pool, Clock clock) {
        this.tenant = tenant;
        this.json = json;
        this.pool = pool;
        this.clock = clock;
    }

    /** Records an action by the current caller for the current tenant. Must run inside a transaction. */
    public Uni<Void> record(String action, String resourceType, Object resourceId, String subjectRef) {
        return record(
                tenant.tenantId(),
                tenant.actorSubject(),
                tenant.actorClient(),
                action,
                resourceType,
                resourceId,
                subjectRef,
                "SUCCESS");
    }

    public Uni<Void> record(
            String tenantId,
            String actorSubject,
            String actorClient,
            String action,
            String resourceType,
            Object resourceId,
            String subjectRef,
            String outcome) {
        return append(
                tenantId,
                List.of(new AuditEntry(
                        tenantId,
                        actorSubject,
                        actorClient,
                        action,
                        resourceType,
                        resourceId == null ? null : resourceId.toString(),
                        subjectRef,
                        outcome,
                        OffsetDateTime.now(clock))));
    }

    /** Appends many lines of one tenant in one go, inside the current transaction (bulk writes). */
    public Uni<Void> recordAll(String tenantId, List<AuditEntry> entries) {
        return entries.isEmpty() ? Uni.createFrom().voidItem() : append(tenantId, entries);
    }

    /** Describes the current caller's action for a later {@link #recordAll} in the same transaction. */
    public AuditEntry entry(String action, String resourceType, Object resourceId, String subjectRef) {
        return entry(tenant.tenantId(), action, resourceType, resourceId, subjectRef);
    }

    /** The same, for a tenant the caller has already resolved from the request. */
    public AuditEntry entry(String tenantId, String action, String resourceType, Object resourceId, String subjectRef) {
        return new AuditEntry(
                tenantId,
                tenant.actorSubject(),
                tenant.actorClient(),
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                subjectRef,
                "SUCCESS",
                OffsetDateTime.now(clock));
    }

    /**
     * Writes entries of one tenant, in order, inside the current transaction, to be sealed into the chain after
     * commit. No lock is taken: concurrent writers of one tenant do not wait for each other.
     */
    Uni<Void> append(String tenantId, List<AuditEntry> entries) {
        return Panache.getSession().chain(session -> {
            // One multi-row insert per chunk: a request that touches thousands of people still writes one line per
            // person without a round trip per line.
            Uni<Void> inserts = Uni.createFrom().voidItem();
            for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
                String[][] columns = pendingColumns(entries, from, Math.min(from + INSERT_CHUNK, entries.size()));
                inserts = inserts.chain(() -> {
                    var insert = session.createNativeQuery(INSERT_PENDING).setParameter("p1", tenantId);
                    for (int c = 0; c < columns.length; c++) {
                        insert.setParameter("p" + (c + 2), columns[c]);
                    }
                    return insert.executeUpdate().replaceWithVoid();
                });
            }
            return inserts;
        });
    }

    /**
     * The lines as one statement into {@code audit_pending}, sent as part of a write's single statement
     * ({@link dev.mamori.platform.persistence.PlainWrites}): all of
     * them in one array per column (no chunks, so that their order is the order of the array).
     */
    public SqlStatement pendingStatement(String tenantId, List<AuditEntry> entries) {
        if (entries.size() == 1) {
            AuditEntry e = entries.get(0);
            return SqlStatement.write(
                    INSERT_PENDING_ONE,
                    Tuple.tuple()
                            .addString(tenantId)
                            .addOffsetDateTime(e.occurredAt()
                                    .truncatedTo(ChronoUnit.MICROS)
                                    .withOffsetSameInstant(ZoneOffset.UTC))
                            .addString(e.actorSubject())
                            .addString(e.actorClient())
                            .addString(e.action())
                            .addString(e.resourceType())
                            .addString(e.resourceId())
                            .addString(e.subjectRef())
                            .addString(e.outcome()));
        }
        Tuple insert = Tuple.tuple().addString(tenantId);
        for (String[] column : pendingColumns(entries, 0, entries.size())) {
            insert.addArrayOfString(column);
        }
        return SqlStatement.write(INSERT_PENDING_POSITIONAL, insert);
    }

    /** The entries' columns after the tenant, in {@link #INSERT_PENDING}'s order. */
    private static String[][] pendingColumns(List<AuditEntry> entries, int from, int to) {
        int n = to - from;
        String[][] columns = new String[8][n];
        for (int i = 0; i < n; i++) {
            AuditEntry e = entries.get(from + i);
            columns[0][i] = e.occurredAt()
                    .truncatedTo(ChronoUnit.MICROS)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toString();
            columns[1][i] = e.actorSubject();
            columns[2][i] = e.actorClient();
            columns[3][i] = e.action();
            columns[4][i] = e.resourceType();
            columns[5][i] = e.resourceId();
            columns[6][i] = e.subjectRef();
            columns[7][i] = e.outcome();
        }
        return columns;
    }

    /** Tenants with lines waiting to be sealed. */
    Uni<List<String>> tenantsPending() {
        return pool.preparedQuery(TENANTS_PENDING).execute().map(rows -> {
            List<String> tenants = new ArrayList<>(rows.size());
            rows.forEach(row -> tenants.add(row.getString(0)));
            return tenants;
        });
    }

    /**
     * Seals the tenant's pending lines now, in a transaction of its own, before the log is read. A failed seal does
     * not fail the read: the lines stay pending, and a verification reports them once they are old.
     */
    public Uni<Void> sealPending(String tenantId) {
        return pool.withTransaction(connection -> seal(connection, tenantId, List.of(), 1))
                .onFailure()
                .invoke(e -> LOG.warnf("Sealing the audit lines of %s failed: %s", tenantId, e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    /**
     * Seals on a plain connection inside a transaction the caller owns (the read buffer's flush, or a read of the
     * log): takes the head's lock, then the tenant's pending lines in the order they were written, and chains them
     * followed by the given reads, as events of at most {@code perEvent} reads each. Everything moves in this one
     * transaction: if it fails, the lines are still pending and the reads go back to the buffer.
     */
    Uni<Void> seal(SqlConnection connection, String tenantId, List<AuditBuffer.Reads> batches, int perEvent) {
        return connection
                .preparedQuery(LOCK_HEAD_POSITIONAL)
                .execute(Tuple.of(tenantId, GENESIS))
                .chain(rows -> connection
                        .preparedQuery(TAKE_PENDING)
                        .execute(Tuple.of(tenantId))
                        .map(pending -> new Object[] {rows.iterator().next(), pending}))
                // Hashing and binding a second's reads is done off the event loop, so that the requests it serves
                // meanwhile are not held up once a second (the decision's p99).
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(taken -> {
                    Row head = (Row) taken[0];
                    @SuppressWarnings("unchecked")
                    RowSet<Row> pendingRows = (RowSet<Row>) taken[1];
                    long seq = head.getLong(0);
                    String prev = head.getString(1);
                    Uni<Void> sealedLines = Uni.createFrom().voidItem();
                    if (pendingRows.size() > 0) {
                        Chained chained = chain(tenantId, seq, prev, pendingEntries(tenantId, pendingRows));
                        seq = chained.lastSeq();
                        prev = chained.lastHash();
                        for (int from = 0; from < chained.events().size(); from += INSERT_CHUNK) {
                            String[][] columns = columns(
                                    chained.events(),
                                    from,
                                    Math.min(
                                            from + INSERT_CHUNK,
                                            chained.events().size()));
                            Tuple insert = Tuple.tuple().addString(tenantId);
                            for (String[] column : columns) {
                                insert.addArrayOfString(column);
                            }
                            sealedLines = sealedLines.chain(() -> connection
                                    .preparedQuery(INSERT_ARRAYS)
                                    .execute(insert)
                                    .replaceWithVoid());
                        }
                    }
                    if (pendingRows.size() == 0 && batches.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Tuple> inserts = new ArrayList<>();
                    for (AuditBuffer.Reads batch : batches) {
                        for (int from = 0; from < batch.size(); from += perEvent) {
                            int to = Math.min(from + perEvent, batch.size());
                            AuditEvent event = readEvent(tenantId, ++seq, prev, batch, from, to);
                            prev = event.hash;
                            inserts.add(Tuple.tuple()
                                    .addString(tenantId)
                                    .addLong(event.seq)
                                    .addOffsetDateTime(event.occurredAt)
                                    .addString(event.actorSubject)
                                    .addString(event.actorClient)
                                    .addString(event.action)
                                    .addString(event.resourceType)
                                    .addString(event.outcome)
                                    .addString(event.prevHash)
                                    .addString(event.hash)
                                    .addArrayOfString(event.subjectRefs.toArray(String[]::new))
                                    .addArrayOfString(event.resourceIds.toArray(String[]::new))
                                    .addArrayOfOffsetDateTime(event.occurredAts.toArray(OffsetDateTime[]::new)));
                        }
                    }
                    Tuple head2 = Tuple.of(seq, prev, tenantId);
                    Uni<Void> reads = inserts.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : connection
                                    .preparedQuery(INSERT_READS)
                                    .executeBatch(inserts)
                                    .replaceWithVoid();
                    return sealedLines
                            .chain(() -> reads)
                            .chain(() -> connection
                                    .preparedQuery(UPDATE_HEAD_POSITIONAL)
                                    .execute(head2))
                            .replaceWithVoid();
                });
    }

    /** Pending rows as entries, ordered as they were written (DELETE … RETURNING promises no order). */
    private static List<AuditEntry> pendingEntries(String tenantId, RowSet<Row> rows) {
        List<Row> ordered = new ArrayList<>(rows.size());
        rows.forEach(ordered::add);
        ordered.sort(java.util.Comparator.comparingLong(row -> row.getLong("id")));
        List<AuditEntry> entries = new ArrayList<>(ordered.size());
        for (Row row : ordered) {
            entries.add(new AuditEntry(
                    tenantId,
                    row.getString("actor_subject"),
                    row.getString("actor_client"),
                    row.getString("action"),
                    row.getString("resource_type"),
                    row.getString("resource_id"),
                    row.getString("subject_ref"),
                    row.getString("outcome"),
                    row.getOffsetDateTime("occurred_at")));
        }
        return entries;
    }

    /** One read event of reads {@code from..to} of a caller's batch, linked after {@code prev}. */
    private AuditEvent readEvent(String tenantId, long seq, String prev, AuditBuffer.Reads batch, int from, int to) {
        AuditEvent event = new AuditEvent();
        event.tenantId = tenantId;
        event.seq = seq;
        event.actorSubject = batch.actorSubject();
        event.actorClient = batch.actorClient();
        event.action = batch.action();
        event.resourceType = batch.resourceType();
        event.outcome = "SUCCESS";
        event.prevHash = prev;
        event.subjectRefs = Arrays.asList(Arrays.copyOfRange(batch.subjectRefs(), from, to));
        event.resourceIds = Arrays.asList(Arrays.copyOfRange(batch.resourceIds(), from, to));
        OffsetDateTime[] times = new OffsetDateTime[to - from];
        for (int i = from; i < to; i++) {
            times[i - from] = fromMicros(batch.micros()[i]);
        }
        event.occurredAts = Arrays.asList(times);
        event.occurredAt = times[0];
        event.reads = to - from;
        event.hash = hash(event);
        return event;
    }

    static OffsetDateTime fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                .atOffset(ZoneOffset.UTC);
    }

    static long toMicros(OffsetDateTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }

    private record Chained(List<AuditEvent> events, long lastSeq, String lastHash) {}

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

    /**
     * A page of the current tenant's audit log, oldest first, after the given seq. Asked for one person, read events
     * list only that person's reads (their {@code reads} still counts them all).
     */
    public Uni<List<AuditEvent>> page(long afterSeq, int limit, String subjectRef) {
        String tenantId = tenant.tenantId();
        Uni<RowSet<Row>> rows = sealPending(tenantId)
                .chain(() -> subjectRef == null
                        ? pool.preparedQuery(PAGE).execute(Tuple.of(tenantId, afterSeq, limit))
                        : pool.preparedQuery(PAGE_OF_SUBJECT).execute(Tuple.of(tenantId, afterSeq, subjectRef, limit)));
        return rows.map(set -> {
            List<AuditEvent> events = new ArrayList<>(set.size());
            for (Row row : set) {
                AuditEvent event = event(row);
                if (subjectRef != null && event.isReadEvent()) {
                    narrow(event, subjectRef);
                }
                events.add(event);
            }
            return events;
        });
    }

    private static void narrow(AuditEvent event, String subjectRef) {
        List<String> subjects = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (int i = 0; i < event.subjectRefs.size(); i++) {
            if (subjectRef.equals(event.subjectRefs.get(i))) {
                subjects.add(event.subjectRefs.get(i));
                resources.add(event.resourceIds.get(i));
                times.add(event.occurredAts.get(i));
            }
        }
        event.subjectRefs = subjects;
        event.resourceIds = resources;
        event.occurredAts = times;
    }

    private static AuditEvent event(Row row) {
        AuditEvent e = new AuditEvent();
        e.id = row.getUUID("id");
        e.tenantId = row.getString("tenant_id");
        e.seq = row.getLong("seq");
        e.occurredAt = row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC);
        e.actorSubject = row.getString("actor_subject");
        e.actorClient = row.getString("actor_client");
        e.action = row.getString("action");
        e.resourceType = row.getString("resource_type");
        e.resourceId = row.getString("resource_id");
        e.subjectRef = row.getString("subject_ref");
        e.outcome = row.getString("outcome");
        e.prevHash = row.getString("prev_hash");
        e.hash = row.getString("hash");
        String[] subjects = row.getArrayOfStrings("subject_refs");
        if (subjects != null) {
            e.subjectRefs = Arrays.asList(subjects);
            e.resourceIds = Arrays.asList(row.getArrayOfStrings("resource_ids"));
            OffsetDateTime[] times = row.getArrayOfOffsetDateTimes("occurred_ats");
            for (int i = 0; i < times.length; i++) {
                times[i] = times[i].withOffsetSameInstant(ZoneOffset.UTC);
            }
            e.occurredAts = Arrays.asList(times);
            e.reads = subjects.length;
        }
        return e;
    }

    /**
     * Walks the tenant's chain from the start and recomputes every hash. An edited row breaks its own hash, a
     * deleted row leaves a gap in seq or a broken link, and a deleted tail no longer reaches the head.
     */
    public Uni<ChainVerification> verify() {
        String tenantId = tenant.tenantId();
        return sealPending(tenantId)
                .chain(() -> pool.preparedQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = $1")
                        .execute(Tuple.of(tenantId)))
                .chain(heads -> {
                    Row head = heads.size() == 0 ? null : heads.iterator().next();
                    long headSeq = head == null ? 0 : head.getLong(0);
                    String headHash = head == null ? GENESIS : head.getString(1);
                    return verifyFrom(tenantId, 0, GENESIS, 0, headSeq, headHash);
                })
                .chain(verified -> !verified.intact()
                        ? Uni.createFrom().item(verified)
                        : pool.preparedQuery(STALE_PENDING)
                                .execute(Tuple.of(tenantId))
                                .map(rows -> {
                                    long stale = rows.iterator().next().getLong(0);
                                    return stale == 0
                                            ? verified
                                            : ChainVerification.unsealed(
                                                    tenantId, verified.eventsChecked(), stale, UNSEALED_LIMIT_SECONDS);
                                }));
    }

    private Uni<ChainVerification> verifyFrom(
            String tenantId, long afterSeq, String prevHash, long checked, long headSeq, String headHash) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(tenantId, afterSeq, VERIFY_BATCH))
                .chain(set -> {
                    long expectedSeq = afterSeq + 1;
                    String expectedPrev = prevHash;
                    long count = checked;
                    boolean pastHead = false;
                    for (Row row : set) {
                        AuditEvent event = event(row);
                        // The head was read first and the pages after, not in one snapshot: events a seal committed
                        // meanwhile (the read buffer flushes every second) lie past it and are checked next time.
                        if (event.seq > headSeq) {
                            pastHead = true;
                            break;
                        }
                        if (event.seq != expectedSeq) {
                            return Uni.createFrom()
                                    .item(ChainVerification.broken(
                                            tenantId, count, expectedSeq, "event " + expectedSeq + " is missing"));
                        }
                        if (!event.prevHash.equals(expectedPrev)) {
                            return Uni.createFrom()
                                    .item(ChainVerification.broken(
                                            tenantId,
                                            count,
                                            event.seq,
                                            "event " + event.seq + " does not link to the event before it"));
                        }
                        if (!hash(event).equals(event.hash)) {
                            return Uni.createFrom()
                                    .item(ChainVerification.broken(
                                            tenantId,
                                            count,
                                            event.seq,
                                            "event " + event.seq + " was changed after it was written"));
                        }
                        expectedPrev = event.hash;
                        expectedSeq++;
                        count++;
                    }
                    if (!pastHead && set.size() == VERIFY_BATCH) {
                        return verifyFrom(tenantId, expectedSeq - 1, expectedPrev, count, headSeq, headHash);
                    }
                    if (expectedSeq - 1 != headSeq || !expectedPrev.equals(headHash)) {
                        return Uni.createFrom()
                                .item(ChainVerification.broken(
                                        tenantId,
                                        count,
                                        expectedSeq,
                                        "the log ends at event " + (expectedSeq - 1) + " but " + headSeq
                                                + " were written"));
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
        Object[] values;
        if (e.isReadEvent()) {
            // A read event's hash also covers each read: its person, its resource and its time in microseconds.
            long[] micros = new long[e.occurredAts.size()];
            for (int i = 0; i < micros.length; i++) {
                micros[i] = toMicros(e.occurredAts.get(i));
            }
            values = new Object[] {
                e.tenantId,
                e.seq,
                occurred,
                e.actorSubject,
                e.actorClient,
                e.action,
                e.resourceType,
                e.resourceId,
                e.subjectRef,
                e.outcome,
                e.prevHash,
                e.subjectRefs.toArray(String[]::new),
                e.resourceIds.toArray(String[]::new),
                micros
            };
        } else {
            values = new Object[] {
                e.tenantId,
                e.seq,
                occurred,
                e.actorSubject,
                e.actorClient,
                e.action,
                e.resourceType,
                e.resourceId,
                e.subjectRef,
                e.outcome,
                e.prevHash
            };
        }
        byte[] canonical = CanonicalJson.array(values);
        try {
            if (canonical == null) {
                canonical = json.writeValueAsBytes(Arrays.asList(values));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e1) {
            throw new IllegalStateException("Cannot hash audit event", e1);
        }
    }
}
