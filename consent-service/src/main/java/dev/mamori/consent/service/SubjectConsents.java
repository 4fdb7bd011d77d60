package dev.mamori.consent.service;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * What the decision cache holds about one person: their consent state per purpose. When read whole (every purpose
 * at once) it is <em>complete</em>, and a purpose with no entry is one the person never answered, so it can be
 * decided without the database; when filled pair by pair (batch decisions) only the entries present are known.
 * <p>
 * A person answers a handful of purposes, so the states sit in two short parallel arrays searched in order, with the
 * purpose codes interned (one copy per code, not one per person): a hash map per person cost more than the states
 * themselves. An entry never changes: a partial one grows by {@link #with}, which answers a new entry, so the cache
 * replaces it and weighs it again.
 */
public final class SubjectConsents {

    private static final String[] NO_CODES = new String[0];
    private static final ConsentState[] NO_STATES = new ConsentState[0];

    private final String[] codes;
    private final ConsentState[] states;
    private final boolean complete;
    private final boolean stoppedAll;
    private final String[] stoppedPurposes;
    private final boolean erased;

    private SubjectConsents(
            String[] codes,
            ConsentState[] states,
            boolean complete,
            boolean stoppedAll,
            String[] stoppedPurposes,
            boolean erased) {
        this.codes = codes;
        this.states = states;
        this.complete = complete;
        this.stoppedAll = stoppedAll;
        this.stoppedPurposes = stoppedPurposes;
        this.erased = erased;
    }

    /** Every purpose the person answered, with use stops already folded into each state. */
    public static SubjectConsents complete(
            Map<String, ConsentState> byPurpose, boolean stoppedAll, Set<String> stoppedPurposes) {
        return complete(byPurpose, stoppedAll, stoppedPurposes, false);
    }

    /** The same, for a person whose data was erased on their request ({@code erased}: every purpose is stopped). */
    public static SubjectConsents complete(
            Map<String, ConsentState> byPurpose, boolean stoppedAll, Set<String> stoppedPurposes, boolean erased) {
        String[] codes = new String[byPurpose.size()];
        ConsentState[] states = new ConsentState[byPurpose.size()];
        int i = 0;
        for (Map.Entry<String, ConsentState> e : byPurpose.entrySet()) {
            codes[i] = e.getKey().intern();
            states[i++] = e.getValue();
        }
        String[] stopped = stoppedPurposes.isEmpty()
                ? NO_CODES
                : stoppedPurposes.stream().map(String::intern).toArray(String[]::new);
        return new SubjectConsents(codes, states, true, stoppedAll || erased, stopped, erased);
    }

    static SubjectConsents partial() {
        return new SubjectConsents(NO_CODES, NO_STATES, false, false, NO_CODES, false);
    }

    /** The state for a purpose, or null when it is not known here and must be read. */
    public ConsentState state(String purposeCode) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(purposeCode)) {
                return states[i];
            }
        }
        if (!complete) {
            return null;
        }
        if (erased) {
            return ConsentState.NONE_ERASED;
        }
        return stoppedAll || contains(stoppedPurposes, purposeCode) ? ConsentState.NONE_STOPPED : ConsentState.NONE;
    }

    /** This entry with the state of one purpose set (added, or replacing what it held). */
    SubjectConsents with(String purposeCode, ConsentState state) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(purposeCode)) {
                ConsentState[] replaced = states.clone();
                replaced[i] = state;
                return new SubjectConsents(codes, replaced, complete, stoppedAll, stoppedPurposes, erased);
            }
        }
        String[] grownCodes = Arrays.copyOf(codes, codes.length + 1);
        grownCodes[codes.length] = purposeCode.intern();
        ConsentState[] grownStates = Arrays.copyOf(states, states.length + 1);
        grownStates[states.length] = state;
        return new SubjectConsents(grownCodes, grownStates, complete, stoppedAll, stoppedPurposes, erased);
    }

    public boolean complete() {
        return complete;
    }

    /** Approximate heap bytes of this entry and its key, for the cache's memory bound. */
    int weight(String key) {
        return 96 + 2 * key.length() + codes.length * (ConsentState.weight() + 8) + stoppedPurposes.length * 4;
    }

    private static boolean contains(String[] codes, String code) {
        for (String c : codes) {
            if (c.equals(code)) {
                return true;
            }
        }
        return false;
    }
}
