package dev.mamori.thirdparty;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Evidence that a provision or receipt record was deleted once its retention had ended (APPI Arts. 29(2), 30(4);
 * PPC Rules 21, 25): what record, whose, under which rule, when and by whom. Append-only.
 */
@Entity
@Immutable
@Table(name = "record_deletion")
public class RecordDeletion {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** PROVISION or RECEIPT. */
    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    /** The recipient (provision) or provider (receipt) named in the record. */
    @Column(nullable = false)
    public String counterparty;

    @Convert(converter = StringListConverter.class)
    @Column(name = "subject_refs", nullable = false)
    public List<String> subjectRefs;

    @Column(nullable = false)
    public String method;

    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;

    @Column(name = "retain_until", nullable = false)
    public LocalDate retainUntil;

    /** The retention rule that ended, e.g. "Art. 29(2); Rule 21(iii): 3 years from the record's creation". */
    @Column(nullable = false)
    public String rule;

    @Column(name = "deleted_at", nullable = false)
    public OffsetDateTime deletedAt;

    @Column(name = "deleted_by", nullable = false)
    public String deletedBy;
}
