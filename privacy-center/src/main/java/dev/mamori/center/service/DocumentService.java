package dev.mamori.center.service;

import dev.mamori.center.client.OnlineFilingApi;
import dev.mamori.center.web.CenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Identity documents the requester uploads after confirming a request: forwarded to request-service as base64
 * JSON, which checks the content and keeps it encrypted for a short while. The privacy center keeps nothing: the
 * file it received is deleted when the post ends (quarkus.http.body.delete-uploaded-files-on-end) and is never
 * shown back.
 */
@ApplicationScoped
public class DocumentService {

    private final OnlineFilingApi filings;
    private final CenterConfig config;

    public DocumentService(@RestClient OnlineFilingApi filings, CenterConfig config) {
        this.filings = filings;
        this.config = config;
    }

    public long maxBytes() {
        return config.uploads().maxBytes();
    }

    /** Sends a document the form has checked ({@code read.valid()}), with the file's content read from {@code file}. */
    public OnlineFilingApi.DocumentView upload(
            String tenant, String receiptNumber, String uploadToken, DocumentForm.Read read, Path file) {
        byte[] content;
        try {
            // Checked against the limit already; read once more here in case the file changed in between.
            if (Files.size(file) > maxBytes()) {
                throw new IllegalStateException("an uploaded file grew beyond the limit");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return filings.upload(
                tenant,
                new OnlineFilingApi.DocumentUpload(
                        receiptNumber,
                        uploadToken,
                        read.documentType(),
                        read.side(),
                        read.provesIdentityOf(),
                        false,
                        read.insurerNumberMasked(),
                        read.fileName(),
                        Base64.getEncoder().encodeToString(content)));
    }
}
