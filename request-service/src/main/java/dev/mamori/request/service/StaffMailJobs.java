package dev.mamori.request.service;

import dev.mamori.platform.mail.StaffRecipients;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.request.repository.StaffNoticeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * The scheduled staff mails of the tenants that have staff recipients: a request near its due date (the tenant's
 * near-due window, 3 business days unless it set another) and one past it, each once per due date, and the daily
 * digest at 08:30 in Japan. Each tenant's run is a transaction of its own ({@link StaffNotices} sends each mail once,
 * whichever replica runs the job). Runs with every replica; {@code mamori.request.staff-mail.enabled=false} stops
 * them (tests call {@link #dueMails()} and {@link #digest()} by hand).
 */
@ApplicationScoped
public class StaffMailJobs {

    private static final Logger LOG = Logger.getLogger(StaffMailJobs.class);

    private final StaffNotices notices;
    private final StaffNoticeRepository repository;
    private final StaffRecipients staff;
    private final SettingsService settings;
    private final StaffMailConfig config;
    private final Clock clock;

    public StaffMailJobs(
            StaffNotices notices,
            StaffNoticeRepository repository,
            StaffRecipients staff,
            SettingsService settings,
            StaffMailConfig config,
            Clock clock) {
        this.notices = notices;
        this.repository = repository;
        this.staff = staff;
        this.settings = settings;
        this.config = config;
        this.clock = clock;
    }

    /** Skips every scheduled run while the staff mail jobs are off. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final StaffMailConfig config;

        public Disabled(StaffMailConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }

    @Scheduled(
            every = "${mamori.request.staff-mail.due-interval:1h}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    Uni<Void> onDueSchedule() {
        return dueMails()
                .onFailure()
                .invoke(e -> LOG.warnf("Staff due mails failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(
            cron = "${mamori.request.staff-mail.digest-cron:0 30 8 * * ?}",
            timeZone = JapanTime.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    Uni<Void> onDigestSchedule() {
        return digest().onFailure()
                .invoke(e -> LOG.warnf("Staff digest failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One run of the near-due and overdue mails over every tenant with staff recipients; answers how many went. */
    public Uni<Integer> dueMails() {
        LocalDate today = JapanTime.today(clock);
        return overTenants(tenantId -> Panache.withTransaction(() -> settings.effective(tenantId)
                .chain(sla -> repository.dueWithoutNotice(
                        tenantId,
                        today,
                        JapaneseBusinessCalendar.INSTANCE.plusBusinessDays(today, sla.nearDueBusinessDays()),
                        config.batchSize()))
                .chain(due -> Multi.createFrom()
                        .iterable(due)
                        .onItem()
                        .transformToUniAndConcatenate(r -> {
                            StaffMails.About about =
                                    new StaffMails.About(r.id(), r.receiptNumber(), r.type(), r.dueOn());
                            return Deadlines.overdue(r.dueOn(), false, today)
                                    ? notices.overdue(tenantId, about)
                                    : notices.nearDue(tenantId, about, Deadlines.businessDaysLeft(r.dueOn(), today));
                        })
                        .collect()
                        .asList()
                        .map(sent -> (int)
                                sent.stream().filter(Boolean::booleanValue).count()))));
    }

    /** Today's digest for every tenant with staff recipients (once a day each); answers how many went. */
    public Uni<Integer> digest() {
        LocalDate today = JapanTime.today(clock);
        return overTenants(tenantId -> Panache.withTransaction(() -> settings.effective(tenantId)
                .chain(sla -> repository.counts(
                        tenantId,
                        today,
                        JapaneseBusinessCalendar.INSTANCE.plusBusinessDays(today, sla.nearDueBusinessDays())))
                .chain(counts -> notices.digest(tenantId, today, counts))
                .map(sent -> sent ? 1 : 0)));
    }

    /** Runs {@code run} for each tenant in turn; one tenant's failure is logged and does not stop the others. */
    private Uni<Integer> overTenants(java.util.function.Function<String, Uni<Integer>> run) {
        return Multi.createFrom()
                .iterable(staff.tenants())
                .onItem()
                .transformToUniAndConcatenate(tenantId -> run.apply(tenantId)
                        .onFailure()
                        .invoke(e -> LOG.warnf("Staff mails of %s failed: %s", tenantId, e.toString()))
                        .onFailure()
                        .recoverWithItem(0))
                .collect()
                .asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
