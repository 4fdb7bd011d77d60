package dev.mamori.request.service;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The number a requester quotes for an online filing: {@code R-XXXX-XXXX} from 31 characters that cannot be misread
 * (no 0/O, 1/I/L), drawn at random, so it says nothing about how many requests a company has and cannot be guessed
 * (31^8, about 8.5 x 10^11 per tenant). Unique per tenant: the caller draws again on a clash.
 */
public final class ReceiptNumbers {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final String PATTERN = "R-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptNumbers() {}

    public static String next() {
        StringBuilder out = new StringBuilder("R-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    public static boolean valid(String receipt) {
        return receipt != null && VALID.matcher(receipt).matches();
    }
}
