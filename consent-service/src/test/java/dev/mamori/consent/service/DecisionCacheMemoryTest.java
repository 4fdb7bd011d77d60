package dev.mamori.consent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.SensitiveCategory;
import dev.mamori.platform.events.ChangeFeed;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The decision cache's compact states and its memory bound, without a service around them. */
class DecisionCacheMemoryTest {

    /** A change feed that is connected and never delivers a notice (not a bean: the services keep the real one). */
    @jakarta.enterprise.inject.Vetoed
    private static final class QuietFeed extends ChangeFeed {
        QuietFeed() {
            super(null, "postgresql://localhost:5432/none", "none", "none");
        }

        @Override
        public synchronized void listen(String channel, Consumer<String> handler, Runnable reset) {}

        @Override
        public boolean connected() {
            return true;
        }
    }

    @Test
    void aStateReadsBackExactlyWhatItWasGiven() {
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.of(2027, 3, 31, 23, 59, 59, 123_456_000, ZoneOffset.ofHours(9));
        OffsetDateTime captured = OffsetDateTime.of(2026, 11, 23, 1, 2, 3, 999_999_000, ZoneOffset.UTC);
        OffsetDateTime withdrawn = OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 1_000, ZoneOffset.UTC);
        Set<SensitiveCategory> sensitive = EnumSet.of(
                SensitiveCategory.values()[0], SensitiveCategory.values()[SensitiveCategory.values().length - 1]);
        ConsentState s = new ConsentState(
                id,
                ConsentDecision.REFUSED,
                7,
                expires,
                sensitive,
                LocalDate.of(2011, 2, 28),
                true,
                captured,
                withdrawn,
                true);

        assertEquals(id, s.consentId());
        assertEquals(ConsentDecision.REFUSED, s.decision());
        assertEquals(7, s.purposeVersion());
        assertTrue(expires.isEqual(s.expiresAt()), "same instant, told in UTC");
        assertEquals(ZoneOffset.UTC, s.expiresAt().getOffset());
        assertEquals(captured, s.capturedAt());
        assertEquals(withdrawn, s.withdrawnAt(), "instants before 1970 too");
        assertEquals(sensitive, s.sensitiveCategories());
        assertEquals(LocalDate.of(2011, 2, 28), s.subjectBirthDate());
        assertTrue(s.hasGuardian());
        assertTrue(s.stopped());

        ConsentState bare =
                new ConsentState(id, ConsentDecision.GIVEN, 1, null, Set.of(), null, false, captured, null, false);
        assertNull(bare.expiresAt());
        assertNull(bare.withdrawnAt());
        assertNull(bare.subjectBirthDate());
        assertEquals(Set.of(), bare.sensitiveCategories());
        assertNull(ConsentState.NONE.consentId());
        assertNull(ConsentState.NONE.decision());
    }

    @Test
    void aWholePersonAnswersEveryPurposeAndAPartialOneOnlyWhatItWasGiven() {
        ConsentState given = state(ConsentDecision.GIVEN);
        Map<String, ConsentState> answers = new LinkedHashMap<>();
        answers.put(new String("support"), given);
        answers.put("marketing", state(ConsentDecision.REFUSED));
        SubjectConsents whole = SubjectConsents.complete(answers, false, Set.of("research"));
        assertSame(given, whole.state("support"));
        assertEquals(ConsentDecision.REFUSED, whole.state("marketing").decision());
        assertSame(ConsentState.NONE, whole.state("never-answered"));
        assertSame(ConsentState.NONE_STOPPED, whole.state("research"));

        SubjectConsents empty = SubjectConsents.partial();
        assertNull(empty.state("support"), "unknown: must be read");
        SubjectConsents partial = empty.with("support", given)
                .with("marketing", state(ConsentDecision.REFUSED))
                .with("support", state(ConsentDecision.REFUSED));
        assertNull(empty.state("support"), "an entry never changes once cached");
        assertEquals(ConsentDecision.REFUSED, partial.state("support").decision(), "a later state replaces");
        assertEquals(ConsentDecision.REFUSED, partial.state("marketing").decision());
        assertNull(partial.state("research"));
    }

    @Test
    void theCacheKeepsNoMoreThanItsMemoryAllows() {
        long limit = 200_000;
        DecisionCache cache =
                new DecisionCache(new QuietFeed(), true, Optional.of(new MemorySize(BigInteger.valueOf(limit))), 0.25);
        assertEquals(limit, cache.maxBytes());
        for (int n = 0; n < 20_000; n++) {
            String person = "cust-" + n;
            Map<String, ConsentState> answers = new LinkedHashMap<>();
            for (String purpose : new String[] {"support", "marketing", "research", "partner-referral", "survey"}) {
                answers.put(purpose, state(ConsentDecision.GIVEN));
            }
            cache.putSubject(
                    "tenant-a",
                    person,
                    SubjectConsents.complete(answers, false, Set.of()),
                    cache.generation("tenant-a", person));
        }
        long kept = cache.cachedSubjects();
        // About 600 bytes a person: a few hundred fit, never all 20,000.
        assertTrue(kept > 100 && kept <= limit / 500, "kept " + kept + " people in " + limit + " bytes");
        int answered = 0;
        for (int n = 0; n < 20_000; n++) {
            answered += cache.state("tenant-a", "cust-" + n, "survey") == null ? 0 : 1;
        }
        assertEquals(kept, answered, "the people kept are the ones answered from memory");

        // Filled purpose by purpose (batch decisions), an entry is weighed again as it grows.
        DecisionCache pairByPair =
                new DecisionCache(new QuietFeed(), true, Optional.of(new MemorySize(BigInteger.valueOf(limit))), 0.25);
        for (int n = 0; n < 20_000; n++) {
            String person = "cust-" + n;
            for (String purpose : new String[] {"support", "marketing", "research", "partner-referral", "survey"}) {
                pairByPair.putState(
                        "tenant-a",
                        person,
                        purpose,
                        state(ConsentDecision.GIVEN),
                        pairByPair.generation("tenant-a", person));
            }
        }
        long keptPairByPair = pairByPair.cachedSubjects();
        assertTrue(
                keptPairByPair > 100 && keptPairByPair <= limit / 500,
                "kept " + keptPairByPair + " people of five answers each in " + limit + " bytes");

        DecisionCache byHeap = new DecisionCache(new QuietFeed(), true, Optional.empty(), 0.25);
        assertEquals(
                Runtime.getRuntime().maxMemory() / 4,
                byHeap.maxBytes(),
                Runtime.getRuntime().maxMemory() / 100);
    }

    private static ConsentState state(ConsentDecision decision) {
        return new ConsentState(
                UUID.randomUUID(),
                decision,
                1,
                null,
                Set.of(),
                null,
                false,
                OffsetDateTime.now(ZoneOffset.UTC),
                null,
                false);
    }
}
