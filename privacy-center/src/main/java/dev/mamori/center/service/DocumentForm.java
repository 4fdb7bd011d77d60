package dev.mamori.center.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identity document upload form as posted, checked before anything is sent: which document,
 * which side, whose identity it proves (Art. 37(3): an agent proves their own), and the requester's declarations
 * that the copy shows no My Number (My Number Act Art. 20: it may not be collected) and, for a health-insurance
 * document, that the insurer number is masked (Health Insurance Act Art. 194-2). request-service checks everything
 * again; its field errors land on this form's fields ({@link #fieldOf}).
 */
public final class DocumentForm {

    /**
     * The documents a requester may upload (request-service's IdentityDocumentType), photo documents first. The old
     * health-insurance card is not offered: it ceased to be valid on 2025-12-01.
     */
    public static final List<String> TYPES = List.of(
            "DRIVERS_LICENSE",
            "MY_NUMBER_CARD",
            "PASSPORT",
            "RESIDENCE_CARD",
            "SPECIAL_PERMANENT_RESIDENT_CERTIFICATE",
            "HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE",
            "PENSION_BOOK",
            "RESIDENT_RECORD_COPY");

    /** "NONE": a one-sided document, or the side does not matter. */
    public static final List<String> SIDES = List.of("FRONT", "BACK", "NONE");

    public static final List<String> HOLDERS = List.of("PERSON", "AGENT");

    /** The form's fields, in the order the page shows them. */
    public static final List<String> FIELDS =
            List.of("documentType", "side", "provesIdentityOf", "noMyNumber", "insurerNumberMasked", "file");

    /** request-service's receipt numbers, e.g. R-7KQ4-M2XD (anything else cannot be one: nothing is sent). */
    static final Pattern RECEIPT = Pattern.compile("R-[A-Z0-9]{4}-[A-Z0-9]{4}");

