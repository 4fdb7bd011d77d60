package dev.mamori.incident.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.incident.AffectedCategory;
import dev.mamori.incident.DataOwner;
import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentReport;
import dev.mamori.incident.IncidentStatus;
import dev.mamori.incident.ReportStage;
import dev.mamori.incident.client.LedgerCategory;
import dev.mamori.incident.client.RetentionClient;
import dev.mamori.incident.repository.IncidentReportRepository;
import dev.mamori.incident.repository.IncidentRepository;
import dev.mamori.incident.repository.PersonNoticeRepository;
import dev.mamori.incident.repository.StaffNoticeRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Incidents of the calling tenant (APPI Art. 26): filing one with its scope from the ledger, the triage and its
 * override, the report clocks and the due list, and the reports to the PPC, each once and never changed.
 */
@ApplicationScoped
public class IncidentService {

    /** A "happened at" may be ahead of our clock by this much, as everywhere in the suite (@NotFuture's skew). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The due list reads at most this many open incidents of a tenant. */
    static final int OPEN_LIMIT = 5000;

    private final IncidentRepository incidents;
    private final IncidentReportRepository reports;
    private final PersonNoticeRepository personNotices;
    private final StaffNoticeRepository staffNotices;
    private final RetentionClient retention;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final IncidentConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public IncidentService(
            IncidentRepository incidents,
            IncidentReportRepository reports,
            PersonNoticeRepository personNotices,
            StaffNoticeRepository staffNotices,
            RetentionClient retention,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            IncidentConfig config,
            ObjectMapper json,
            Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.personNotices = personNotices;
        this.staffNotices = staffNotices;
        this.retention = retention;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Files an incident, once per Idempotency-Key. The ledger is read before the transaction starts. */
    public Uni<Response> create(
            String idempotencyKey,
            IncidentDraft draft,
            RetentionClient.Caller caller,
            Function<IncidentFile, Response> answer) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        checkRules(draft, tenantId, now);
        return scope(draft, caller)
                .chain(scope -> idempotency.once(
                        idempotencyKey, "createIncident", draft, () -> persist(draft, scope, tenantId, now), answer));
    }

    /** What the ledger said: the categories as described there and the persons counted. */
    record Scope(List<AffectedCategory> categories, int persons, boolean estimated, String basis, List<String> refs) {}

    private Uni<Scope> scope(IncidentDraft draft, RetentionClient.Caller caller) {
        List<String> codes =
                draft.categories().stream().map(CategoryScope::code).toList();
        if (new HashSet<>(codes).size() != codes.size()) {
            throw ProblemException.unprocessable(
                    "duplicate-category", "A category is named twice", "categories", "name each category once");
        }
        PersonsScope p = draft.persons();
        return Multi.createFrom()
                .iterable(draft.categories())
                .onItem()
                .transformToUniAndConcatenate(
                        c -> retention.category(caller, c.code()).map(found -> {
                            LedgerCategory l = found.orElseThrow(() -> ProblemException.unprocessable(
                                    "category-not-in-ledger",
                                    "Category not in the ledger",
                                    "categories",
                                    "the ledger has no category " + c.code()));
                            return new AffectedCategory(
                                    c.code(),
                                    l.nameJa(),
                                    l.nameEn(),
                                    l.items() == null ? List.of() : List.copyOf(l.items()),
                                    l.sensitive(),
                                    c.financialHarm());
                        }))
                .collect()
                .asList()
                .chain(categories -> {
                    if (p.fromLedger() != null) {
                        return retention
                                .count(
                                        caller,
                                        codes,
                                        p.fromLedger().owningSystems(),
                                        p.fromLedger().collectedFrom(),
                                        p.fromLedger().collectedTo())
                                .map(count -> new Scope(
                                        categories,
                                        (int) Math.min(Integer.MAX_VALUE, count.persons()),
                                        false,
                                        "LEDGER_COUNT",
                                        List.of()));
                    }
                    if (p.subjectRefs() != null) {
                        List<String> refs = List.copyOf(new java.util.LinkedHashSet<>(p.subjectRefs()));
                        return Uni.createFrom().item(new Scope(categories, refs.size(), false, "LISTED", refs));
                    }
                    return Uni.createFrom()
                            .item(new Scope(categories, p.count(), p.estimatedOrFalse(), "STATED", List.of()));
                });
    }

