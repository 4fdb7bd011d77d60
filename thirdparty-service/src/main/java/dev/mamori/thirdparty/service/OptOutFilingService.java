package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.OptOutFiling;
import dev.mamori.thirdparty.OptOutFilingVersion;
import dev.mamori.thirdparty.repository.OptOutFilingRepository;
import dev.mamori.thirdparty.repository.OptOutFilingVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** The tenant's opt-out filings (APPI Art. 27(2)-(4)) and their change log (Art. 27(3)). */
@ApplicationScoped
public class OptOutFilingService {

    public record FilingWithVersions(OptOutFiling filing, List<OptOutFilingVersion> versions) {}

    static final String RESOURCE = "opt-out-filing";

    private final OptOutFilingRepository filings;
    private final OptOutFilingVersionRepository versions;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public OptOutFilingService(
            OptOutFilingRepository filings,
            OptOutFilingVersionRepository versions,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.filings = filings;
        this.versions = versions;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Records a filing, once per Idempotency-Key. */
    public Uni<Response> create(
            String idempotencyKey, OptOutFilingDraft draft, Function<FilingWithVersions, Response> answer) {
        return idempotency.once(idempotencyKey, "createOptOutFiling", draft, () -> create(draft), answer);
    }

    @WithTransaction
    public Uni<FilingWithVersions> create(OptOutFilingDraft draft) {
        checkDates(draft);
        OffsetDateTime now = now();
        OptOutFiling filing = new OptOutFiling();
        filing.id = UUID.randomUUID();
        filing.tenantId = tenant.tenantId();
        filing.currentVersion = 1;
        filing.createdAt = now;
        filing.createdBy = tenant.actorSubject();
        OptOutFilingVersion v = version(filing, 1, draft, List.of("INITIAL"), now);
        return filings.persist(filing)
                .chain(() -> versions.persist(v))
                .call(() -> audit.record("OPT_OUT_FILED", RESOURCE, filing.id, null))
                .map(done -> new FilingWithVersions(filing, List.of(v)));
    }

    /** Records a change to a filing, once per Idempotency-Key. */
    public Uni<Response> change(
            String idempotencyKey, UUID id, OptOutFilingDraft draft, Function<FilingWithVersions, Response> answer) {
        return idempotency.once(
                idempotencyKey, "changeOptOutFiling", List.of(id, draft), () -> change(id, draft), answer);
    }

    /** A change filed with the PPC (Art. 27(3)): a new version listing the items that changed. */
    @WithTransaction
    public Uni<FilingWithVersions> change(UUID id, OptOutFilingDraft draft) {
        checkDates(draft);
        return owned(id).chain(filing -> {
            if (filing.withdrawnOn != null) {
                throw ProblemException.conflict(
                        "filing-withdrawn", "The filing is withdrawn as of " + filing.withdrawnOn);
            }
            return versions.versionsOf(id).chain(all -> {
                OptOutFilingVersion previous = all.get(all.size() - 1);
                List<String> changes = changes(previous, draft);
                if (changes.isEmpty()) {
                    throw ProblemException.unprocessable(
                            "no-change",
                            "The change changes nothing",
                            null,
                            "the items are the same as version " + previous.version);
                }
                if (draft.filedOn().isBefore(previous.filedOn)) {
                    throw ProblemException.unprocessable(
                            "filed-before-previous",
                            "A change is filed after the filing",
                            "filedOn",
                            "must not be before " + previous.filedOn);
                }
                OptOutFilingVersion v = version(filing, previous.version + 1, draft, changes, now());
                filing.currentVersion = v.version;
                List<OptOutFilingVersion> withNew = new ArrayList<>(all);
                withNew.add(v);
                return versions.persist(v)
                        .call(() -> audit.record("OPT_OUT_FILING_CHANGED", RESOURCE, filing.id, null))
                        .map(done -> new FilingWithVersions(filing, withNew));
            });
        });
    }

    @WithTransaction
    public Uni<FilingWithVersions> withdraw(UUID id, LocalDate withdrawnOn) {
        return owned(id).chain(filing -> {
            if (filing.withdrawnOn != null) {
                throw ProblemException.conflict(
                        "filing-withdrawn", "The filing is withdrawn as of " + filing.withdrawnOn);
            }
            return versions.versionsOf(id).chain(all -> {
                // Provision under the filing cannot end before it could start (Art. 27(2): filed in advance).
                LocalDate filedOn = all.get(0).filedOn;
                if (withdrawnOn.isBefore(filedOn)) {
                    throw ProblemException.unprocessable(
                            "withdrawal-before-filing",
                            "A filing is withdrawn after it was made",
                            "withdrawnOn",
                            "must not be before the " + "first filing on " + filedOn);
                }
                filing.withdrawnOn = withdrawnOn;
                return audit.record("OPT_OUT_FILING_WITHDRAWN", RESOURCE, filing.id, null)
                        .map(done -> new FilingWithVersions(filing, all));
            });
        });
    }

    @WithSession
    public Uni<FilingWithVersions> get(UUID id) {
        return owned(id).chain(f -> versions.versionsOf(id).map(all -> new FilingWithVersions(f, all)));
    }

    @WithSession
    public Uni<List<FilingWithVersions>> list(int offset, int limit) {
        return filings.listForTenant(tenant.tenantId(), offset, limit).chain(found -> {
            Uni<List<FilingWithVersions>> out = Uni.createFrom().item(new ArrayList<>());
            for (OptOutFiling f : found) {
                out = out.chain(list -> versions.versionsOf(f.id).map(all -> {
                    list.add(new FilingWithVersions(f, all));
                    return list;
                }));
            }
            return out;
        });
    }

    private Uni<OptOutFiling> owned(UUID id) {
        return filings.findInTenant(tenant.tenantId(), id).map(f -> {
            if (f == null) {
                throw ProblemException.notFound("Opt-out filing", id);
            }
            return f;
        });
    }

    /** Art. 27(2): the items are notified and filed in advance, so provision starts on or after the filing. */
    private void checkDates(OptOutFilingDraft draft) {
        LocalDate today = JapanTime.today(clock);
        if (draft.filedOn().isAfter(today)) {
            throw ProblemException.unprocessable(
                    "date-in-future",
                    "A filing cannot be recorded before it is made",
                    "filedOn",
                    "is after today (" + today + " in Japan)");
        }
        if (draft.provisionStartsOn().isBefore(draft.filedOn())) {
            throw ProblemException.unprocessable(
                    "provision-before-filing",
                    "Opt-out provision starts after the filing",
                    "provisionStartsOn",
                    "must not be before filedOn: the items are filed in advance (Art. 27(2))");
        }
    }

    private static List<String> changes(OptOutFilingVersion p, OptOutFilingDraft d) {
        List<String> changed = new ArrayList<>();
        if (!p.providerName.equals(d.providerName().strip())
                || !p.providerAddress.equals(d.providerAddress().strip())
                || !p.providerRepresentative.equals(d.providerRepresentative().strip())) {
            changed.add("provider");
        }
        if (!new LinkedHashSet<>(p.dataItems).equals(new LinkedHashSet<>(strip(d.dataItems())))) {
            changed.add("dataItems");
        }
        if (!p.acquisitionMethod.equals(d.acquisitionMethod().strip())) {
            changed.add("acquisitionMethod");
        }
        if (!p.provisionMethod.equals(d.provisionMethod().strip())) {
            changed.add("provisionMethod");
        }
        if (!p.requestMethod.equals(d.requestMethod().strip())) {
            changed.add("requestMethod");
        }
        if (!p.updateMethod.equals(d.updateMethod().strip())) {
            changed.add("updateMethod");
        }
        if (!Objects.equals(p.provisionStartsOn, d.provisionStartsOn())) {
            changed.add("provisionStartsOn");
        }
        return changed;
    }

    private OptOutFilingVersion version(
            OptOutFiling filing, int number, OptOutFilingDraft d, List<String> changes, OffsetDateTime now) {
        OptOutFilingVersion v = new OptOutFilingVersion();
        v.id = UUID.randomUUID();
        v.filingId = filing.id;
        v.tenantId = filing.tenantId;
        v.version = number;
        v.providerName = d.providerName().strip();
        v.providerAddress = d.providerAddress().strip();
        v.providerRepresentative = d.providerRepresentative().strip();
        v.dataItems = strip(d.dataItems());
        v.acquisitionMethod = d.acquisitionMethod().strip();
        v.provisionMethod = d.provisionMethod().strip();
        v.requestMethod = d.requestMethod().strip();
        v.updateMethod = d.updateMethod().strip();
        v.provisionStartsOn = d.provisionStartsOn();
        v.filedOn = d.filedOn();
        v.changes = changes;
        v.recordedAt = now;
        v.recordedBy = tenant.actorSubject();
        return v;
    }

    private static List<String> strip(List<String> values) {
        return List.copyOf(
                new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
