package dev.mamori.incident.service;

import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentReport;
import dev.mamori.incident.repository.IncidentReportRepository;
import dev.mamori.incident.repository.IncidentRepository;
import dev.mamori.incident.repository.StaffNoticeRepository;
import dev.mamori.platform.time.JapanTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Queues a staff notice (the platform outbox's table staff_notice) for every report to the PPC that falls due within
 * the due window or is overdue, over every tenant, once per incident and report. Mail does not exist yet: the rows
 * wait for the sender that will deliver them, and the due list shows the same incidents meanwhile.
 */
@ApplicationScoped
public class NoticeSweep {

    static final int LIMIT = 10_000;

    private final IncidentRepository incidents;
    private final IncidentReportRepository reports;
    private final StaffNoticeRepository staffNotices;
    private final IncidentConfig config;
    private final Clock clock;

    public NoticeSweep(
            IncidentRepository incidents,
            IncidentReportRepository reports,
            StaffNoticeRepository staffNotices,
            IncidentConfig config,
            Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.staffNotices = staffNotices;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${mamori.incident.notice-sweep}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "incident-notice-sweep")
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** Answers how many notices were queued now. */
    public Uni<Integer> sweep() {
        LocalDate today = JapanTime.today(clock);
        return Panache.withTransaction(() -> incidents.openInAllTenants(LIMIT).chain(found -> reports.ofIncidents(
                        found.stream().map(i -> i.id).toList())
                .chain(rs -> {
                    Map<java.util.UUID, List<IncidentReport>> byIncident =
                            rs.stream().collect(Collectors.groupingBy(r -> r.incidentId));
                    List<IncidentService.DueReport> due = IncidentService.dueAmong(
                            found.stream()
                                    .map(i -> IncidentFile.of(i, byIncident.getOrDefault(i.id, List.of()), List.of()))
                                    .toList(),
                            today,
                            config.dueWindowDays());
                    return Multi.createFrom()
                            .iterable(due)
                            .onItem()
                            .transformToUniAndConcatenate(d -> queue(d.file().incident(), d))
                            .collect()
                            .asList()
                            .map(queued -> (int) queued.stream()
                                    .filter(Boolean::booleanValue)
                                    .count());
                })));
    }

    private Uni<Boolean> queue(Incident i, IncidentService.DueReport d) {
        String when = d.daysLeft() < 0 ? "期限を" + (-d.daysLeft()) + "日過ぎています" : "期限まであと" + d.daysLeft() + "日";
        String message = "個人情報保護委員会への" + (d.stage() == dev.mamori.incident.ReportStage.PRELIMINARY ? "速報" : "確報")
                + "の期限は " + d.dueOn() + " です（" + when + "）: " + i.title;
        return staffNotices.queue(i.tenantId, i.id, d.stage() + "_DUE", d.dueOn(), message);
    }
}
