package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One principal a receipt record is about (PPC Rule 24(1)(i)(c): the name or other matters identifying the
 * principal), indexed so every record about a person can be found for disclosure (APPI Art. 33(5)).
 */
@Entity
@Immutable
@Table(name = "receipt_subject")
public class ReceiptSubject {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "receipt_id", nullable = false)
    public UUID receiptId;

    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;

    /** Position in the record's list of principals, so the record reads back as it was written. */
    @Column(nullable = false)
    public int position;
}
