package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.TargetStubs.authorized;
import static dev.mamori.request.Workflow.approved;
import static dev.mamori.request.Workflow.awaitRequest;
import static dev.mamori.request.Workflow.verified;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClosureTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REASON = "ご指定の利用目的「marketing-sms」は当社の利用目的に存在しないため、利用停止の対象がありませんでした";

    /** A partial use stop that consent-service refuses for good: 422 unknown-purpose, which no retry can cure. */
    private static String failedUseStop(String subject) {
        TargetStubs.consent.stubFor(authorized(post(urlPathEqualTo("/v1/subjects/" + subject + "/use-stops")))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://mamori.dev/problems/unknown-purpose\",\"status\":422,"
                                + "\"detail\":\"purposes: marketing-sms is not a purpose of the tenant\"}")));
        String id = create("tenant-a", "USE_STOP", subject);
        verified("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(Map.of(
                        "outcome",
                        "PARTIALLY_APPROVED",
                        "refusalGround",
                        "GROUND_NOT_ESTABLISHED",
                        "reason",
                        "契約の履行に必要な利用は継続します",
                        "scope",
                        Map.of("purposes", List.of("marketing-sms"))))
                .post("/v1/requests/" + id + "/decision")
                .then()
                .statusCode(200);
        awaitRequest("tenant-a", id, WAIT, r -> "FAILED".equals(r.getString("fulfilment[0].status")));
        return id;
    }

    @Test
    void shouldLetThePrivacyOfficerCloseARequestWhoseFulfilmentFailedForGood() {
        String subject = newSubject();
        String id = failedUseStop(subject);
        String path = "/v1/requests/" + id + "/closure";

        // Stuck before this: cancel is refused once approved.
        as("tenant-a", "operator")
                .body(Map.of("reason", "x"))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/request-in-progress"));
        // The client company decides what the person is told: operators and client systems may not close.
        as("tenant-a", "operator")
                .body(Map.of("reason", REASON))
                .post(path)
                .then()
                .statusCode(403);
        as("tenant-a", "client-system")
                .body(Map.of("reason", REASON))
                .post(path)
                .then()
                .statusCode(403);
        as("tenant-b", "privacy-officer")
                .body(Map.of("reason", REASON))
                .post(path)
                .then()
                .statusCode(404)
                .body("type", equalTo("https://mamori.dev/problems/not-found"));
        as("tenant-a", "privacy-officer")
                .body(Map.of("reason", " "))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        assertEquals("IN_PROGRESS", Workflow.request("tenant-a", id).getString("status"), "refusals change nothing");

        JsonPath closed = as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", "close-" + id)
                .body(Map.of("reason", REASON))
                .post(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("COMPLETED", closed.getString("status"));
        assertEquals(REASON, closed.getString("closeReason"));
        assertEquals("FAILED", closed.getString("fulfilment[0].status"));
        // A retry of the same call with the same key gets the same answer; a new attempt is refused.
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", "close-" + id)
                .body(Map.of("reason", REASON))
                .post(path)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("status", equalTo("COMPLETED"));
        as("tenant-a", "privacy-officer")
                .body(Map.of("reason", REASON))
                .post(path)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/request-closed"));

        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("actions[0].action", equalTo("STOP_USE"))
                .body("actions[0].status", equalTo("FAILED"))
                .body("actions[0].lastHttpStatus", equalTo(422))
                .body("notice.ja", containsString("次の措置は実施できませんでした。\n・保有個人データの利用停止\n理由：" + REASON))
                .body("notice.ja", containsString("ご請求の一部には応じられません"))
                .body("notice.ja", org.hamcrest.Matchers.not(containsString("利用を停止しました")))
                .body(
                        "notice.en",
                        containsString("could not carry out the following:\n- stopping the use of your "
                                + "retained personal data\nReason: " + REASON));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/events")
                .then()
                .body("items.kind", hasItem("CLOSED_INCOMPLETE"))
                .body(
                        "items.find { it.kind == 'CLOSED_INCOMPLETE' }.actor",
                        equalTo("service-account-tenant-a-privacy-officer"))
                .body(
                        "items.find { it.kind == 'CLOSED_INCOMPLETE' }.detail",
                        containsString("closed without CONSENT:STOP_USE"));
        as("tenant-a", "auditor")
                .queryParam("subjectRef", subject)
                .get("/v1/audit-events")
                .then()
                .body("items.action", hasItem("REQUEST_CLOSED_INCOMPLETE"));

        // The person was told the stop was not carried out: it is not sent again afterwards.
        as("tenant-a", "operator")
                .post("/v1/requests/" + id + "/fulfilment/retry")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/nothing-to-retry"));
        Workflow.sleep(500);
        assertEquals(
                1,
                TargetStubs.consent
                        .findAll(postRequestedFor(urlPathEqualTo("/v1/subjects/" + subject + "/use-stops")))
                        .size());
    }

    @Test
    void shouldCloseACorrectionTheClientSystemRefusedForGoodAndTellWhatWasNotDone() {
        String subject = newSubject();
        String hook = "refusing-" + subject;
        // The owning system refuses the decided correction with a 4xx: no retry can cure it, the task fails.
        TargetStubs.client.stubFor(post(urlPathEqualTo("/hooks/" + hook))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("unknown customer")));
        Map<String, Object> body = Intakes.intake("CORRECTION", subject);
        body.put("callbackUrl", TargetStubs.hook(hook));
        String id = create("tenant-a", body);
        verified("tenant-a", id);
        approved("tenant-a", id);
        awaitRequest("tenant-a", id, WAIT, r -> "FAILED".equals(r.getString("fulfilment[0].status")));
        // Approved: the requester may no longer cancel it; only the privacy officer's closure ends it.
        as("tenant-a", "operator")
                .body(Map.of("reason", "x"))
                .post("/v1/requests/" + id + "/cancel")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/request-in-progress"));

        String reason = "訂正を反映する顧客管理システムにお客様の登録が見つからないため、反映できませんでした";
        as("tenant-a", "privacy-officer")
                .body(Map.of("reason", reason))
                .post("/v1/requests/" + id + "/closure")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("closeReason", equalTo(reason));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("actions[0].action", equalTo("PASS_CORRECTION"))
                .body("actions[0].status", equalTo("FAILED"))
                .body("actions[0].lastHttpStatus", equalTo(400))
                .body("notice.ja", containsString("次の措置は実施できませんでした。\n・訂正内容の当該データを保有するシステム" + "への反映\n理由：" + reason))
                .body("notice.ja", org.hamcrest.Matchers.not(containsString("訂正しました")))
                .body(
                        "notice.en",
                        containsString("could not carry out the following:\n- applying the correction in "
                                + "the system that holds the data\nReason: " + reason));
        as("tenant-a", "auditor")
                .get("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldRefuseToCloseWhileACallIsStillUnderWay() {
        String subject = newSubject();
        // Each attempt times out (2 s read timeout in tests) and is retried: the call stays under way for seconds.
        TargetStubs.thirdparty.stubFor(authorized(post(urlPathEqualTo("/v1/subjects/" + subject + "/provision-stops")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(201).withBody("{}").withFixedDelay(5000)));
        String id = create("tenant-a", "PROVISION_STOP", subject);
        verified("tenant-a", id);
        approved("tenant-a", id);
        as("tenant-a", "privacy-officer")
                .body(Map.of("reason", REASON))
                .post("/v1/requests/" + id + "/closure")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/fulfilment-pending"))
                .body("detail", containsString("THIRDPARTY:STOP_PROVISION"));
        assertEquals("IN_PROGRESS", Workflow.request("tenant-a", id).getString("status"));
    }

    @Test
    void shouldRefuseToCloseARequestThatWasNotApproved() {
        String id = create("tenant-a", "ERASURE", newSubject());
        as("tenant-a", "privacy-officer")
                .body(Map.of("reason", REASON))
                .post("/v1/requests/" + id + "/closure")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://mamori.dev/problems/request-not-in-progress"));
    }
}
