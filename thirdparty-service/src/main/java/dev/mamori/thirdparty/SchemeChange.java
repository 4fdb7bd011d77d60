package dev.mamori.thirdparty;

/** What a new version of a joint-use scheme changes, which decides the notice it needs (APPI Art. 27(5)(iii), 27(6)). */
public enum SchemeChange {
    /** The first version: the five items are notified or made easily known before joint use starts (Art. 27(5)(iii) "in advance"). */
    INITIAL(Notice.ADVANCE),
    /**
     * The same responsible person's name, address or representative: notified without delay (Art. 27(6), first
     * part). The suite records the notice date and requires it by the day the change takes effect, so a version is
     * never in force before the principals could know who answers for their data.
     */
    RESPONSIBLE_DETAILS(Notice.BY_EFFECTIVE_DATE),
    /** Another person becomes responsible for management: notified in advance (Art. 27(6), second part). */
    RESPONSIBLE_PERSON(Notice.ADVANCE),
    /** The purposes of use: notified in advance (Art. 27(6), second part). */
    PURPOSES(Notice.ADVANCE),
    /** Data items or joint users removed: narrows the scheme, which the principal is not harmed by. */
    SCOPE_NARROWED(Notice.NONE);

    /** When the principals must have been told of a change, relative to its effective date. */
    public enum Notice {
        /** noticeOn before effectiveFrom. */
        ADVANCE,
        /** noticeOn on or before effectiveFrom. */
        BY_EFFECTIVE_DATE,
        /** No notice date required. */
        NONE
    }

    private final Notice notice;

    SchemeChange(Notice notice) {
        this.notice = notice;
    }

    public Notice notice() {
        return notice;
    }
}
