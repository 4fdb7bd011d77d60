package dev.mamori.thirdparty.service;

import dev.mamori.platform.validation.NotFuture;
import dev.mamori.thirdparty.CheckResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests about provision to a recipient in a foreign country (APPI Art. 28). */
public final class CrossBorderDrafts {

    private CrossBorderDrafts() {}

    @Schema(name = "CrossBorderCheckDraft")
    public record Check(
            @Schema(example = "2025-04-01") @NotNull @NotFuture
            LocalDate checkedOn,

            @NotNull CheckResult result,

            @Schema(description = "How the measures and the foreign system affecting them were checked (Rule 18(1)(i))")
            @Size(max = 4000)
            String notes,

            @Schema(description = "The next check; a year after checkedOn when absent (Rule 18(1)(i): at least yearly)")
            LocalDate nextCheckDue) {}

    @Schema(name = "CrossBorderSuspensionDraft")
    public record Suspension(
            @Schema(example = "The recipient's contract lapsed") @NotBlank @Size(max = 2000)
            String reason) {}
}
