package dev.mamori.center.rest;

import dev.mamori.center.client.ResultDeliveryApi;
import dev.mamori.center.client.ServiceProblem;
import dev.mamori.center.service.AbuseLimits;
import dev.mamori.center.service.DeliveryService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The link mailed to a requester whose result is delivered electronically (APPI Art. 33(1), (2)):
 * a page that explains, a fresh code to the requester's mailbox, and once it is entered three download buttons.
 * The grant travels only in posted forms, never in a URL. An unknown link and another company's answer alike; no
 * page says anything about the request before the code is entered. HTTP only; the privacy center keeps nothing.
 */
@Path("/t/{tenant}/downloads/{token}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DeliveryController {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(StartPage page);

        static native TemplateInstance code(CodePage page);

        static native TemplateInstance ready(ReadyPage page);
    }

    /** The first page, and the one for a link that cannot be used: "ready", "unknown", "expired", "grant-expired". */
    public record StartPage(String tenant, String company, String token, String csrf, String state) {
        public boolean is(String s) {
            return s.equals(state);
        }

        /** A code can still be asked for. */
        public boolean usable() {
            return !is("unknown") && !is("expired");
        }
    }

    /** The code page: what happened to the last code, if anything. */
    public record CodePage(
            String tenant,
            String company,
            String token,
            String csrfConfirm,
            String csrfCode,
            String state,
            Integer attemptsLeft,
            String sentTo,
            String codeExpiresAt) {
        public boolean is(String s) {
            return s.equals(state);
        }

        public boolean needsFreshCode() {
            return is("expired") || is("exhausted");
        }
    }

    /** The download page: the grant goes into each button's form. */
    public record ReadyPage(String tenant, String company, String token, String csrf, ResultDeliveryApi.Grant grant) {
        public List<String> formats() {
            List<String> offered = grant.formats() == null ? DeliveryService.FORMATS : grant.formats();
            return DeliveryService.FORMATS.stream().filter(offered::contains).toList();
        }
    }

    private final DeliveryService deliveries;
    private final FilingService filings;
    private final FormGuard guard;
    private final AbuseLimits limits;
    private final Visitor visitor;

    public DeliveryController(
            DeliveryService deliveries, FilingService filings, FormGuard guard, AbuseLimits limits, Visitor visitor) {
        this.deliveries = deliveries;
        this.filings = filings;
        this.guard = guard;
        this.limits = limits;
        this.visitor = visitor;
    }

    @GET
    public Response start(@PathParam("tenant") String tenant, @PathParam("token") String token) {
        String company = filings.companyName(tenant);
        if (!DeliveryService.validToken(token)) {
            return page(404, Templates.start(start(tenant, company, token, "unknown")));
        }
        return page(200, Templates.start(start(tenant, company, token, "ready")));
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendCode(
            @PathParam("tenant") String tenant,
            @PathParam("token") String token,
            MultivaluedMap<String, String> posted) {
        String back = back(tenant, token);
        guard.check(tenant, "delivery-code", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        limits.deliveryCode(visitor.address(), token, back);
        try {
            ResultDeliveryApi.CodeSent sent = deliveries.sendCode(tenant, token);
            StringBuilder query = new StringBuilder("?sent=1");
            String until = validTime(sent.expiresAt());
            if (until != null) {
                query.append("&until=").append(URLEncoder.encode(until, StandardCharsets.UTF_8));
            }
            if (maskedAddress(sent.sentTo()) != null) {
                query.append("&to=").append(URLEncoder.encode(sent.sentTo(), StandardCharsets.UTF_8));
            }
            return Response.seeOther(URI.create(back + "/code" + query)).build();
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            String state = linkState(problem);
            if (state != null) {
                return page(problem.status(), Templates.start(start(tenant, company, token, state)));
            }
            if (problem.status() == 429) {
                return page(429, Templates.code(code(tenant, company, token, "too-many", null, null, null)));
            }
            throw e;
        }
    }

    @GET
    @Path("code")
    public Response codePage(
            @PathParam("tenant") String tenant,
            @PathParam("token") String token,
            @QueryParam("sent") String sent,
            @QueryParam("until") String until,
            @QueryParam("to") String to) {
        String company = filings.companyName(tenant);
        if (!DeliveryService.validToken(token)) {
            return page(404, Templates.start(start(tenant, company, token, "unknown")));
        }
        return page(
                200,
                Templates.code(code(
                        tenant,
                        company,
                        token,
                        sent != null ? "sent" : "ready",
                        null,
                        maskedAddress(to),
                        validTime(until))));
    }

    @POST
    @Path("code/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(
            @PathParam("tenant") String tenant,
            @PathParam("token") String token,
            MultivaluedMap<String, String> posted) {
        String back = back(tenant, token);
        guard.check(tenant, "delivery-confirm", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        String code = FilingService.normaliseCode(posted.getFirst("code"));
        if (!code.matches("[0-9]{6}")) {
            return page(400, Templates.code(code(tenant, company, token, "malformed", null, null, null)));
        }
        limits.deliveryCodeTry(visitor.address(), token, back);
        try {
            ResultDeliveryApi.Grant grant = deliveries.confirm(tenant, token, code);
            return page(
                    200,
                    Templates.ready(new ReadyPage(
                            tenant,
                            company,
                            token,
                            guard.token(tenant, "delivery-download", visitor.formNonce()),
                            grant)));
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            String link = linkState(problem);
            if (link != null) {
                return page(problem.status(), Templates.start(start(tenant, company, token, link)));
            }
            String state =
                    switch (problem.kind()) {
                        case "code-wrong" -> "wrong";
                        case "code-expired" -> "expired";
                        case "code-tries-exhausted" -> "exhausted";
                        default -> problem.status() == 429 ? "exhausted" : null;
                    };
            if (state == null) {
                throw e;
            }
            return page(
                    problem.status(),
                    Templates.code(code(tenant, company, token, state, problem.attemptsLeft(), null, null)));
        }
    }

    @POST
    @Path("package")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("tenant") String tenant,
            @PathParam("token") String token,
            MultivaluedMap<String, String> posted) {
        String back = back(tenant, token);
        guard.check(tenant, "delivery-download", visitor.sentNonce(), posted.getFirst(FormTokens.FIELD), back);
        String company = filings.companyName(tenant);
        String format = posted.getFirst("format");
        String grant = posted.getFirst("grant");
        if (!DeliveryService.FORMATS.contains(format) || !DeliveryService.validGrant(grant)) {
            return page(403, Templates.start(start(tenant, company, token, "grant-expired")));
        }
        limits.download(visitor.address(), back);
        try {
            DeliveryService.Download file = deliveries.download(tenant, token, format, grant);
            return Response.ok(file.content())
                    .type(file.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            String state = linkState(problem);
            if (state == null && (problem.status() == 403 || problem.status() == 400)) {
                state = "grant-expired";
            }
            if (state == null) {
                throw e;
            }
            return page(
                    "grant-expired".equals(state) ? 403 : problem.status(),
                    Templates.start(start(tenant, company, token, state)));
        }
    }

    // --- helpers ---

    /** A refusal about the link itself: unknown (or another company's: the same), or past its validity. */
    private static String linkState(ServiceProblem problem) {
        return switch (problem.kind()) {
            case "delivery-not-found" -> "unknown";
            case "delivery-expired" -> "expired";
            default -> problem.status() == 404 ? "unknown" : null;
        };
    }

    private String back(String tenant, String token) {
        String back = "/t/" + FilingService.tenant(tenant) + "/downloads/" + token;
        // A token that cannot be one is no page: nothing is checked or sent for it.
        if (!DeliveryService.validToken(token)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return back;
    }

    private StartPage start(String tenant, String company, String token, String state) {
        return new StartPage(
                tenant,
                company,
                DeliveryService.validToken(token) ? token : "",
                guard.token(tenant, "delivery-code", visitor.formNonce()),
                state);
    }

    private CodePage code(
            String tenant,
            String company,
            String token,
            String state,
            Integer attemptsLeft,
            String sentTo,
            String until) {
        return new CodePage(
                tenant,
                company,
                token,
                guard.token(tenant, "delivery-confirm", visitor.formNonce()),
                guard.token(tenant, "delivery-code", visitor.formNonce()),
                state,
                attemptsLeft,
                sentTo,
                until);
    }

    /** The pages hold the link (and, once the code is entered, the grant): kept by no cache, no history. */
    private Response page(int status, TemplateInstance template) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .cookie(guard.cookie(visitor.formNonce()))
                .entity(template.render())
                .build();
    }

    /** The masked address the service gave (e.g. "a***@example.jp"), if it looks like one; null otherwise. */
    static String maskedAddress(String to) {
        return to != null && to.length() <= 254 && to.contains("*") && to.matches("[A-Za-z0-9*._+-]+@[A-Za-z0-9.*-]+")
                ? to
                : null;
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
