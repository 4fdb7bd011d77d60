package dev.mamori.request;

import static dev.mamori.request.Filings.sql;
import static dev.mamori.request.Intakes.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.service.StaffMailJobs;
import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff mails end to end, to a real SMTP server ({@link MailStub}): each kind arrives once at each of the tenant's
 * staff recipients, not again when a job runs twice, nothing for a tenant without recipients, and no personal data
 * in the body, only the request's id, receipt number, kind, due date and a console link.
 */
@QuarkusTest
class StaffMailTest {

    private static final String CONSOLE = "https://console.example.jp/requests/";

    @Inject
    StaffMailJobs jobs;

    @Test
    void shouldMailEachStaffRecipientOnceWhenARequestComesToAwaitADecision() {
        String tenant = "tenant-staffmail-1";
        String subject = Intakes.newSubject();
        String id = Intakes.create(tenant, "DISCLOSURE", subject);
        Workflow.verified(tenant, id);
        // Paused and resumed the same day: it awaits a decision again, but the staff already know.
        as(tenant, "operator")
                .body(Map.of("reason", "待っています"))
                .post("/v1/requests/" + id + "/pause")
                .then()
                .statusCode(200);
        as(tenant, "operator").post("/v1/requests/" + id + "/resume").then().statusCode(200);

        for (String to : List.of("dpo-1@example.jp", "ops-1@example.jp")) {
            MailStub.Received mail = only(to, id);
            assertTrue(mail.subject().contains("判断待ち"), mail.subject());
            assertTrue(mail.text().contains(CONSOLE + id), mail.text());
            assertTrue(mail.text().contains("保有個人データの開示"), mail.text());
            assertNoPersonalData(mail, subject);
        }
        assertEquals(1, notices(tenant, "AWAITING_DECISION", id));
    }

    @Test
    void shouldMailNearDueAndOverdueRequestsOnceEvenWhenTheJobRunsTwice() throws Throwable {
        String tenant = "tenant-staffmail-2";
        LocalDate today = JapanTime.today(Clock.systemUTC());
        String nearSubject = Intakes.newSubject();
        String near = Intakes.create(tenant, "ERASURE", nearSubject);
        String lateSubject = Intakes.newSubject();
        String late = Intakes.create(tenant, "USE_STOP", lateSubject);
        String later = Intakes.create(tenant, "DISCLOSURE", Intakes.newSubject());
        // An online filing: known only by what the requester typed until staff link it.
        var filed = Filings.filed(tenant, "CORRECTION");
        String online = filed.getString("requestId");
        String receipt = filed.getString("receiptNumber");
        dueOn(near, today);
        dueOn(late, today.minusDays(3));
        dueOn(online, today.minusDays(1));
        dueOn(later, today.plusDays(60));

        int first = VertxContextSupport.subscribeAndAwait(() -> jobs.dueMails());
        int second = VertxContextSupport.subscribeAndAwait(() -> jobs.dueMails());
        assertTrue(first >= 3, "near, late and the online filing: " + first);
        assertEquals(0, second, "a second run sends nothing new");

        String to = "dpo-2@example.jp";
        MailStub.Received nearMail = only(to, near);
        assertTrue(nearMail.subject().contains("回答期限が近い"), nearMail.subject());
        assertTrue(nearMail.text().contains("回答期限：" + today), nearMail.text());
        assertNoPersonalData(nearMail, nearSubject);
        MailStub.Received lateMail = only(to, late);
        assertTrue(lateMail.subject().contains("回答期限を過ぎた"), lateMail.subject());
        assertTrue(lateMail.text().contains("利用停止"), lateMail.text());
        assertNoPersonalData(lateMail, lateSubject);
        MailStub.Received onlineMail = only(to, online);
        assertTrue(onlineMail.subject().contains(receipt), onlineMail.subject());
        assertTrue(onlineMail.text().contains("受付番号：" + receipt), onlineMail.text());
        assertFalse(onlineMail.text().contains("山田"), onlineMail.text());
        assertFalse(onlineMail.text().contains("hanako@example.jp"), onlineMail.text());
        assertFalse(onlineMail.text().contains("C-1234"), onlineMail.text());
        assertEquals(0, mailsAbout(to, later).size(), "not due for weeks: no mail");
        assertEquals(1, notices(tenant, "NEAR_DUE", near));
        assertEquals(1, notices(tenant, "OVERDUE", late));
    }

