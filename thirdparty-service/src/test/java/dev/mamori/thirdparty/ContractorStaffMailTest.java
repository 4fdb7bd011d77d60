package dev.mamori.thirdparty;

import static dev.mamori.thirdparty.ThirdPartyResourceTest.as;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.party;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.register;
import static dev.mamori.thirdparty.ThirdPartyResourceTest.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.testing.PostgresTestResource;
import dev.mamori.thirdparty.service.ContractorStaffMails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff mails about contractors (APPI Art. 25), to a real SMTP server ({@link MailStub}): a certification expiring
 * and an audit falling due within 30 days each arrive once at each staff recipient, not again on a second run, not
 * for what is further off, and not at all for a tenant without staff recipients.
 */
@QuarkusTest
class ContractorStaffMailTest {

    private static final String TENANT = "tenant-contractor-mail";
    private static final List<String> STAFF = List.of("dpo-contractors@example.jp", "ops-contractors@example.jp");

    @Inject
    ContractorStaffMails mails;

    @Test
    void shouldMailAnExpiringCertificationAndADueAuditOnceEach() throws Throwable {
        LocalDate today = LocalDate.now(JapanTime.ZONE);
        String name = unique("コールセンター株式会社");
        String soon = ContractorResourceTest.select(
                TENANT,
                register(TENANT, party(name, "CORPORATION", "JP", "ENTRUSTMENT", null)),
                today.plusDays(20).toString());
        String auditSoon = ContractorResourceTest.select(
                TENANT,
                ContractorResourceTest.entrusted(TENANT),
                today.plusDays(400).toString());
        as(TENANT, "privacy-officer")
                .body("{\"auditedOn\": \"" + today + "\", \"result\": \"PASSED\", \"nextDue\": \"" + today.plusDays(10)
                        + "\"}")
                .post("/v1/contractors/" + auditSoon + "/audits")
                .then()
                .statusCode(201);
        String later = ContractorResourceTest.select(
                TENANT,
                ContractorResourceTest.entrusted(TENANT),
                today.plusDays(31).toString());

        int first = VertxContextSupport.subscribeAndAwait(() -> mails.run());
        int second = VertxContextSupport.subscribeAndAwait(() -> mails.run());
        assertEquals(2, first, "the certification and the audit");
        assertEquals(0, second, "a second run mails nothing again");

        for (String to : STAFF) {
            MailStub.Received cert = only(to, soon);
            assertTrue(cert.subject().contains("認証の有効期限"), cert.subject());
            assertTrue(cert.text().contains("プライバシーマーク"), cert.text());
            assertTrue(cert.text().contains("有効期限：" + today.plusDays(20)), cert.text());
            assertTrue(cert.text().contains("20日後"), cert.text());
            assertTrue(cert.text().contains("https://console.example.jp/third-parties#contractors"), cert.text());
            assertFalse(cert.text().contains(name), "no party name: " + cert.text());
            MailStub.Received audit = only(to, auditSoon);
            assertTrue(audit.subject().contains("監査期限"), audit.subject());
            assertTrue(audit.text().contains("監査期限：" + today.plusDays(10)), audit.text());
            assertEquals(List.of(), about(to, later), "expires in 31 days: not yet");
        }
        assertEquals(1, notices(TENANT, "CERTIFICATION_EXPIRING"));
        assertEquals(1, notices(TENANT, "AUDIT_DUE"));
    }

    @Test
    void shouldMailNothingForATenantWithoutStaffRecipients() throws Throwable {
        String tenant = "tenant-nostaff-" + UUID.randomUUID().toString().substring(0, 8);
        ContractorResourceTest.select(
                tenant,
                ContractorResourceTest.entrusted(tenant),
                LocalDate.now(JapanTime.ZONE).plusDays(5).toString());
        VertxContextSupport.subscribeAndAwait(() -> mails.run());
        assertEquals(0, count("SELECT count(*) FROM mail_outbox WHERE tenant_id = ?", tenant));
        assertEquals(0, count("SELECT count(*) FROM staff_mail_sent WHERE tenant_id = ?", tenant));
    }

    private static List<MailStub.Received> about(String to, String contractorId) {
        return MailStub.received(to).stream()
                .filter(m -> m.text().contains(contractorId))
                .toList();
    }

    /** The one mail about the contractor, once it came; a moment later still only that one. */
    private static MailStub.Received only(String to, String contractorId) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (about(to, contractorId).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        List<MailStub.Received> found = about(to, contractorId);
        assertEquals(1, found.size(), "one mail about " + contractorId + " for " + to + ": " + found);
        return found.get(0);
    }

    private static int notices(String tenant, String kind) throws SQLException {
        return count("SELECT count(*) FROM staff_mail_sent WHERE tenant_id = ? AND kind = '" + kind + "'", tenant);
    }

    private static int count(String sql, String tenant) {
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
