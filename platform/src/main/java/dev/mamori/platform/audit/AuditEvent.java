package dev.mamori.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One append-only event of the audit log: who read or changed which person's data, for which tenant, with what
 * outcome (APPI Art. 23 security measures; PrivacyMark access records). Events are hash-chained per tenant so an
 * edited or deleted row is detectable by {@link AuditLog#verify}.
 *
 * <p>An event is either one line (a change, or a read done in a transaction: {@code subjectRef} and
 * {@code resourceId} name it) or a <em>read event</em>: up to a configured number of high-volume reads by one
 * caller (the use decision), each with its person, resource and time in {@code subjectRefs}, {@code resourceIds} and
 * {@code occurredAts}, in the order they were asked. Both kinds are links of the same chain.
 */
@Schema(name = "AuditEvent")
public class AuditEvent {

    public UUID id;

    public String tenantId;

    /** Position in the tenant's chain, from 1 without gaps. */
    public long seq;

    /** When it happened; for a read event, when its first read happened. */
    public OffsetDateTime occurredAt;

    public String actorSubject;

    public String actorClient;

    public String action;

    public String resourceType;

    public String resourceId;

    /** The data subject whose data was touched, when there is one (single-line events). */
    public String subjectRef;

    public String outcome;

    public String prevHash;

    public String hash;

    /** A read event's people, one per read. When the log is asked for one person, only that person's reads. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<String> subjectRefs;

    /** A read event's resources (e.g. purpose codes), parallel to {@link #subjectRefs}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<String> resourceIds;

    /** When each read happened, parallel to {@link #subjectRefs}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<OffsetDateTime> occurredAts;

    /** How many reads the read event records in all (also when only some are listed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Reads recorded by a read event; absent for single-line events")
    public Integer reads;

    boolean isReadEvent() {
        return subjectRefs != null;
    }
}
