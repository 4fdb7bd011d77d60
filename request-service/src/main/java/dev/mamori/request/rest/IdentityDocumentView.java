package dev.mamori.request.rest;

import dev.mamori.request.service.IdentityDocumentService.Listed;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A kept copy of an identity document, as staff see it listed. */
@Schema(name = "IdentityDocument")
public record IdentityDocumentView(
        UUID documentId,
        @Schema(example = "DRIVERS_LICENSE") String documentType,
        @Schema(example = "FRONT") String side,
        @Schema(example = "PERSON") String provesIdentityOf,
        @Schema(example = "image/jpeg") String contentType,

        @Schema(description = "Size in bytes; absent for copies stored before sizes were kept")
        Integer bytes,

        @Schema(description = "The requester's file name (requester uploads only)", example = "license.jpg")
        String fileName,

        @Schema(
                example = "REQUESTER",
                enumeration = {"REQUESTER", "STAFF"})
        String submittedBy,

        OffsetDateTime storedAt,
        @Schema(description = "When the copy is deleted") OffsetDateTime deleteAfter) {

    static IdentityDocumentView of(Listed l) {
        return new IdentityDocumentView(
                l.documentId(),
                l.documentType(),
                l.side(),
                l.provesIdentityOf(),
                l.contentType(),
                l.bytes(),
                l.fileName(),
                l.submittedBy(),
                l.storedAt(),
                l.deleteAfter());
    }
}
