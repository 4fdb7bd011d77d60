package dev.mamori.consent.service;

import dev.mamori.consent.Consent;
import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.ConsentWithdrawal;
import dev.mamori.consent.Purpose;
import dev.mamori.consent.PurposeVersion;
import dev.mamori.consent.SensitiveCategory;
import dev.mamori.consent.UseStop;
import dev.mamori.consent.repository.ConsentRepository;
import dev.mamori.consent.repository.ConsentWithdrawalRepository;
import dev.mamori.consent.repository.ConsentWriter;
import dev.mamori.consent.repository.UseStopRepository;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.events.ChangeFeed;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.persistence.PlainWrites;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.validation.NotFutureValidator;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Recording consents and refusals with evidence, withdrawals, and a person's history (APPI Arts. 18, 20(2), 21). */
@ApplicationScoped
public class ConsentService {

    /** A consent with its withdrawal, if any. */
    public record RecordedConsent(Consent consent, ConsentWithdrawal withdrawal) {}

    /** Everything about one person's consents, for them and for disclosure requests (APPI Art. 33). */
    public record SubjectHistory(String subjectRef, List<RecordedConsent> consents, List<UseStop> useStops) {}

    public static final int MAX_IMPORT = 5000;

    private final ConsentRepository consents;
    private final ConsentWithdrawalRepository withdrawals;
    private final UseStopRepository useStops;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final Idempotency idempotency;
    private final DecisionCache cache;
    private final Clock clock;
    private final PlainWrites writes;
    private final ConsentWriter writer;

    public ConsentService(
            ConsentRepository consents,
            ConsentWithdrawalRepository withdrawals,
            UseStopRepository useStops,
            TenantContext tenant,
            AuditLog audit,
            ChangeFeed feed,
            Idempotency idempotency,
            DecisionCache cache,
            Clock clock,
            PlainWrites writes,
            ConsentWriter writer) {
        this.consents = consents;
        this.withdrawals = withdrawals;
        this.useStops = useStops;
        this.tenant = tenant;
        this.audit = audit;
        this.feed = feed;
        this.idempotency = idempotency;
        this.cache = cache;
        this.clock = clock;
        this.writes = writes;
        this.writer = writer;
    }

    /**
     * Records a consent or refusal, once per Idempotency-Key. Once it has committed, this replica forgets what it
     * cached about the person (the others hear it from the change feed), so a decision asked next sees it.
     */
    public Uni<Response> record(String idempotencyKey, ConsentDraft draft, Function<RecordedConsent, Response> answer) {
        String tenantId = tenant.tenantId();
        // One by one is how web forms and call centres send consents: a plain write of one round trip (the claim,
        // the row, the notice and the audit line with the commit) once the purpose version's facts are known to this
        // replica, and of two the first time (they are read, then kept until a purpose or policy notice).
        ConsentWriter.Facts known = cache.writeFacts(tenantId, draft.purpose(), draft.purposeVersion());
        long generation = cache.tenantGeneration();
        return writes.once(
                tenantId,
                idempotencyKey,
                "recordConsent",
                draft,
                connection -> known != null
                        ? Uni.createFrom().item(known)
                        : writer.facts(connection, tenantId, draft.purpose(), draft.purposeVersion())
                                .invoke(read -> cache.putWriteFacts(
                                        tenantId, draft.purpose(), draft.purposeVersion(), read, generation)),
                (facts, statements) -> record(tenantId, draft, facts, statements),
                answer,
                recorded -> cache.committed(tenantId, draft.subjectRef()));
    }

    /**
     * Imports existing consents (see below), once per Idempotency-Key; then the tenant's cached states are dropped
     * (also on a replay, as before: the answer does not say whose consents they were).
     */
    public Uni<Response> importAll(
            String idempotencyKey, ConsentImport batch, Function<List<Consent>, Response> answer) {
        String tenantId = tenant.tenantId();
        List<ConsentDraft> drafts = batch.consents();
        // Each (purpose, version) pair once, for the one keyed read of what the import is checked against.
        Map<String, Set<Integer>> asked = new HashMap<>();
        for (ConsentDraft d : drafts) {
            asked.computeIfAbsent(d.purpose(), code -> new HashSet<>()).add(d.purposeVersion());
        }
        List<String> codes = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        asked.forEach((code, vs) -> vs.forEach(v -> {
            codes.add(code);
            versions.add(v);
        }));
        // A bulk write of two round trips as one by one (PlainWrites): the read of every pair; then the claim, every
        // row in one statement, the notice and every audit line in one, with the commit.
        return writes.once(
                tenantId,
                idempotencyKey,
                "importConsents",
                batch,
                connection -> writer.importFacts(
                        connection, tenantId, codes.toArray(String[]::new), versions.toArray(Integer[]::new)),
                (facts, statements) -> importAll(tenantId, drafts, facts, statements),
                answer,
                imported -> cache.committed(tenantId, null));
    }

