package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One principal a provision record is about (PPC Rule 20(1)(i)(c)), indexed so every record about a person can be
 * found for disclosure (APPI Art. 33(5)).
 */
@Entity
@Immutable
@Table(name = "provision_subject")
public class ProvisionSubject {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "provision_id", nullable = false)
    public UUID provisionId;

    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;

    @Column(nullable = false)
    public int position;
}
