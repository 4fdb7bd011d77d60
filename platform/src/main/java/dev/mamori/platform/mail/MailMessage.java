package dev.mamori.platform.mail;

import java.util.regex.Pattern;

/**
 * One plain-text mail to one recipient. Write the body Japanese first and with as little personal data as the
 * message needs (a code, a receipt number; not the request's content): it is kept, sealed, until it is sent.
 *
 * @param to      the recipient's address ({@link #isAddress}); check a caller's input with it before building one
 * @param subject one line, at most {@value #MAX_SUBJECT} characters
 * @param text    the body, plain text
 */
public record MailMessage(String to, String subject, String text) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 100_000;

    // Deliberately plain: one @, no white space, no characters that end or split an address in a header (<>,;"),
    // at most 254 characters (RFC 5321's path limit). What the relay accepts beyond that is the relay's to judge.
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"\\\\]{1,64}@[^\\s@<>,;\"\\\\]{1,189}");

    public MailMessage {
        if (!isAddress(to)) {
            throw new IllegalArgumentException("not a mail address: " + to);
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || hasControl(subject)) {
            throw new IllegalArgumentException("a mail subject is one line of 1-" + MAX_SUBJECT + " characters");
        }
        if (text == null || text.length() > MAX_TEXT || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a mail text is at most " + MAX_TEXT + " characters, without NUL");
        }
    }

    /** Whether {@code address} is one this mechanism sends to (one mailbox, nothing that could add a header). */
    public static boolean isAddress(String address) {
        return address != null
                && address.length() <= 254
                && ADDRESS.matcher(address).matches()
                && !hasControl(address);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
