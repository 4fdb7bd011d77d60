package dev.mamori.center.web;

/**
 * A post the privacy center will not act on, shown as a page with a message in the reader's language: a missing,
 * forged or stale form token (403), too many posts (429). Thrown before any service is called.
 */
public class Refused extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final String back;

    public Refused(int status, String messageKey, String back) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.back = back;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Where the reader may go from the page (the form they came from), or null. */
    public String back() {
        return back;
    }
}
