package dev.mamori.request;

/**
 * Where a request stands. Intake leaves it IDENTITY_UNVERIFIED: nothing is disclosed or changed for a requester
 * whose identity (or agency, Art. 37(3)) is not verified. The statuses between verification and the decision
 * arrive with the next slices; COMPLETED, REFUSED and CANCELLED are terminal.
 */
public enum RequestStatus {
    IDENTITY_UNVERIFIED,
    COMPLETED,
    REFUSED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == REFUSED || this == CANCELLED;
    }

    public static final java.util.List<RequestStatus> TERMINAL = java.util.List.of(COMPLETED, REFUSED, CANCELLED);
}
