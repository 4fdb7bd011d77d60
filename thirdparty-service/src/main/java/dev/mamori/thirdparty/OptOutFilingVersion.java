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
 * The nine items of an opt-out filing (APPI Art. 27(2)(i)-(viii); PPC Rule 11(4)) as filed on one day. Items (ii)
 * "provision to third parties is a purpose of use" and (vi) "provision stops on the principal's request" are what
 * make it an opt-out filing, so they hold by construction. {@link #changes} lists the items that changed from the
 * previous version (Art. 27(3)). Append-only.
 */
@Entity
@Immutable
@Table(name = "opt_out_filing_version")
public class OptOutFilingVersion {

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public int version;

    /** (i) */
    @Column(name = "provider_name", nullable = false)
    public String providerName;

    @Column(name = "provider_address", nullable = false)
    public String providerAddress;

    @Column(name = "provider_representative", nullable = false)
    public String providerRepresentative;

    /** (iii) */
    @Convert(converter = StringListConverter.class)
    @Column(name = "data_items", nullable = false)
    public List<String> dataItems;

    /** (iv) */
    @Column(name = "acquisition_method", nullable = false)
    public String acquisitionMethod;

    /** (v) */
    @Column(name = "provision_method", nullable = false)
    public String provisionMethod;

    /** (vii) */
    @Column(name = "request_method", nullable = false)
    public String requestMethod;

    /** (viii), Rule 11(4)(ii) */
    @Column(name = "update_method", nullable = false)
    public String updateMethod;

    /** (viii), Rule 11(4)(iii) */
    @Column(name = "provision_starts_on", nullable = false)
    public LocalDate provisionStartsOn;

    @Column(name = "filed_on", nullable = false)
    public LocalDate filedOn;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> changes;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
