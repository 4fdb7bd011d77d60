package dev.mamori.request;

/** The client company's answer to a request (APPI Arts. 32(3), 33(3), 34(3), 35(7): each is notified). */
public enum DecisionOutcome {
    APPROVED,
    /** Part is done, part refused with a ground and reason (Art. 36). */
    PARTIALLY_APPROVED,
    /** Refused with a ground and reason (Art. 36). */
    REFUSED,
    /** No retained personal data about the person (Art. 33(3): notified without delay). */
    NO_DATA;

    public RequestEventKind eventKind() {
        return RequestEventKind.valueOf(name());
    }
}
