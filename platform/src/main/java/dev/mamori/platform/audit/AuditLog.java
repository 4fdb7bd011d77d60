package dev.mamori.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

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
    private static final String INSERT_ROWS = "INSERT INTO audit_event (id, tenant_id, seq, occurred_at, actor_subject, "
            + "actor_client, action, resource_type, resource_id, subject_ref, outcome, prev_hash, hash) "
            + "SELECT r.id, r.tenant_id, r.seq, r.occurred_at, r.actor_subject, r.actor_client, r.action, "
            + "r.resource_type, r.resource_id, r.subject_ref, r.outcome, r.prev_hash, r.hash "
            + "FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(id uuid, tenant_id text, seq bigint, "
            + "occurred_at timestamptz, actor_subject text, actor_client text, action text, resource_type text, "
            + "resource_id text, subject_ref text, outcome text, prev_hash text, hash text)";

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
        return new AuditEntry(tenant.tenantId(), tenant.actorSubject(), tenant.actorClient(), action, resourceType,
                resourceId == null ? null : resourceId.toString(), subjectRef, "SUCCESS", OffsetDateTime.now(clock));
    }

    /**
     * Appends entries of one tenant to its chain, in order, inside the current transaction. The head row is
     * created on first use and locked in one statement (the no-op update takes the row lock), which orders
     * concurrent writers of one tenant without blocking other tenants.
     */
    Uni<Void> append(String tenantId, List<AuditEntry> entries) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (:t, 0, :g) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = excluded.tenant_id "
                        + "RETURNING last_seq, last_hash", Object[].class)
                .setParameter("t", tenantId)
                .setParameter("g", GENESIS)
                .getSingleResult()
                .chain(head -> {
                    long seq = ((Number) head[0]).longValue();
                    String prev = (String) head[1];
                    List<Map<String, Object>> rows = new ArrayList<>(entries.size());
                    for (AuditEntry entry : entries) {
                        AuditEvent event = new AuditEvent();
                        event.tenantId = tenantId;
                        event.seq = ++seq;
                        event.occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS)
                                .withOffsetSameInstant(ZoneOffset.UTC);
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
                        rows.add(row(event));
                    }
                    long lastSeq = seq;
                    String lastHash = prev;
                    // One multi-row insert per chunk: a request that touches thousands of people still writes one
                    // line per person without a round trip per line.
                    Uni<Void> inserts = Uni.createFrom().voidItem();
                    for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
                        String chunk = json(rows.subList(from, Math.min(from + INSERT_CHUNK, rows.size())));
                        inserts = inserts.chain(() -> session.createNativeQuery(INSERT_ROWS)
                                .setParameter("rows", chunk).executeUpdate().replaceWithVoid());
                    }
                    return inserts.chain(() -> session.createNativeQuery(
                                    "UPDATE audit_chain_head SET last_seq = :s, last_hash = :h WHERE tenant_id = :t")
                            .setParameter("s", lastSeq)
                            .setParameter("h", lastHash)
                            .setParameter("t", tenantId)
                            .executeUpdate());
                }))
                .replaceWithVoid();
    }

    private static Map<String, Object> row(AuditEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("tenant_id", e.tenantId);
        row.put("seq", e.seq);
        row.put("occurred_at", e.occurredAt.toString());
        row.put("actor_subject", e.actorSubject);
        row.put("actor_client", e.actorClient);
        row.put("action", e.action);
        row.put("resource_type", e.resourceType);
        row.put("resource_id", e.resourceId);
        row.put("subject_ref", e.subjectRef);
        row.put("outcome", e.outcome);
        row.put("prev_hash", e.prevHash);
        row.put("hash", e.hash);
        return row;
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize audit events", e);
        }
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

    String hash(AuditEvent e) {
        List<Object> content = Arrays.asList(e.tenantId, e.seq,
                e.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toString(), e.actorSubject, e.actorClient,
                e.action, e.resourceType, e.resourceId, e.subjectRef, e.outcome, e.prevHash);
        try {
            byte[] canonical = json.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e1) {
            throw new IllegalStateException("Cannot hash audit event", e1);
        }
    }

}
