package dev.mamori.retention.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.retention.ClientContract;
import dev.mamori.retention.ContractExtension;
import dev.mamori.retention.ContractStatus;
import dev.mamori.retention.DataCategory;
import dev.mamori.retention.PurgeRun;
import dev.mamori.retention.PurgeTrigger;
import dev.mamori.retention.repository.ClientContractRepository;
import dev.mamori.retention.repository.ContractExtensionRepository;
import dev.mamori.retention.repository.DataCategoryRepository;
import dev.mamori.retention.repository.HoldingRepository;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Client contracts and their extensions. Ending a contract or extending it recomputes, in one statement, the
 * deletion date of every holding collected under it (APPI Art. 22), so "deleted on D because rule R of contract C"
 * is always current.
 */
@ApplicationScoped
public class ContractService {

    private final ClientContractRepository contracts;
    private final ContractExtensionRepository extensions;
    private final DataCategoryRepository categories;
    private final HoldingRepository holdings;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final RetentionPolicy policy;
    private final Idempotency idempotency;
    private final PurgeService purge;
    private final Clock clock;

    public ContractService(
            ClientContractRepository contracts,
            ContractExtensionRepository extensions,
            DataCategoryRepository categories,
            HoldingRepository holdings,
            TenantContext tenant,
            AuditLog audit,
            RetentionPolicy policy,
            Idempotency idempotency,
            PurgeService purge,
            Clock clock) {
        this.contracts = contracts;
        this.extensions = extensions;
        this.categories = categories;
        this.holdings = holdings;
        this.tenant = tenant;
        this.audit = audit;
        this.policy = policy;
        this.idempotency = idempotency;
        this.purge = purge;
        this.clock = clock;
    }

    /** A contract, with how many holdings changed date as a result of the call. */
    public record Changed(ClientContract contract, int recomputed) {}

    /** A granted extension, with how many holdings changed date. */
    public record Extended(ContractExtension extension, int recomputed) {}

    /** Records a client contract, once per Idempotency-Key. */
    public Uni<Response> create(String idempotencyKey, ContractDraft draft, Function<ClientContract, Response> answer) {
        return idempotency.once(idempotencyKey, "createContract", draft, () -> create(draft), answer);
    }

