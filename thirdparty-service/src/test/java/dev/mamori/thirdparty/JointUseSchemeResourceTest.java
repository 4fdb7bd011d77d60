package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ProvisionResourceTest.provision;
import static dev.mamori.thirdparty.ProvisionResourceTest.recorded;
import static dev.mamori.thirdparty.ProvisionResourceTest.refused;
import static dev.mamori.thirdparty.ProvisionResourceTest.subject;
import static dev.mamori.thirdparty.ProvisionResourceTest.with;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JointUseSchemeResourceTest {

    /** A group's joint use of its corporate clients' staff data (Art. 27(5)(iii)), responsible tenant-a, member tenant-b. */
    static String scheme(String title, String members, String purposes, String effectiveFrom, String noticeOn) {
        return """
                {"title": "%s", "dataItems": ["name", "department", "email"], "members": %s, "purposes": %s,
                 "responsible": {"name": "パーソルホールディングス株式会社", "address": "東京都港区南青山1-15-5",
                                 "representative": "和田 孝雄"},
                 "effectiveFrom": "%s"%s}""".formatted(
                        title,
                        members,
                        purposes,
                        effectiveFrom,
                        noticeOn == null ? "" : ", \"noticeOn\": \"" + noticeOn + "\"");
    }

    /**
     * A call with one of the tenant's own tokens: thirdparty-service knows a tenant's group from what its own tokens
     * say, so a tenant is named as a joint user only once one of its tokens has called.
     */
    static void tokenSeen(String tenant, String role) {
        as(tenant, role).get("/v1/joint-use-schemes?limit=1").then().statusCode(200);
    }

    static String create(String title) {
        tokenSeen("tenant-b", "operator");
        return as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"Offering group services\"]", "2025-04-01", "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @BeforeEach
    void groupCompaniesHaveCalled() {
        tokenSeen("tenant-b", "operator");
        tokenSeen("tenant-jg", "operator");
        tokenSeen("tenant-a", "operator");
    }

    @Test
    void shouldTakeEachTenantsGroupFromItsOwnTokensOnly() {
        String newcomer = "tenant-n" + Long.toHexString(System.nanoTime() & 0xfffff);
        String members = "[\"" + newcomer + "\"]";
        // Before any token of the newcomer has called, nothing says it is in group-ab.
        as("tenant-a", "privacy-officer")
                .body(scheme(unique("Scheme"), members, "[\"p\"]", "2025-04-01", "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/member-outside-group"))
                .body("errors.field", contains("members[0]"));
        // Its own token says group-ab (as the demo realm's tokens of tenant-a and tenant-b do): now it may be named.
        tokenSeen(newcomer, "operator");
        as("tenant-a", "privacy-officer")
                .body(scheme(unique("Scheme"), members, "[\"p\"]", "2025-04-01", "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(201)
                .body("versions[0].members", contains(newcomer));
        // It leaves the group: its next token names none, and it can no longer be named.
        given().auth()
                .oauth2(TestTokens.sign(newcomer, null, newcomer + "-operator", "operator"))
                .get("/v1/joint-use-schemes?limit=1")
                .then()
                .statusCode(200);
        as("tenant-a", "privacy-officer")
                .body(scheme(unique("Scheme"), members, "[\"p\"]", "2025-04-01", "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/member-outside-group"));
    }

    @Test
    void shouldNotTrustACallersGroupClaimForOtherTenantsMembership() {
        // A token of tenant-a claiming a group it does not hold (group-cd) tells only tenant-a's own group: tenant-b's
        // and tenant-c's own tokens never said group-cd, so neither can be named in a group-cd scheme.
        String claimed = TestTokens.sign("tenant-a", "group-cd", "tenant-a-privacy-officer", "privacy-officer");
        try {
            given().auth()
                    .oauth2(claimed)
                    .contentType(ContentType.JSON)
                    .body(scheme(
                            unique("Scheme"), "[\"tenant-b\", \"tenant-c\"]", "[\"p\"]", "2025-04-01", "2025-03-01"))
                    .post("/v1/joint-use-schemes")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("https://mamori.dev/problems/member-outside-group"))
                    .body("errors.field", contains("members[0]", "members[1]"));
        } finally {
            tokenSeen("tenant-a", "operator");
        }
        // With its real group-ab token tenant-a names tenant-b; tenant-c, in no group, is still refused.
        create(unique("Scheme"));
        as("tenant-a", "privacy-officer")
                .body(scheme(unique("Scheme"), "[\"tenant-c\"]", "[\"p\"]", "2025-04-01", "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/member-outside-group"));
    }

    @Test
    void shouldPublishASchemeWithTheFiveItemsAndShowItToItsMemberButNoOneElse() {
        String title = unique("法人顧客役職員情報の共同利用");
        String id = as("tenant-a", "privacy-officer")
                .body(scheme(
                        title,
                        "[\"tenant-b\", \"tenant-b\"]",
                        "[\"Offering group services\"]",
                        "2025-04-01",
                        "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/joint-use-schemes/"))
                .body("role", equalTo("RESPONSIBLE"))
                .body("responsibleTenant", equalTo("tenant-a"))
                .body("group", equalTo("group-ab"))
                .body("versionInForce", equalTo(1))
                .body("versions[0].jointUse", equalTo(true))
                .body("versions[0].dataItems", contains("name", "department", "email"))
                .body("versions[0].members", contains("tenant-b"))
                .body("versions[0].purposes", contains("Offering group services"))
                .body("versions[0].responsible.representative", equalTo("和田 孝雄"))
                .body("versions[0].changes", contains("INITIAL"))
                .extract()
                .path("id");

        // The member reads it with its own token, marked as a scheme it belongs to, read-only.
        as("tenant-b", "operator")
                .get("/v1/joint-use-schemes?limit=500")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.role", equalTo("MEMBER"))
                .body("items.find { it.id == '" + id + "' }.responsibleTenant", equalTo("tenant-a"));
        as("tenant-b", "auditor")
                .get("/v1/joint-use-schemes/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo(title));
        as("tenant-b", "privacy-officer")
                .body(scheme(title, "[]", "[\"x\"]", "2030-01-01", null))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(400);
        as("tenant-b", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"Other\"]", "2030-01-01", "2029-01-01"))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(404);

        // A tenant outside the scheme and the group sees nothing of it.
        as("tenant-c", "privacy-officer")
                .get("/v1/joint-use-schemes?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("tenant-c", "privacy-officer")
                .get("/v1/joint-use-schemes/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAMemberOutsideTheGroupAndACallerWithoutAGroup() {
        as("tenant-a", "privacy-officer")
                .body(scheme(
                        unique("Scheme"), "[\"tenant-b\", \"tenant-c\", \"tenant-a\"]", "[\"p\"]", "2025-04-01", null))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/member-outside-group"))
                .body("errors.field", contains("members[1]", "members[2]"));
        as("tenant-c", "privacy-officer")
                .body(scheme(unique("Scheme"), "[\"tenant-a\"]", "[\"p\"]", "2025-04-01", null))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/no-group"));
        as("tenant-a", "privacy-officer")
                .body("{\"title\": \"x\", \"members\": []}")
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder("dataItems", "members", "purposes", "responsible", "effectiveFrom"));
    }

    @Test
    void shouldVersionChangesWithAdvanceNoticeForPurposesAndNeverWidenTheScope() {
        String title = unique("Scheme");
        String id = create(title);
        String effective = LocalDate.now(JapanTime.ZONE).plusDays(30).toString();

        as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"New purpose\"]", effective, null))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/advance-notice-required"))
                .body("errors[0].field", equalTo("noticeOn"));
        as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"Offering group services\"]", effective, null)
                        .replace("\"department\", ", "\"department\", \"salary\", "))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/scheme-scope-widened"))
                .body("errors.field", contains("dataItems"));
        as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"Offering group services\"]", effective, null))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/no-change"));

        String notice = LocalDate.now(JapanTime.ZONE).toString();
        as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"New purpose\"]", effective, notice))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("currentVersion", equalTo(2))
                .body("versionInForce", equalTo(1))
                .body("versions[1].changes", contains("PURPOSES"))
                .body("versions[1].advanceNoticeRequired", equalTo(true))
                .body("versions[1].noticeOn", equalTo(notice))
                .body("versions[1].effectiveFrom", equalTo(effective));

        // A new representative of the responsible company: notified without delay (Art. 27(6)), so a notice date is
        // required, and no later than the day the change takes effect; advance notice is not.
        String later = LocalDate.now(JapanTime.ZONE).plusDays(40).toString();
        String newRepresentative = scheme(title, "[\"tenant-b\"]", "[\"New purpose\"]", later, null)
                .replace("和田 孝雄", "新 代表");
        as("tenant-a", "privacy-officer")
                .body(newRepresentative)
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/notice-required"))
                .body("errors[0].field", equalTo("noticeOn"));
        as("tenant-a", "privacy-officer")
                .body(newRepresentative.replace(
                        "\"effectiveFrom\": \"" + later + "\"",
                        "\"effectiveFrom\": \"" + later + "\", \"noticeOn\": \""
                                + LocalDate.now(JapanTime.ZONE).plusDays(41) + "\""))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/notice-required"));
        as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"New purpose\"]", later, later)
                        .replace("和田 孝雄", "新 代表"))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("versions[2].changes", contains("RESPONSIBLE_DETAILS"))
                .body("versions[2].noticeRequired", equalTo(true))
                .body("versions[2].noticeOn", equalTo(later))
                .body("versions[2].advanceNoticeRequired", equalTo(false));
    }

    @Test
    void shouldRequireAdvanceNoticeForTheFirstVersionAndForANewResponsiblePerson() {
        // Art. 27(5)(iii): the five items are made known before joint use starts.
        as("tenant-a", "privacy-officer")
                .body(scheme(unique("Scheme"), "[\"tenant-b\"]", "[\"p\"]", "2025-04-01", null))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/advance-notice-required"))
                .body("errors[0].field", equalTo("noticeOn"));
        as("tenant-a", "privacy-officer")
                .body(scheme(unique("Scheme"), "[\"tenant-b\"]", "[\"p\"]", "2025-04-01", "2025-04-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/advance-notice-required"));

        // Art. 27(6): another company taking over responsibility is notified in advance, unlike a renaming.
        String title = unique("Scheme");
        String id = create(title);
        String effective = LocalDate.now(JapanTime.ZONE).plusDays(30).toString();
        String takeover = scheme(title, "[\"tenant-b\"]", "[\"Offering group services\"]", effective, effective)
                .replace("パーソルホールディングス株式会社", "パーソルキャリア株式会社");
        takeover = takeover.substring(0, takeover.length() - 1) + ", \"responsibleReplaced\": true}";
        as("tenant-a", "privacy-officer")
                .body(takeover)
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/advance-notice-required"))
                .body("errors[0].message", containsString("RESPONSIBLE_PERSON"));
        String notice = LocalDate.now(JapanTime.ZONE).plusDays(29).toString();
        as("tenant-a", "privacy-officer")
                .body(takeover.replace("\"noticeOn\": \"" + effective, "\"noticeOn\": \"" + notice))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("versions[1].changes", contains("RESPONSIBLE_PERSON"))
                .body("versions[1].advanceNoticeRequired", equalTo(true))
                .body("versions[1].noticeOn", equalTo(notice));
        // Claiming a new person while naming the same one is a mistake, not a change.
        as("tenant-a", "privacy-officer")
                .body(scheme(
                                title,
                                "[\"tenant-b\"]",
                                "[\"Offering group services\"]",
                                LocalDate.now(JapanTime.ZONE).plusDays(60).toString(),
                                notice)
                        .replace("パーソルホールディングス株式会社", "パーソルキャリア株式会社")
                        .replaceFirst("}$", ", \"responsibleReplaced\": true}"))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/nothing-replaced"));
    }

    @Test
    void shouldLetTheMembersOfTheVersionInForceReadTheSchemeNotThoseOfAFutureOne() {
        String title = unique("Scheme");
        String id = as("tenant-a", "privacy-officer")
                .body(scheme(
                        title,
                        "[\"tenant-b\", \"tenant-jg\"]",
                        "[\"Offering group services\"]",
                        "2025-04-01",
                        "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("tenant-jg", "operator").get("/v1/joint-use-schemes/" + id).then().statusCode(200);

        // tenant-jg leaves the scheme next month: until then it still jointly uses the data and reads the scheme.
        String nextMonth = LocalDate.now(JapanTime.ZONE).plusDays(30).toString();
        as("tenant-a", "privacy-officer")
                .body(scheme(title, "[\"tenant-b\"]", "[\"Offering group services\"]", nextMonth, null))
                .post("/v1/joint-use-schemes/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("versions[1].changes", contains("SCOPE_NARROWED"))
                .body("versionInForce", equalTo(1));
        as("tenant-jg", "operator")
                .get("/v1/joint-use-schemes/" + id)
                .then()
                .statusCode(200)
                .body("role", equalTo("MEMBER"));
        as("tenant-jg", "operator")
                .get("/v1/joint-use-schemes?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("tenant-b", "operator").get("/v1/joint-use-schemes/" + id).then().statusCode(200);

        // A narrowing already in force removes the reader at once.
        String other = unique("Scheme");
        String otherId = as("tenant-a", "privacy-officer")
                .body(scheme(
                        other,
                        "[\"tenant-b\", \"tenant-jg\"]",
                        "[\"Offering group services\"]",
                        "2025-04-01",
                        "2025-03-01"))
                .post("/v1/joint-use-schemes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("tenant-a", "privacy-officer")
                .body(scheme(other, "[\"tenant-b\"]", "[\"Offering group services\"]", "2025-05-01", null))
                .post("/v1/joint-use-schemes/" + otherId + "/versions")
                .then()
                .statusCode(201)
                .body("versionInForce", equalTo(2));
        as("tenant-jg", "operator")
                .get("/v1/joint-use-schemes/" + otherId)
                .then()
                .statusCode(404);
        as("tenant-jg", "operator")
                .get("/v1/joint-use-schemes?limit=500")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(otherId)));
        as("tenant-b", "operator")
                .get("/v1/joint-use-schemes/" + otherId)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAllowProvisionUnderASchemeOnlyForItsItemsAndMembers() {
        String id = create(unique("Scheme"));
        String groupCompany = register("tenant-a", """
                {"name": "%s", "address": "東京都", "representative": "代表", "kind": "CORPORATION",
                 "legalBasis": "JOINT_USE", "groupTenantId": "tenant-b"}""".formatted(unique("パーソルテンプスタッフ")));
        String outsider = register("tenant-a", """
                {"name": "%s", "address": "東京都", "representative": "代表", "kind": "CORPORATION",
                 "legalBasis": "JOINT_USE", "groupTenantId": "tenant-z"}""".formatted(unique("Outsider")));
        String s = subject();

        JsonPath bad = refused(
                "tenant-a",
                with(provision(outsider, null, s), "jointUseSchemeId", id, "dataItems", List.of("name", "salary")));
        assertEquals(List.of("RECIPIENT_NOT_SCHEME_MEMBER", "ITEM_OUTSIDE_SCHEME"), bad.getList("errors.field"));
        assertEquals(
                List.of("SCHEME_REQUIRED"),
                refused("tenant-a", with(provision(groupCompany, null, s), "dataItems", List.of("name")))
                        .getList("errors.field"));

        JsonPath ok = recorded(
                "tenant-a",
                with(provision(groupCompany, null, s), "jointUseSchemeId", id, "dataItems", List.of("name", "email")));
        assertEquals(id, ok.getString("jointUseSchemeId"));
        assertEquals(1, ok.getInt("jointUseSchemeVersion"));
        assertEquals(false, ok.getBoolean("statutoryRecord"));

        // tenant-c cannot provide under a scheme it does not belong to: to it the scheme is not there.
        String party = register("tenant-c", """
                {"name": "%s", "address": "東京都", "representative": "代表", "kind": "CORPORATION",
                 "legalBasis": "JOINT_USE", "groupTenantId": "tenant-b"}""".formatted(unique("C's partner")));
        assertEquals(
                List.of("SCHEME_NOT_FOUND"),
                refused(
                                "tenant-c",
                                with(provision(party, null, s), "jointUseSchemeId", id, "dataItems", List.of("name")))
                        .getList("errors.field"));
    }
}