    private Uni<IncidentFile> persist(IncidentDraft draft, Scope scope, String tenantId, OffsetDateTime now) {
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.tenantId = tenantId;
        i.nature = draft.nature();
        i.kind = draft.kind();
        i.title = draft.title();
        i.summary = draft.summary();
        i.occurredAt = draft.occurredAt() == null ? null : draft.occurredAt().truncatedTo(ChronoUnit.MICROS);
        i.discoveredAt = draft.discoveredAt().truncatedTo(ChronoUnit.MICROS);
        i.discoveredHow = draft.discoveredHow();
        i.handler = draft.handler();
        i.status = IncidentStatus.OPEN;
        i.dataOwner = draft.dataOwner();
        i.clientTenantId = draft.clientTenantId();
        i.categories = scope.categories();
        i.personsCount = scope.persons();
        i.personsEstimated = scope.estimated();
        i.personsBasis = scope.basis();
        i.subjectRefs = scope.refs();
        i.unlawfulPurpose = draft.unlawfulPurpose();
        i.highlyEncrypted = draft.highlyEncrypted();
        i.preliminaryDays = config.preliminaryDays();
        apply(i, draft.narrative());
        if (i.status == null) {
            i.status = IncidentStatus.OPEN;
        }
        i.createdAt = now;
        i.createdBy = tenant.actorSubject();
        i.updatedAt = now;
        IncidentFile file = IncidentFile.of(i, List.of(), List.of());
        String message = "漏えい等事案が登録されました: " + i.title
                + (file.ppcReportRequired() ? "（報告対象。速報期限 " + file.preliminaryDueOn() + "）" : "");
        return incidents
                .persist(i)
                // The notice row refers to the incident: the insert must reach the database first.
                .call(incidents::flush)
                .call(() -> staffNotices.queue(tenantId, i.id, "FILED", null, message))
                .call(() -> audit.record("INCIDENT_FILED", "incident", i.id, null))
                .replaceWith(file);
    }

    @WithSession
    public Uni<IncidentFile> get(UUID id) {
        String tenantId = tenant.tenantId();
        return incidents.findInTenant(tenantId, id).chain(i -> file(tenantId, i, id));
    }

