package dev.mamori.consent.service;

import dev.mamori.consent.TenantPolicy;
import dev.mamori.consent.repository.ConsentStateReader;
import dev.mamori.platform.audit.AuditBuffer;
import dev.mamori.platform.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "may we use subject S's data for purpose P?" at high volume. Reads go to the cache first and to prepared
 * SQL otherwise; every decision is a read of a person's data and is audited through the audit buffer.
 */
@ApplicationScoped
public class DecisionService {

    public record Check(String subjectRef, String purpose) {}

    private final ConsentStateReader reader;
    private final DecisionCache cache;
    private final TenantContext tenant;
    private final AuditBuffer auditBuffer;
    private final Clock clock;

    public DecisionService(
            ConsentStateReader reader,
            DecisionCache cache,
            TenantContext tenant,
            AuditBuffer auditBuffer,
            Clock clock) {
        this.reader = reader;
        this.cache = cache;
        this.tenant = tenant;
        this.auditBuffer = auditBuffer;
        this.clock = clock;
    }

    public Uni<Decision> decide(String subjectRef, String purposeCode) {
        String tenantId = tenant.tenantId();
        auditBuffer.recordRead(tenantId, "USE_DECISION", "purpose", purposeCode, subjectRef);
        return purpose(tenantId, purposeCode).chain(purpose -> {
            if (!purpose.known()) {
                return Uni.createFrom().item(DecisionRules.decide(purpose, ConsentState.NONE, 0, now()));
            }
            return threshold(tenantId).chain(threshold -> state(tenantId, subjectRef, purposeCode)
                    .map(state -> DecisionRules.decide(purpose, state, threshold, now())));
        });
    }

    /** Many checks in one call; uncached states are read in one query. Results keep the order of the checks. */
    public Uni<List<Decision>> decideAll(List<Check> checks) {
        String tenantId = tenant.tenantId();
        auditBuffer.recordReads(
                tenantId,
                "USE_DECISION",
                "purpose",
                checks.stream().map(Check::purpose).toList(),
                checks.stream().map(Check::subjectRef).toList());
        Map<String, PurposeFacts> purposes = new HashMap<>();
        List<Uni<PurposeFacts>> lookups = new ArrayList<>();
        checks.stream()
                .map(Check::purpose)
                .distinct()
                .forEach(code -> lookups.add(purpose(tenantId, code).invoke(f -> purposes.put(code, f))));
        return Uni.join()
                .all(lookups)
                .andFailFast()
                .chain(() -> threshold(tenantId))
                .chain(threshold -> {
                    ConsentState[] states = new ConsentState[checks.size()];
                    List<Integer> missing = new ArrayList<>();
                    long[] generations = new long[checks.size()];
                    for (int i = 0; i < checks.size(); i++) {
                        Check c = checks.get(i);
                        generations[i] = cache.generation(tenantId, c.subjectRef());
                        states[i] = purposes.get(c.purpose()).known()
                                ? cache.state(tenantId, c.subjectRef(), c.purpose())
                                : ConsentState.NONE;
                        if (states[i] == null) {
                            missing.add(i);
                        }
                    }
                    Uni<Void> load = missing.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : reader.states(
                                            tenantId,
                                            missing.stream()
                                                    .map(i -> checks.get(i).subjectRef())
                                                    .toList(),
                                            missing.stream()
                                                    .map(i -> checks.get(i).purpose())
                                                    .toList())
                                    .invoke(loaded -> {
                                        for (int j = 0; j < missing.size(); j++) {
                                            int i = missing.get(j);
                                            states[i] = loaded.get(j);
                                            cache.putState(
                                                    tenantId,
                                                    checks.get(i).subjectRef(),
                                                    checks.get(i).purpose(),
                                                    states[i],
                                                    generations[i]);
                                        }
                                    })
                                    .replaceWithVoid();
                    return load.map(v -> {
                        OffsetDateTime now = now();
                        List<Decision> decisions = new ArrayList<>(checks.size());
                        for (int i = 0; i < checks.size(); i++) {
                            decisions.add(DecisionRules.decide(
                                    purposes.get(checks.get(i).purpose()), states[i], threshold, now));
                        }
                        return decisions;
                    });
                });
    }

    private Uni<PurposeFacts> purpose(String tenantId, String code) {
        PurposeFacts cached = cache.purpose(tenantId, code);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long generation = cache.tenantGeneration();
        return reader.purpose(tenantId, code).invoke(f -> cache.putPurpose(tenantId, code, f, generation));
    }

    private Uni<Integer> threshold(String tenantId) {
        Integer cached = cache.threshold(tenantId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long generation = cache.tenantGeneration();
        return reader.guardianAgeThreshold(tenantId, TenantPolicy.DEFAULT_GUARDIAN_AGE)
                .invoke(t -> cache.putThreshold(tenantId, t, generation));
    }

    private Uni<ConsentState> state(String tenantId, String subjectRef, String purposeCode) {
        ConsentState cached = cache.state(tenantId, subjectRef, purposeCode);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        // Read the person whole: the next question about them, for another purpose, is then answered from memory.
        long generation = cache.generation(tenantId, subjectRef);
        return reader.subject(tenantId, subjectRef).map(subject -> {
            cache.putSubject(tenantId, subjectRef, subject, generation);
            return subject.state(purposeCode);
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
