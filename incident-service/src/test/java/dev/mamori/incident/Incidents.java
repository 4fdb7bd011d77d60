package dev.mamori.incident;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Bodies and calls the incident tests share. */
final class Incidents {

    private Incidents() {}

    static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON);
    }

    static RequestSpecification officer(String tenant) {
        return as(tenant, "privacy-officer");
    }

    static String hoursAgo(long hours) {
        return OffsetDateTime.now(ZoneOffset.UTC)
                .minusHours(hours)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    /** An incident of the tenant's own data: one category, a stated number of persons. */
    static String own(String category, boolean financialHarm, int persons) {
        return draft(category, financialHarm, "{\"count\": " + persons + "}", "OWN", null, false, false);
    }

    static String draft(
            String category,
            boolean financialHarm,
            String persons,
            String owner,
            String client,
            boolean unlawful,
            boolean encrypted) {
        return """
                {"nature": "LEAK", "kind": "MISSENT_MAIL", "title": "顧客リストの誤送信",
                 "summary": "顧客リストを誤って取引先へメール送信した。", "occurredAt": "%s", "discoveredAt": "%s",
                 "discoveredHow": "送信先からの連絡", "handler": "個人情報保護管理者 佐藤", "dataOwner": "%s"%s,
                 "categories": [{"code": "%s", "financialHarm": %s}], "persons": %s,
                 "unlawfulPurpose": %s, "highlyEncrypted": %s}""".formatted(
                        hoursAgo(30),
                        hoursAgo(26),
                        owner,
                        client == null ? "" : ", \"clientTenantId\": \"" + client + "\"",
                        category,
                        financialHarm,
                        persons,
                        unlawful,
                        encrypted);
    }

    /** Files the incident as the tenant's privacy officer and answers its id. */
    static String file(String tenant, String body) {
        return officer(tenant)
                .body(body)
                .post("/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
