package dev.mamori.retention.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.audit.AuditLog;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends many audit events to the tenant's hash chain in a few statements, in the caller's transaction: the same
 * chain, head lock and hash as {@link AuditLog#record} (which costs three round trips per event), but one
 * multi-row insert per {@value #CHUNK} events. Used where one request touches thousands of people's data, so that
 * every person still gets their own audit line (APPI Art. 23; JIS Q 15001 access records).
 *
 * <p>The hash must stay byte-for-byte the platform's ({@code AuditLog.hash}), or the chain verification fails;
 * the tests of this module verify the chain after a batch. Candidate for the platform: as
 * {@code AuditLog.recordAll(List<Entry>)} it would share the hash code instead of repeating it.
 */
@ApplicationScoped
public class BulkAuditLog {

    static final String GENESIS = "0".repeat(64);
    static final int CHUNK = 1000;
    private static final String INSERT = "INSERT INTO audit_event (id, tenant_id, seq, occurred_at, actor_subject, "
            + "actor_client, action, resource_type, resource_id, subject_ref, outcome, prev_hash, hash) "
            + "SELECT r.id, r.tenant_id, r.seq, r.occurred_at, r.actor_subject, r.actor_client, r.action, "
            + "r.resource_type, r.resource_id, r.subject_ref, r.outcome, r.prev_hash, r.hash "
            + "FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(id uuid, tenant_id text, seq bigint, "
            + "occurred_at timestamptz, actor_subject text, actor_client text, action text, resource_type text, "
            + "resource_id text, subject_ref text, outcome text, prev_hash text, hash text)";

    /** One event to append for the current caller and tenant. */
    public record Entry(String action, String resourceType, Object resourceId, String subjectRef) {
    }

    private final TenantContext tenant;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public BulkAuditLog(TenantContext tenant, ObjectMapper json) {
        this.tenant = tenant;
        this.json = json;
    }

    /** Records every entry as a successful action of the current caller. Must run inside a transaction. */
    public Uni<Void> recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String tenantId = tenant.tenantId();
        String actorSubject = tenant.actorSubject();
        String actorClient = tenant.actorClient();
        String occurredAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)
                .withOffsetSameInstant(ZoneOffset.UTC).toString();
        return Panache.getSession().chain(session -> session
                // The platform's head protocol: create on first use and take the row lock in one statement.
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
                    for (Entry entry : entries) {
                        seq++;
                        String resourceId = entry.resourceId() == null ? null : entry.resourceId().toString();
                        String hash = hash(Arrays.asList(tenantId, seq, occurredAt, actorSubject, actorClient,
                                entry.action(), entry.resourceType(), resourceId, entry.subjectRef(), "SUCCESS", prev));
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", UUID.randomUUID().toString());
                        row.put("tenant_id", tenantId);
                        row.put("seq", seq);
                        row.put("occurred_at", occurredAt);
                        row.put("actor_subject", actorSubject);
                        row.put("actor_client", actorClient);
                        row.put("action", entry.action());
                        row.put("resource_type", entry.resourceType());
                        row.put("resource_id", resourceId);
                        row.put("subject_ref", entry.subjectRef());
                        row.put("outcome", "SUCCESS");
                        row.put("prev_hash", prev);
                        row.put("hash", hash);
                        rows.add(row);
                        prev = hash;
                    }
                    long lastSeq = seq;
                    String lastHash = prev;
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int from = 0; from < rows.size(); from += CHUNK) {
                        String chunk = serialize(rows.subList(from, Math.min(from + CHUNK, rows.size())));
                        chain = chain.chain(() -> session.createNativeQuery(INSERT)
                                .setParameter("rows", chunk).executeUpdate().replaceWithVoid());
                    }
                    return chain.chain(() -> session.createNativeQuery(
                                    "UPDATE audit_chain_head SET last_seq = :s, last_hash = :h WHERE tenant_id = :t")
                            .setParameter("s", lastSeq)
                            .setParameter("h", lastHash)
                            .setParameter("t", tenantId)
                            .executeUpdate());
                }))
                .replaceWithVoid();
    }

    /** Byte-for-byte the platform's event hash: SHA-256 over the JSON array of the event's fields. */
    private String hash(List<Object> content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(content)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash audit event", e);
        }
    }

    private String serialize(Object rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize audit events", e);
        }
    }
}
