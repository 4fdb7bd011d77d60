package dev.mamori.center;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * consent-service, request-service and Keycloak's token endpoint as the privacy center sees them, served by the
 * test application itself: tenant-a has a published controller and two purposes, tenant-unset has never set its
 * controller, tenant-down's consent-service fails. Every call's token and tenant header are recorded.
 */
@Path("/stub")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceStubs {

    static final String TOKEN = "privacy-center-token";
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @POST
    @Path("/keycloak/protocol/openid-connect/token")
    public String token() {
        return "{\"access_token\": \"" + TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}";
    }

    @GET
    @Path("/consent/v1/consent-policy")
    public Response policy(@HeaderParam("Authorization") String auth, @HeaderParam("X-Mamori-Tenant") String tenant) {
        CALLS.add(auth + " " + tenant);
        return switch (String.valueOf(tenant)) {
            case "tenant-a" -> Response.ok("""
                            {"guardianAgeThreshold": 16, "controllerName": "株式会社エー商事",
                             "controllerAddress": "東京都千代田区一番町1-1",
                             "controllerRepresentative": "代表取締役 山田 太郎", "controllerContact": "privacy@a.example.jp"}""").build();
            case "tenant-down" -> Response.serverError().build();
            default -> Response.ok("{\"guardianAgeThreshold\": 16}").build();
        };
    }

    @GET
    @Path("/consent/v1/purposes")
    public String purposes(@HeaderParam("X-Mamori-Tenant") String tenant) {
        if (!"tenant-a".equals(tenant)) {
            return "{\"items\": []}";
        }
        return "{\"items\": [" + purpose("delivery", "商品の配送", "Delivering goods", "ご注文の商品をお届けするために利用します。", false) + ", "
                + purpose("marketing", "新商品のご案内", "News of products", "新商品のご案内をお送りします。", true) + "]}";
    }

    @GET
    @Path("/request/v1/request-settings")
    public String settings(@HeaderParam("X-Mamori-Tenant") String tenant) {
        return "{\"businessDaysToDue\": 10, \"disclosureFeeJpy\": 1000, \"configured\": true}";
    }

    // --- request-service's online filing API ---

    static final String FILING_ID = "0f8f5a52-3b1c-4d7e-9a21-5c6b7d8e9f01";
    static final String GONE_FILING_ID = "0f8f5a52-3b1c-4d7e-9a21-000000000404";
    /** Every filing body received, as sent, with the call's token and tenant. */
    static final List<String> FILINGS = new CopyOnWriteArrayList<>();

    static final List<String> FILING_CALLS = new CopyOnWriteArrayList<>();
    static final List<String> CODES = new CopyOnWriteArrayList<>();
    /** The Idempotency-Key of each filing and confirmation call, in order. */
    static final List<String> IDEMPOTENCY_KEYS = new CopyOnWriteArrayList<>();

    /**
     * A filing is accepted unless the requester's address says otherwise: "fielderror@" gets a validation problem on
     * person.phone, "down@" a 500.
     */
    @POST
    @Path("/request/v1/online-filings")
    public Response file(
            @HeaderParam("Authorization") String auth,
            @HeaderParam("X-Mamori-Tenant") String tenant,
            @HeaderParam("Idempotency-Key") String key,
            String body) {
        FILINGS.add(body);
        FILING_CALLS.add(auth + " " + tenant);
        IDEMPOTENCY_KEYS.add(key);
        if (body.contains("reused@example.jp")) {
            return problem(422, "idempotency-key-reused", "");
        }
        if (body.contains("fielderror@example.jp")) {
            return problem(400, "validation", """
                    , "errors": [{"field": "person.phone",
                                  "message": "must be a phone number of digits, spaces, '-', '(' or ')'"}]""");
        }
        if (body.contains("allfields@example.jp")) {
            StringBuilder errors = new StringBuilder(", \"errors\": [");
            List<String> all = new java.util.ArrayList<>(dev.mamori.center.service.FilingForm.FIELDS);
            all.addAll(dev.mamori.center.service.FilingForm.GROUPS);
            all.add("somewhere.unknown");
            for (int i = 0; i < all.size(); i++) {
                errors.append(i == 0 ? "" : ", ")
                        .append("{\"field\": \"")
                        .append(all.get(i))
                        .append("\", \"message\": \"must not be blank\"}");
            }
            return problem(400, "validation", errors.append("]").toString());
        }
        if (body.contains("down@example.jp")) {
            return Response.serverError()
                    .type("application/problem+json")
                    .entity("""
                    {"type": "https://mamori.dev/problems/internal", "status": 500,
                     "detail": "java.lang.IllegalStateException at dev.mamori..."}""")
                    .build();
        }
        return Response.accepted("{\"filingId\": \"" + FILING_ID + "\", \"codeExpiresAt\": \"2026-12-02T08:10:00Z\"}")
                .build();
    }

    /** 123456 is right, 000000 wrong (3 tries left), 111111 expired, 222222 exhausted; GONE_FILING_ID is unknown. */
    @POST
    @Path("/request/v1/online-filings/{id}/confirmation")
    public Response confirm(
            @jakarta.ws.rs.PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, String body) {
        CODES.add(id + " " + body);
        IDEMPOTENCY_KEYS.add(key);
        if (GONE_FILING_ID.equals(id)) {
            return problem(404, "filing-not-found", "");
        }
        if (body.contains("\"000000\"")) {
            return problem(422, "code-wrong", ", \"attemptsLeft\": 3");
        }
        if (body.contains("\"111111\"")) {
            return problem(410, "code-expired", "");
        }
        if (body.contains("\"222222\"")) {
            return problem(429, "code-tries-exhausted", "");
        }
        if (body.contains("\"123456\"")) {
            return Response.status(201).entity("""
                    {"requestId": "7a1b2c3d-0000-4000-8000-000000000001", "receiptNumber": "R-AB12-CD34",
                     "status": "IDENTITY_UNVERIFIED", "receivedAt": "2026-12-02T08:05:00Z", "dueDate": "2026-12-16",
                     "uploadToken": "%s"}""".formatted(UPLOAD_TOKEN)).build();
        }
        return problem(400, "validation", "");
    }

    @POST
    @Path("/request/v1/online-filings/{id}/code")
    public Response freshCode(@jakarta.ws.rs.PathParam("id") String id) {
        CODES.add(id + " fresh");
        if (GONE_FILING_ID.equals(id)) {
            return problem(404, "filing-not-found", "");
        }
        return Response.accepted("{\"filingId\": \"" + id + "\", \"codeExpiresAt\": \"2026-12-02T08:20:00Z\"}")
                .build();
    }

    /** R-AB12-CD34 with agent@example.jp is known; every other pair is the same 404. */
    @POST
    @Path("/request/v1/online-filings/status")
    public Response status(String body) {
        if (body.contains("\"R-AB12-CD34\"") && body.contains("\"agent@example.jp\"")) {
            return Response.ok("""
                    {"receiptNumber": "R-AB12-CD34", "type": "DISCLOSURE", "status": "PENDING_DECISION",
                     "receivedAt": "2026-12-02T08:05:00Z", "dueDate": "2026-12-16"}""").build();
        }
        return problem(404, "receipt-not-found", "");
    }

    // --- request-service's requester document upload ---

    static final String UPLOAD_TOKEN = "uPl0ad-T0ken_abcdefghijklmnopqrstuvwxyz0123";
    /** Every upload body received, with the call's token and tenant before it. */
    static final List<String> UPLOADS = new CopyOnWriteArrayList<>();

    /**
     * An upload is stored unless its file name says otherwise: "notanimage" is refused by content (field base64),
     * "agent" as a request without agent (field provesIdentityOf), "last" leaves no more; a token "closed..." is past
     * its window, "gone..." unknown.
     */
    @POST
    @Path("/request/v1/online-filings/documents")
    public Response upload(
            @HeaderParam("Authorization") String auth, @HeaderParam("X-Mamori-Tenant") String tenant, String body)
            throws java.io.IOException {
        UPLOADS.add(auth + " " + tenant + " " + body);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        String token = json.path("uploadToken").asText();
        String name = json.path("fileName").asText();
        if (token.startsWith("gone")) {
            return problem(404, "receipt-not-found", "");
        }
        if (token.startsWith("closed")) {
            return problem(410, "upload-window-closed", "");
        }
        if (name.contains("notanimage")) {
            return problem(422, "document-content-unsupported", """
                    , "errors": [{"field": "base64", "message": "the content is not a JPEG, PNG or PDF"}]""");
        }
        if (name.contains("agent")) {
            return problem(422, "agent-not-applicable", """
                    , "errors": [{"field": "upload.provesIdentityOf", "message": "the request has no agent"}]""");
        }
        int bytes = java.util.Base64.getDecoder().decode(json.path("base64").asText()).length;
        return Response.status(201)
                .entity("""
                {"documentId": "5d0c6f1e-0000-4000-8000-000000000001", "documentType": "%s", "side": %s,
                 "provesIdentityOf": "%s", "contentType": "image/jpeg", "bytes": %d,
                 "deleteAfter": "2026-12-16T08:05:00Z", "documentsLeft": %d}""".formatted(
                        json.path("documentType").asText(),
                        json.path("side").isTextual() ? "\"" + json.path("side").asText() + "\"" : "null",
                        json.path("provesIdentityOf").asText(),
                        bytes,
                        name.contains("last") ? 0 : 4))
                .build();
    }

    // --- request-service's electronic delivery ---

    static final String DELIVERY_TOKEN = "dElivery_T0ken-abcdefghijklmnopqrstuvwxyz01";
    static final String EXPIRED_TOKEN = "eXpired_T0ken-abcdefghijklmnopqrstuvwxyz012";
    static final String UNKNOWN_TOKEN = "uNknown_T0ken-abcdefghijklmnopqrstuvwxyz012";
    static final String GRANT = "grant.abcdefghijklmnopqrstuvwxyz";
    /** Every delivery call: "code|confirm|package token [format grant] tenant auth". */
    static final List<String> DELIVERY_CALLS = new CopyOnWriteArrayList<>();

    private static Response delivery(String token) {
        if (EXPIRED_TOKEN.equals(token)) {
            return problem(410, "delivery-expired", "");
        }
        if (!DELIVERY_TOKEN.equals(token)) {
            return problem(404, "delivery-not-found", "");
        }
        return null;
    }

    @POST
    @Path("/request/v1/result-deliveries/{token}/code")
    public Response deliveryCode(
            @jakarta.ws.rs.PathParam("token") String token,
            @HeaderParam("Authorization") String auth,
            @HeaderParam("X-Mamori-Tenant") String tenant) {
        DELIVERY_CALLS.add("code " + token + " " + tenant + " " + auth);
        Response refused = delivery(token);
        return refused != null
                ? refused
                : Response.accepted("{\"sentTo\": \"a***@example.jp\", \"expiresAt\": \"2026-12-02T08:10:00Z\"}")
                        .build();
    }

    /** 123456 is right, 000000 wrong (2 tries left), 111111 expired, 222222 exhausted. */
    @POST
    @Path("/request/v1/result-deliveries/{token}/confirmation")
    public Response deliveryConfirm(
            @jakarta.ws.rs.PathParam("token") String token,
            @HeaderParam("X-Mamori-Tenant") String tenant,
            String body) {
        DELIVERY_CALLS.add("confirm " + token + " " + tenant + " " + body);
        Response refused = delivery(token);
        if (refused != null) {
            return refused;
        }
        if (body.contains("\"000000\"")) {
            return problem(422, "code-wrong", ", \"attemptsLeft\": 2");
        }
        if (body.contains("\"111111\"")) {
            return problem(410, "code-expired", "");
        }
        if (body.contains("\"222222\"")) {
            return problem(429, "code-tries-exhausted", "");
        }
        if (!body.contains("\"123456\"")) {
            return problem(400, "validation", "");
        }
        return Response.ok("""
                {"grant": "%s", "grantExpiresAt": "2026-12-02T08:25:00Z", "receiptNumber": "R-AB12-CD34",
                 "requestType": "DISCLOSURE", "formats": ["html", "json", "csv"],
                 "linkExpiresAt": "2026-12-16T08:05:00Z"}""".formatted(GRANT)).build();
    }

    @GET
    @Path("/request/v1/result-deliveries/{token}/package")
    @Produces(MediaType.WILDCARD)
    public Response deliveryPackage(
            @jakarta.ws.rs.PathParam("token") String token,
            @jakarta.ws.rs.QueryParam("format") String format,
            @HeaderParam("X-Download-Grant") String grant,
            @HeaderParam("X-Mamori-Tenant") String tenant) {
        DELIVERY_CALLS.add("package " + token + " " + format + " " + grant + " " + tenant);
        Response refused = delivery(token);
        if (refused != null) {
            return refused;
        }
        if (!GRANT.equals(grant)) {
            return problem(403, "grant-invalid", "");
        }
        String content =
                switch (String.valueOf(format)) {
                    case "html" -> "<!DOCTYPE html><p>開示の結果</p><script>alert(1)</script>";
                    case "json" -> "{\"receiptNumber\": \"R-AB12-CD34\"}";
                    case "csv" -> "item,value\nname,山田 花子\n";
                    default -> null;
                };
        if (content == null) {
            return problem(400, "validation", ", \"errors\": [{\"field\": \"format\", \"message\": \"bad\"}]");
        }
        return Response.ok(content.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .type("html".equals(format) ? "text/html" : "json".equals(format) ? "application/json" : "text/csv")
                .header("Content-Disposition", "attachment; filename=\"R-AB12-CD34." + format + "\"")
                .build();
    }

    private static Response problem(int status, String kind, String more) {
        return Response.status(status)
                .type("application/problem+json")
                .entity("{\"type\": \"https://mamori.dev/problems/" + kind + "\", \"title\": \"" + kind
                        + "\", \"status\": " + status + more + "}")
                .build();
    }

    private static String purpose(String code, String ja, String en, String description, boolean third) {
        return """
                {"code": "%s", "currentVersion": 1, "current": {"version": 1, "titleJa": "%s", "titleEn": "%s",
                 "descriptionJa": "%s", "dataItems": ["name"], "thirdPartyProvision": %s}}""".formatted(code, ja, en, description, third);
    }
}
