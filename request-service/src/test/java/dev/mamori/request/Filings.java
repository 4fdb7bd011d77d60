package dev.mamori.request;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.PostgresTestResource;
import dev.mamori.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builders for the privacy center's calls of online filings, so the tests read as what they check. */
final class Filings {

    /** The code as the ja and en mails print it. */
    private static final Pattern CODE = Pattern.compile("(?:確認コード：|Code: )([0-9]{6})");

    private Filings() {}

    /** A tenant of its own per test, so its audit log holds only what the test did. */
    static String newTenant() {
        return "tenant-filing-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The privacy center's service token, naming the page's tenant. */
    static RequestSpecification center(String tenant) {
        return given().auth()
                .oauth2(TestTokens.service("privacy-center"))
                .header("X-Mamori-Tenant", tenant)
                .contentType(ContentType.JSON);
    }

    /** A complete, valid filing of {@code type} by an appointed agent, with what the type needs. */
    static Map<String, Object> filing(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        Map<String, Object> contact = new LinkedHashMap<>();
        // An address of its own per filing, so each test reads only its own mails.
        contact.put("email", "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp");
        contact.put("phone", "090-1111-2222");
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("name", "山田 太郎");
        requester.put("relation", "APPOINTED_AGENT");
        requester.put("contact", contact);
        body.put("requester", requester);
        body.put("agent", new LinkedHashMap<>(Map.of("type", "POWER_OF_ATTORNEY", "evidenceDescription", "委任状")));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "山田 花子");
        person.put("email", "hanako@example.jp");
        person.put("phone", "080-3333-4444");
        person.put("customerNumber", "C-1234");
        body.put("person", person);
        switch (type) {
            case "DISCLOSURE", "PROVISION_RECORD_DISCLOSURE" -> body.put("deliveryMethod", "ELECTRONIC");
            case "USE_STOP", "ERASURE" -> body.put("ground", "ART_35_5_A");
            case "PROVISION_STOP" -> body.put("ground", "ART_35_3");
            case "CORRECTION" ->
                body.put(
                        "correction",
                        new LinkedHashMap<>(Map.of(
                                "kind", "CORRECTION",
                                "dataItem", "postal address",
                                "claimedUntrue", "登録住所が転居前のままです")));
            default -> {}
        }
        body.put("formConsent", true);
        body.put("language", "ja");
        return body;
    }

    /** A filing of {@code type} by the person themself. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> filingBySelf(String type) {
        Map<String, Object> body = filing(type);
        ((Map<String, Object>) body.get("requester")).put("relation", "SELF");
        body.remove("agent");
        return body;
    }

    /** Files {@code body} and answers the filing id. */
    static String file(String tenant, Map<String, Object> body) {
        return center(tenant)
                .body(body)
                .post("/v1/online-filings")
                .then()
                .statusCode(202)
                .extract()
                .path("filingId");
    }

    /** The requester's address of a filing body. */
    @SuppressWarnings("unchecked")
    static String emailOf(Map<String, Object> body) {
        return (String)
                ((Map<String, Object>) ((Map<String, Object>) body.get("requester")).get("contact")).get("email");
    }

    /** Mails that came to {@code address}, oldest first, once at least {@code count} have. */
    static List<MailStub.Received> mails(String address, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<MailStub.Received> mails = MailStub.received(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("expected " + count + " mails for " + address + ", got " + mails);
            }
            Workflow.sleep(100);
        }
    }

    /** The code of the {@code nth} mail (1 = the first) that came to {@code address}, as the requester reads it. */
    static String mailedCode(String address, int nth) {
        MailStub.Received mail = mails(address, nth).get(nth - 1);
        Matcher code = CODE.matcher(mail.text());
        if (!code.find()) {
            throw new AssertionError("no code in the mail: " + mail);
        }
        return code.group(1);
    }

    static io.restassured.response.ValidatableResponse confirm(String tenant, String filingId, String code) {
        return center(tenant)
                .body(Map.of("code", code))
                .post("/v1/online-filings/" + filingId + "/confirmation")
                .then();
    }

    /** Files and confirms a filing of {@code type}; answers the confirmation's body. */
    static io.restassured.path.json.JsonPath filed(String tenant, String type) {
        return filed(tenant, filing(type));
    }

    static io.restassured.path.json.JsonPath filed(String tenant, Map<String, Object> body) {
        String filingId = file(tenant, body);
        return confirm(tenant, filingId, mailedCode(emailOf(body), 1))
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** Mails the tenant's changes queued, sent or not. */
    static long mailsQueued(String tenant) {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM mail_outbox WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(String statement, Object... params) {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
