package dev.mamori.request.service;

/**
 * Shortens personal data to what lets staff recognise it without reading it: enough to say "the address you gave
 * starting with t at example.jp" on the phone, not enough to contact the person.
 */
public final class Masking {

    static final String HIDDEN = "***";

    private Masking() {}

    /** {@code taro@example.jp} becomes {@code t***@example.jp}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return HIDDEN;
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + HIDDEN + email.substring(at);
    }

    /** Every digit but the last four becomes {@code *}; separators stay: {@code 090-1234-5678} → {@code ***-****-5678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(phone.length());
        long seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > digits - 4 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A postal address is hidden whole: any part of it narrows down where the person lives. */
    public static String postalAddress(String address) {
        return address == null ? null : HIDDEN;
    }

    /** {@code 山田太郎} becomes {@code 山***}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + HIDDEN;
    }
}
