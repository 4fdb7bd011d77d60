package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.addContract;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.holding;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.time.JapanTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractResourceTest {

    private static String recent() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(3)
                .withNano(0)
                .toString();
    }

    private static JsonPath holdingsOf(String tenant, String subject) {
        return as(tenant, "privacy-officer")
                .get("/v1/subjects/" + subject + "/holdings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldEraseAContractsDataWhenItEndsAndSayWhichRuleDecided() {
        String tenant = Db.uniqueTenant("contract");
        String recordings = addCategory(tenant, uniqueCode("rec"), "");
        String notes = addCategory(
                tenant, uniqueCode("notes"), "\"retentionBasis\": \"CONTRACT_END\", \"retentionDays\": 30,");
        String contract = addContract(tenant, "acme-2026", "2026-01-01");
        String collected = recent();
        as(tenant, "client-system")
                .body(holding("cust-1", recordings, collected, "rec/1", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("contractRef", equalTo(contract))
                .body("rule", equalTo("CATEGORY"))
                .body(
                        "deleteOn",
                        equalTo(OffsetDateTime.parse(collected)
                                .plusDays(92)
                                .toLocalDate()
                                .toString()));
        String later = OffsetDateTime.parse(collected).plusMinutes(1).toString();
        as(tenant, "client-system")
                .body(holding("cust-1", notes, later, "notes/1", "crm", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("deleteAfter", nullValue());

        // The contract is to end on the last day of this year: before the 92 days run out.
        String lastDay = LocalDate.now(JapanTime.ZONE)
                .withDayOfYear(1)
                .plusYears(1)
                .minusDays(1)
                .toString();
        as(tenant, "privacy-officer")
                .body(Map.of("endsOn", lastDay))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("endsOn", equalTo(lastDay))
                .body("recomputed", equalTo(2))
                .body("purge.erased", equalTo(0));

        LocalDate end = LocalDate.parse(lastDay).plusDays(1);
        JsonPath held = holdingsOf(tenant, "cust-1");
        assertEquals(List.of("CONTRACT_ENDED", "CATEGORY"), held.getList("items.rule"));
        assertEquals(List.of(end.toString(), end.plusDays(30).toString()), held.getList("items.deleteOn"));
        assertEquals(
                "delete on " + end + " because client contract acme-2026 ended (last day " + lastDay
                        + ") before category " + recordings + "'s 92 days from collection ran out (collected on "
                        + OffsetDateTime.parse(collected).toLocalDate() + ")",
                held.getString("items[0].explanation"));
        assertEquals(
                "delete on " + end.plusDays(30) + " because category " + notes + " keeps data 30 days after "
                        + "client contract acme-2026 ends (last day " + lastDay + ")",
                held.getString("items[1].explanation"));
    }

    @Test
    void shouldEraseAtOnceWhatAContractEndedInThePastMadeDue() {
        String tenant = Db.uniqueTenant("ended");
        String recordings = addCategory(tenant, uniqueCode("rec"), "");
        String contract = addContract(tenant, "old-client", "2026-01-01");
        as(tenant, "client-system")
                .body(holding("cust-9", recordings, recent(), "rec/9", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201);
        as(tenant, "client-system")
                .body(holding("cust-9", recordings, recent(), "rec/10", "ivr", null))
                .post("/v1/holdings")
                .then()
                .statusCode(201);

        String yesterday = LocalDate.now(JapanTime.ZONE).minusDays(1).toString();
        as(tenant, "privacy-officer")
                .body(Map.of("endsOn", yesterday))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(200)
                .body("purge.status", equalTo("COMPLETED"))
                .body("purge.trigger", equalTo("CONTRACT_END"))
                .body("purge.erased", equalTo(1));
        // Only the holding collected outside the contract is left.
        as(tenant, "operator")
                .get("/v1/subjects/cust-9/holdings")
                .then()
                .body("items.locator", equalTo(List.of("rec/10")));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM erasure_evidence WHERE tenant_id = ? AND contract_ref = ? "
                                + "AND rule = 'CONTRACT_ENDED'",
                        tenant,
                        contract));
    }

    @Test
    void shouldKeepExtendedCategoriesWhileTheContractRunsAndTheirDaysAfter() {
        String tenant = Db.uniqueTenant("extend");
        String recordings = addCategory(tenant, uniqueCode("rec"), "");
        String other = addCategory(tenant, uniqueCode("other"), "");
        String contract = addContract(tenant, "extended", "2026-01-01");
        as(tenant, "client-system")
                .body(holding("cust-2", recordings, "2026-01-01T00:00:00+09:00", "rec/2", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("deleteOn", equalTo("2026-04-03"));

        String extension = as(tenant, "privacy-officer")
                .body(Map.of("categoryCodes", List.of(recordings), "days", 365, "reason", "契約第12条：品質監査のため1年間保管"))
                .post("/v1/contracts/" + contract + "/extensions")
                .then()
                .statusCode(201)
                .body("recomputed", equalTo(1))
                .body("days", equalTo(365))
                .extract()
                .path("id");
        // A holding registered after the extension follows it from the start.
        String t1 = recent();
        String t2 = OffsetDateTime.parse(t1).plusMinutes(1).toString();
        as(tenant, "client-system")
                .body(holding("cust-2", recordings, t1, "rec/3", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("rule", equalTo("EXTENSION"))
                .body("deleteAfter", nullValue())
                .body("explanation", containsString("extension " + extension + " of the contract covers category"));
        as(tenant, "client-system")
                .body(holding("cust-2", other, t2, "other/1", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("rule", equalTo("CATEGORY"));

        as(tenant, "privacy-officer")
                .body(Map.of("endsOn", "2026-12-31"))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(200)
                .body("recomputed", equalTo(3));
        JsonPath held = holdingsOf(tenant, "cust-2");
        assertEquals(List.of("2028-01-01", "2028-01-01", "2027-01-01"), held.getList("items.deleteOn"));
        assertEquals(
                "delete on 2028-01-01 because extension " + extension + " of client contract extended keeps "
                        + "category " + recordings + " 365 days after the contract ends (last day 2026-12-31)",
                held.getString("items[0].explanation"));
        as(tenant, "auditor")
                .get("/v1/contracts/" + contract + "/extensions")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].reason", containsString("品質監査"))
                .body("limit", equalTo(50))
                .body("next", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldRecomputeDatesWhenACategorysRuleChanges() {
        String tenant = Db.uniqueTenant("rule");
        String category = addCategory(tenant, uniqueCode("rec"), "");
        as(tenant, "client-system")
                .body(holding("cust-3", category, "2026-01-01T00:00:00+09:00", "r/1"))
                .post("/v1/holdings")
                .then()
                .statusCode(201)
                .body("deleteOn", equalTo("2026-04-03"));
        as(tenant, "privacy-officer")
                .body(Map.of("retentionBasis", "COLLECTION", "retentionDays", 400, "reason", "年次見直し"))
                .put("/v1/data-categories/" + category + "/retention")
                .then()
                .statusCode(200)
                .body("recomputed", equalTo(1))
                .body("category.retentionDays", equalTo(400));
        as(tenant, "operator")
                .get("/v1/subjects/cust-3/holdings")
                .then()
                .body("items[0].deleteOn", equalTo("2027-02-05"))
                .body("items[0].retentionDays", equalTo(400));
    }

    @Test
    void shouldRefuseAContractEndingBeforeItStartsAndWriteNothing() {
        String tenant = Db.uniqueTenant("dates");
        as(tenant, "privacy-officer")
                .body(Map.of("ref", "backwards", "startsOn", "2026-05-01", "endsOn", "2026-04-30"))
                .post("/v1/contracts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/contract-end-before-start"))
                .body("errors[0].field", equalTo("endsOn"));
        as(tenant, "privacy-officer").get("/v1/contracts/backwards").then().statusCode(404);

        String contract = addContract(tenant, "forwards", "2026-05-01");
        as(tenant, "privacy-officer")
                .body(Map.of("endsOn", "2026-04-30"))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("endsOn"));
        as(tenant, "privacy-officer")
                .get("/v1/contracts/" + contract)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("endsOn", nullValue());
        as(tenant, "privacy-officer")
                .body(Map.of("ref", "no start"))
                .post("/v1/contracts")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("ref", "startsOn")));
        as(tenant, "privacy-officer")
                .body(Map.of("categoryCodes", List.of("not-in-ledger"), "days", 10, "reason", "x"))
                .post("/v1/contracts/" + contract + "/extensions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("categoryCodes[0]"));
        as(tenant, "privacy-officer")
                .get("/v1/contracts/" + contract + "/extensions")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void shouldRefuseContractDatesOutsideTheCalendarOrTheSuitesYearsAndWriteNothing() {
        String tenant = Db.uniqueTenant("calendar");
        for (Map<String, String> bad : List.of(
                Map.of("ref", "feb", "startsOn", "2026-02-30"),
                Map.of("ref", "feb", "startsOn", "2026-01-01", "endsOn", "2026-02-29"),
                Map.of("ref", "feb", "startsOn", "1899-12-31"),
                Map.of("ref", "feb", "startsOn", "2026-01-01", "endsOn", "2200-01-01"),
                Map.of("ref", "feb", "startsOn", "2026-1-1"))) {
            String field = bad.containsKey("endsOn") ? "endsOn" : "startsOn";
            as(tenant, "privacy-officer")
                    .body(bad)
                    .post("/v1/contracts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
        as(tenant, "privacy-officer")
                .get("/v1/contracts")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        // A contract may end on the day it starts; ending it on a day that does not exist changes nothing.
        String contract = addContract(tenant, "one-day", "2026-03-01");
        as(tenant, "privacy-officer")
                .body(Map.of("endsOn", "2026-02-31"))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
        as(tenant, "privacy-officer")
                .get("/v1/contracts/" + contract)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("endsOn", nullValue());
        as(tenant, "privacy-officer")
                .body(Map.of("endsOn", "2026-03-01"))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(200);
        as(tenant, "privacy-officer")
                .body(Map.of("categoryCodes", List.of("x"), "days", 36501, "reason", "x"))
                .post("/v1/contracts/" + contract + "/extensions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("days"));
        as(tenant, "privacy-officer")
                .body(Map.of("categoryCodes", List.of("x"), "days", "365", "reason", "x"))
                .post("/v1/contracts/" + contract + "/extensions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("days"));
        as(tenant, "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldKeepContractsWithinTheirTenant() {
        String tenant = Db.uniqueTenant("mine");
        String contract = addContract(tenant, "private-contract", "2026-01-01");
        String other = Db.uniqueTenant("theirs");
        String category = addCategory(other, uniqueCode("rec"), "");
        as(other, "privacy-officer").get("/v1/contracts/" + contract).then().statusCode(404);
        as(other, "privacy-officer")
                .body(Map.of("endsOn", "2026-06-30"))
                .post("/v1/contracts/" + contract + "/end")
                .then()
                .statusCode(404);
        as(other, "auditor").get("/v1/contracts").then().statusCode(200).body("items", hasSize(0));
        as(other, "client-system")
                .body(holding("cust-4", category, recent(), "x/1", "ivr", contract))
                .post("/v1/holdings")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/unknown-contract"))
                .body("errors[0].field", equalTo("contractRef"));
        as(other, "client-system")
                .body("{\"holdings\": [" + holding("cust-4", category, recent(), "x/1", "ivr", contract) + "]}")
                .post("/v1/holdings/batch")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("holdings[0].contractRef"));
        assertEquals(0, Db.count("SELECT count(*) FROM holding WHERE tenant_id = ?", other));
        as(tenant, "privacy-officer")
                .get("/v1/contracts/" + contract)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }
}
