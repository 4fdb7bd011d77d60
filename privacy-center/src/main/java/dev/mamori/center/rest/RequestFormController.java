package dev.mamori.center.rest;

import dev.mamori.center.client.OnlineFilingApi;
import dev.mamori.center.client.ServiceProblem;
import dev.mamori.center.service.AbuseLimits;
import dev.mamori.center.service.DocumentService;
import dev.mamori.center.service.FieldMessages;
import dev.mamori.center.service.FilingForm;
import dev.mamori.center.service.FilingService;
import dev.mamori.center.web.FormGuard;
import dev.mamori.center.web.FormTokens;
import dev.mamori.center.web.Visitor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The online request form (APPI Arts. 32(2)-35, made where and how Art. 37(1) lets the company fix), the code that
 * confirms the requester's e-mail address, the receipt, and the status look-up. HTTP only: request-service holds
 * the filing, the code and the request; the privacy center holds nothing between pages.
 */
@Path("/t/{tenant}/requests")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RequestFormController {

    private static final Logger LOG = Logger.getLogger(RequestFormController.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FilingPage form);

        static native TemplateInstance confirm(ConfirmPage page);

        static native TemplateInstance receipt(
                String tenant, String company, OnlineFilingApi.Receipt receipt, UploadPage upload);

        static native TemplateInstance status(StatusPage page);
    }

    /** The code page: what happened to the last code, if anything. */
    public record ConfirmPage(
            String tenant,
            String company,
            UUID filingId,
            String csrfConfirm,
            String csrfCode,
            String state,
            Integer attemptsLeft,
            String codeExpiresAt) {

        public boolean is(String s) {
            return s.equals(state);
        }

        /** The code can no longer be used: only a fresh one helps. */
        public boolean needsFreshCode() {
            return is("expired") || is("exhausted");
        }
    }

    public record StatusPage(
            String tenant,
            String company,
            String csrf,
            String receiptNumber,
            String email,
            Map<String, String> errors,
            boolean notFound,
            OnlineFilingApi.Status result) {

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String err(String field) {
            return errors.getOrDefault(field, "");
        }
    }

    private final FilingService filings;
    private final DocumentService documents;
    private final FormGuard guard;
    private final AbuseLimits limits;
    private final Visitor visitor;

    public RequestFormController(
            FilingService filings, DocumentService documents, FormGuard guard, AbuseLimits limits, Visitor visitor) {
        this.filings = filings;
        this.documents = documents;
        this.guard = guard;
        this.limits = limits;
        this.visitor = visitor;
    }

    // --- the form ---

    @GET
    @Path("new")
    public Response form(@PathParam("tenant") String tenant) {
        String company = filings.companyName(tenant);
        return page(200, Templates.form(formPage(tenant, company, UUID.randomUUID(), Map.of(), Map.of(), null)));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@PathParam("tenant") String tenant, MultivaluedMap<String, String> posted) {
        String back = "/t/" + FilingService.tenant(tenant) + "/requests/new";
        guard.check(tenant, "filing", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        UUID formId = FilingService.formId(posted.getFirst("_formId"));
        Map<String, String> values = values(posted);
        FilingForm.Read read = FilingForm.read(values, visitor.language());
        if (!read.valid()) {
            return page(400, Templates.form(formPage(tenant, company, formId, values, read.errors(), "error.summary")));
        }
        limits.filing(visitor.address(), read.filing().requester().contact().email(), back);
        OnlineFilingApi.Accepted accepted;
        try {
            accepted = filings.file(tenant, formId, read.filing());
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            if (problem.status() == 429) {
                return page(429, Templates.form(formPage(tenant, company, formId, values, Map.of(), "error.too-many")));
            }
            if ("idempotency-key-reused".equals(problem.kind())) {
                // This rendered form was sent before with other contents (back, edit, send): as a new form it goes.
                return page(
                        409,
                        Templates.form(
                                formPage(tenant, company, UUID.randomUUID(), values, Map.of(), "error.already-sent")));
            }
            if (!problem.isAboutTheInput()) {
                LOG.warnf("request-service refused a filing (%d %s)", problem.status(), problem.kind());
                return page(
                        503, Templates.form(formPage(tenant, company, formId, values, Map.of(), "error.try-later")));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            problem.fieldErrors()
                    .forEach((path, message) -> errors.merge(
                            FilingForm.fieldOf(path),
                            FieldMessages.keyOf(FilingForm.fieldOf(path), message),
                            (a, b) -> a));
            String notice = errors.isEmpty() ? "error.not-accepted" : "error.summary";
            return page(problem.status(), Templates.form(formPage(tenant, company, formId, values, errors, notice)));
        } catch (ProcessingException e) {
            LOG.warnf("request-service did not answer a filing: %s", e.getMessage());
            return page(503, Templates.form(formPage(tenant, company, formId, values, Map.of(), "error.try-later")));
        }
        String until = accepted.codeExpiresAt() == null ? "" : "?until=" + urlSafe(accepted.codeExpiresAt());
        return Response.seeOther(URI.create("/t/" + tenant + "/requests/confirm/" + accepted.filingId() + until))
                .build();
    }

    // --- the code ---

    @GET
    @Path("confirm/{filingId}")
    public Response confirmPage(
            @PathParam("tenant") String tenant,
            @PathParam("filingId") String filingId,
            @QueryParam("until") String until,
            @QueryParam("sent") String sent) {
        FilingService.tenant(tenant);
        UUID id = FilingService.filingId(filingId);
        String company = filings.companyName(tenant);
        return page(
                200, Templates.confirm(confirmPage(tenant, company, id, sent != null ? "sent" : "ready", null, until)));
    }

    @POST
    @Path("confirm/{filingId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(
            @PathParam("tenant") String tenant,
            @PathParam("filingId") String filingId,
            MultivaluedMap<String, String> posted) {
        FilingService.tenant(tenant);
        UUID id = FilingService.filingId(filingId);
        String back = "/t/" + tenant + "/requests/confirm/" + id;
        guard.check(tenant, "confirm", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        String code = FilingService.normaliseCode(posted.getFirst("code"));
        if (!code.matches("[0-9]{6}")) {
            return page(400, Templates.confirm(confirmPage(tenant, company, id, "malformed", null, null)));
        }
        limits.codeTry(visitor.address(), back);
        try {
            OnlineFilingApi.Receipt receipt = filings.confirm(tenant, id, code);
            UploadPage upload = UploadPage.fresh(
                    tenant,
                    receipt.receiptNumber(),
                    receipt.uploadToken(),
                    guard.token(tenant, DocumentController.FORM, visitor.formNonce()),
                    documents.maxBytes());
            // The receipt holds the upload token: never kept by a cache or in the browser's history.
            Response page = page(201, Templates.receipt(tenant, company, receipt, upload));
            page.getHeaders().putSingle("Cache-Control", "no-store");
            return page;
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            String state =
                    switch (problem.kind()) {
                        case "code-wrong" -> "wrong";
                        case "code-expired" -> "expired";
                        case "code-tries-exhausted" -> "exhausted";
                        case "filing-not-found" -> "not-found";
                        default -> null;
                    };
            if (state == null) {
                throw e;
            }
            return page(
                    problem.status(),
                    Templates.confirm(confirmPage(tenant, company, id, state, problem.attemptsLeft(), null)));
        }
    }

    @POST
    @Path("confirm/{filingId}/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response freshCode(
            @PathParam("tenant") String tenant,
            @PathParam("filingId") String filingId,
            MultivaluedMap<String, String> posted) {
        FilingService.tenant(tenant);
        UUID id = FilingService.filingId(filingId);
        String back = "/t/" + tenant + "/requests/confirm/" + id;
        guard.check(tenant, "code", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        limits.freshCode(visitor.address(), back);
        try {
            OnlineFilingApi.Accepted accepted = filings.freshCode(tenant, id);
            String until = accepted.codeExpiresAt() == null ? "" : "&until=" + urlSafe(accepted.codeExpiresAt());
            return Response.seeOther(URI.create(back + "?sent=1" + until)).build();
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            if ("filing-not-found".equals(problem.kind())) {
                return page(404, Templates.confirm(confirmPage(tenant, company, id, "not-found", null, null)));
            }
            if (problem.status() == 429) {
                return page(429, Templates.confirm(confirmPage(tenant, company, id, "too-many", null, null)));
            }
            throw e;
        }
    }

    // --- the status ---

    @GET
    @Path("status")
    public Response statusPage(@PathParam("tenant") String tenant) {
        String company = filings.companyName(tenant);
        return page(200, Templates.status(statusPage(tenant, company, "", "", Map.of(), false, null)));
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("tenant") String tenant, MultivaluedMap<String, String> posted) {
        String back = "/t/" + FilingService.tenant(tenant) + "/requests/status";
        guard.check(tenant, "status", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        String receiptNumber = strip(posted.getFirst("receiptNumber"));
        String email = strip(posted.getFirst("email"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (receiptNumber.isEmpty()) {
            errors.put("receiptNumber", "error.required");
        }
        if (email.isEmpty()) {
            errors.put("email", "error.required");
        }
        if (!errors.isEmpty()) {
            return page(400, Templates.status(statusPage(tenant, company, receiptNumber, email, errors, false, null)));
        }
        limits.lookup(visitor.address(), back);
        try {
            OnlineFilingApi.Status result = filings.status(tenant, receiptNumber, email);
            return page(
                    200, Templates.status(statusPage(tenant, company, receiptNumber, email, Map.of(), false, result)));
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            // Unknown, another company's, a wrong pair, or a malformed number: one answer, which reveals nothing.
            if (problem.status() == 404 || problem.isAboutTheInput()) {
                return page(
                        404, Templates.status(statusPage(tenant, company, receiptNumber, email, Map.of(), true, null)));
            }
            throw e;
        }
    }

    // --- helpers ---

    private FilingPage formPage(
            String tenant,
            String company,
            UUID formId,
            Map<String, String> values,
            Map<String, String> errors,
            String notice) {
        return new FilingPage(
                tenant,
                company,
                filings.settings(tenant),
                values,
                errors,
                guard.token(tenant, "filing", visitor.formNonce()),
                formId,
                notice);
    }

    private ConfirmPage confirmPage(
            String tenant, String company, UUID id, String state, Integer attemptsLeft, String until) {
        return new ConfirmPage(
                tenant,
                company,
                id,
                guard.token(tenant, "confirm", visitor.formNonce()),
                guard.token(tenant, "code", visitor.formNonce()),
                state,
                attemptsLeft,
                validTime(until));
    }

    private StatusPage statusPage(
            String tenant,
            String company,
            String receiptNumber,
            String email,
            Map<String, String> errors,
            boolean notFound,
            OnlineFilingApi.Status result) {
        return new StatusPage(
                tenant,
                company,
                guard.token(tenant, "status", visitor.formNonce()),
                receiptNumber,
                email,
                errors,
                notFound,
                result);
    }

    /** Every page of these forms (re)sets the nonce cookie its tokens are bound to. */
    private Response page(int status, TemplateInstance template) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(guard.cookie(visitor.formNonce()))
                .entity(template.render())
                .build();
    }

    /** The posted fields as the form reads them: blank ones left out, surrounding spaces stripped. */
    static Map<String, String> values(MultivaluedMap<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((field, list) -> {
            if (!field.startsWith("_") && list != null && !list.isEmpty()) {
                String value = strip(list.get(0));
                if (!value.isEmpty()) {
                    values.put(field, value);
                }
            }
        });
        return values;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** A time from the service (RFC 3339) as a query value; anything else is dropped. */
    private static String urlSafe(String time) {
        String valid = validTime(time);
        return valid == null ? "" : java.net.URLEncoder.encode(valid, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String validTime(String time) {
        if (time == null || time.length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
