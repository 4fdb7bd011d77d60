package dev.mamori.consent.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mamori.consent.repository.ConsentWriter;
import dev.mamori.platform.events.ChangeFeed;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In-memory consent states, purpose facts and age thresholds for the use decision, kept correct across replicas:
 * every write publishes a notice on the service's change feed when it commits, and every replica drops what the
 * notice names. Two guards keep a stale value from surviving:
 * <ul>
 * <li>a value read from the database is kept only if no notice for it arrived while it was being read
 * (generation counters, striped by subject);</li>
 * <li>while the feed is disconnected nothing is cached or served from cache, and on reconnection everything is
 * dropped, since notices sent meanwhile are lost.</li>
 * </ul>
 * Entries also age out after a bounded time as a last line of defence.
 */
@ApplicationScoped
public class DecisionCache {

    public static final String CONSENT_CHANNEL = "consent_changed";
    public static final String PURPOSE_CHANNEL = "purpose_changed";
    private static final int STRIPES = 4096;
    /** Purpose versions whose write facts are kept (tenants x purposes x versions in use: a few hundred). */
    private static final int MAX_WRITE_FACTS = 10_000;

    private static final char SEP = '\t';

    private final ChangeFeed feed;
    private final boolean enabled;
    private final Cache<String, SubjectConsents> states;
    private final long maxBytes;
    private final Map<String, PurposeFacts> purposes = new ConcurrentHashMap<>();
    private final Map<String, Integer> thresholds = new ConcurrentHashMap<>();
    private final Map<String, ConsentWriter.Facts> writeFacts = new ConcurrentHashMap<>();
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong everything = new AtomicLong();

