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

    private static String purpose(String code, String ja, String en, String description, boolean third) {
        return """
                {"code": "%s", "currentVersion": 1, "current": {"version": 1, "titleJa": "%s", "titleEn": "%s",
                 "descriptionJa": "%s", "dataItems": ["name"], "thirdPartyProvision": %s}}""".formatted(code, ja, en, description, third);
    }
}
