package dev.mamori.thirdparty.service;

import dev.mamori.platform.mail.StaffMail;
import dev.mamori.platform.mail.StaffRecipients;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.repository.StaffNoticeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Mails the tenant's staff (platform {@link StaffRecipients}) when a contractor's certification in force expires,
 * or its periodic audit falls due, within {@code mamori.thirdparty.staff-mail.window-days} (30): APPI Art. 25 makes
 * the client supervise its contractors, and once either lapses no data may go to the contractor
 * ({@link ContractorStanding}). Each mail goes once whichever replica runs the job (platform {@link StaffMail}). A
 * tenant without staff recipients is not looked at.
 */
@ApplicationScoped
public class ContractorStaffMails {

    private static final Logger LOG = Logger.getLogger(ContractorStaffMails.class);

    private final StaffNoticeRepository notices;
    private final StaffRecipients staff;
    private final StaffMail staffMail;
    private final StaffMailConfig config;
    private final Clock clock;

    public ContractorStaffMails(
            StaffNoticeRepository notices,
            StaffRecipients staff,
            StaffMail staffMail,
            StaffMailConfig config,
            Clock clock) {
        this.notices = notices;
        this.staff = staff;
        this.staffMail = staffMail;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${mamori.thirdparty.staff-mail.every:6h}",
            delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "thirdparty-staff-mail")
    Uni<Void> scheduled() {
        return run().onFailure()
                .invoke(e -> LOG.warnf("Contractor staff mails failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One run over every tenant with staff recipients; answers how many mails (one per recipient list) went. */
    public Uni<Integer> run() {
        LocalDate today = JapanTime.today(clock);
        LocalDate horizon = today.plusDays(config.windowDays());
        return Multi.createFrom()
                .iterable(staff.tenants())
                .onItem()
                .transformToUniAndConcatenate(tenantId -> Panache.withTransaction(
                                () -> tenant(tenantId, today, horizon))
                        .onFailure()
                        .invoke(e -> LOG.warnf("Contractor staff mails of %s failed: %s", tenantId, e.toString()))
                        .onFailure()
                        .recoverWithItem(0))
                .collect()
                .asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> tenant(String tenantId, LocalDate today, LocalDate horizon) {
        String link = staff.consoleLink("third-parties#contractors");
        int limit = config.batchSize();
        Uni<List<Boolean>> certifications = notices.expiringWithoutNotice(tenantId, today, horizon, limit)
                .chain(found -> each(
                        found,
                        c -> send(
                                tenantId,
                                ContractorMails.Kind.CERTIFICATION_EXPIRING,
                                c.id().toString(),
                                c.expiresOn(),
                                () -> ContractorMails.certificationExpiring(
                                        tenantId,
                                        c.contractorId(),
                                        c.scheme(),
                                        c.number(),
                                        c.expiresOn(),
                                        today,
                                        link))));
        return certifications.chain(certs -> notices.auditsDueWithoutNotice(tenantId, today, horizon, limit)
                .chain(found -> each(
                        found,
                        a -> send(
                                tenantId,
                                ContractorMails.Kind.AUDIT_DUE,
                                a.contractorId().toString(),
                                a.dueOn(),
                                () -> ContractorMails.auditDue(tenantId, a.contractorId(), a.dueOn(), today, link))))
                .map(audits -> count(certs) + count(audits)));
    }

    private static <T> Uni<List<Boolean>> each(List<T> items, Function<T, Uni<Boolean>> send) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> send.apply(item))
                .collect()
                .asList();
    }

    private static int count(List<Boolean> sent) {
        return (int) sent.stream().filter(Boolean::booleanValue).count();
    }

    /** Queues the mail to every staff recipient unless it went already; answers whether it did. */
    private Uni<Boolean> send(
            String tenantId, ContractorMails.Kind kind, String subject, LocalDate day, Supplier<StaffMail.Text> mail) {
        return staffMail.sendOnce(tenantId, kind.name(), subject, day, mail);
    }
}
