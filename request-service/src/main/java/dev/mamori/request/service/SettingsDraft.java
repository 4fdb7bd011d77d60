package dev.mamori.request.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's request-handling settings as its privacy officer sets them; they apply to requests arriving after. */
@Schema(name = "RequestSettingsDraft")
public record SettingsDraft(
        @Schema(
                description = "The client contract's SLA: Japanese business days from arrival to the due date",
                example = "10")
        @NotNull
        @Min(1)
        @Max(120)
        Integer businessDaysToDue,

        @Schema(
                description = "Open requests this many business days or fewer before their due date are listed as "
                        + "near due",
                example = "3")
        @Min(0)
        @Max(60)
        Integer nearDueBusinessDays,

        @Schema(
                description = "Art. 38: the published fee for a purpose notification, in yen; absent = free",
                example = "1000")
        @Min(0)
        @Max(100000)
        Integer purposeNotificationFeeJpy,

        @Schema(
                description = "Art. 38: the published fee for a disclosure (incl. provision records), in yen; "
                        + "absent = free",
                example = "1000")
        @Min(0)
        @Max(100000)
        Integer disclosureFeeJpy,

        @Schema(
                description = "Where the client system takes callbacks when a request names none (https; "
                        + "checked against the suite's outbound rule when given and before each call)",
                example = "https://client.example.jp/hooks/requests")
        @Size(max = 2000)
        @Pattern(regexp = "https?://[^\\s/?#@]+(/[^\\s]*)?", message = "must be an http(s) URL")
        String clientCallbackUrl) {}
