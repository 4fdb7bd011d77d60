package dev.mamori.center.rest;

import dev.mamori.center.service.DocumentForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identity document upload form as a page shows it (on the receipt and after each upload): the request it is
 * for, the values to put back, each field's error (a message key), the files sent so far, and a message over the
 * form (a message key). {@code open} is false once nothing more can be uploaded.
 */
@io.quarkus.qute.TemplateData
public record UploadPage(
        String tenant,
        String receiptNumber,
        String uploadToken,
        String csrf,
        Map<String, String> values,
        Map<String, String> errors,
        List<DocumentForm.Uploaded> uploaded,
        Integer documentsLeft,
        long maxBytes,
        boolean open,
        String notice) {

    /** The form as first shown, on the receipt: open when the service gave an upload token. */
    static UploadPage fresh(String tenant, String receiptNumber, String uploadToken, String csrf, long maxBytes) {
        boolean open = DocumentForm.validToken(uploadToken);
        return new UploadPage(
                tenant,
                receiptNumber,
                open ? uploadToken : null,
                csrf,
                Map.of(),
                Map.of(),
                List.of(),
                null,
                maxBytes,
                open,
                null);
    }

    /** One line of the error summary: a link to the field. */
    public record Entry(String anchor, String label, String message) {}

    /** The notice says the last file was received. */
    public boolean success() {
        return notice != null && notice.startsWith("upload.done");
    }

    public String v(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value.equals(values.get(field));
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String err(String field) {
        return errors.getOrDefault(field, "");
    }

    /** A control's aria attributes (ids built from the form's own field names only, so printed raw). */
    public String aria(String field, boolean hint) {
        String ids = hint ? "upload-" + field + "-hint" : "";
        if (has(field)) {
            ids = (ids + " upload-" + field + "-error").strip();
        }
        return (ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"")
                + (has(field) ? " aria-invalid=\"true\"" : "");
    }

    public List<Entry> summary() {
        List<Entry> entries = new ArrayList<>();
        for (String f : DocumentForm.FIELDS) {
            if (errors.containsKey(f)) {
                entries.add(new Entry(anchor(f), "upload.field." + f, errors.get(f)));
            }
        }
        return entries;
    }

    private static String anchor(String field) {
        return switch (field) {
            case "documentType" -> "upload-documentType-" + DocumentForm.TYPES.get(0);
            case "side" -> "upload-side-" + DocumentForm.SIDES.get(0);
            case "provesIdentityOf" -> "upload-provesIdentityOf-" + DocumentForm.HOLDERS.get(0);
            default -> "upload-" + field;
        };
    }

    /** The files sent so far, for the hidden field that carries them to the next post. */
    public String carried() {
        return DocumentForm.Uploaded.encode(uploaded);
    }

    public List<String> types() {
        return DocumentForm.TYPES;
    }

    public List<String> sides() {
        return DocumentForm.SIDES;
    }

    public List<String> holders() {
        return DocumentForm.HOLDERS;
    }
}
