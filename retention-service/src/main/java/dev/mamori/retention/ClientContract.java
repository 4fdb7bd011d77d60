package dev.mamori.retention;

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
 * The contact center's contract with a client company, under which it handles the client's customers' data as an
 * entrusted processor (APPI Art. 27(5)(i)). When it ends, the data collected under it is no longer needed and is
 * erased (Art. 22), unless an extension of the contract keeps a category longer.
 */
@Entity
@Table(name = "client_contract")
public class ClientContract {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String ref;

    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    /** The last day of service (inclusive, Japan time); null while no end is agreed. */
    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContractStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "ended_by")
    public String endedBy;
}
