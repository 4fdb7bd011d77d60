package dev.mamori.console.rest;

import dev.mamori.web.PageHeaders;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;

/**
 * A copy of an identity document as the console passes it on: always an attachment under a name the console makes
 * from the document id (never the requester's file name), as one of the three types request-service keeps, and
 * with nothing a browser could sniff, run or cache.
 */
public final class IdentityDocumentDownload {

    /** The types request-service keeps, and their extensions. */
    static final Map<String, String> EXTENSIONS =
            Map.of("image/jpeg", "jpg", "image/png", "png", "application/pdf", "pdf");

    private IdentityDocumentDownload() {}

    /** The response for {@code bytes} that request-service served as {@code contentType}. */
    public static Response of(UUID documentId, String contentType, byte[] bytes) {
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        String extension = EXTENSIONS.get(type);
        if (extension == null) {
            // Not one of the kept types: passed on as bytes to save, never as something to display.
            type = "application/octet-stream";
            extension = "bin";
        }
        return Response.ok(bytes, type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"identity-" + documentId + "." + extension + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(PageHeaders.CONTENT_SECURITY_POLICY, PageHeaders.ATTACHMENT_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
