package dev.mamori.request;

import static dev.mamori.request.Intakes.agent;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.contactOf;
import static dev.mamori.request.Intakes.idsFor;
import static dev.mamori.request.Intakes.intake;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.Intakes.requester;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.service.JapaneseBusinessCalendar;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIntakeTest {

    @Test
    void shouldTakeInADisclosureAsIdentityUnverifiedWithTheArt39MarkerAndADueDate() {
        String subject = newSubject();
        LocalDate arrivalDay = LocalDate.now(JapanTime.ZONE);
        String id = as("tenant-a", "operator")
                .body(intake("DISCLOSURE", subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/requests/"))
                .body("type", equalTo("DISCLOSURE"))
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("subjectRef", equalTo(subject))
                .body("channel", equalTo("PHONE"))
                .body("deliveryMethod", equalTo("ELECTRONIC"))
                .body("receivedAt", notNullValue())
                .body("statutoryMarkerOn", equalTo(arrivalDay.plusDays(14).toString()))
                .body(
                        "dueOn",
                        equalTo(JapaneseBusinessCalendar.INSTANCE
                                .plusBusinessDays(arrivalDay, 10)
                                .toString()))
                .body("overdue", equalTo(false))
                .body("sourceActor", equalTo("service-account-tenant-a-operator"))
                .body("sourceClient", equalTo("tenant-a-operator"))
                .body("requester.relation", equalTo("SELF"))
                .extract()
                .path("id");

        as("tenant-a", "client-system")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("id", equalTo(id));
    }

    @Test
    void shouldAnswerTheIntakeWithAReceiptThatMasksTheRequestersPersonalData() {
        as("tenant-a", "operator")
                .body(intake("DISCLOSURE", newSubject()))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("personalDataView", equalTo("RECEIPT"))
                .body("requester.name", equalTo("山***"))
                .body("requester.contact.email", equalTo("t***@example.jp"))
                .body("requester.contact.phone", equalTo("***-****-5678"))
                .body("requester.contact.postalAddress", equalTo("***"));
    }

    @Test
    void shouldCountTheArt39MarkerFromTheJapaneseDayOfArrivalOfALateEnteredLetter() {
        // 00:30 in Tokyo is still the previous day in UTC: the marker counts from the Japanese day.
        LocalDate arrivalDay = LocalDate.now(JapanTime.ZONE).minusDays(3);
        OffsetDateTime arrived = arrivalDay
                .atTime(0, 30)
                .atZone(JapanTime.ZONE)
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Object> body = intake("ERASURE", newSubject());
        body.put("channel", "LETTER");
        body.put("receivedAt", arrived.toString());

        as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("channel", equalTo("LETTER"))
                .body("statutoryMarkerOn", equalTo(arrivalDay.plusDays(14).toString()))
                .body(
                        "dueOn",
                        equalTo(JapaneseBusinessCalendar.INSTANCE
                                .plusBusinessDays(arrivalDay, 10)
                                .toString()))
                .body("ground", equalTo("ART_35_5_A"));
    }

    @Test
    void shouldShowALetterEnteredAfterItsDueDateAsOverdue() {
        String subject = newSubject();
        Map<String, Object> body = intake("USE_STOP", subject);
        body.put("channel", "LETTER");
        body.put("receivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(20).toString());

        String id = as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("overdue", equalTo(true))
                .extract()
                .path("id");
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("overdue", "true")
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as("tenant-a", "operator")
                .queryParam("subjectRef", subject)
                .queryParam("overdue", "false")
                .get("/v1/requests")
                .then()
                .statusCode(200)
                .body("items", emptyIterable());
    }

    @Test
    void shouldGiveAPurposeNotificationNoArt39MarkerSinceTheArticleDoesNotCoverIt() {
        as("tenant-a", "operator")
                .body(intake("PURPOSE_NOTIFICATION", newSubject()))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("statutoryMarkerOn", nullValue())
                .body(
                        "dueOn",
                        equalTo(JapaneseBusinessCalendar.INSTANCE
                                .plusBusinessDays(LocalDate.now(JapanTime.ZONE), 10)
                                .toString()));
    }

    @Test
    void shouldTakeEveryTypeOfTheAppiCatalogue() {
        String subject = newSubject();
        for (String type : List.of(
                "PURPOSE_NOTIFICATION",
                "DISCLOSURE",
                "PROVISION_RECORD_DISCLOSURE",
                "CORRECTION",
                "USE_STOP",
                "ERASURE",
                "PROVISION_STOP")) {
            as("tenant-a", "operator")
                    .body(intake(type, subject))
                    .post("/v1/requests")
                    .then()
                    .statusCode(201)
                    .body("type", equalTo(type));
        }
        assertEquals(7, idsFor("tenant-a", subject).size());
    }

    @Test
    void shouldTakeARequestFromAnAppointedAgentWithThePowerOfAttorney() {
        Map<String, Object> body = intake("DISCLOSURE", newSubject());
        body.put("requester", requester("APPOINTED_AGENT"));
        body.put("agent", agent("POWER_OF_ATTORNEY", "委任状（実印）と印鑑登録証明書"));
        String id = as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("requester.relation", equalTo("APPOINTED_AGENT"))
                .body("agent.type", equalTo("POWER_OF_ATTORNEY"))
                .extract()
                .path("id");
        // The operator verifying the agency next sees what evidence was given.
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("agent.evidenceDescription", equalTo("委任状（実印）と印鑑登録証明書"));
    }

    @Test
    void shouldTakeTheChannelFromClientSystemsAndRequireItFromStaff() {
        Map<String, Object> body = intake("DISCLOSURE", newSubject());
        body.remove("channel");
        as("tenant-a", "client-system")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("channel", equalTo("CLIENT_SYSTEM"));

        Map<String, Object> byStaff = intake("DISCLOSURE", newSubject());
        byStaff.remove("channel");
        refused(byStaff, 400, "validation", "channel");
    }

    @Test
    void shouldAcceptAServiceActingForATenantItNames() {
        String subject = newSubject();
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.service("retention-service"))
                .header("X-Mamori-Tenant", "tenant-a")
                .contentType(ContentType.JSON)
                .body(intake("ERASURE", subject))
                .post("/v1/requests")
                .then()
                .statusCode(201)
                .body("sourceActor", equalTo("service-account-retention-service"));
        assertEquals(1, idsFor("tenant-a", subject).size());
    }

    // --- Bad input: each a specific problem, and nothing stored ---

    @Test
    void shouldRefuseUseStopErasureAndProvisionStopWithoutAnArt35Ground() {
        for (String type : List.of("USE_STOP", "ERASURE", "PROVISION_STOP")) {
            Map<String, Object> body = intake(type, newSubject());
            body.remove("ground");
            refused(body, 422, "ground-required", "ground");
        }
    }

    @Test
    void shouldRefuseAGroundTheArticleDoesNotGiveForThatType() {
        Map<String, Object> erasure = intake("ERASURE", newSubject());
        erasure.put("ground", "ART_35_3");
        refused(erasure, 422, "ground-not-applicable", "ground");

        Map<String, Object> provisionStop = intake("PROVISION_STOP", newSubject());
        provisionStop.put("ground", "ART_35_1");
        refused(provisionStop, 422, "ground-not-applicable", "ground");

        Map<String, Object> disclosure = intake("DISCLOSURE", newSubject());
        disclosure.put("ground", "ART_35_5_C");
        refused(disclosure, 422, "ground-not-applicable", "ground");
    }

    @Test
    void shouldRefuseACorrectionThatDoesNotSayWhatIsUntrue() {
        Map<String, Object> body = intake("CORRECTION", newSubject());
        body.remove("correction");
        refused(body, 422, "correction-required", "correction");

        Map<String, Object> blankClaim = intake("CORRECTION", newSubject());
        @SuppressWarnings("unchecked")
        Map<String, Object> correction = (Map<String, Object>) blankClaim.get("correction");
        correction.put("claimedUntrue", " ");
        refused(blankClaim, 400, "validation", "correction.claimedUntrue");

        Map<String, Object> onErasure = intake("ERASURE", newSubject());
        onErasure.put("correction", intake("CORRECTION", "x").get("correction"));
        refused(onErasure, 422, "correction-not-applicable", "correction");
    }

    @Test
    void shouldRefuseADisclosureWithoutTheDeliveryMethodThePersonChose() {
        for (String type : List.of("DISCLOSURE", "PROVISION_RECORD_DISCLOSURE")) {
            Map<String, Object> body = intake(type, newSubject());
            body.remove("deliveryMethod");
            refused(body, 422, "delivery-method-required", "deliveryMethod");
        }
        Map<String, Object> onCorrection = intake("CORRECTION", newSubject());
        onCorrection.put("deliveryMethod", "PAPER");
        refused(onCorrection, 422, "delivery-method-not-applicable", "deliveryMethod");
    }

    @Test
    void shouldRefuseADeliveryMethodWithoutTheAddressItNeeds() {
        Map<String, Object> electronic = intake("DISCLOSURE", newSubject());
        contactOf(electronic).remove("email");
        refused(electronic, 422, "delivery-contact-required", "requester.contact.email");

        Map<String, Object> paper = intake("DISCLOSURE", newSubject());
        paper.put("deliveryMethod", "PAPER");
        contactOf(paper).remove("postalAddress");
        refused(paper, 422, "delivery-contact-required", "requester.contact.postalAddress");
    }

    @Test
    void shouldRefuseAnAgentRequestWithoutTheAgencyAndAnAgencyThatDoesNotFit() {
        Map<String, Object> noAgent = intake("DISCLOSURE", newSubject());
        noAgent.put("requester", requester("STATUTORY_AGENT"));
        refused(noAgent, 422, "agent-required", "agent");

        Map<String, Object> selfWithAgent = intake("DISCLOSURE", newSubject());
        selfWithAgent.put("agent", agent("POWER_OF_ATTORNEY", "委任状"));
        refused(selfWithAgent, 422, "agent-not-applicable", "agent");

        Map<String, Object> mismatch = intake("DISCLOSURE", newSubject());
        mismatch.put("requester", requester("STATUTORY_AGENT"));
        mismatch.put("agent", agent("POWER_OF_ATTORNEY", "委任状"));
        refused(mismatch, 422, "agent-type-mismatch", "agent.type");

        Map<String, Object> noEvidence = intake("DISCLOSURE", newSubject());
        noEvidence.put("requester", requester("STATUTORY_AGENT"));
        noEvidence.put("agent", Map.of("type", "PARENTAL_AUTHORITY"));
        refused(noEvidence, 400, "validation", "agent.evidenceDescription");
    }

    @Test
    void shouldRefuseARequesterWhoCannotBeReached() {
        Map<String, Object> body = intake("ERASURE", newSubject());
        contactOf(body).clear();
        refused(body, 400, "validation", "requester.contact");
    }

    @Test
    void shouldRefuseAnArrivalInTheFuture() {
        Map<String, Object> body = intake("ERASURE", newSubject());
        body.put("receivedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        refused(body, 400, "validation", "receivedAt");
    }

    @Test
    void shouldNameEveryInvalidFieldAndStoreNothing() {
        String subject = newSubject();
        as("tenant-a", "operator")
                .body(Map.of(
                        "subjectRef",
                        subject,
                        "requester",
                        Map.of("relation", "SELF", "contact", Map.of("email", "not-an-email")),
                        "callbackUrl",
                        "ftp://client.example.jp/hook"))
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body("errors.field", hasItems("type", "requester.name", "requester.contact.email", "callbackUrl"));
        as("tenant-a", "operator")
                .body(Map.of(
                        "type",
                        "DISCLOSURE",
                        "subjectRef",
                        "has spaces in it",
                        "channel",
                        "PHONE",
                        "deliveryMethod",
                        "ELECTRONIC",
                        "requester",
                        requester("SELF")))
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("subjectRef"));
        assertEquals(List.of(), idsFor("tenant-a", subject));
    }

    @Test
    void shouldAnswerUnknownTypesAndMalformedBodiesWith400() {
        Map<String, Object> body = intake("DISCLOSURE", newSubject());
        body.put("type", "FORGET_ME");
        as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("PROVISION_STOP"));
        as("tenant-a", "operator")
                .body("{\"type\": ")
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://mamori.dev/problems/malformed-body"));
        Map<String, Object> unknownField = intake("DISCLOSURE", newSubject());
        unknownField.put("priority", "high");
        as("tenant-a", "operator")
                .body(unknownField)
                .post("/v1/requests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("priority"));
    }

    /** Posts {@code body}, expects the problem, and checks that nothing was stored for its subject. */
    static void refused(Map<String, Object> body, int status, String kind, String field) {
        as("tenant-a", "operator")
                .body(body)
                .post("/v1/requests")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/" + kind))
                .body("errors.field", hasItem(field));
        assertEquals(
                List.of(), idsFor("tenant-a", (String) body.get("subjectRef")), "a refused request must store nothing");
        as("tenant-a", "auditor")
                .queryParam("subjectRef", body.get("subjectRef"))
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", emptyIterable());
    }
}
