package dev.mamori.request.rest;

import dev.mamori.request.service.OnlineFilingService.CodeSent;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A filing waits for its code; the code mailed is valid until {@code codeExpiresAt}. */
@Schema(name = "FilingCodeSent")
public record FilingCodeView(UUID filingId, OffsetDateTime codeExpiresAt) {

    static FilingCodeView of(CodeSent sent) {
        return new FilingCodeView(sent.filingId(), sent.codeExpiresAt());
    }
}
