package dev.mamori.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.console.rest.IdentityDocumentDownload;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityDocumentDownloadTest {

    private static final UUID ID = UUID.fromString("0b7c8a1e-3f4d-4c2a-9e55-7d1f2a3b4c5d");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void aCopyIsPassedOnAsAnAttachmentNamedByItsIdThatNoBrowserSniffsRunsOrCaches() {
        Response r = IdentityDocumentDownload.of(ID, "image/png", PNG);
        assertEquals(200, r.getStatus());
        assertEquals("image/png", r.getMediaType().toString());
        assertEquals("attachment; filename=\"identity-" + ID + ".png\"", r.getHeaderString("Content-Disposition"));
        assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));
        assertEquals("sandbox; default-src 'none'", r.getHeaderString("Content-Security-Policy"));
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
        assertArrayEquals(PNG, (byte[]) r.getEntity());
    }

    @Test
    void eachKeptTypeGetsItsOwnExtension() {
        assertEquals(
                "attachment; filename=\"identity-" + ID + ".jpg\"",
                IdentityDocumentDownload.of(ID, "image/jpeg", PNG).getHeaderString("Content-Disposition"));
        assertEquals(
                "attachment; filename=\"identity-" + ID + ".pdf\"",
                IdentityDocumentDownload.of(ID, "application/pdf; charset=binary", PNG)
                        .getHeaderString("Content-Disposition"));
    }

    @Test
    void anyOtherTypeIsPassedOnOnlyAsBytesToSave() {
        for (String type : new String[] {"text/html", "image/svg+xml", null}) {
            Response r = IdentityDocumentDownload.of(ID, type, PNG);
            assertEquals("application/octet-stream", r.getMediaType().toString());
            assertEquals("attachment; filename=\"identity-" + ID + ".bin\"", r.getHeaderString("Content-Disposition"));
            assertEquals("sandbox; default-src 'none'", r.getHeaderString("Content-Security-Policy"));
        }
    }
}
