package dev.mamori.retention;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Test helpers: callers by tenant and role, and ledger entries to register holdings against. */
final class Ledger {

    private Ledger() {}

    static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON);
    }

    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A full ledger entry; {@code retention} is spliced in as JSON members, e.g. {@code "retentionDays": 30,}. */
    static String category(String code, String retention) {
        return """
                {"code": "%s", "nameJa": "通話録音", "nameEn": "Call recordings",
                 "items": ["氏名", "電話番号", "通話音声"], "purposeCodes": ["call-center-support"],
                 "storageLocation": "録音サーバ（東京データセンター）", "storageMethod": "暗号化して保存",
                 "accessibleBy": ["SV", "品質管理チーム"], "sensitive": false, "acquisitionForm": "ENTRUSTED",
                 %s "entrustment": true}""".formatted(code, retention);
    }

    /** Adds a category to the tenant's ledger as its privacy officer and answers its code. */
    static String addCategory(String tenant, String code, String retention) {
        as(tenant, "privacy-officer")
                .body(category(code, retention))
                .post("/v1/data-categories")
                .then()
                .statusCode(201);
        return code;
    }

    static String holding(String subjectRef, String categoryCode, String collectedAt, String locator) {
        return """
                {"subjectRef": "%s", "categoryCode": "%s", "owningSystem": "ivr-recorder",
                 "collectedAt": "%s", "locator": "%s"}""".formatted(subjectRef, categoryCode, collectedAt, locator);
    }

    /** A holding in a named owning system, optionally under a client contract. */
    static String holding(
            String subjectRef,
            String categoryCode,
            String collectedAt,
            String locator,
            String system,
            String contractRef) {
        return """
                {"subjectRef": "%s", "categoryCode": "%s", "owningSystem": "%s",
                 "collectedAt": "%s", "locator": "%s"%s}""".formatted(
                        subjectRef,
                        categoryCode,
                        system,
                        collectedAt,
                        locator,
                        contractRef == null ? "" : ", \"contractRef\": \"" + contractRef + "\"");
    }

    /** Registers a client contract as the tenant's privacy officer and answers its ref. */
    static String addContract(String tenant, String ref, String startsOn) {
        as(tenant, "privacy-officer")
                .body("{\"ref\": \"%s\", \"startsOn\": \"%s\"}".formatted(ref, startsOn))
                .post("/v1/contracts")
                .then()
                .statusCode(201);
        return ref;
    }

    /** Registers {@code n} holdings of distinct people that are long past their date (collected 2025-01-01). */
    static void addDueHoldings(String tenant, String category, String subjectPrefix, int n, String system) {
        StringBuilder body = new StringBuilder("{\"holdings\": [");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",")
                    .append(holding(
                            subjectPrefix + "-" + i, category, "2025-01-01T10:00:00+09:00", "due/" + i, system, null));
        }
        as(tenant, "client-system")
                .body(body.append("]}").toString())
                .post("/v1/holdings/batch")
                .then()
                .statusCode(201);
    }
}
