package dev.mamori.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.mamori.launcher.Part;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contact center (tenant-a) leaks a client company's (tenant-b's) call recordings, through the real suite: the
 * scope is counted from retention-service's ledger with tenant-a's own token, the triage and the report dates come
 * back, the client is notified and sees the incident in its own tenant (APPI Art. 26).
 */
@ExtendWith(SuiteExtension.class)
class IncidentSuiteIT {

    private static RequestSpecification call(Part service, String clientId) {
        return given().baseUri(SuiteExtension.url(service).toString())
                .auth()
                .oauth2(SuiteExtension.token(clientId))
                .contentType(ContentType.JSON);
    }

    @Test
    void aContractorFilesAnIncidentCountedFromTheLedgerAndNotifiesItsClient() {
        String category = "leak-" + UUID.randomUUID().toString().substring(0, 8);
        call(Part.RETENTION, "tenant-a-privacy-officer")
                .body("""
                {"code": "%s", "nameJa": "健康相談の通話録音", "items": ["氏名", "通話音声", "病歴"],
                 "purposeCodes": ["call-center-support"], "storageLocation": "録音サーバ", "storageMethod": "暗号化",
                 "accessibleBy": ["SV"], "sensitive": true, "acquisitionForm": "ENTRUSTED", "entrustment": true}
                """.formatted(category))
                .post("/v1/data-categories")
                .then()
                .statusCode(201);
        String collected = OffsetDateTime.now(ZoneOffset.UTC)
                .minusDays(2)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        for (String person : new String[] {"cust-1", "cust-2", "cust-3"}) {
            call(Part.RETENTION, "tenant-a-client-system")
                    .body("""
                    {"subjectRef": "%s-%s", "categoryCode": "%s", "owningSystem": "ivr-recorder",
                     "collectedAt": "%s", "locator": "rec/%s"}
                    """.formatted(person, category, category, collected, person))
                    .post("/v1/holdings")
                    .then()
                    .statusCode(201);
        }

        String knew = OffsetDateTime.now(ZoneOffset.UTC)
                .minusHours(3)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String id = call(Part.INCIDENT, "tenant-a-privacy-officer")
                .header("Idempotency-Key", "e2e-" + category)
                .body("""
                {"nature": "LEAK", "kind": "UNAUTHORISED_ACCESS", "title": "録音サーバへの不正アクセス",
                 "summary": "録音サーバに外部から不正アクセスがあった。", "discoveredAt": "%s",
                 "discoveredHow": "監視アラート", "handler": "個人情報保護管理者", "dataOwner": "CLIENT",
                 "clientTenantId": "tenant-b", "categories": [{"code": "%s", "financialHarm": false}],
                 "persons": {"fromLedger": {"owningSystems": ["ivr-recorder"]}},
                 "unlawfulPurpose": true, "highlyEncrypted": false}
                """.formatted(knew, category))
                .post("/v1/incidents")
                .then()
                .statusCode(201)
                .body("persons.count", equalTo(3))
                .body("persons.basis", equalTo("LEDGER_COUNT"))
                .body("categories[0].sensitive", equalTo(true))
                .body("reportable", equalTo(true))
                .body("cases", hasItem("UNLAWFUL_PURPOSE"))
                .extract()
                .path("id");

        call(Part.INCIDENT, "tenant-a-privacy-officer")
                .body("{}")
                .post("/v1/incidents/" + id + "/client-notice")
                .then()
                .statusCode(200)
                .body("ppcReportRequired", equalTo(false))
                .body("clientNotice.exemption", containsString("26"));
        call(Part.INCIDENT, "tenant-b-privacy-officer")
                .get("/v1/client-incidents/" + id)
                .then()
                .statusCode(200)
                .body("contractorTenantId", equalTo("tenant-a"))
                .body("notice", containsString("健康相談の通話録音"));
        call(Part.INCIDENT, "tenant-c-privacy-officer")
                .get("/v1/client-incidents/" + id)
                .then()
                .statusCode(404);
    }
}
