package dev.mamori.thirdparty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.mamori.thirdparty.ProvisionResourceTest.assertNothingRecordedAbout;
import static dev.mamori.thirdparty.ProvisionResourceTest.consentedPurpose;
import static dev.mamori.thirdparty.ProvisionResourceTest.provision;
import static dev.mamori.thirdparty.ProvisionResourceTest.purposeCode;
import static dev.mamori.thirdparty.ProvisionResourceTest.subject;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.corporation;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.testing.TestTokens;
import dev.mamori.thirdparty.client.TenantBreakers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One tenant must not cut another off: consent-service failing for one tenant's calls opens that tenant's breaker
 * only, and consent-service refusing what a caller sent (a 4xx) never opens a breaker at all.
 */
@QuarkusTest
class ConsentBreakerTest {

    @Inject
    TenantBreakers breakers;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        ConsentServiceStub.resetBreakers();
    }

    /** request-service acting for a tenant: its tenant header reaches consent-service too. */
    private static RequestSpecification serviceFor(String tenant) {
        return given().auth()
                .oauth2(TestTokens.service("request-service"))
                .header("X-Mamori-Tenant", tenant)
                .contentType(ContentType.JSON);
    }

    @Test
    void shouldKeepServingOtherTenantsWhileConsentServiceFailsForOne() {
        String failing = "tenant-x" + Long.toHexString(System.nanoTime() & 0xffff);
        ConsentServiceStub.client()
                .register(get(urlPathMatching("/v1/purposes/.*"))
                        .withHeader("X-Mamori-Tenant", equalTo(failing))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500)));
        String theirs = register(failing, corporation(unique("株式会社エックス")));
        String xSubject = subject();
        for (int i = 0; i < 12; i++) {
            serviceFor(failing)
                    .body(provision(theirs, purposeCode(), xSubject))
                    .post("/v1/provisions/checks")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        }
        assertTrue(breakers.isOpen(failing), "the failing tenant's own breaker opened");

        // tenant-y's provisions go ahead: the failing tenant's breaker is not theirs.
        String recipient = register("tenant-y", corporation(unique("株式会社ワイ")));
        String s = subject();
        String purpose = consentedPurpose(s);
        as("tenant-y", "client-system")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions")
                .then()
                .statusCode(201);
        serviceFor("tenant-y")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions/checks")
                .then()
                .statusCode(200)
                .body("allowed", org.hamcrest.Matchers.equalTo(true));
        assertFalse(breakers.isOpen("tenant-y"));

        // The failing tenant, meanwhile, is answered at once without consent-service being called.
        int before = ConsentServiceStub.client()
                .find(getRequestedFor(urlPathMatching("/v1/purposes/.*"))
                        .withHeader("X-Mamori-Tenant", equalTo(failing)))
                .size();
        serviceFor(failing)
                .body(provision(theirs, purposeCode(), xSubject))
                .post("/v1/provisions")
                .then()
                .statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo("https://mamori.dev/problems/consent-service-unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("circuit open"));
        ConsentServiceStub.client()
                .verifyThat(
                        before,
                        getRequestedFor(urlPathMatching("/v1/purposes/.*"))
                                .withHeader("X-Mamori-Tenant", equalTo(failing)));
        assertNothingRecordedAbout(failing, xSubject);
    }

    @Test
    void shouldNeverOpenTheBreakerOnRefusalsCausedByTheCaller() {
        String tenant = "tenant-y";
        String recipient = register(tenant, corporation(unique("株式会社ワイ")));
        // consent-service refuses this purpose's decisions (as it refuses a batch it finds invalid) and the purpose
        // itself for another code (as it answers a caller without the right): the caller's problem, every time.
        String refusedDecisions = purposeCode();
        ConsentServiceStub.purpose(refusedDecisions, true, List.of(), List.of());
        String s = subject();
        ConsentServiceStub.client()
                .register(post(urlEqualTo("/v1/decisions/batch"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(s))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"type\": \"https://mamori.dev/problems/validation\", \"status\": 400}")));
        String forbidden = purposeCode();
        ConsentServiceStub.client()
                .register(get(urlEqualTo("/v1/purposes/" + forbidden))
                        .willReturn(aResponse().withStatus(403)));
        for (int i = 0; i < 12; i++) {
            as(tenant, "client-system")
                    .body(provision(recipient, refusedDecisions, s))
                    .post("/v1/provisions")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("CONSENT_NOT_CONFIRMED"));
            as(tenant, "client-system")
                    .body(provision(recipient, forbidden, s))
                    .post("/v1/provisions/checks")
                    .then()
                    .statusCode(200)
                    .body("allowed", org.hamcrest.Matchers.equalTo(false));
        }
        assertFalse(breakers.isOpen(tenant));
        // A refusal is not retried: each call asked once.
        ConsentServiceStub.client().verifyThat(12, getRequestedFor(urlEqualTo("/v1/purposes/" + forbidden)));
        ConsentServiceStub.client()
                .verifyThat(
                        12,
                        postRequestedFor(urlEqualTo("/v1/decisions/batch"))
                                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(s)));

        // The same tenant's next valid provision goes ahead.
        String ok = subject();
        recorded(tenant, recipient, consentedPurpose(ok), ok);
        assertNothingRecordedAbout(tenant, s);
    }

    @Test
    void shouldRefuseInvalidInputBeforeAskingConsentService() {
        String recipient = register("tenant-y", corporation(unique("株式会社ワイ")));
        String purpose = purposeCode();
        ConsentServiceStub.purpose(purpose, true, List.of(), List.of());
        for (String ref : List.of("a%b", "a{b}", "a|b", "a^b", "a\\b", "a b", "-leading", "a/b")) {
            as("tenant-y", "client-system")
                    .body(provision(recipient, purpose, ref))
                    .post("/v1/provisions/checks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("subjectRefs[0]"));
        }
        for (String code : List.of("Upper", "a/b", "a%2Fb", "..", "x".repeat(65))) {
            as("tenant-y", "client-system")
                    .body(provision(recipient, code, subject()))
                    .post("/v1/provisions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("purpose"));
        }
        ConsentServiceStub.client().verifyThat(0, getRequestedFor(urlEqualTo("/v1/purposes/" + purpose)));
        assertFalse(breakers.isOpen("tenant-y"));
    }

    private static void recorded(String tenant, String recipient, String purpose, String s) {
        as(tenant, "client-system")
                .body(provision(recipient, purpose, s))
                .post("/v1/provisions")
                .then()
                .statusCode(201);
    }
}
