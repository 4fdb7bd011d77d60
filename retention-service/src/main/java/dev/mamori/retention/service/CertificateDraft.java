package dev.mamori.retention.service;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a deletion certificate is to cover: a period of Japan dates (from, to, inclusive) or one erasure request. */
@Schema(name = "DeletionCertificateRequest")
public record CertificateDraft(
        @Schema(description = "First day of the period (Japan time)", example = "2026-04-01")
        LocalDate from,

        @Schema(description = "Last day of the period (Japan time), inclusive", example = "2026-04-30")
        LocalDate to,

        @Schema(
                description = "Instead of a period: the erasure request (of request-service) to certify",
                example = "req-2026-000042")
        @Pattern(regexp = SubjectErasureDraft.REQUEST_REF, message = SubjectErasureDraft.REQUEST_REF_MESSAGE)
        String requestRef) {}