    @WithTransaction
    public Uni<ClientContract> create(ContractDraft draft) {
        String tenantId = tenant.tenantId();
        if (draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw endBeforeStart(draft.endsOn(), draft.startsOn());
        }
        return contracts.findByRef(tenantId, draft.ref()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict(
                        "contract-exists", "Client contract " + draft.ref() + " already exists");
            }
            ClientContract c = new ClientContract();
            c.id = UUID.randomUUID();
            c.tenantId = tenantId;
            c.ref = draft.ref();
            c.name = draft.name();
            c.startsOn = draft.startsOn();
            c.endsOn = draft.endsOn();
            c.status = ContractStatus.ACTIVE;
            c.createdAt = now();
            c.createdBy = tenant.actorSubject();
            return contracts.persist(c).call(() -> audit.record("CONTRACT_CREATED", "contract", c.ref, null));
        });
    }

    /**
     * Ends the contract (below), once per Idempotency-Key; once that has committed, erases what became due, so the
     * answer ({@code answer} of the change and the purge run) says what was erased. A replay answers what the first
     * call stored, without the purge, which that call already ran.
     */
    public Uni<Response> end(
            String idempotencyKey, String ref, ContractEndDraft draft, BiFunction<Changed, PurgeRun, Response> answer) {
        return idempotency
                .answered(
                        idempotencyKey,
                        "endContract:" + ref,
                        draft,
                        () -> end(ref, draft),
                        changed -> answer.apply(changed, null))
                .chain(done -> done.replayed()
                        ? Uni.createFrom().item(done.response())
                        : purge.runNow(PurgeTrigger.CONTRACT_END).map(run -> answer.apply(done.result(), run)));
    }

    /**
     * Ends the contract on its last day of service: its holdings get their dates (contract end, plus the
     * category's or the extension's days). A last day in the past makes them due at once.
     */
    @WithTransaction
    public Uni<Changed> end(String ref, ContractEndDraft draft) {
        String tenantId = tenant.tenantId();
        return find(tenantId, ref).chain(c -> {
            if (c.status == ContractStatus.ENDED) {
                throw ProblemException.conflict(
                        "contract-ended", "Client contract " + ref + " already ended on " + c.endsOn);
            }
            if (draft.endsOn().isBefore(c.startsOn)) {
                throw endBeforeStart(draft.endsOn(), c.startsOn);
            }
            c.endsOn = draft.endsOn();
            c.status = ContractStatus.ENDED;
            c.endedAt = now();
            c.endedBy = tenant.actorSubject();
            return contracts
                    .flush()
                    .chain(() -> holdings.recomputeForContract(tenantId, ref, null, policy.zone()))
                    .call(() -> audit.record("CONTRACT_ENDED", "contract", ref, null))
                    .map(n -> new Changed(c, n));
        });
    }

    /** Grants an extension (below), once per Idempotency-Key. */
    public Uni<Response> extend(
            String idempotencyKey, String ref, ExtensionDraft draft, Function<Extended, Response> answer) {
        return idempotency.once(idempotencyKey, "extendContract:" + ref, draft, () -> extend(ref, draft), answer);
    }

    /** Grants an extension for named categories; it replaces an earlier extension of the same category. */
    @WithTransaction
    public Uni<Extended> extend(String ref, ExtensionDraft draft) {
        String tenantId = tenant.tenantId();
        Set<String> codes = new LinkedHashSet<>(draft.categoryCodes());
        return find(tenantId, ref)
                .chain(c -> categories.findByCodes(tenantId, codes).chain(found -> {
                    Set<String> known = new LinkedHashSet<>();
                    found.forEach((DataCategory k) -> known.add(k.code));
                    List<Problem.FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < draft.categoryCodes().size(); i++) {
                        String code = draft.categoryCodes().get(i);
                        if (!known.contains(code)) {
                            errors.add(new Problem.FieldError(
                                    "categoryCodes[" + i + "]", "data category " + code + " is not in the ledger"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new ProblemException(
                                422,
                                "unknown-category",
                                "Unknown data category",
                                errors.size() + " of the categories are not in the ledger",
                                errors);
                    }
                    ContractExtension e = new ContractExtension();
                    e.id = UUID.randomUUID();
                    e.tenantId = tenantId;
                    e.contractRef = ref;
                    e.categoryCodes = List.copyOf(codes);
                    e.days = draft.days();
                    e.reason = draft.reason();
                    e.grantedAt = now();
                    e.grantedBy = tenant.actorSubject();
                    return extensions
                            .persist(e)
                            .chain(extensions::flush)
                            .chain(() -> extensions.putInForce(e))
                            .chain(() -> holdings.recomputeForContract(tenantId, ref, codes, policy.zone()))
                            .call(() -> audit.record("CONTRACT_EXTENDED", "contract", ref, null))
                            .map(n -> new Extended(e, n));
                }));
    }

    @WithSession
    public Uni<ClientContract> get(String ref) {
        return find(tenant.tenantId(), ref);
    }

    @WithSession
    public Uni<List<ContractExtension>> extensionsOf(String ref, int offset, int limit) {
        String tenantId = tenant.tenantId();
        return find(tenantId, ref).chain(c -> extensions.listForContract(tenantId, ref, offset, limit));
    }

    @WithSession
    public Uni<List<ClientContract>> list(int offset, int limit) {
        return contracts.listForTenant(tenant.tenantId(), offset, limit);
    }

    private Uni<ClientContract> find(String tenantId, String ref) {
        return contracts.findByRef(tenantId, ref).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Client contract", ref);
            }
            return c;
        });
    }

    private static ProblemException endBeforeStart(LocalDate endsOn, LocalDate startsOn) {
        return ProblemException.unprocessable(
                "contract-end-before-start",
                "Contract ends before it starts",
                "endsOn",
                "endsOn " + endsOn + " is before startsOn " + startsOn);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