    public DecisionCache(
            ChangeFeed feed,
            @ConfigProperty(name = "mamori.consent.decision-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "mamori.consent.decision-cache.max-memory") Optional<MemorySize> maxMemory,
            @ConfigProperty(name = "mamori.consent.decision-cache.heap-share", defaultValue = "0.25")
                    double heapShare) {
        this.feed = feed;
        this.enabled = enabled;
        // Bounded by memory, not by a count of people: a pod's heap is what runs out. Unless set, a quarter of the
        // heap, so the same image fits a 512 MiB pod and a 4 GiB one (about 600 bytes for a person with five answers).
        this.maxBytes = maxMemory.map(MemorySize::asLongValue).orElse((long)
                (Runtime.getRuntime().maxMemory() * Math.min(Math.max(heapShare, 0.01), 0.9)));
        this.states = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, SubjectConsents>weigher((key, subject) -> subject.weight(key))
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
        if (enabled) {
            feed.listen(CONSENT_CHANNEL, this::onConsentNotice, this::clear);
            feed.listen(PURPOSE_CHANNEL, this::onPurposeNotice, this::clear);
        }
    }

    /** The notice a write of a person's consents or use stops publishes. */
    public static String consentNotice(String tenantId, String subjectRef) {
        return tenantId + SEP + subjectRef;
    }

    /** The notice that drops everything cached for a tenant (bulk imports, purpose and policy changes). */
    public static String tenantNotice(String tenantId) {
        return tenantId + SEP;
    }

    /** The memory the cached states may take, in bytes (estimated per entry). */
    public long maxBytes() {
        return maxBytes;
    }

    /** People whose states are cached now. */
    public long cachedSubjects() {
        states.cleanUp();
        return states.estimatedSize();
    }

    public boolean usable() {
        return enabled && feed.connected();
    }

    /** A generation token to take before reading from the database, for {@link #putState}. */
    public long generation(String tenantId, String subjectRef) {
        return (everything.get() << 32) | (stripes.get(stripe(tenantId, subjectRef)) & 0xffffffffL);
    }

    public ConsentState state(String tenantId, String subjectRef, String purposeCode) {
        if (!usable()) {
            return null;
        }
        SubjectConsents subject = states.getIfPresent(tenantId + SEP + subjectRef);
        return subject == null ? null : subject.state(purposeCode);
    }

    /** Keeps a person's whole consent state, read with the given generation token. */
    public void putSubject(String tenantId, String subjectRef, SubjectConsents subject, long generation) {
        if (!usable() || generation != generation(tenantId, subjectRef)) {
            return;
        }
        states.put(tenantId + SEP + subjectRef, subject);
        if (generation != generation(tenantId, subjectRef)) {
            states.invalidate(tenantId + SEP + subjectRef);
        }
    }

    public void putState(String tenantId, String subjectRef, String purposeCode, ConsentState state, long generation) {
        if (!usable() || generation != generation(tenantId, subjectRef)) {
            return;
        }
        // A new entry rather than a change inside the cached one, so that the cache weighs it again.
        states.asMap()
                .compute(tenantId + SEP + subjectRef, (k, known) -> (known == null ? SubjectConsents.partial() : known)
                        .with(purposeCode, state));
        if (generation != generation(tenantId, subjectRef)) {
            // A notice arrived between the check and the put: drop what may be stale.
            states.invalidate(tenantId + SEP + subjectRef);
        }
    }

    public PurposeFacts purpose(String tenantId, String code) {
        return usable() ? purposes.get(tenantId + SEP + code) : null;
    }

    public void putPurpose(String tenantId, String code, PurposeFacts facts, long generation) {
        if (usable() && generation == everything.get()) {
            purposes.put(tenantId + SEP + code, facts);
        }
    }

    public Integer threshold(String tenantId) {
        return usable() ? thresholds.get(tenantId) : null;
    }

    public void putThreshold(String tenantId, int threshold, long generation) {
        if (usable() && generation == everything.get()) {
            thresholds.put(tenantId, threshold);
        }
    }

    /**
     * What a consent naming this purpose version is checked against (the purpose, the version, the tenant's age
     * threshold), when it was read since the last purpose or policy change; otherwise null. Only facts of a version
     * that exists are kept: a version is never changed once published, and a new one is read from the database.
     */
    public ConsentWriter.Facts writeFacts(String tenantId, String purposeCode, int version) {
        return usable() ? writeFacts.get(writeFactsKey(tenantId, purposeCode, version)) : null;
    }

    public void putWriteFacts(
            String tenantId, String purposeCode, int version, ConsentWriter.Facts facts, long generation) {
        if (facts.version() != null
                && usable()
                && generation == everything.get()
                && writeFacts.size() < MAX_WRITE_FACTS) {
            writeFacts.put(writeFactsKey(tenantId, purposeCode, version), facts);
            if (generation != everything.get()) {
                // A purpose or policy notice arrived between the check and the put: drop what may be stale.
                writeFacts.clear();
            }
        }
    }

    private static String writeFactsKey(String tenantId, String purposeCode, int version) {
        return tenantId + SEP + purposeCode + SEP + version;
    }

    public long tenantGeneration() {
        return everything.get();
    }

    /**
     * The writer's own replica drops the entry as soon as its transaction commits, without waiting for its notice
     * to come back: a caller that withdraws and then asks the same replica must never see the old answer.
     */
    public void committed(String tenantId, String subjectRef) {
        onConsentNotice(subjectRef == null ? tenantNotice(tenantId) : consentNotice(tenantId, subjectRef));
    }

    private void onConsentNotice(String payload) {
        int sep = payload.indexOf(SEP);
        if (sep < 0 || sep == payload.length() - 1) {
            clear();
            return;
        }
        String tenantId = payload.substring(0, sep);
        String subjectRef = payload.substring(sep + 1);
        stripes.incrementAndGet(stripe(tenantId, subjectRef));
        states.invalidate(payload);
    }

    private void onPurposeNotice(String payload) {
        // Purposes and policies change rarely; dropping everything keeps the rule simple and obviously right.
        clear();
    }

    private void clear() {
        everything.incrementAndGet();
        states.invalidateAll();
        purposes.clear();
        thresholds.clear();
        writeFacts.clear();
    }

    private static int stripe(String tenantId, String subjectRef) {
        return ((tenantId.hashCode() * 31 + subjectRef.hashCode()) & 0x7fffffff) % STRIPES;
    }
}
