package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ProvisionResourceTest.provision;
import static dev.mamori.thirdparty.ProvisionResourceTest.recorded;
import static dev.mamori.thirdparty.ProvisionResourceTest.subject;
import static dev.mamori.thirdparty.ProvisionResourceTest.with;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.party;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.PostgresTestResource;
import dev.mamori.testing.TestTokens;
import dev.mamori.thirdparty.service.RecordPurgeService;
import dev.mamori.thirdparty.service.RecordPurgeService.PurgeResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Records are kept as long as the law requires and no longer (APPI Arts. 29(2), 30(4); PPC Rules 21, 25). */
@QuarkusTest
class RecordPurgeTest {

    @Inject
    RecordPurgeService purges;

    private static String twoYearsAgo() {
        return LocalDate.now(JapanTime.ZONE).minusYears(2).toString();
    }

    /** An Art. 27(1) provision recorded as a contract substitute two years after its last provision: its year is over. */
    private static String expiredProvision(String tenant, String recipient, String s) {
        return recorded(
                        tenant,
                        with(
                                provision(recipient, null, s),
                                "method",
                                "CONTRACT_SUBSTITUTE",
                                "providedOn",
                                twoYearsAgo(),
                                "lastTransferOn",
                                twoYearsAgo()))
                .getString("id");
    }

