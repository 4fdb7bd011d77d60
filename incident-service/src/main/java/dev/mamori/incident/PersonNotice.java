package dev.mamori.incident;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A notice to affected persons, or a public announcement in its place (APPI Art. 26(2); PPC Rule 10). */
@Entity
@Table(name = "person_notice")
public class PersonNotice {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PersonNoticeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public NoticeChannel channel;

    @Column(nullable = false, updatable = false)
    public String text;

    /** How many persons this notice went to. */
    @Column(nullable = false, updatable = false)
    public int persons;

    @Convert(converter = StringListConverter.class)
    @Column(name = "subject_refs", nullable = false, updatable = false)
    public List<String> subjectRefs;

    @Column(name = "sent_at", nullable = false, updatable = false)
    public OffsetDateTime sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public NoticeOutcome outcome;

    /** Why a public announcement stands in for notices (required for one). */
    @Column(updatable = false)
    public String reason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
