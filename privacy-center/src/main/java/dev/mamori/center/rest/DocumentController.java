package dev.mamori.center.rest;

import dev.mamori.center.client.OnlineFilingApi;
import dev.mamori.center.client.ServiceProblem;
import dev.mamori.center.service.AbuseLimits;
import dev.mamori.center.service.DocumentForm;
import dev.mamori.center.service.DocumentService;
import dev.mamori.center.service.FilingService;
import dev.mamori.center.web.FormGuard;
import dev.mamori.center.web.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Copies of identity documents the requester uploads once the request is received (APPI Art. 37(1): the company
 * may fix how identity is proven). The form is on the receipt page; each post forwards one file
 * to request-service and shows the form again with what was sent so far (type, whose, size: never the file). HTTP
 * only; the privacy center keeps nothing.
 */
@Path("/t/{tenant}/requests/documents")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DocumentController {

    private static final Logger LOG = Logger.getLogger(DocumentController.class);

    /** The form's name in its token. */
    static final String FORM = "upload";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance documents(String company, UploadPage upload);
    }

    private final DocumentService documents;
    private final FilingService filings;
    private final FormGuard guard;
    private final AbuseLimits limits;
    private final Visitor visitor;

    public DocumentController(
            DocumentService documents, FilingService filings, FormGuard guard, AbuseLimits limits, Visitor visitor) {
        this.documents = documents;
        this.filings = filings;
        this.guard = guard;
        this.limits = limits;
        this.visitor = visitor;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @PathParam("tenant") String tenant,
            @RestForm("_csrf") String csrf,
            @RestForm("_uploaded") String carried,
            @RestForm String receiptNumber,
            @RestForm String uploadToken,
            @RestForm String documentType,
            @RestForm String side,
            @RestForm String provesIdentityOf,
            @RestForm String noMyNumber,
            @RestForm String insurerNumberMasked,
            @RestForm("file") FileUpload file) {
        // A token that has expired cannot send the reader back to the receipt (it answered a post): to the status.
        String back = "/t/" + FilingService.tenant(tenant) + "/requests/status";
        guard.check(tenant, FORM, visitor.sentNonce(), csrf, back);
        String company = filings.companyName(tenant);
        String receipt = strip(receiptNumber);
        String token = strip(uploadToken);
        List<DocumentForm.Uploaded> uploaded = new ArrayList<>(DocumentForm.Uploaded.decode(carried));
        if (!DocumentForm.validReceipt(receipt) || !DocumentForm.validToken(token)) {
            return page(
                    404,
                    company,
                    page(tenant, receipt, null, Map.of(), Map.of(), uploaded, null, false, "upload.error.not-found"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "documentType", documentType);
        put(values, "side", side);
        put(values, "provesIdentityOf", provesIdentityOf);
        put(values, "noMyNumber", noMyNumber);
        put(values, "insurerNumberMasked", insurerNumberMasked);
        DocumentForm.FileInfo info = file == null || file.uploadedFile() == null
                ? null
                : new DocumentForm.FileInfo(file.fileName(), file.size());
        DocumentForm.Read read = DocumentForm.read(values, info, documents.maxBytes());
        if (!read.valid()) {
            // Too large is checked here, before anything is sent: the service would refuse it anyway.
            int status = "upload.error.too-large".equals(read.errors().get("file")) ? 413 : 400;
            return page(
                    status,
                    company,
                    page(tenant, receipt, token, values, read.errors(), uploaded, null, true, "error.summary"));
        }
        limits.upload(visitor.address(), receipt, back);
        OnlineFilingApi.DocumentView view;
        try {
            view = documents.upload(tenant, receipt, token, read, file.uploadedFile());
        } catch (WebApplicationException e) {
            return refused(tenant, company, receipt, token, values, uploaded, ServiceProblem.of(e));
        } catch (ProcessingException e) {
            LOG.warnf("request-service did not answer an upload: %s", e.getMessage());
            return page(
                    503,
                    company,
                    page(tenant, receipt, token, values, Map.of(), uploaded, null, true, "error.try-later"));
        }
        uploaded.add(new DocumentForm.Uploaded(
                view.documentType() == null ? read.documentType() : view.documentType(),
                view.side(),
                view.provesIdentityOf() == null ? read.provesIdentityOf() : view.provesIdentityOf(),
                view.contentType(),
                view.bytes()));
        Integer left = view.documentsLeft();
        boolean open = left == null || left > 0;
        return page(
                201,
                company,
                page(
                        tenant,
                        receipt,
                        token,
                        Map.of(),
                        Map.of(),
                        uploaded,
                        left,
                        open,
                        open ? "upload.done" : "upload.done-last"));
    }

    private Response refused(
            String tenant,
            String company,
            String receipt,
            String token,
            Map<String, String> values,
            List<DocumentForm.Uploaded> uploaded,
            ServiceProblem problem) {
        String closed =
                switch (problem.kind()) {
                    case "receipt-not-found" -> "upload.error.not-found";
                    case "upload-window-closed" -> "upload.error.window-closed";
                    case "document-limit" -> "upload.error.limit";
                    case "request-closed" -> "upload.error.closed";
                    default -> problem.status() == 404 ? "upload.error.not-found" : null;
                };
        if (closed != null) {
            return page(
                    problem.status(),
                    company,
                    page(tenant, receipt, null, Map.of(), Map.of(), uploaded, null, false, closed));
        }
        if (problem.status() == 429) {
            return page(
                    429,
                    company,
                    page(tenant, receipt, token, values, Map.of(), uploaded, null, true, "error.too-many"));
        }
        if (!problem.isAboutTheInput()) {
            LOG.warnf("request-service refused an upload (%d %s)", problem.status(), problem.kind());
            return page(
                    503,
                    company,
                    page(tenant, receipt, token, values, Map.of(), uploaded, null, true, "error.try-later"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fieldErrors().forEach((path, message) -> {
            String field = DocumentForm.fieldOf(path);
            if (!field.isEmpty()) {
                errors.putIfAbsent(field, DocumentForm.keyOf(field, problem.kind(), message));
            }
        });
        if (errors.isEmpty()) {
            // A refusal naming no field of the form: its kind still says where it belongs.
            String field =
                    switch (problem.kind()) {
                        case "my-number-shown" -> "noMyNumber";
                        case "insurance-number-not-masked" -> "insurerNumberMasked";
                        case "copy-too-large", "document-content-unsupported" -> "file";
                        default -> "";
                    };
            if (!field.isEmpty()) {
                errors.put(field, DocumentForm.keyOf(field, problem.kind(), ""));
            }
        }
        String notice = errors.isEmpty() ? "upload.error.not-accepted" : "error.summary";
        return page(
                problem.status(), company, page(tenant, receipt, token, values, errors, uploaded, null, true, notice));
    }

    private UploadPage page(
            String tenant,
            String receipt,
            String token,
            Map<String, String> values,
            Map<String, String> errors,
            List<DocumentForm.Uploaded> uploaded,
            Integer left,
            boolean open,
            String notice) {
        return new UploadPage(
                tenant,
                receipt,
                token,
                guard.token(tenant, FORM, visitor.formNonce()),
                values,
                errors,
                List.copyOf(uploaded),
                left,
                documents.maxBytes(),
                open && token != null,
                notice);
    }

    /** The page holds the upload token: never kept by a cache or the browser's history. */
    private Response page(int status, String company, UploadPage upload) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .cookie(guard.cookie(visitor.formNonce()))
                .entity(Templates.documents(company, upload).render())
                .build();
    }

    private static void put(Map<String, String> values, String field, String value) {
        String v = strip(value);
        if (!v.isEmpty()) {
            values.put(field, v);
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
