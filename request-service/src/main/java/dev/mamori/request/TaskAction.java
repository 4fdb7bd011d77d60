package dev.mamori.request;

/** What a fulfilment task does at its target. */
public enum TaskAction {
    /** Read the person's consents and their history (disclosure, purpose notification). */
    FETCH_CONSENTS(TaskTarget.CONSENT),
    /** Read the person's holdings and their retention (disclosure, purpose notification). */
    FETCH_HOLDINGS(TaskTarget.RETENTION),
    /** Read the provision and receipt records about the person (Art. 33(5)). */
    FETCH_RECORDS(TaskTarget.THIRDPARTY),
    /** Art. 35(1)/(5): stop using the data. */
    STOP_USE(TaskTarget.CONSENT),
    /** Art. 35(1)/(5): erase the holdings, with a certificate. */
    ERASE(TaskTarget.RETENTION),
    /** Art. 35(3)/(5): refuse new provisions to third parties. */
    STOP_PROVISION(TaskTarget.THIRDPARTY),
    /** Art. 34: pass the decided correction to the owning system. */
    PASS_CORRECTION(TaskTarget.CLIENT_SYSTEM),
    /** A signed status callback to the client system. */
    STATUS_CALLBACK(TaskTarget.CLIENT_SYSTEM);

    private final TaskTarget target;

    TaskAction(TaskTarget target) {
        this.target = target;
    }

    public TaskTarget target() {
        return target;
    }

    /** Fulfilment is what the request waits for; callbacks only report on it. */
    public boolean isFulfilment() {
        return this != STATUS_CALLBACK;
    }
}