    private static String expiredReceipt(String tenant, String provider, String s) {
        return as(tenant, "client-system")
                .body("""
                {"providerId": "%s", "subjectRefs": ["%s"], "dataItems": ["name"], "acquisitionCircumstances": "Form",
                 "basis": "CONSENT", "consentConfirmed": true, "method": "CONTRACT_SUBSTITUTE",
                 "receivedOn": "%s", "lastTransferOn": "%s"}""".formatted(provider, s, twoYearsAgo(), twoYearsAgo()))
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> purge(String tenant, int batchSize) {
        return as(tenant, "privacy-officer")
                .body("{\"batchSize\": " + batchSize + "}")
                .post("/v1/record-purges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void shouldDeleteOnlyRecordsPastTheirRetentionWithEvidenceOfEach() throws SQLException {
        String recipient = register("tenant-p", party(unique("裁判所"), "CORPORATION", "JP", "LAW_27_1_1", null));
        String provider = register("tenant-p", party(unique("Provider"), "CORPORATION", "JP", "CONSENT", null));
        String gone = subject();
        String kept = subject();
        String expired = expiredProvision("tenant-p", recipient, gone);
        String expiredReceipt = expiredReceipt("tenant-p", provider, gone);
        String current = recorded("tenant-p", provision(recipient, null, kept)).getString("id");
        // Another tenant's expired record is not this tenant's to purge.
        String otherTenants = expiredProvision(
                "tenant-q", register("tenant-q", party(unique("裁判所"), "CORPORATION", "JP", "LAW_27_1_1", null)), gone);

        Map<String, Object> result = purge("tenant-p", 500);
        assertEquals(1, result.get("provisionsDeleted"));
        assertEquals(1, result.get("receiptsDeleted"));
        assertEquals(false, result.get("more"));

        as("tenant-p", "operator")
                .get("/v1/subjects/" + gone + "/provisions")
                .then()
                .body("items", empty());
        as("tenant-p", "operator")
                .get("/v1/subjects/" + gone + "/receipts")
                .then()
                .body("items", empty());
        as("tenant-p", "operator").get("/v1/provisions/" + current).then().statusCode(200);
        as("tenant-q", "operator").get("/v1/provisions/" + otherTenants).then().statusCode(200);

        JsonPath evidence = as("tenant-p", "auditor")
                .get("/v1/record-deletions?limit=500")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = evidence.getList("items");
        Map<String, Object> provisionEvidence = items.stream()
                .filter(i -> i.get("recordId").equals(expired))
                .findFirst()
                .orElseThrow();
        assertEquals("PROVISION", provisionEvidence.get("recordType"));
        assertEquals(List.of(gone), provisionEvidence.get("subjectRefs"));
        assertEquals("CONTRACT_SUBSTITUTE", provisionEvidence.get("method"));
        assertTrue(((String) provisionEvidence.get("rule")).contains("Rule 21(i)"));
        assertEquals("service-account-tenant-p-privacy-officer", provisionEvidence.get("deletedBy"));
        assertTrue(items.stream()
                .anyMatch(i ->
                        i.get("recordId").equals(expiredReceipt) && ((String) i.get("rule")).contains("Rule 25(i)")));
        as("tenant-q", "auditor").get("/v1/record-deletions?limit=500").then().body("items", empty());
        assertEquals(
                1,
                AuditTrail.events("tenant-p", gone, "RECORD_DELETED", expired).size());

        // The evidence itself is never edited or removed.
        try (Connection c = PostgresTestResource.connect();
                Statement st = c.createStatement()) {
            assertThrows(
                    SQLException.class,
                    () -> st.executeUpdate("DELETE FROM record_deletion WHERE record_id = '" + expired + "'"));
            assertThrows(
                    SQLException.class,
                    () -> st.executeUpdate("DELETE FROM provision_record WHERE id = '" + current + "'"));
        }
        assertEquals(0, purge("tenant-p", 500).get("provisionsDeleted"));
    }

    @Test
    void shouldLetTwoReplicasPurgeAtOnceWithoutTakingTheSameRecordTwice() {
        String recipient = register("tenant-r", party(unique("裁判所"), "CORPORATION", "JP", "LAW_27_1_1", null));
        int count = 12;
        for (int i = 0; i < count; i++) {
            expiredProvision("tenant-r", recipient, subject());
        }
        List<CompletableFuture<Map<String, Object>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                int total = 0;
                boolean more = true;
                while (more) {
                    Map<String, Object> r = given().auth()
                            .oauth2(TestTokens.service("retention-service"))
                            .header("X-Mamori-Tenant", "tenant-r")
                            .contentType(ContentType.JSON)
                            .body("{\"batchSize\": 2}")
                            .post("/v1/record-purges")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap("");
                    total += (Integer) r.get("provisionsDeleted");
                    more = (Boolean) r.get("more");
                }
                return Map.of("total", (Object) total);
            }));
        }
        int deleted =
                runs.stream().mapToInt(f -> (Integer) f.join().get("total")).sum();
        assertEquals(count, deleted);
        as("tenant-r", "auditor").get("/v1/record-deletions?limit=500").then().body("items", hasSize(count));
    }

    @Test
    void shouldRefuseAPurgeByRolesThatDoNotOwnRetention() {
        as("tenant-p", "operator").body("{}").post("/v1/record-purges").then().statusCode(403);
        as("tenant-p", "privacy-officer")
                .body("{\"batchSize\": 5000}")
                .post("/v1/record-purges")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("batchSize"));
    }

    private static String currentReceipt(String tenant, String provider, String s) {
        return as(tenant, "client-system")
                .body("""
                {"providerId": "%s", "subjectRefs": ["%s"], "dataItems": ["name"], "acquisitionCircumstances": "Form",
                 "basis": "CONSENT", "consentConfirmed": true, "method": "EACH",
                 "receivedOn": "%s"}""".formatted(provider, s, LocalDate.now(JapanTime.ZONE)))
                .post("/v1/receipts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** What the scheduler runs, on a Vert.x context as the scheduler would (Hibernate Reactive needs one). */
    private Map<String, PurgeResult> scheduledRun() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> purges.purgeAllTenants());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldPurgeEveryTenantOnScheduleKeepingWhatIsNotYetDue() {
        String courtA = register("tenant-sa", party(unique("裁判所"), "CORPORATION", "JP", "LAW_27_1_1", null));
        String courtB = register("tenant-sb", party(unique("裁判所"), "CORPORATION", "JP", "LAW_27_1_1", null));
        String providerB = register("tenant-sb", party(unique("Provider"), "CORPORATION", "JP", "CONSENT", null));
        String gone = subject();
        String kept = subject();
        // Three in tenant-sa: more than one batch (the test profile's batch is 2).
        List<String> goneA = List.of(
                expiredProvision("tenant-sa", courtA, gone),
                expiredProvision("tenant-sa", courtA, subject()),
                expiredProvision("tenant-sa", courtA, subject()));
        String goneB = expiredProvision("tenant-sb", courtB, gone);
        String goneReceiptB = expiredReceipt("tenant-sb", providerB, gone);
        String keptA = recorded("tenant-sa", provision(courtA, null, kept)).getString("id");
        String keptReceiptB = currentReceipt("tenant-sb", providerB, kept);

        // Two replicas whose schedules fire at once split the records between them and never delete one twice.
        CompletableFuture<Map<String, PurgeResult>> first = CompletableFuture.supplyAsync(this::scheduledRun);
        CompletableFuture<Map<String, PurgeResult>> second = CompletableFuture.supplyAsync(this::scheduledRun);
        List<Map<String, PurgeResult>> runs = List.of(first.join(), second.join());
        assertEquals(
                3,
                runs.stream()
                        .mapToInt(r ->
                                r.containsKey("tenant-sa") ? r.get("tenant-sa").provisionsDeleted() : 0)
                        .sum());
        assertEquals(
                1,
                runs.stream()
                        .mapToInt(r ->
                                r.containsKey("tenant-sb") ? r.get("tenant-sb").provisionsDeleted() : 0)
                        .sum());
        assertEquals(
                1,
                runs.stream()
                        .mapToInt(r ->
                                r.containsKey("tenant-sb") ? r.get("tenant-sb").receiptsDeleted() : 0)
                        .sum());

        for (String id : goneA) {
            as("tenant-sa", "auditor").get("/v1/provisions/" + id).then().statusCode(404);
        }
        as("tenant-sb", "auditor").get("/v1/provisions/" + goneB).then().statusCode(404);
        as("tenant-sb", "auditor").get("/v1/receipts/" + goneReceiptB).then().statusCode(404);
        as("tenant-sa", "auditor").get("/v1/provisions/" + keptA).then().statusCode(200);
        as("tenant-sb", "auditor").get("/v1/receipts/" + keptReceiptB).then().statusCode(200);

        // Evidence of each deletion, once, naming the scheduler; and the audit line for the person.
        JsonPath evidenceA = as("tenant-sa", "auditor")
                .get("/v1/record-deletions?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                goneA.stream().sorted().toList(),
                evidenceA.getList("items.recordId", String.class).stream()
                        .sorted()
                        .toList());
        assertTrue(evidenceA.getList("items.deletedBy").stream().allMatch("system:record-purge-scheduler"::equals));
        as("tenant-sb", "auditor")
                .get("/v1/record-deletions?limit=500")
                .then()
                .statusCode(200)
                .body("items.recordType", org.hamcrest.Matchers.containsInAnyOrder("PROVISION", "RECEIPT"));
        List<Map<String, Object>> lines = AuditTrail.events("tenant-sb", gone, "RECORD_DELETED", goneReceiptB);
        assertEquals(1, lines.size());
        assertEquals("system:record-purge-scheduler", lines.get(0).get("actorSubject"));

        // Nothing is due any more: the next run leaves the kept records alone.
        Map<String, PurgeResult> again = scheduledRun();
        assertTrue(!again.containsKey("tenant-sa") && !again.containsKey("tenant-sb"), again.toString());
        as("tenant-sa", "auditor").get("/v1/provisions/" + keptA).then().statusCode(200);
    }
}
