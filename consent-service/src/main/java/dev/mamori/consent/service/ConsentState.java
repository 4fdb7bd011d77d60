package dev.mamori.consent.service;

import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.SensitiveCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the use decision needs to know about one person and one purpose: their latest answer (if any) with its
 * withdrawal, and whether use is stopped. Time-dependent facts (expiry) stay raw so a cached state is evaluated
 * against the clock at each decision.
 * <p>
 * The decision cache holds one of these per person and purpose, hundreds of thousands at a time, so it is kept
 * flat: the id as two longs, instants as microseconds since the epoch (what PostgreSQL stores), the birth date as
 * an epoch day and the sensitive categories as a bit set, about 80 bytes where the same facts as objects (UUID,
 * three OffsetDateTime, LocalDate, EnumSet) took about 450. The accessors rebuild the objects; they live for one
 * decision and die young.
 */
public final class ConsentState {

    private static final long NONE_TIME = Long.MIN_VALUE;
    private static final ConsentDecision[] DECISIONS = ConsentDecision.values();
    private static final SensitiveCategory[] CATEGORIES = SensitiveCategory.values();

    static {
        if (CATEGORIES.length > Integer.SIZE) {
            throw new IllegalStateException("sensitive categories no longer fit in an int");
        }
    }

    public static final ConsentState NONE =
            new ConsentState(null, null, 0, null, Set.of(), null, false, null, null, false);
    public static final ConsentState NONE_STOPPED =
            new ConsentState(null, null, 0, null, Set.of(), null, false, null, null, true);
    public static final ConsentState NONE_ERASED =
            new ConsentState(null, null, 0, null, Set.of(), null, false, null, null, true, true);

    private final long idHigh;
    private final long idLow;
    private final long expiresAt;
    private final long capturedAt;
    private final long withdrawnAt;
    private final int purposeVersion;
    private final int sensitive;
    private final int birthEpochDay;
    private final byte decision;
    private final boolean hasId;
    private final boolean hasBirthDate;
    private final boolean hasGuardian;
    private final boolean stopped;
    private final boolean erased;

    public ConsentState(
            UUID consentId,
            ConsentDecision decision,
            int purposeVersion,
            OffsetDateTime expiresAt,
            Set<SensitiveCategory> sensitiveCategories,
            LocalDate subjectBirthDate,
            boolean hasGuardian,
            OffsetDateTime capturedAt,
            OffsetDateTime withdrawnAt,
            boolean stopped) {
        this(
                consentId,
                decision,
                purposeVersion,
                expiresAt,
                sensitiveCategories,
                subjectBirthDate,
                hasGuardian,
                capturedAt,
                withdrawnAt,
                stopped,
                false);
    }

    /** {@code erased}: the person's data was erased on their request, which stops every use (APPI Art. 35(1), (5)). */
    public ConsentState(
            UUID consentId,
            ConsentDecision decision,
            int purposeVersion,
            OffsetDateTime expiresAt,
            Set<SensitiveCategory> sensitiveCategories,
            LocalDate subjectBirthDate,
            boolean hasGuardian,
            OffsetDateTime capturedAt,
            OffsetDateTime withdrawnAt,
            boolean stopped,
            boolean erased) {
        this.hasId = consentId != null;
        this.idHigh = hasId ? consentId.getMostSignificantBits() : 0;
        this.idLow = hasId ? consentId.getLeastSignificantBits() : 0;
        this.decision = (byte) (decision == null ? -1 : decision.ordinal());
        this.purposeVersion = purposeVersion;
        this.expiresAt = micros(expiresAt);
        int bits = 0;
        for (SensitiveCategory c : sensitiveCategories) {
            bits |= 1 << c.ordinal();
        }
        this.sensitive = bits;
        this.hasBirthDate = subjectBirthDate != null;
        this.birthEpochDay = hasBirthDate ? Math.toIntExact(subjectBirthDate.toEpochDay()) : 0;
        this.hasGuardian = hasGuardian;
        this.capturedAt = micros(capturedAt);
        this.withdrawnAt = micros(withdrawnAt);
        this.stopped = stopped || erased;
        this.erased = erased;
    }

    public UUID consentId() {
        return hasId ? new UUID(idHigh, idLow) : null;
    }

    public ConsentDecision decision() {
        return decision < 0 ? null : DECISIONS[decision];
    }

    public int purposeVersion() {
        return purposeVersion;
    }

    public OffsetDateTime expiresAt() {
        return time(expiresAt);
    }

    public Set<SensitiveCategory> sensitiveCategories() {
        if (sensitive == 0) {
            return Set.of();
        }
        EnumSet<SensitiveCategory> set = EnumSet.noneOf(SensitiveCategory.class);
        for (SensitiveCategory c : CATEGORIES) {
            if ((sensitive & (1 << c.ordinal())) != 0) {
                set.add(c);
            }
        }
        return set;
    }

    public LocalDate subjectBirthDate() {
        return hasBirthDate ? LocalDate.ofEpochDay(birthEpochDay) : null;
    }

    public boolean hasGuardian() {
        return hasGuardian;
    }

    public OffsetDateTime capturedAt() {
        return time(capturedAt);
    }

    public OffsetDateTime withdrawnAt() {
        return time(withdrawnAt);
    }

    public boolean stopped() {
        return stopped;
    }

    public boolean erased() {
        return erased;
    }

    /** Approximate heap bytes of one state, for the cache's memory bound. */
    static int weight() {
        return 80;
    }

    private static long micros(OffsetDateTime t) {
        if (t == null) {
            return NONE_TIME;
        }
        Instant i = t.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    }

    private static OffsetDateTime time(long micros) {
        return micros == NONE_TIME
                ? null
                : Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentState s
                && s.idHigh == idHigh
                && s.idLow == idLow
                && s.hasId == hasId
                && s.decision == decision
                && s.purposeVersion == purposeVersion
                && s.expiresAt == expiresAt
                && s.sensitive == sensitive
                && s.hasBirthDate == hasBirthDate
                && s.birthEpochDay == birthEpochDay
                && s.hasGuardian == hasGuardian
                && s.capturedAt == capturedAt
                && s.withdrawnAt == withdrawnAt
                && s.stopped == stopped
                && s.erased == erased;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(idHigh ^ idLow) * 31 + purposeVersion + (stopped ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ConsentState[" + consentId() + ", " + decision() + ", v" + purposeVersion + ", stopped=" + stopped
                + ", erased=" + erased + "]";
    }
}