    /**
     * Withdraws a consent (see below), once per Idempotency-Key; then this replica forgets the person's cached state.
     * A replayed answer does not say whose consent it was, so then the tenant's cached states are dropped.
     */
    public Uni<Response> withdraw(
            String idempotencyKey, UUID consentId, WithdrawalDraft draft, Function<RecordedConsent, Response> answer) {
        return idempotency.once(
                idempotencyKey,
                "withdrawConsent:" + consentId,
                draft,
                () -> withdraw(consentId, draft),
                answer,
                withdrawn ->
                        cache.committed(tenant.tenantId(), withdrawn == null ? null : withdrawn.consent().subjectRef));
    }

    /**
     * Checks one draft against the facts read for it and adds its row, its change notice and its audit line to the
     * write; a refusal throws before anything is sent, so it leaves no row and no line.
     */
    private RecordedConsent record(
            String tenantId, ConsentDraft draft, ConsentWriter.Facts facts, PlainWrites.Statements write) {
        Map<String, Purpose> purposeByCode =
                facts.purpose() == null ? Map.of() : Map.of(facts.purpose().code, facts.purpose());
        Map<String, PurposeVersion> versionByKey = facts.version() == null
                ? Map.of()
                : Map.of(ConsentWriter.versionKey(facts.version().purposeId, facts.version().version), facts.version());
        WriteContext ctx = new WriteContext(purposeByCode, versionByKey, facts.guardianAgeThreshold());
        List<Problem.FieldError> errors = new ArrayList<>();
        Consent consent = build(tenantId, draft, ctx, "", errors);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        write.add(writer.insert(), writer.values(consent))
                .notice(DecisionCache.CONSENT_CHANNEL, DecisionCache.consentNotice(tenantId, consent.subjectRef))
                .audit(audit.entry(tenantId, "CONSENT_RECORDED", "consent", consent.id, consent.subjectRef));
        return new RecordedConsent(consent, null);
    }

