package dev.mamori.consent.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the decision cache holds about one person: their consent state per purpose. When read whole (every purpose
 * at once) it is <em>complete</em>, and a purpose with no entry is one the person never answered, so it can be
 * decided without the database; when filled pair by pair (batch decisions) only the entries present are known.
 */
public final class SubjectConsents {

    private final Map<String, ConsentState> byPurpose;
    private final boolean complete;
    private final boolean stoppedAll;
    private final Set<String> stoppedPurposes;

    private SubjectConsents(Map<String, ConsentState> byPurpose, boolean complete, boolean stoppedAll,
                            Set<String> stoppedPurposes) {
        this.byPurpose = byPurpose;
        this.complete = complete;
        this.stoppedAll = stoppedAll;
        this.stoppedPurposes = stoppedPurposes;
    }

    /** Every purpose the person answered, with use stops already folded into each state. */
    public static SubjectConsents complete(Map<String, ConsentState> byPurpose, boolean stoppedAll,
                                           Set<String> stoppedPurposes) {
        return new SubjectConsents(new ConcurrentHashMap<>(byPurpose), true, stoppedAll, stoppedPurposes);
    }

    static SubjectConsents partial() {
        return new SubjectConsents(new ConcurrentHashMap<>(), false, false, Set.of());
    }

    /** The state for a purpose, or null when it is not known here and must be read. */
    public ConsentState state(String purposeCode) {
        ConsentState state = byPurpose.get(purposeCode);
        if (state != null || !complete) {
            return state;
        }
        return stoppedAll || stoppedPurposes.contains(purposeCode) ? ConsentState.NONE_STOPPED : ConsentState.NONE;
    }

    void put(String purposeCode, ConsentState state) {
        byPurpose.put(purposeCode, state);
    }

    public boolean complete() {
        return complete;
    }
}
