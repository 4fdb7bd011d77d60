package dev.mamori.retention.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approved erasure request of request-service (APPI Art. 35) to carry out. */
@Schema(name = "SubjectErasure")
public record SubjectErasureDraft(
        @Schema(description = "The approved request in request-service", example = "req-2026-000042")
        @NotBlank
        @Pattern(regexp = REQUEST_REF, message = REQUEST_REF_MESSAGE)
        String requestRef,

        @Schema(example = "Art. 35(5)(a): no longer needed") @Size(max = 1000)
        String reason) {

    /** request-service's reference of a request. */
    public static final String REQUEST_REF = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    public static final String REQUEST_REF_MESSAGE = "must be 1-128 letters, digits, '.', '_', ':' or '-'";
}
