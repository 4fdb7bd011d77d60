package dev.mamori.console.web;

/** A form the console will not act on (a forged or stale form token, an action the person's role lacks). */
public class Refused extends RuntimeException {

    private final String messageKey;

    public Refused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
