package dev.mamori.request.rest;

import dev.mamori.request.IdentityDocumentType;
import dev.mamori.request.service.IdentityVerification;
import dev.mamori.request.service.RequesterDocumentService.Submitted;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A copy the requester uploaded, as they may know it: never the content back. */
@Schema(name = "RequesterDocument")
public record RequesterDocumentView(
        UUID documentId,
        IdentityDocumentType documentType,
        IdentityVerification.Side side,
        IdentityVerification.Holder provesIdentityOf,

        @Schema(description = "What the content is, judged by its bytes", example = "image/jpeg")
        String contentType,

        @Schema(example = "183204") int bytes,
        @Schema(description = "When the copy is deleted") OffsetDateTime deleteAfter,

        @Schema(description = "How many more documents may be uploaded to the request", example = "4")
        int documentsLeft) {

    static RequesterDocumentView of(Submitted s) {
        return new RequesterDocumentView(
                s.documentId(),
                s.documentType(),
                s.side(),
                s.provesIdentityOf(),
                s.contentType(),
                s.bytes(),
                s.deleteAfter(),
                s.documentsLeft());
    }
}
