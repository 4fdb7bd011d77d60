package dev.mamori.thirdparty.client;

import dev.mamori.thirdparty.service.ThirdPartyConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A circuit breaker per tenant for the calls to consent-service. One breaker shared by every tenant let one tenant's
 * failing calls (a handful of bad checks) answer 503 to every other tenant for the breaker's delay; here a tenant
 * whose calls really fail opens only its own breaker. What counts as a failure: a 5xx, a timeout, no connection.
 * consent-service refusing the call ({@link ConsentRejected}, a 4xx caused by what the caller sent) is the caller's
 * problem and counts as a success: it tells that consent-service is answering.
 *
 * <p>Each breaker looks at the last {@value #WINDOW} calls; when at least half of them failed it opens for
 * {@code mamori.thirdparty.consent.breaker-open-for}, then lets one trial call through: a success closes it, a failure
 * opens it again. At most {@value #MAX_TENANTS} breakers are kept, the least recently used forgotten first: a
 * forgotten tenant starts again with a closed breaker, which only lets that tenant try again sooner.
 */
@ApplicationScoped
public class TenantBreakers {

    static final int WINDOW = 10;
    static final int MAX_TENANTS = 10_000;

    private final Duration openFor;
    private final Map<String, Breaker> byTenant = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Breaker> eldest) {
            return size() > MAX_TENANTS;
        }
    };

    public TenantBreakers(ThirdPartyConfig config) {
        this.openFor = config.consent().breakerOpenFor();
    }

    /** The call, unless the tenant's breaker is open (then {@link CircuitBreakerOpenException}); its outcome counted. */
    public <T> Uni<T> call(String tenantId, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Breaker breaker = breaker(tenantId);
            if (!breaker.tryAcquire(System.nanoTime())) {
                return Uni.createFrom()
                        .failure(new CircuitBreakerOpenException(
                                "consent-service calls for tenant " + tenantId + " failed repeatedly"));
            }
            return call.get()
                    .onItemOrFailure()
                    .invoke((item, failure) ->
                            breaker.record(failure == null || failure instanceof ConsentRejected, System.nanoTime()))
                    .onCancellation()
                    .invoke(breaker::release);
        });
    }

    /** Whether the tenant's breaker refuses calls now. */
    public boolean isOpen(String tenantId) {
        synchronized (byTenant) {
            Breaker b = byTenant.get(tenantId);
            return b != null && b.isOpen(System.nanoTime());
        }
    }

    /** Closes every breaker (tests: one test's outage must not leak into the next). */
    public void resetAll() {
        synchronized (byTenant) {
            byTenant.clear();
        }
    }

    private Breaker breaker(String tenantId) {
        synchronized (byTenant) {
            return byTenant.computeIfAbsent(tenantId, t -> new Breaker(openFor.toNanos()));
        }
    }

    /** One tenant's breaker: closed (counting the last calls), open (refusing) or half-open (one trial call). */
    static final class Breaker {
        private final long openForNanos;
        private final boolean[] failed = new boolean[WINDOW];
        private int next;
        private int seen;
        private int failures;
        private long openedAt;
        private boolean open;
        private boolean trialRunning;

        Breaker(long openForNanos) {
            this.openForNanos = openForNanos;
        }

        synchronized boolean tryAcquire(long now) {
            if (!open) {
                return true;
            }
            if (now - openedAt < openForNanos || trialRunning) {
                return false;
            }
            trialRunning = true;
            return true;
        }

        synchronized void record(boolean success, long now) {
            if (open) {
                if (!trialRunning) {
                    return; // a call let through before the breaker opened: its outcome no longer matters
                }
                trialRunning = false;
                if (success) {
                    close();
                } else {
                    openedAt = now;
                }
                return;
            }
            if (seen == WINDOW && failed[next]) {
                failures--;
            }
            failed[next] = !success;
            if (!success) {
                failures++;
            }
            next = (next + 1) % WINDOW;
            seen = Math.min(seen + 1, WINDOW);
            if (seen == WINDOW && failures * 2 >= WINDOW) {
                open = true;
                openedAt = now;
            }
        }

        synchronized void release() {
            trialRunning = false;
        }

        synchronized boolean isOpen(long now) {
            return open && (trialRunning || now - openedAt < openForNanos);
        }

        private void close() {
            open = false;
            java.util.Arrays.fill(failed, false);
            next = 0;
            seen = 0;
            failures = 0;
        }
    }
}