    Uni<IncidentFile> file(String tenantId, Incident i, UUID id) {
        if (i == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return reports.ofIncident(tenantId, i.id)
                .chain(rs -> personNotices.ofIncident(tenantId, i.id).map(ns -> IncidentFile.of(i, rs, ns)));
    }

    @WithSession
    public Uni<List<IncidentFile>> list(int offset, int limit) {
        String tenantId = tenant.tenantId();
        return incidents.listForTenant(tenantId, offset, limit).chain(found -> withReports(tenantId, found));
    }

    private Uni<List<IncidentFile>> withReports(String tenantId, List<Incident> found) {
        return reports.ofIncidents(tenantId, found.stream().map(i -> i.id).toList())
                .map(rs -> {
                    Map<UUID, List<IncidentReport>> byIncident =
                            rs.stream().collect(Collectors.groupingBy(r -> r.incidentId));
                    return found.stream()
                            .map(i -> IncidentFile.of(i, byIncident.getOrDefault(i.id, List.of()), List.of()))
                            .toList();
                });
    }

    /** A report falling due: which incident, which report, when, and how many days are left (negative: overdue). */
    public record DueReport(IncidentFile file, ReportStage stage, LocalDate dueOn, long daysLeft) {}

    /**
     * The tenant's open incidents whose next report to the PPC is due within {@code withinDays} days or overdue,
     * the most urgent first.
     */
    @WithSession
    public Uni<List<DueReport>> due(Integer withinDays) {
        String tenantId = tenant.tenantId();
        int window = withinDays == null ? config.dueWindowDays() : withinDays;
        LocalDate today = JapanTime.today(clock);
        return incidents
                .openForTenant(tenantId, OPEN_LIMIT)
                .chain(found -> withReports(tenantId, found))
                .map(files -> dueAmong(files, today, window));
    }

    static List<DueReport> dueAmong(List<IncidentFile> files, LocalDate today, int window) {
        List<DueReport> due = new ArrayList<>();
        for (IncidentFile f : files) {
            f.nextDue().ifPresent(d -> {
                long left = ReportClock.daysLeft(today, d.dueOn());
                if (left <= window) {
                    due.add(new DueReport(f, d.stage(), d.dueOn(), left));
                }
            });
        }
        due.sort(Comparator.comparingLong(DueReport::daysLeft)
                .thenComparing(d -> d.file().incident().discoveredAt));
        return due;
    }

    /** Replaces the handler's narrative (the report's items) and the status. */
    @WithTransaction
    public Uni<IncidentFile> narrate(UUID id, Narrative narrative) {
        String tenantId = tenant.tenantId();
        return locked(tenantId, id).chain(i -> {
            IncidentStatus before = i.status;
            apply(i, narrative);
            if (i.status == null) {
                i.status = before;
            }
            i.updatedAt = now();
            return audit.record("INCIDENT_NARRATIVE_CHANGED", "incident", i.id, null)
                    .chain(() -> file(tenantId, i, id));
        });
    }

    /** A privacy officer's decision on reportability, with its reason, over the rules' answer. */
    @WithTransaction
    public Uni<IncidentFile> override(UUID id, OverrideDraft draft) {
        String tenantId = tenant.tenantId();
        return locked(tenantId, id).chain(i -> {
            i.overrideReportable = draft.reportable();
            i.overrideReason = draft.reason();
            i.overrideBy = tenant.actorSubject();
            i.overrideAt = now();
            i.updatedAt = i.overrideAt;
            return audit.record("INCIDENT_TRIAGE_OVERRIDDEN", "incident", i.id, null)
                    .chain(() -> file(tenantId, i, id));
        });
    }

    /**
     * Records a report submitted to the PPC (PPC Rule 8) with the items as drafted now. Each report once: a report on
     * record is never changed, and the final one comes after the preliminary one.
     */
    @WithTransaction
    public Uni<IncidentReport> submit(UUID id, ReportSubmission submission) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return locked(tenantId, id).chain(i -> file(tenantId, i, id)).chain(file -> {
            Incident i = file.incident();
            if (file.report(submission.stage()).isPresent()) {
                throw ProblemException.conflict(
                        "report-already-submitted",
                        "The " + submission.stage() + " report of incident " + id
                                + " is on record and cannot be changed");
            }
            if (submission.stage() == ReportStage.FINAL
                    && file.report(ReportStage.PRELIMINARY).isEmpty()) {
                throw ProblemException.conflict(
                        "preliminary-report-missing",
                        "The final report comes after the preliminary one (PPC Rule 8(1), (2)); record the "
                                + "preliminary report first");
            }
            OffsetDateTime submittedAt = submission.submittedAt() == null
                    ? now
                    : submission.submittedAt().truncatedTo(ChronoUnit.MICROS);
            if (submittedAt.isAfter(now.plus(CLOCK_SKEW))) {
                throw ProblemException.unprocessable(
                        "submission-in-future", "Submission in the future", "submittedAt", "cannot be after now");
            }
            if (submittedAt.isBefore(i.discoveredAt)) {
                throw ProblemException.unprocessable(
                        "submission-before-discovery",
                        "Submission before discovery",
                        "submittedAt",
                        "cannot be before the company knew (" + i.discoveredAt + ")");
            }
            IncidentReport r = new IncidentReport();
            r.id = UUID.randomUUID();
            r.tenantId = tenantId;
            r.incidentId = i.id;
            r.stage = submission.stage();
            r.content = write(ReportDrafts.draft(file, submission.stage()));
            r.receptionNumber = submission.receptionNumber();
            r.submittedAt = submittedAt;
            r.submittedBy = tenant.actorSubject();
            r.recordedAt = now;
            i.updatedAt = now;
            return reports.persist(r)
                    .call(() -> audit.record("INCIDENT_REPORT_" + r.stage, "incident", i.id, null))
                    .replaceWith(r);
        });
    }

