package dev.mamori.incident.service;

import dev.mamori.incident.DataOwner;
import dev.mamori.incident.IncidentKind;
import dev.mamori.incident.IncidentNature;
import dev.mamori.platform.tenant.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is known when an incident is filed (APPI Art. 26). Texts are Japanese first. */
@Schema(name = "IncidentDraft")
public record IncidentDraft(
        @Schema(description = "漏えい (LEAK), 滅失 (LOSS) or 毀損 (DAMAGE)") @NotNull
        IncidentNature nature,

        @NotNull IncidentKind kind,

        @Schema(example = "顧客リストの誤送信") @NotBlank @Size(max = 200)
        String title,

        @Schema(description = "The outline (概要)", example = "委託元A社の顧客リストを誤って別の取引先へメール送信した。") @NotBlank @Size(max = 4000)
        String summary,

        @Schema(description = "When it happened; absent when not known")
        OffsetDateTime occurredAt,

        @Schema(description = "When the company (any department) knew: the report clocks run from this day in Japan")
        @NotNull
        OffsetDateTime discoveredAt,

        @Schema(description = "How it was found", example = "送信先からの連絡") @NotBlank @Size(max = 1000)
        String discoveredHow,

        @Schema(description = "Who handles it", example = "個人情報保護管理者 佐藤") @NotBlank @Size(max = 200)
        String handler,

        @Schema(description = "The tenant's own data, or a client company's handled under entrustment") @NotNull
        DataOwner dataOwner,

        @Schema(description = "The client company's tenant, when dataOwner is CLIENT", example = "tenant-b")
        @Pattern(regexp = TenantContext.TENANT_ID_PATTERN, message = TenantContext.TENANT_ID_MESSAGE)
        String clientTenantId,

        @Schema(description = "The ledger categories affected (retention-service's data categories)")
        @NotEmpty
        @Size(max = 50)
        List<@NotNull @Valid CategoryScope> categories,

        @Schema(description = "The persons affected") @NotNull @Valid
        PersonsScope persons,

        @Schema(description = "An act with an unlawful purpose is suspected (PPC Rule 7(iii))") @NotNull
        Boolean unlawfulPurpose,

        @Schema(description = "The data was protected by strong encryption whose key did not leak (Rule 7 exemption)")
        @NotNull
        Boolean highlyEncrypted,

        @Valid Narrative narrative) {}
