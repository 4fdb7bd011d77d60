package dev.mamori.consent;

import dev.mamori.platform.persistence.EnumListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A person's answer (consent or refusal) to one version of a purpose, with the evidence of how it was obtained.
 * Never updated: a withdrawal is its own record ({@link ConsentWithdrawal}) and a new answer is a new row, so a
 * person's consent history is complete and ordered by {@code seq}.
 */
@Entity
@Immutable
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    /** Total order of recording within the database; the history is read in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;

    @Column(name = "purpose_id", nullable = false)
    public UUID purposeId;

    @Column(name = "purpose_code", nullable = false)
    public String purposeCode;

    @Column(name = "purpose_version", nullable = false)
    public int purposeVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentDecision decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentMethod method;

    /** Where it was captured: a form URL, a call-center line, a branch. */
    @Column(nullable = false)
    public String channel;

    /** The operator who took it, when a person did (the client's own reference, not our user id). */
    @Column(name = "operator_ref")
    public String operatorRef;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_client")
    public String actorClient;

    /** The version of the privacy notice the person was shown. */
    @Column(name = "notice_version", nullable = false)
    public String noticeVersion;

    @Column(nullable = false)
    public String language;

    /** When the person answered. */
    @Column(name = "captured_at", nullable = false)
    public OffsetDateTime capturedAt;

    /** When Mamori recorded it. */
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "user_agent")
    public String userAgent;

    /** The IP address with its host part removed before it is stored. */
    @Column(name = "anonymised_ip")
    public String anonymisedIp;

    @Column(name = "recording_ref")
    public String recordingRef;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** Sensitive categories the person explicitly agreed to (APPI Art. 20(2)). */
    @Convert(converter = SensitiveCategoryList.class)
    @Column(name = "sensitive_categories", nullable = false)
    public List<SensitiveCategory> sensitiveCategories;

    @Column(name = "subject_birth_date")
    public LocalDate subjectBirthDate;

    /** The statutory agent who consented for a minor. */
    @Column(name = "guardian_name")
    public String guardianName;

    @Column(name = "guardian_relation")
    public String guardianRelation;

    @Column(name = "guardian_verification")
    public String guardianVerification;

    @Converter
    public static class SensitiveCategoryList extends EnumListConverter<SensitiveCategory> {
        public SensitiveCategoryList() {
            super(SensitiveCategory.class);
        }
    }
}