    /**
     * Imports existing consents in one transaction: every row is checked first and, if any row is wrong, the
     * answer lists every wrong row and nothing is written (a refusal throws before anything is sent). Otherwise the
     * rows go in one statement, with one change notice for the tenant and one audit line per consent.
     */
    private List<Consent> importAll(
            String tenantId, List<ConsentDraft> drafts, ConsentWriter.ImportFacts facts, PlainWrites.Statements write) {
        WriteContext ctx = new WriteContext(facts.purposes(), facts.versions(), facts.guardianAgeThreshold());
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Consent> built = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            built.add(build(tenantId, drafts.get(i), ctx, "consents[" + i + "].", errors));
        }
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        write.add(writer.insertAll(), writer.valuesOfAll(built))
                .notice(DecisionCache.CONSENT_CHANNEL, DecisionCache.tenantNotice(tenantId));
        for (Consent c : built) {
            write.audit(audit.entry(tenantId, "CONSENT_IMPORTED", "consent", c.id, c.subjectRef));
        }
        return built;
    }

    /** Withdraws a consent. A consent is withdrawn once; asking again changes nothing and says so. */
    private Uni<RecordedConsent> withdraw(UUID consentId, WithdrawalDraft draft) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return consents.findForTenant(tenantId, consentId).chain(consent -> {
            if (consent == null) {
                throw ProblemException.notFound("Consent", consentId);
            }
            if (consent.decision != ConsentDecision.GIVEN) {
                throw ProblemException.conflict(
                        "not-withdrawable",
                        "Consent " + consentId + " records a refusal; there is nothing to withdraw");
            }
            OffsetDateTime withdrawnAt =
                    draft.withdrawnAt() == null ? now : draft.withdrawnAt().truncatedTo(ChronoUnit.MICROS);
            if (withdrawnAt.isAfter(now.plus(NotFutureValidator.CLOCK_SKEW))) {
                throw ProblemException.unprocessable(
                        "withdrawn-in-future",
                        "Withdrawal time is in the future",
                        "withdrawnAt",
                        "must not be in the future");
            }
            if (withdrawnAt.isBefore(consent.capturedAt)) {
                throw ProblemException.unprocessable(
                        "withdrawn-before-consent",
                        "Withdrawal precedes the consent",
                        "withdrawnAt",
                        "must not be before the consent was given (" + consent.capturedAt + ")");
            }
            return withdrawals.findForConsent(tenantId, consentId).chain(existing -> {
                if (existing != null) {
                    throw ProblemException.conflict(
                            "already-withdrawn",
                            "Consent " + consentId + " was already withdrawn at " + existing.withdrawnAt
                                    + "; nothing changed");
                }
                ConsentWithdrawal withdrawal = new ConsentWithdrawal();
                withdrawal.consentId = consentId;
                withdrawal.tenantId = tenantId;
                withdrawal.withdrawnAt = withdrawnAt;
                withdrawal.recordedAt = now;
                withdrawal.channel = draft.channel();
                withdrawal.reason = draft.reason();
                withdrawal.actorSubject = tenant.actorSubject();
                return withdrawals
                        .persist(withdrawal)
                        .call(() -> feed.publish(
                                DecisionCache.CONSENT_CHANNEL,
                                DecisionCache.consentNotice(tenantId, consent.subjectRef)))
                        .call(() -> audit.record("CONSENT_WITHDRAWN", "consent", consentId, consent.subjectRef))
                        .map(w -> new RecordedConsent(consent, w));
            });
        });
    }

    @WithTransaction
    public Uni<RecordedConsent> get(UUID consentId) {
        String tenantId = tenant.tenantId();
        return consents.findForTenant(tenantId, consentId).chain(consent -> {
            if (consent == null) {
                throw ProblemException.notFound("Consent", consentId);
            }
            return withdrawals
                    .findForConsent(tenantId, consentId)
                    .call(() -> audit.record("CONSENT_READ", "consent", consentId, consent.subjectRef))
                    .map(w -> new RecordedConsent(consent, w));
        });
    }

    /** A person's complete consent history in recording order, with withdrawals and use stops. */
    @WithTransaction
    public Uni<SubjectHistory> history(String subjectRef) {
        String tenantId = tenant.tenantId();
        return consents.historyOf(tenantId, subjectRef).chain(found -> withdrawals
                .forConsents(tenantId, found.stream().map(c -> c.id).toList())
                .chain(ws -> useStops.forSubject(tenantId, subjectRef).map(stops -> {
                    Map<UUID, ConsentWithdrawal> byConsent =
                            ws.stream().collect(Collectors.toMap(w -> w.consentId, Function.identity()));
                    return new SubjectHistory(
                            subjectRef,
                            found.stream()
                                    .map(c -> new RecordedConsent(c, byConsent.get(c.id)))
                                    .toList(),
                            stops);
                }))
                .call(() -> audit.record("CONSENT_HISTORY_READ", "subject", subjectRef, subjectRef)));
    }

    /**
     * Only the purposes the drafts name and the versions they ask, and the tenant's threshold, read once for a
     * write: what a write costs must not grow with how many purposes and versions the tenant has.
     */
    private record WriteContext(Map<String, Purpose> purposes, Map<String, PurposeVersion> versions, int threshold) {
        PurposeVersion version(Purpose p, int v) {
            return versions.get(ConsentWriter.versionKey(p.id, v));
        }
    }

    /** Builds the row for one draft, adding what is wrong with it to {@code errors} (fields prefixed). */
    private Consent build(
            String tenantId, ConsentDraft d, WriteContext ctx, String prefix, List<Problem.FieldError> errors) {
        OffsetDateTime now = now();
        OffsetDateTime capturedAt = d.evidence().capturedAt().truncatedTo(ChronoUnit.MICROS);
        int before = errors.size();
        if (capturedAt.isAfter(now.plus(NotFutureValidator.CLOCK_SKEW))) {
            errors.add(new Problem.FieldError(prefix + "evidence.capturedAt", "must not be in the future"));
        }
        if (d.expiresAt() != null && !d.expiresAt().isAfter(capturedAt)) {
            errors.add(new Problem.FieldError(prefix + "expiresAt", "must be after evidence.capturedAt"));
        }
        Purpose purpose = ctx.purposes().get(d.purpose());
        PurposeVersion version = purpose == null ? null : ctx.version(purpose, d.purposeVersion());
        if (purpose == null) {
            errors.add(new Problem.FieldError(prefix + "purpose", "the tenant has no purpose " + d.purpose()));
        } else if (version == null) {
            errors.add(new Problem.FieldError(
                    prefix + "purposeVersion",
                    "purpose " + d.purpose() + " has no version " + d.purposeVersion() + " (current: "
                            + purpose.currentVersion + ")"));
        }
        Set<SensitiveCategory> named =
                d.sensitiveCategoriesOrEmpty().isEmpty() ? Set.of() : EnumSet.copyOf(d.sensitiveCategoriesOrEmpty());
        if (version != null
                && d.decision() == ConsentDecision.GIVEN
                && !named.containsAll(version.sensitiveCategories)) {
            errors.add(new Problem.FieldError(
                    prefix + "sensitiveCategories",
                    "the purpose uses sensitive data " + version.sensitiveCategories
                            + "; an explicit consent must name every category (APPI Art. 20(2))"));
        }
        if (version != null && !version.sensitiveCategories.containsAll(named)) {
            errors.add(new Problem.FieldError(
                    prefix + "sensitiveCategories", "names categories the purpose version does not use"));
        }
        if (d.subjectBirthDate() != null) {
            if (d.subjectBirthDate().isAfter(capturedAt.toLocalDate())) {
                errors.add(new Problem.FieldError(prefix + "subjectBirthDate", "must be before the consent"));
            } else if (d.guardian() == null
                    && DecisionRules.ageAt(d.subjectBirthDate(), capturedAt) < ctx.threshold()) {
                errors.add(new Problem.FieldError(
                        prefix + "guardian",
                        "the person was under " + ctx.threshold()
                                + "; a statutory agent must consent for them (name, relation, how verified)"));
            }
        }
        String ip = null;
        if (d.evidence().ipAddress() != null) {
            ip = anonymise(d.evidence().ipAddress());
            if (ip == null) {
                errors.add(new Problem.FieldError(prefix + "evidence.ipAddress", "is not an IP address"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.subjectRef = d.subjectRef();
        c.purposeId = purpose.id;
        c.purposeCode = purpose.code;
        c.purposeVersion = version.version;
        c.decision = d.decision();
        c.method = d.method();
        c.channel = d.evidence().channel();
        c.operatorRef = d.evidence().operatorRef();
        c.actorSubject = tenant.actorSubject();
        c.actorClient = tenant.actorClient();
        c.noticeVersion = d.evidence().noticeVersion();
        c.language = d.evidence().language();
        c.capturedAt = capturedAt;
        c.recordedAt = now;
        c.userAgent = d.evidence().userAgent();
        c.anonymisedIp = ip;
        c.recordingRef = d.evidence().recordingRef();
        c.expiresAt = d.expiresAt() == null ? null : d.expiresAt().truncatedTo(ChronoUnit.MICROS);
        c.sensitiveCategories = d.decision() == ConsentDecision.GIVEN ? List.copyOf(named) : List.of();
        c.subjectBirthDate = d.subjectBirthDate();
        if (d.guardian() != null) {
            c.guardianName = d.guardian().name();
            c.guardianRelation = d.guardian().relation().name();
            c.guardianVerification = d.guardian().verification();
        }
        return c;
    }

    private static ProblemException refusal(List<Problem.FieldError> errors) {
        String kind = errors.size() == 1 ? kindOf(errors.get(0)) : "consent-rejected";
        return new ProblemException(
                422,
                kind,
                "Consent cannot be recorded",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                errors);
    }

    /** A stable problem type per rule, so a client can branch without parsing text. */
    private static String kindOf(Problem.FieldError error) {
        String field = error.field().replaceFirst("^consents\\[\\d+]\\.", "");
        return switch (field) {
            case "purpose" -> "unknown-purpose";
            case "purposeVersion" -> "unknown-purpose-version";
            case "sensitiveCategories" -> "sensitive-categories-required";
            case "guardian" -> "guardian-required";
            case "evidence.capturedAt" -> "captured-in-future";
            case "evidence.ipAddress" -> "invalid-ip-address";
            default -> "consent-rejected";
        };
    }

    /**
     * Keeps the network, drops the host: IPv4 to /24, IPv6 to /48. Enough to tell where a consent came from, not
     * who sent it.
     */
    static String anonymise(String ip) {
        // Literal addresses only: a name here would make the JVM ask DNS.
        boolean v4 = ip.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = ip.contains(":") && ip.matches("[0-9a-fA-F:.]{2,45}");
        if (!v4 && !v6) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
