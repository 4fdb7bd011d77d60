package dev.mamori.console.rest;

import dev.mamori.console.client.RequestApi;
import dev.mamori.console.client.ServiceProblem;
import dev.mamori.console.web.FormGuard;
import dev.mamori.console.web.Refused;
import dev.mamori.console.web.Staff;
import dev.mamori.web.JapanTime;
import dev.mamori.web.PageOf;
import dev.mamori.web.RequestTypes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The requests area: the worklist, intake of a request taken by phone or letter, and a request's page with its
 * timeline and the actions on it. Every rule (who may decide, which grounds fit, due dates) is request-service's:
 * the console sends what the person entered and shows the service's answer, field errors next to their fields.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RequestsController {

    /** Rows per worklist page: what a person reads, and what keeps the page quick with thousands of requests. */
    static final int PAGE_SIZE = 50;

    /** The near-due window of the highlight: the service's default nearDueBusinessDays. */
    static final int NEAR_DUE_DAYS = 3;

    static final List<String> STATUSES = List.of(
            "IDENTITY_UNVERIFIED",
            "AWAITING_REQUESTER",
            "PENDING_DECISION",
            "IN_PROGRESS",
            "COMPLETED",
            "REFUSED",
            "CANCELLED");
    static final List<String> TYPES = RequestTypes.ALL;
    static final List<String> OUTCOMES = List.of("APPROVED", "PARTIALLY_APPROVED", "REFUSED", "NO_DATA");
    static final List<String> GROUNDS = List.of(
            "HARM_TO_PERSON_OR_THIRD_PARTY",
            "SERIOUS_HINDRANCE_TO_BUSINESS",
            "VIOLATION_OF_OTHER_LAWS",
            "PURPOSE_ALREADY_EVIDENT",
            "NOTIFICATION_HARMS_PERSON_OR_THIRD_PARTY",
            "NOTIFICATION_HARMS_BUSINESS_INTERESTS",
            "NOTIFICATION_OBSTRUCTS_PUBLIC_TASK",
            "CONTENT_IS_ACCURATE",
            "GROUND_NOT_ESTABLISHED");
    static final List<String> CHANNELS = List.of("PHONE", "LETTER", "EMAIL", "IN_PERSON");
    static final List<String> RELATIONS = List.of("SELF", "STATUTORY_AGENT", "APPOINTED_AGENT");
    static final List<String> AGENT_TYPES =
            List.of("PARENTAL_AUTHORITY", "MINOR_GUARDIAN", "ADULT_GUARDIAN", "POWER_OF_ATTORNEY");
    static final List<String> STOP_GROUNDS = List.of("ART_35_1", "ART_35_3", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C");
    static final List<String> DOCUMENTS = List.of(
            "DRIVERS_LICENSE",
            "PASSPORT",
            "MY_NUMBER_CARD",
            "RESIDENCE_CARD",
            "HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE",
            "PENSION_BOOK",
            "RESIDENT_RECORD_COPY");

    /** One line of the worklist: the request, and for an open one the business days left (the service's count). */
    public record Row(RequestApi.Summary request) {
        public Integer daysLeft() {
            return request.businessDaysLeft();
        }

        public boolean overdue() {
            return request.overdue();
        }

        public boolean nearDue() {
            return !overdue() && daysLeft() != null && daysLeft() <= NEAR_DUE_DAYS;
        }
    }

    /** What the worklist is filtered by, echoed back into its form and its page links. */
    public record Filter(String status, String type, String dueBy, String subject) {
        /** The query of a link to the page starting at {@code offset}, with the same filters. */
        public String query(int offset) {
            StringBuilder q = new StringBuilder("?offset=").append(offset);
            if (status != null) {
                q.append("&status=").append(status);
            }
            if (type != null) {
                q.append("&type=").append(type);
            }
            if (!dueBy.isEmpty()) {
                q.append("&dueBy=").append(dueBy);
            }
            if (!subject.isEmpty()) {
                q.append("&subject=").append(URLEncoder.encode(subject, StandardCharsets.UTF_8));
            }
            return q.toString();
        }
    }

    /** Where the shown page lies: its first row (from 1), its last, and the offsets of its neighbours. */
    public record Paging(int first, int last, Integer previous, Integer next) {}

    /** A form's entered values and the service's refusal of them, to show again with the errors. */
    public record Form(String name, Map<String, String> values, ServiceProblem problem) {
        public String v(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return problem == null ? "" : problem.fieldErrors().getOrDefault(field, "");
        }

        public boolean is(String formName) {
            return name.equals(formName);
        }

        static Form empty(String name) {
            return new Form(name, Map.of(), null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                List<Row> rows, Filter filter, Paging paging, List<String> statuses, List<String> types);

        static native TemplateInstance intake(
                Form form,
                List<String> types,
                List<String> channels,
                List<String> relations,
                List<String> agentTypes,
                List<String> stopGrounds);

        static native TemplateInstance detail(
                RequestApi.Detail request,
                List<RequestApi.Event> events,
                Form form,
                List<String> outcomes,
                List<String> grounds,
                List<String> documents,
                List<RequestApi.IdentityDocument> copies,
                String done);

        static native TemplateInstance notice(RequestApi.Detail request, RequestApi.Result result);
    }

    private final RequestApi requests;
    private final Staff staff;
    private final FormGuard guard;

    public RequestsController(@RestClient RequestApi requests, Staff staff, FormGuard guard) {
        this.requests = requests;
        this.staff = staff;
        this.guard = guard;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("dueBy") String dueBy,
            @QueryParam("subject") String subject,
            @QueryParam("offset") String offset) {
        String s = status != null && STATUSES.contains(status) ? status : null;
        String t = type != null && TYPES.contains(type) ? type : null;
        LocalDate by = parseDay(dueBy);
        int from = parseOffset(offset);
        String ref = subject == null || subject.isBlank() ? null : subject.strip();
        // One call: request-service filters, orders by urgency and counts the business days left, so the page
        // shows a page's worth of rows however many requests the tenant has.
        PageOf<RequestApi.Summary> found = requests.worklist(
                s == null ? null : List.of(s), t == null ? null : List.of(t), by, ref, "due", from, PAGE_SIZE);
        List<Row> rows = found.items().stream().map(Row::new).toList();
        Paging paging = new Paging(
                rows.isEmpty() ? 0 : from + 1,
                from + rows.size(),
                from == 0 ? null : Math.max(0, from - PAGE_SIZE),
                found.next() == null ? null : from + PAGE_SIZE);
        return Templates.list(
                rows,
                new Filter(s, t, by == null ? "" : by.toString(), ref == null ? "" : ref),
                paging,
                STATUSES,
                TYPES);
    }

    /** A page offset from a link: anything else than a small non-negative number shows the first page. */
    private static int parseOffset(String offset) {
        if (offset == null || !offset.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(offset);
    }

    @GET
    @Path("/new")
    public TemplateInstance intakeForm() {
        requireOperator();
        return intakePage(new Form("intake", Map.of("channel", "PHONE", "relation", "SELF"), null));
    }

    @POST
    @Path("/new")
    public Object intake(MultivaluedMap<String, String> form) {
        guard.check(form.getFirst("_csrf"));
        requireOperator();
        Map<String, String> values = values(form);
        Map<String, Object> intake = new LinkedHashMap<>();
        put(intake, "type", values.get("type"));
        put(intake, "subjectRef", values.get("subjectRef"));
        put(intake, "channel", values.get("channel"));
        String received = values.get("receivedAt");
        if (received != null) {
            try {
                // Entered in Japan time (datetime-local has no zone): a letter keeps the day it arrived.
                put(
                        intake,
                        "receivedAt",
                        LocalDateTime.parse(received)
                                .atZone(JapanTime.ZONE)
                                .toOffsetDateTime()
                                .toString());
            } catch (DateTimeParseException e) {
                put(intake, "receivedAt", received);
            }
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        put(contact, "email", values.get("email"));
        put(contact, "phone", values.get("phone"));
        put(contact, "postalAddress", values.get("postalAddress"));
        Map<String, Object> requester = new LinkedHashMap<>();
        put(requester, "name", values.get("name"));
        put(requester, "relation", values.get("relation"));
        requester.put("contact", contact);
        intake.put("requester", requester);
        if (values.get("agentType") != null || values.get("evidenceDescription") != null) {
            Map<String, Object> agent = new LinkedHashMap<>();
            put(agent, "type", values.get("agentType"));
            put(agent, "evidenceDescription", values.get("evidenceDescription"));
            intake.put("agent", agent);
        }
        put(intake, "deliveryMethod", values.get("deliveryMethod"));
        put(intake, "ground", values.get("ground"));
        put(intake, "externalId", values.get("externalId"));
        try {
            // Each rendered form has its own key: the same form sent twice (a double click) takes the request in once.
            RequestApi.Detail created = requests.create(idempotencyKey(form.getFirst("_formId")), intake);
            return seeOther(created.id(), "created");
        } catch (WebApplicationException e) {
            return intakePage(new Form("intake", values, ServiceProblem.of(e)));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return detailPage(id, Form.empty(""), done == null ? "" : done);
    }

    /** A request filed online names the person only by what the requester typed; staff link it to the reference. */
    @POST
    @Path("/{id}/link")
    public Object link(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "link", form, values -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "subjectRef", values.get("subjectRef"));
            return requests.linkSubject(id, body);
        });
    }

    @POST
    @Path("/{id}/verify")
    public Object verify(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "verify", form, values -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "method", "DOCUMENTS");
            List<Map<String, Object>> documents = new ArrayList<>();
            // A request made by an agent says whose identity each document proves (Art. 37(3)); the agent's form
            // offers the person's document and the agent's own, and request-service checks what is enough.
            boolean agent = values.containsKey("agentDocumentType") || "true".equals(values.get("hasAgent"));
            if (values.get("documentType") != null) {
                documents.add(document(values.get("documentType"), agent ? "PERSON" : null));
            }
            if (values.get("agentDocumentType") != null) {
                documents.add(document(values.get("agentDocumentType"), "AGENT"));
            }
            body.put("documents", documents);
            put(body, "note", values.get("note"));
            return requests.verify(id, body);
        });
    }

    private static Map<String, Object> document(String type, String holder) {
        Map<String, Object> document = new LinkedHashMap<>();
        put(document, "type", type);
        if ("MY_NUMBER_CARD".equals(type)) {
            document.put("side", "FRONT");
        }
        put(document, "provesIdentityOf", holder);
        return document;
    }

    @POST
    @Path("/{id}/decide")
    public Object decide(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        guard.check(form.getFirst("_csrf"));
        if (!staff.canDecide()) {
            // The service refuses a decision by anyone but a privacy officer too; this keeps the call from being made.
            throw new Refused("error.role");
        }
        return act(id, "decide", form, values -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "outcome", values.get("outcome"));
            put(body, "refusalGround", values.get("refusalGround"));
            put(body, "reason", values.get("reason"));
            String fee = values.get("feeJpy");
            if (fee != null) {
                body.put("feeJpy", fee.matches("[0-9]{1,9}") ? (Object) Integer.valueOf(fee) : fee);
            }
            return requests.decide(id, body);
        });
    }

    @POST
    @Path("/{id}/pause")
    public Object pause(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "pause", form, values -> requests.pause(id, reason(values)));
    }

    @POST
    @Path("/{id}/resume")
    public Object resume(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "resume", form, values -> requests.resume(id));
    }

    @POST
    @Path("/{id}/extend")
    public Object extend(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "extend", form, values -> {
            Map<String, Object> body = reason(values);
            String days = values.get("additionalBusinessDays");
            if (days != null) {
                body.put("additionalBusinessDays", days.matches("[0-9]{1,3}") ? (Object) Integer.valueOf(days) : days);
            }
            requests.extend(id, body);
            return null;
        });
    }

    @POST
    @Path("/{id}/retry")
    public Object retry(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "retry", form, values -> requests.retry(id));
    }

    /**
     * A copy of an identity document, fetched from request-service with the signed-in person's token and passed on
     * as an attachment (the service audits the read).
     */
    @GET
    @Path("/{id}/identity-documents/{documentId}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/octet-stream", MediaType.TEXT_HTML})
    public Response identityDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        if (!staff.canHandle()) {
            throw new Refused("error.role");
        }
        try (Response copy = requests.identityDocumentContent(id, documentId)) {
            return IdentityDocumentDownload.of(
                    documentId, copy.getHeaderString(HttpHeaders.CONTENT_TYPE), copy.readEntity(byte[].class));
        }
    }

    @GET
    @Path("/{id}/notice")
    public TemplateInstance notice(@PathParam("id") UUID id) {
        return Templates.notice(requests.get(id), requests.result(id));
    }

    private Object act(
            UUID id, String name, MultivaluedMap<String, String> form, Function<Map<String, String>, Object> call) {
        guard.check(form.getFirst("_csrf"));
        if (!staff.canHandle()) {
            throw new Refused("error.role");
        }
        Map<String, String> values = values(form);
        try {
            call.apply(values);
            // Post/redirect/get: reloading the page shows the request, never sends the action again.
            return seeOther(id, name);
        } catch (WebApplicationException e) {
            return detailPage(id, new Form(name, values, ServiceProblem.of(e)), "");
        }
    }

    private TemplateInstance detailPage(UUID id, Form form, String done) {
        RequestApi.Detail request = requests.get(id);
        List<RequestApi.Event> events = requests.events(id, 200).items();
        // Copies of identity documents are for those who verify the requester; auditors are not shown them.
        List<RequestApi.IdentityDocument> copies = staff.canHandle() ? requests.identityDocuments(id) : List.of();
        return Templates.detail(request, events, form, OUTCOMES, GROUNDS, DOCUMENTS, copies, done);
    }

    private TemplateInstance intakePage(Form form) {
        return Templates.intake(form, TYPES, CHANNELS, RELATIONS, AGENT_TYPES, STOP_GROUNDS);
    }

    private void requireOperator() {
        if (!staff.canTakeIn()) {
            throw new Refused("error.role");
        }
    }

    private static Response seeOther(UUID id, String done) {
        return Response.seeOther(URI.create("/requests/" + id + "?done=" + done))
                .build();
    }

    private static String idempotencyKey(String formId) {
        try {
            return "console-" + UUID.fromString(formId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "console-" + UUID.randomUUID();
        }
    }

    private static Map<String, Object> reason(Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "reason", values.get("reason"));
        return body;
    }

    /** The posted fields, blank ones left out (a blank field is not sent: the service then names it if required). */
    private static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.startsWith("_")
                    && v != null
                    && !v.isEmpty()
                    && v.get(0) != null
                    && !v.get(0).isBlank()) {
                values.put(k, v.get(0).strip());
            }
        });
        return values;
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    private static LocalDate parseDay(String day) {
        try {
            return day == null || day.isBlank() ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
