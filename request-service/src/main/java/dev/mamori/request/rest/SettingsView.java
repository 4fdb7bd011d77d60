package dev.mamori.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.request.service.SettingsService.Effective;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RequestSettings")
public record SettingsView(
        @Schema(example = "10") int businessDaysToDue,
        @Schema(example = "3") int nearDueBusinessDays,
        Integer purposeNotificationFeeJpy,
        Integer disclosureFeeJpy,
        String clientCallbackUrl,

        @Schema(description = "false while the service's defaults apply")
        boolean configured,

        OffsetDateTime updatedAt,
        String updatedBy) {

    static SettingsView of(Effective e) {
        return new SettingsView(
                e.businessDaysToDue(),
                e.nearDueBusinessDays(),
                e.purposeNotificationFeeJpy(),
                e.disclosureFeeJpy(),
                e.clientCallbackUrl(),
                e.configured(),
                e.updatedAt(),
                e.updatedBy());
    }
}
