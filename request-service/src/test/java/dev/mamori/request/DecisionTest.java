package dev.mamori.request;

import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.Workflow.decision;
import static dev.mamori.request.Workflow.verified;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionTest {

    private static Map<String, Object> refusal(String ground, String reason) {
        Map<String, Object> body = decision("REFUSED");
        if (ground != null) {
            body.put("refusalGround", ground);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void shouldRefuseADecisionBeforeTheRequesterIsVerified() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        as("tenant-a", "privacy-officer")
                .body(decision("APPROVED"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/identity-not-verified"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("status", equalTo("IDENTITY_UNVERIFIED"))
                .body("decision", nullValue())
                .body("fulfilment", hasSize(0));
    }

    @Test
    void shouldRefuseARefusalWithoutItsStatutoryGroundOrReason() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(refusal(null, "理由"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/refusal-ground-required"))
                .body("errors.field", hasItem("refusalGround"));
        as("tenant-a", "privacy-officer")
                .body(refusal("SERIOUS_HINDRANCE_TO_BUSINESS", " "))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/refusal-reason-required"))
                .body("errors.field", hasItem("reason"));
        // Art. 34's ground does not refuse a disclosure.
        as("tenant-a", "privacy-officer")
                .body(refusal("CONTENT_IS_ACCURATE", "正しい内容です"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/refusal-ground-not-applicable"));
        as("tenant-a", "privacy-officer")
                .body(Map.of("outcome", "MAYBE"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("status", equalTo("PENDING_DECISION"))
                .body("decision", nullValue());
    }

    @Test
    void shouldCloseARefusalWithItsGroundAndReasonInTheNoticeInJapaneseAndEnglish() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(refusal("HARM_TO_PERSON_OR_THIRD_PARTY", "通話相手である第三者の権利利益を害するおそれがあるため"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("closedAt", notNullValue())
                .body("decision.outcome", equalTo("REFUSED"))
                .body("decision.refusalGround", equalTo("HARM_TO_PERSON_OR_THIRD_PARTY"))
                .body("decision.decidedBy", equalTo("service-account-tenant-a-privacy-officer"))
                .body("fulfilment", hasSize(0));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("notice.ja", containsString("第33条第2項第1号"))
                .body("notice.ja", containsString("通話相手である第三者の権利利益を害するおそれがあるため"))
                .body("notice.en", containsString("APPI Art. 33(2)(i)"))
                .body("disclosure", nullValue());
    }

    @Test
    void shouldRefuseAPurposeNotificationOnlyOnTheGroundsOfArticle32Paragraph2() {
        String id = create("tenant-a", "PURPOSE_NOTIFICATION", newSubject());
        verified("tenant-a", id);
        // Art. 33(2) is about disclosure; it does not ground refusing to notify the purposes of use.
        as("tenant-a", "privacy-officer")
                .body(refusal("SERIOUS_HINDRANCE_TO_BUSINESS", "業務に支障があるため"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/refusal-ground-not-applicable"))
                .body("errors.field", hasItem("refusalGround"))
                .body("detail", containsString("Art. 32(2)"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("status", equalTo("PENDING_DECISION"))
                .body("decision", nullValue());

        as("tenant-a", "privacy-officer")
                .body(refusal("PURPOSE_ALREADY_EVIDENT", "ご契約時にお渡しした書面に利用目的を明示しております"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("decision.refusalGround", equalTo("PURPOSE_ALREADY_EVIDENT"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("refusalGround", equalTo("PURPOSE_ALREADY_EVIDENT"))
                .body("notice.ja", containsString("利用目的が明らかである（個人情報保護法第32条第2項第1号）"))
                .body("notice.ja", containsString("ご契約時にお渡しした書面に利用目的を明示しております"))
                .body("notice.en", containsString("APPI Art. 32(2)(i)"));
    }

    @Test
    void shouldAcceptOneDecisionOnly() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(decision("NO_DATA"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("NO_DATA"));
        as("tenant-a", "privacy-officer")
                .body(refusal("VIOLATION_OF_OTHER_LAWS", "later thoughts"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/already-decided"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id)
                .then()
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("NO_DATA"));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("notice.ja", containsString("保有しておりません"))
                .body("notice.en", containsString("We do not hold"));
    }

    @Test
    void shouldHideRequestsOfOtherTenantsAndLetOnlyThePrivacyOfficerDecide() {
        String id = create("tenant-a", "DISCLOSURE", newSubject());
        verified("tenant-a", id);
        as("tenant-b", "privacy-officer")
                .body(decision("APPROVED"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        as("tenant-a", "operator")
                .body(decision("APPROVED"))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(403);
        as("tenant-a", "operator").get("/v1/requests/" + id).then().body("status", equalTo("PENDING_DECISION"));
        as("tenant-b", "operator").get("/v1/requests/" + id + "/result").then().statusCode(404);
    }

    @Test
    void shouldRecordTheArt38FeeOnlyWhereTheLawAllowsIt() {
        as("tenant-fee", "privacy-officer")
                .body(Map.of("businessDaysToDue", 10, "disclosureFeeJpy", 1000))
                .put("/v1/request-settings")
                .then()
                .statusCode(200)
                .body("disclosureFeeJpy", equalTo(1000));
        String disclosure = create("tenant-fee", "DISCLOSURE", newSubject());
        verified("tenant-fee", disclosure);
        as("tenant-fee", "privacy-officer")
                .body(decision("NO_DATA"))
                .post("/v1/requests/" + disclosure + "/decision")
                .then()
                .statusCode(200)
                .body("decision.feeJpy", equalTo(1000));

        String erasure = create("tenant-fee", "ERASURE", newSubject());
        verified("tenant-fee", erasure);
        Map<String, Object> withFee = decision("APPROVED");
        withFee.put("feeJpy", 500);
        as("tenant-fee", "privacy-officer")
                .body(withFee)
                .post("/v1/requests/" + erasure + "/decision")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/fee-not-applicable"))
                .body("errors.field", hasItem("feeJpy"));
        as("tenant-fee", "operator").get("/v1/requests/" + erasure).then().body("status", equalTo("PENDING_DECISION"));
    }

    @Test
    void shouldAllowPartialApprovalOnlyWithAScopeWhereOneExists() {
        String erasure = create("tenant-a", "ERASURE", newSubject());
        verified("tenant-a", erasure);
        Map<String, Object> partial = refusal("GROUND_NOT_ESTABLISHED", "一部は保存義務があるため");
        partial.put("outcome", "PARTIALLY_APPROVED");
        as("tenant-a", "privacy-officer")
                .body(partial)
                .post("/v1/requests/" + erasure + "/decision")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/partial-not-supported"));

        String disclosure = create("tenant-a", "DISCLOSURE", newSubject());
        verified("tenant-a", disclosure);
        Map<String, Object> withholdAll = refusal("SERIOUS_HINDRANCE_TO_BUSINESS", "業務に著しい支障");
        withholdAll.put("outcome", "PARTIALLY_APPROVED");
        withholdAll.put("scope", Map.of("withheldSections", List.of("CONSENTS", "THIRD_PARTY_RECORDS", "HOLDINGS")));
        as("tenant-a", "privacy-officer")
                .body(withholdAll)
                .post("/v1/requests/" + disclosure + "/decision")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/scope-withholds-everything"));
        as("tenant-a", "operator").get("/v1/requests/" + disclosure).then().body("status", equalTo("PENDING_DECISION"));
    }
}