    @Test
    void shouldMailTheDigestOnceADayWithTheCounts() throws Throwable {
        String tenant = "tenant-staffmail-3";
        LocalDate today = JapanTime.today(Clock.systemUTC());
        String awaiting = Intakes.create(tenant, "DISCLOSURE", Intakes.newSubject());
        Workflow.verified(tenant, awaiting);
        String late = Intakes.create(tenant, "ERASURE", Intakes.newSubject());
        dueOn(late, today.minusDays(5));
        String near = Intakes.create(tenant, "PURPOSE_NOTIFICATION", Intakes.newSubject());
        dueOn(near, today);
        Filings.filed(tenant, "DISCLOSURE");

        VertxContextSupport.subscribeAndAwait(() -> jobs.digest());
        VertxContextSupport.subscribeAndAwait(() -> jobs.digest());

        String to = "dpo-3@example.jp";
        List<MailStub.Received> digests = awaitMails(to, "お申し出の状況");
        assertEquals(1, digests.size(), "one digest a day: " + digests);
        String text = digests.get(0).text();
        assertTrue(
                digests.get(0).subject().contains(today.toString()),
                digests.get(0).subject());
        assertTrue(text.contains("対応中：4件"), text);
        assertTrue(text.contains("判断待ち：1件"), text);
        assertTrue(text.contains("回答期限間近：1件"), text);
        assertTrue(text.contains("期限超過：1件"), text);
        assertTrue(text.contains("オンライン受付で本人未特定：1件"), text);
        assertTrue(text.contains("https://console.example.jp/requests"), text);
        assertEquals(1, notices(tenant, "DIGEST", "digest"));
    }

    @Test
    void shouldMailNothingForATenantWithoutStaffRecipients() throws Throwable {
        String tenant = "tenant-nostaff-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Intakes.create(tenant, "DISCLOSURE", Intakes.newSubject());
        Workflow.verified(tenant, id);
        dueOn(id, JapanTime.today(Clock.systemUTC()).minusDays(2));
        VertxContextSupport.subscribeAndAwait(() -> jobs.dueMails());
        VertxContextSupport.subscribeAndAwait(() -> jobs.digest());
        assertEquals(0, Filings.mailsQueued(tenant));
        assertEquals(0, notices(tenant, null, null));
    }

    private static void assertNoPersonalData(MailStub.Received mail, String subjectRef) {
        for (String personal : List.of(Intakes.NAME, Intakes.EMAIL, Intakes.PHONE, Intakes.ADDRESS, subjectRef)) {
            assertFalse(mail.text().contains(personal), "no " + personal + " in " + mail.text());
            assertFalse(mail.subject().contains(personal), "no " + personal + " in " + mail.subject());
        }
    }

    private static void dueOn(String id, LocalDate day) {
        sql("UPDATE data_subject_request SET due_on = ? WHERE id = ?", day, UUID.fromString(id));
    }

    private static List<MailStub.Received> mailsAbout(String to, String requestId) {
        return MailStub.received(to).stream()
                .filter(m -> m.text().contains(CONSOLE + requestId))
                .toList();
    }

    /** The one mail about the request, once it came; a moment later still only that one. */
    private static MailStub.Received only(String to, String requestId) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (mailsAbout(to, requestId).isEmpty() && System.nanoTime() < until) {
            Workflow.sleep(100);
        }
        Workflow.sleep(1000);
        List<MailStub.Received> mails = mailsAbout(to, requestId);
        assertEquals(1, mails.size(), "one mail about " + requestId + " for " + to + ": " + mails);
        return mails.get(0);
    }

    private static List<MailStub.Received> awaitMails(String to, String subjectPart) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until
                && MailStub.received(to).stream().noneMatch(m -> m.subject().contains(subjectPart))) {
            Workflow.sleep(100);
        }
        Workflow.sleep(1000);
        return MailStub.received(to).stream()
                .filter(m -> m.subject().contains(subjectPart))
                .toList();
    }

    private static int notices(String tenant, String kind, String subject) {
        String where = kind == null ? "" : " AND kind = ? AND subject = ?";
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM staff_mail_sent WHERE tenant_id = ?" + where)) {
            s.setString(1, tenant);
            if (kind != null) {
                s.setString(2, kind);
                s.setString(3, subject);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
