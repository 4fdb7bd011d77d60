package dev.mamori.incident.service;

import dev.mamori.incident.MeasureKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measure to take about an incident, its owner and due date. */
@Schema(name = "MeasureDraft")
public record MeasureDraft(
        @NotNull MeasureKind kind,

        @Schema(example = "誤送信先へ削除を依頼し、削除報告書を受領する") @NotBlank @Size(max = 2000)
        String action,

        @Schema(example = "情報システム部 田中") @NotBlank @Size(max = 200)
        String owner,

        @NotNull LocalDate dueOn) {}
