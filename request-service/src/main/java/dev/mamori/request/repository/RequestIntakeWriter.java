package dev.mamori.request.repository;

import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.RequestEvent;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A request taken in one by one (an operator's call, a letter, a client system's relay) as plain prepared SQL on the
 * reactive pool (see {@code PlainWrites}): one statement reads the tenant's settings the request is dated and called
 * back by, then the request, its first log line and its status callback (if any) are inserted. The ORM's session,
 * flush and entity lifecycle cost more than these statements on this path. Every later change of a request keeps
 * the ORM: it locks and changes what it reads.
 *
 * <p>No open request is looked up before one is inserted, and no lock is taken: the partial unique index {@value
 * #ONE_OPEN} refuses a second open request of the same person and type, also when two race; {@link #isOpenDuplicate}
 * tells that failure apart.
 */
@ApplicationScoped
public class RequestIntakeWriter {

    /** The partial unique index on (tenant_id, subject_ref, type) of open requests, named in V9. */
    public static final String ONE_OPEN = "one_open_request_per_person_and_type";

    /** The tenant's settings by their key; one row, with nulls when the tenant has none (the defaults apply). */
    private static final String SETTINGS = "SELECT s.tenant_id, s.business_days_to_due, s.client_callback_url "
            + "FROM (SELECT 1) one LEFT JOIN request_settings s ON s.tenant_id = $1";

    /** The columns intake sets; the others keep their defaults (null, no pause, no terminal callback queued). */
    private static final String INSERT_REQUEST = "INSERT INTO data_subject_request (id, tenant_id, type, status, "
            + "subject_ref, channel, received_at, statutory_marker_on, due_on, sla_business_days, source_actor, "
            + "source_client, requester_relation, requester_name_cipher, requester_contact_cipher, agent_type, "
            + "agent_evidence_cipher, delivery_method, stop_ground, correction_kind, correction_item, "
            + "correction_cipher, external_id, callback_url, created_at, updated_at, last_event_seq) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
            + "$21, $22, $23, $24, $25, $26, $27)";

    private static final String INSERT_EVENT = "INSERT INTO request_event (id, tenant_id, request_id, seq, kind, "
            + "occurred_at, actor_subject, actor_client, status_after, detail) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    private static final String INSERT_TASK = "INSERT INTO fulfilment_task (id, tenant_id, request_id, target, "
            + "action, status, idempotency_key, seq, payload_cipher, attempts, next_attempt_at, created_at, "
            + "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    /** The same condition as the index's: a status that is not terminal. */
    private static final String OPEN = "SELECT id, type, status FROM data_subject_request WHERE tenant_id = $1 "
            + "AND subject_ref = $2 AND type = $3 AND status NOT IN ("
            + RequestStatus.TERMINAL.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
            + ")";

    /**
     * The tenant's request settings as intake needs them: whether it has any, its SLA in business days and the URL
     * its system takes callbacks at.
     */
    public record Settings(boolean configured, Integer businessDaysToDue, String clientCallbackUrl) {}

    /** The open request of the person and type that refused an intake. */
    public record Open(UUID id, RequestType type, RequestStatus status) {}

    private final Pool pool;

    public RequestIntakeWriter(Pool pool) {
        this.pool = pool;
    }

    /** Sends the read on subscription (no other statement waits for it). */
    public Uni<Settings> settings(SqlClient connection, String tenantId) {
        return connection.preparedQuery(SETTINGS).execute(Tuple.of(tenantId)).map(rows -> {
            Row row = rows.iterator().next();
            return new Settings(
                    row.getString("tenant_id") != null,
                    row.getInteger("business_days_to_due"),
                    row.getString("client_callback_url"));
        });
    }

    public String insertRequest() {
        return INSERT_REQUEST;
    }

    /** The request's row, as the ORM wrote it (enums by name). */
    public Tuple values(DataSubjectRequest r) {
        return Tuple.tuple()
                .addUUID(r.id)
                .addString(r.tenantId)
                .addString(name(r.type))
                .addString(name(r.status))
                .addString(r.subjectRef)
                .addString(name(r.channel))
                .addOffsetDateTime(r.receivedAt)
                .addLocalDate(r.statutoryMarkerOn)
                .addLocalDate(r.dueOn)
                .addInteger(r.slaBusinessDays)
                .addString(r.sourceActor)
                .addString(r.sourceClient)
                .addString(name(r.requesterRelation))
                .addString(r.requesterNameCipher)
                .addString(r.requesterContactCipher)
                .addString(name(r.agentType))
                .addString(r.agentEvidenceCipher)
                .addString(name(r.deliveryMethod))
                .addString(name(r.stopGround))
                .addString(name(r.correctionKind))
                .addString(r.correctionItem)
                .addString(r.correctionCipher)
                .addString(r.externalId)
                .addString(r.callbackUrl)
                .addOffsetDateTime(r.createdAt)
                .addOffsetDateTime(r.updatedAt)
                .addInteger(r.lastEventSeq);
    }

    public String insertEvent() {
        return INSERT_EVENT;
    }

    public Tuple values(RequestEvent e) {
        return Tuple.tuple()
                .addUUID(e.id)
                .addString(e.tenantId)
                .addUUID(e.requestId)
                .addInteger(e.seq)
                .addString(name(e.kind))
                .addOffsetDateTime(e.occurredAt)
                .addString(e.actorSubject)
                .addString(e.actorClient)
                .addString(name(e.statusAfter))
                .addString(e.detail);
    }

    public String insertTask() {
        return INSERT_TASK;
    }

    public Tuple values(FulfilmentTask t) {
        return Tuple.tuple()
                .addUUID(t.id)
                .addString(t.tenantId)
                .addUUID(t.requestId)
                .addString(name(t.target))
                .addString(name(t.action))
                .addString(name(t.status))
                .addString(t.idempotencyKey)
                .addInteger(t.seq)
                .addString(t.payloadCipher)
                .addInteger(t.attempts)
                .addOffsetDateTime(t.nextAttemptAt)
                .addOffsetDateTime(t.createdAt)
                .addOffsetDateTime(t.updatedAt);
    }

    /** True when {@code failure} is the insert of a second open request of a person and type ({@value #ONE_OPEN}). */
    public static boolean isOpenDuplicate(Throwable failure) {
        return failure instanceof PgException pg
                && "23505".equals(pg.getSqlState())
                && ONE_OPEN.equals(pg.getConstraint());
    }

    /**
     * The open request of the person and type, or null if it was closed meanwhile. Read only after an insert was
     * refused as {@link #isOpenDuplicate}, to name it in the answer.
     */
    public Uni<Open> open(String tenantId, String subjectRef, RequestType type) {
        return pool.preparedQuery(OPEN)
                .execute(Tuple.of(tenantId, subjectRef, type.name()))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new Open(
                            row.getUUID("id"),
                            RequestType.valueOf(row.getString("type")),
                            RequestStatus.valueOf(row.getString("status")));
                });
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
