package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.corporation;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.SecurityContract;
import dev.mamori.testing.TenantIsolation;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityContractTest {

    private static final String OWNER = TenantIsolation.OWNER;
    private static final String TODAY = LocalDate.now(JapanTime.ZONE).toString();

    @Test
    void everyOperationRefusesMissingTokensWrongRolesAndForeignTenantHeaders() {
        // Third parties, cross-border, receipts, provisions, records about a person and their stops, joint use,
        // contractors, opt-out filings, record retention, and the platform's audit log.
        SecurityContract.verify(38);
    }

    @Test
    void anotherTenantGetsNotFoundForEveryResourceOfTheFirst() {
        ConsentServiceStub.resetBreakers();
        TenantIsolation.table()
                .resource("/v1/third-parties/{id}", () -> Map.of("id", register(OWNER, corporation(unique("株式会社受領者")))))
                .body(
                        "POST",
                        "/v1/third-parties/{id}/cross-border-checks",
                        "{\"checkedOn\": \"" + TODAY + "\", \"result\": \"ENSURED\"}")
                .body(
                        "POST",
                        "/v1/third-parties/{id}/cross-border-suspension",
                        "{\"reason\": \"Data protection authority inquiry\"}")
                .resource(
                        "/v1/contractors/{id}",
                        () -> Map.of(
                                "id",
                                ContractorResourceTest.select(
                                        OWNER, ContractorResourceTest.entrusted(OWNER), "2030-01-31")))
                .body(
                        "POST",
                        "/v1/contractors/{id}/assessments",
                        "{\"assessedOn\": \"" + TODAY + "\", \"result\": \"PASSED\", \"assessor\": \"委員会\"}")
                .body(
                        "POST",
                        "/v1/contractors/{id}/certifications",
                        "{\"scheme\": \"ISO_IEC_27001\", \"number\": \"IS 124\", \"expiresOn\": \"2029-01-31\"}")
                .body(
                        "POST",
                        "/v1/contractors/{id}/audits",
                        "{\"auditedOn\": \"" + TODAY + "\", \"result\": \"PASSED\"}")
                .body(
                        "POST",
                        "/v1/contractors/{id}/subcontract-approval",
                        "{\"approvedOn\": \"" + TODAY + "\", \"approvedBy\": \"個人情報保護管理者\"}")
                .resource(
                        "/v1/opt-out-filings/{id}",
                        () -> Map.of("id", ProvisionResourceTest.optOutFiling(OWNER, "name")))
                .body("POST", "/v1/opt-out-filings/{id}/versions", optOutFiling())
                .body("POST", "/v1/opt-out-filings/{id}/withdrawal", "{\"withdrawnOn\": \"" + TODAY + "\"}")
                .resource("/v1/provisions/{id}", () -> Map.of("id", provision(ProvisionResourceTest.subject())))
                .resource("/v1/receipts/{id}", () -> Map.of("id", receipt(ProvisionResourceTest.subject())))
                .groupShared(
                        "/v1/joint-use-schemes/{id}",
                        () -> Map.of("id", JointUseSchemeResourceTest.create(unique("グループ共同利用"))),
                        "members of the owner's company group read its joint-use schemes (APPI Art. 27(5)(iii))")
                .body(
                        "POST",
                        "/v1/joint-use-schemes/{id}/versions",
                        JointUseSchemeResourceTest.scheme(
                                unique("改訂"), "[\"tenant-b\"]", "[\"Other\"]", "2030-01-01", "2029-01-01"))
                // A provision stop is the owner's resource even though it sits under the person's path.
                .resource("/v1/subjects/{subjectRef}/provision-stops/{id}", () -> {
                    String person = ProvisionResourceTest.subject();
                    return Map.of("subjectRef", person, "id", ProvisionResourceTest.stop(OWNER, person, "dsr-iso"));
                })
                .body("POST", "/v1/subjects/{subjectRef}/provision-stops/{id}/lift", "{\"reason\": \"no\"}")
                // A subject ref is a name inside the caller's tenant: another tenant's cust-1 is another person, so
                // it sees its own (empty) records and none of the owner's.
                .ownNamespace("/v1/subjects/{subjectRef}", () -> {
                    String person = ProvisionResourceTest.subject();
                    return Map.of(
                            "subjectRef",
                            person,
                            "provisionId",
                            provision(person),
                            "receiptId",
                            receipt(person),
                            "stopId",
                            ProvisionResourceTest.stop(OWNER, person, "dsr-iso-own"));
                })
                .body(
                        "POST",
                        "/v1/subjects/{subjectRef}/provision-stops",
                        "{\"ground\": \"ART_35_3\", \"requestRef\": \"dsr-iso-other\"}")
                .verify(22);
    }

    private static String provision(String person) {
        String recipient = register(OWNER, corporation(unique("株式会社提供先")));
        return ProvisionResourceTest.recorded(
                        OWNER,
                        ProvisionResourceTest.provision(
                                recipient, ProvisionResourceTest.consentedPurpose(person), person))
                .getString("id");
    }

    private static String receipt(String person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", register(OWNER, corporation(unique("株式会社プロバイダ"))));
        body.put("subjectRefs", List.of(person));
        body.put("dataItems", List.of("name", "phone"));
        body.put(
                "acquisitionCircumstances",
                "Registered by the job seeker on the provider's site, consenting to referral");
        body.put("basis", "CONSENT");
        body.put("consentConfirmed", true);
        body.put("method", "EACH");
        body.put("receivedOn", "2025-04-01");
        return as(OWNER, "client-system")
                .body(body)
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String optOutFiling() {
        return """
                {"providerName": "株式会社テレネット", "providerAddress": "東京都千代田区1-1", "providerRepresentative": "山田 一郎",
                 "dataItems": ["name", "phone"], "acquisitionMethod": "Public directories",
                 "provisionMethod": "Encrypted file", "requestMethod": "Web form and phone",
                 "updateMethod": "Monthly", "provisionStartsOn": "%s", "filedOn": "%s"}""".formatted(TODAY, TODAY);
    }
}
