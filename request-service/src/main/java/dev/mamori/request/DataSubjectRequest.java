package dev.mamori.request;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

    /**
     * The client company's reference of the person the request is about. Null only for a request filed online
     * until staff link it ({@code PUT /v1/requests/{id}/subject}); never changed once set.
     */
    @Column(name = "subject_ref")
    public String subjectRef;

    /** The number the requester quotes for an online filing (R-XXXX-XXXX); null for other channels. */
    @Column(name = "receipt_number", updatable = false)
    public String receiptNumber;

    /**
     * For an online filing: how the requester identified the person (name, email, phone, customer number), as one
     * encrypted JSON object, so staff can find whom it is about.
     */
    @Column(name = "identifiers_cipher", updatable = false)
    public String identifiersCipher;

    /** For an online filing: the language of its filing (ja or en), in which the person's mails are written. */
    @Column(name = "language")
    public String language;

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

    // --- Identity verification (Art. 37(1)): the fact only; copies live briefly in identity_document_copy. ---

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_method")
    public VerificationMethod identityMethod;

    /** The document types seen (names of {@link IdentityDocumentType}); never a document number. */
    @Convert(converter = StringListConverter.class)
    @Column(name = "identity_documents")
    public List<String> identityDocuments;

    @Column(name = "identity_verified_by")
    public String identityVerifiedBy;

    @Column(name = "identity_verified_at")
    public OffsetDateTime identityVerifiedAt;

    /**
     * For each of {@link #identityDocuments}, whose identity it proves ({@code PERSON} or {@code AGENT}); kept so the
     * record shows that an agent's own identity was checked (Art. 37).
     */
    @Convert(converter = StringListConverter.class)
    @Column(name = "identity_document_holders")
    public List<String> identityDocumentHolders;

    @Column(name = "identity_note")
    public String identityNote;

    // --- The client company's decision (Arts. 33-36) and fee (Art. 38). ---

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public DecisionOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_ground")
    public RefusalGround refusalGround;

    /** The reason explained to the person (Art. 36). */
    @Column(name = "decision_reason")
    public String decisionReason;

    /** For a partial approval: what is done (JSON: withheld sections or purposes). */
    @Column(name = "decision_scope")
    public String decisionScope;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "fee_jpy")
    public Integer feeJpy;

    /** The decided correction, before and after, as one encrypted JSON object. */
    @Column(name = "correction_result_cipher")
    public String correctionResultCipher;

    // --- Deadlines ---

    /** The tenant's SLA in business days when the request arrived. */
    @Column(name = "sla_business_days")
    public Integer slaBusinessDays;

    @Column(name = "paused_at")
    public OffsetDateTime pausedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "paused_from")
    public RequestStatus pausedFrom;

    /** Business days the request spent waiting for the requester; the due date moved by as many. */
    @Column(name = "paused_business_days", nullable = false)
    public int pausedBusinessDays;

    @Column(name = "extended_at")
    public OffsetDateTime extendedAt;

    @Column(name = "extension_reason")
    public String extensionReason;

    // --- The result notice to the person (Arts. 32(3), 33(3), 34(3), 35(7)): when, how and by whom. ---

    /** When the result notice was sent to the person, as the operator recorded it. */
    @Column(name = "notified_at")
    public OffsetDateTime notifiedAt;

    /** Who recorded sending it (token subject). */
    @Column(name = "notified_by")
    public String notifiedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "notified_via")
    public NotificationMethod notifiedVia;

    /** Set when the callback announcing a terminal status is queued; no callback is queued after it. */
    @Column(name = "terminal_callback_queued", nullable = false)
    public boolean terminalCallbackQueued;
}
