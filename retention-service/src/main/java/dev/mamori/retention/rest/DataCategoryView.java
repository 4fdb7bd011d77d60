package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.AcquisitionForm;
import dev.mamori.retention.DataCategory;
import dev.mamori.retention.RetentionBasis;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ledger entry as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DataCategory")
public record DataCategoryView(
        @Schema(example = "call-recording") String code,
        @Schema(example = "通話録音") String nameJa,
        @Schema(example = "Call recordings") String nameEn,
        List<String> items,
        List<String> purposeCodes,
        String storageLocation,
        String storageMethod,
        List<String> accessibleBy,
        boolean sensitive,
        AcquisitionForm acquisitionForm,
        boolean thirdPartyProvision,
        boolean jointUse,
        boolean entrustment,

        @Schema(description = "What the retention period counts from")
        RetentionBasis retentionBasis,

        @Schema(description = "Days kept from collection, or after the client contract ends", example = "92")
        int retentionDays,

        LocalDate lastReviewedAt,
        OffsetDateTime createdAt,
        String createdBy) {

    static DataCategoryView of(DataCategory c) {
        return new DataCategoryView(
                c.code,
                c.nameJa,
                c.nameEn,
                c.items,
                c.purposeCodes,
                c.storageLocation,
                c.storageMethod,
                c.accessibleBy,
                c.sensitive,
                c.acquisitionForm,
                c.thirdPartyProvision,
                c.jointUse,
                c.entrustment,
                c.retentionBasis,
                c.retentionDays,
                c.lastReviewedAt,
                c.createdAt,
                c.createdBy);
    }
}
