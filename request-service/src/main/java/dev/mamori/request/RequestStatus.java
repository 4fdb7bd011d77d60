package dev.mamori.request;

import java.util.List;

/**
 * Where a request stands. Intake leaves it IDENTITY_UNVERIFIED: nothing is disclosed or changed for a requester
 * whose identity (or agency, Art. 37(3)) is not verified. Verification hands it to the client company
 * (PENDING_DECISION); an approval starts the fulfilment across the suite (IN_PROGRESS). AWAITING_REQUESTER pauses
 * the clock while the requester owes something. COMPLETED, REFUSED and CANCELLED are terminal.
 */
public enum RequestStatus {
    IDENTITY_UNVERIFIED,
    AWAITING_REQUESTER,
    PENDING_DECISION,
    IN_PROGRESS,
    COMPLETED,
    REFUSED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == REFUSED || this == CANCELLED;
    }

    public static final List<RequestStatus> TERMINAL = List.of(COMPLETED, REFUSED, CANCELLED);
}