    @WithSession
    public Uni<List<IncidentReport>> reports(UUID id) {
        String tenantId = tenant.tenantId();
        return incidents.findInTenant(tenantId, id).chain(i -> {
            if (i == null) {
                throw ProblemException.notFound("Incident", id);
            }
            return reports.ofIncident(tenantId, id);
        });
    }

    /** The report to the PPC as the record now reads; the next report due when no stage is named. */
    public Uni<ReportDraft> draft(UUID id, ReportStage stage) {
        return get(id).map(file -> ReportDrafts.draft(
                file,
                stage != null
                        ? stage
                        : file.report(ReportStage.PRELIMINARY).isPresent()
                                ? ReportStage.FINAL
                                : ReportStage.PRELIMINARY));
    }

    Uni<Incident> locked(String tenantId, UUID id) {
        return incidents.lockInTenant(tenantId, id).map(i -> {
            if (i == null) {
                throw ProblemException.notFound("Incident", id);
            }
            return i;
        });
    }

    private String write(ReportDraft draft) {
        try {
            return json.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    private static void apply(Incident i, Narrative n) {
        if (n == null) {
            return;
        }
        i.status = n.status();
        i.cause = blankToNull(n.cause());
        i.secondaryHarm = blankToNull(n.secondaryHarm());
        i.publication = blankToNull(n.publication());
        i.prevention = blankToNull(n.prevention());
        i.otherNotes = blankToNull(n.otherNotes());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Rules a well-formed draft can still break; checked before anything is read or written. */
    static void checkRules(IncidentDraft d, String tenantId, OffsetDateTime now) {
        if (d.discoveredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable(
                    "discovery-in-future",
                    "Discovery in the future",
                    "discoveredAt",
                    "the company cannot have known after now");
        }
        if (d.occurredAt() != null && d.occurredAt().isAfter(d.discoveredAt())) {
            throw ProblemException.unprocessable(
                    "discovery-before-occurrence",
                    "Discovered before it happened",
                    "discoveredAt",
                    "the company knew before the incident happened (occurredAt " + d.occurredAt() + ")");
        }
        if (d.dataOwner() == DataOwner.CLIENT && d.clientTenantId() == null) {
            throw ProblemException.unprocessable(
                    "client-tenant-required",
                    "Client company missing",
                    "clientTenantId",
                    "a client company's data names the client's tenant");
        }
        if (d.dataOwner() == DataOwner.OWN && d.clientTenantId() != null) {
            throw ProblemException.unprocessable(
                    "client-tenant-not-expected",
                    "Client company on own data",
                    "clientTenantId",
                    "the tenant's own data has no client company; use dataOwner CLIENT");
        }
        if (tenantId.equals(d.clientTenantId())) {
            throw ProblemException.unprocessable(
                    "client-is-self",
                    "Client company is the tenant itself",
                    "clientTenantId",
                    "a client company is another tenant; for the tenant's own data use dataOwner OWN");
        }
        PersonsScope p = d.persons();
        int given = (p.count() == null ? 0 : 1) + (p.subjectRefs() == null ? 0 : 1) + (p.fromLedger() == null ? 0 : 1);
        if (given != 1) {
            throw ProblemException.unprocessable(
                    "persons-scope",
                    "Persons not given once",
                    "persons",
                    "give exactly one of count, subjectRefs or fromLedger");
        }
        if (p.estimated() != null && p.count() == null) {
            throw ProblemException.unprocessable(
                    "persons-scope", "Estimate without a count", "persons.estimated", "only a count is estimated");
        }
        if (p.fromLedger() != null
                && p.fromLedger().collectedFrom() != null
                && p.fromLedger().collectedTo() != null
                && !p.fromLedger().collectedFrom().isBefore(p.fromLedger().collectedTo())) {
            throw ProblemException.unprocessable(
                    "ledger-period", "Empty period", "persons.fromLedger.collectedTo", "must be after collectedFrom");
        }
    }
}
