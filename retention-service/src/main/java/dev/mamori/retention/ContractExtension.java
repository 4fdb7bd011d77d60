package dev.mamori.retention;

import dev.mamori.platform.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A contract term that keeps named categories longer: while the contract runs and {@link #days} days after it
 * ends, for {@link #reason}. The latest extension naming a category is the one in force for it.
 */
@Entity
@Table(name = "contract_extension")
public class ContractExtension {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "contract_ref", nullable = false, updatable = false)
    public String contractRef;

    @Convert(converter = StringListConverter.class)
    @Column(name = "category_codes", nullable = false, updatable = false)
    public List<String> categoryCodes;

    @Column(nullable = false, updatable = false)
    public int days;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "granted_at", nullable = false, updatable = false)
    public OffsetDateTime grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false)
    public String grantedBy;
}
