package dev.mamori.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's request about their retained personal data (APPI Arts. 32-35), from arrival to its end.
 *
 * <p>The requester's name and contact, an agent's evidence and the content of a correction claim are personal data:
 * they are stored only as AES-GCM ciphertexts ({@code *Cipher} columns), bound to this tenant and request, and
 * shown to each role only as far as its step needs. What the service searches on (subject, type, status, dates)
 * stays in plain columns; {@code subjectRef} is the client company's pseudonymous reference, not a name.
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    /** The client company's reference of the person the request is about. */
    @Column(name = "subject_ref", nullable = false, updatable = false)
    public String subjectRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Channel channel;

    /** When the request arrived (Art. 39(2): when it would normally have arrived). */
    @Column(name = "received_at", nullable = false, updatable = false)
    public OffsetDateTime receivedAt;

    /** Art. 39(1): the day the two weeks from arrival end; null for a purpose notification (Art. 32(2)). */
    @Column(name = "statutory_marker_on", updatable = false)
    public LocalDate statutoryMarkerOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** Who entered the request: the token's subject and client. */
    @Column(name = "source_actor", nullable = false, updatable = false)
    public String sourceActor;

    @Column(name = "source_client", updatable = false)
    public String sourceClient;

    @Enumerated(EnumType.STRING)
    @Column(name = "requester_relation", nullable = false, updatable = false)
    public RequesterRelation requesterRelation;

    @Column(name = "requester_name_cipher", nullable = false)
    public String requesterNameCipher;

    /** The requester's email, phone and postal address, as one encrypted JSON object. */
    @Column(name = "requester_contact_cipher", nullable = false)
    public String requesterContactCipher;

    @Enumerated(EnumType.STRING)
    @Column(name = "agent_type", updatable = false)
    public AgentType agentType;

    @Column(name = "agent_evidence_cipher")
    public String agentEvidenceCipher;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method")
    public DeliveryMethod deliveryMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "stop_ground", updatable = false)
    public StopGround stopGround;

    @Enumerated(EnumType.STRING)
    @Column(name = "correction_kind", updatable = false)
    public CorrectionKind correctionKind;

    /** The data item the correction concerns, as the person named it (a label, not the content). */
    @Column(name = "correction_item", updatable = false)
    public String correctionItem;

    /** What the person says is untrue and what it should be, as one encrypted JSON object. */
    @Column(name = "correction_cipher")
    public String correctionCipher;

    @Column(name = "external_id", updatable = false)
    public String externalId;

    @Column(name = "callback_url", updatable = false)
    public String callbackUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    /** The seq of the request's latest event; the next event takes the following number. */
    @Column(name = "last_event_seq", nullable = false)
    public int lastEventSeq;
}