    /** URL-safe base64 (the service's tokens are of 32 random bytes; some slack either way). */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,200}");

    private DocumentForm() {}

    /** The file as the browser sent it: its name as given, its size, whether there was one at all. */
    public record FileInfo(String name, long size) {}

    /** The document to send, when {@code errors} is empty. */
    public record Read(
            String documentType,
            String side,
            String provesIdentityOf,
            Boolean insurerNumberMasked,
            String fileName,
            Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static boolean isHealthInsurance(String type) {
        return type != null && type.startsWith("HEALTH_INSURANCE");
    }

    public static boolean validReceipt(String receiptNumber) {
        return receiptNumber != null && RECEIPT.matcher(receiptNumber).matches();
    }

    public static boolean validToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** Reads the posted values (blank ones left out) and the file; message keys by field where something is wrong. */
    public static Read read(Map<String, String> v, FileInfo file, long maxBytes) {
        Map<String, String> errors = new LinkedHashMap<>();
        String type = v.get("documentType");
        if (type == null) {
            errors.put("documentType", "error.choose");
        } else if (!TYPES.contains(type)) {
            errors.put("documentType", "error.invalid");
        }
        String side = v.getOrDefault("side", "NONE");
        if (!SIDES.contains(side)) {
            errors.put("side", "error.invalid");
        } else if ("MY_NUMBER_CARD".equals(type) && !"FRONT".equals(side)) {
            // The back carries the My Number, which is never collected (My Number Act Art. 20).
            errors.put("side", "upload.error.front-only");
        }
        String holder = v.get("provesIdentityOf");
        if (holder == null) {
            errors.put("provesIdentityOf", "error.choose");
        } else if (!HOLDERS.contains(holder)) {
            errors.put("provesIdentityOf", "error.invalid");
        }
        if (!"true".equals(v.get("noMyNumber"))) {
            errors.put("noMyNumber", "upload.error.my-number");
        }
        Boolean masked = null;
        if (isHealthInsurance(type)) {
            if (!"true".equals(v.get("insurerNumberMasked"))) {
                errors.put("insurerNumberMasked", "upload.error.insurer-masked");
            }
            masked = true;
        }
        if (file == null || file.size() <= 0) {
            errors.put("file", "upload.error.file-required");
        } else if (file.size() > maxBytes) {
            errors.put("file", "upload.error.too-large");
        }
        return new Read(
                type,
                "NONE".equals(side) ? null : side,
                holder,
                masked,
                file == null ? null : fileName(file.name()),
                Map.copyOf(errors));
    }

    /**
     * The name staff see: the last segment of what the browser sent, composed (a Mac sends decomposed kana), without
     * control characters, at most 200 characters; "document" when nothing is left.
     */
    public static String fileName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))
                .filter(c -> Character.isDefined(c) && Character.getType(c) != Character.SURROGATE)
                .filter(c -> !((c & 0xFFFE) == 0xFFFE) && !(c >= 0xFDD0 && c <= 0xFDEF))
                .forEach(kept::appendCodePoint);
        String clean = kept.toString().strip();
        if (clean.codePointCount(0, clean.length()) > 200) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, 200));
        }
        return clean.isEmpty() ? "document" : clean;
    }

    /** The form field a service's error path belongs to ("upload.base64" → "file"), or "" if none of them. */
    public static String fieldOf(String path) {
        String p = path == null ? "" : path;
        String last = p.substring(p.lastIndexOf('.') + 1);
        return switch (last) {
            case "documentType" -> "documentType";
            case "side" -> "side";
            case "provesIdentityOf" -> "provesIdentityOf";
            case "containsMyNumber" -> "noMyNumber";
            case "insurerNumberMasked" -> "insurerNumberMasked";
            case "base64", "fileName" -> "file";
            default -> "";
        };
    }

    /** The page's text for a service's refusal of a field: by the problem's kind where it says more than the words. */
    public static String keyOf(String field, String kind, String serviceMessage) {
        return switch (kind == null ? "" : kind) {
            case "my-number-shown", "my-number-not-accepted" ->
                "side".equals(field) ? "upload.error.front-only" : "upload.error.my-number";
            case "insurance-number-not-masked" -> "upload.error.insurer-masked";
            case "document-content-unsupported" -> "upload.error.content";
            case "copy-too-large" -> "upload.error.too-large";
            case "agent-not-applicable" -> "upload.error.no-agent";
            case "document-no-longer-valid" -> "upload.error.no-longer-valid";
            default -> FieldMessages.keyOf(field, serviceMessage);
        };
    }

    /** A file of the form as listed on the page: what, whose, what kind of file, how large. */
    @io.quarkus.qute.TemplateData
    public record Uploaded(String documentType, String side, String provesIdentityOf, String contentType, long bytes) {

        private static final Pattern ENTRY = Pattern.compile(
                "([A-Z_]{1,60}),(FRONT|BACK|NONE),(PERSON|AGENT),(image/jpeg|image/png|application/pdf),"
                        + "([0-9]{1,10})");

        String encode() {
            return documentType + "," + (side == null ? "NONE" : side) + "," + provesIdentityOf + "," + contentType
                    + "," + bytes;
        }

        /** The files uploaded so far, carried in a hidden field between posts: at most 5, anything odd left out. */
        public static List<Uploaded> decode(String carried) {
            List<Uploaded> list = new ArrayList<>();
            if (carried == null || carried.length() > 1000) {
                return list;
            }
            for (String entry : carried.split(";")) {
                var m = ENTRY.matcher(entry);
                if (m.matches() && TYPES.contains(m.group(1)) && list.size() < 5) {
                    list.add(new Uploaded(
                            m.group(1),
                            "NONE".equals(m.group(2)) ? null : m.group(2),
                            m.group(3),
                            m.group(4),
                            Long.parseLong(m.group(5))));
                }
            }
            return list;
        }

        public static String encode(List<Uploaded> list) {
            return String.join(";", list.stream().map(Uploaded::encode).toList());
        }

        /** The content type's short name ("JPEG", "PNG", "PDF"). */
        public String format() {
            return contentType.substring(contentType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        }
    }
}
