package dev.mamori.request.service;

import dev.mamori.platform.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a copy of an identity document is, by its bytes alone: a JPEG, a PNG or a PDF, whatever its name or the
 * declared type say. Anything else (HTML, SVG, text, archives, an empty file) is refused, and so is a PDF that can
 * run something when opened (JavaScript, an open or launch action, embedded files), since staff open these copies.
 * Pure: no I/O, no state.
 */
public final class DocumentContent {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    /** PDF names that make a reader act on its own when the file is opened or read (ISO 32000-1 12.6, 12.5, 7.11). */
    private static final List<String> ACTIVE_PDF_NAMES = List.of(
            "/javascript",
            "/js",
            "/openaction",
            "/launch",
            "/aa",
            "/embeddedfile",
            "/richmedia",
            "/xfa",
            "/submitform");

    /** Inflated stream content scanned per file at most (a compressed stream may hide an action). */
    private static final int MAX_INFLATED = 16 * 1024 * 1024;

    private DocumentContent() {}

    /** The type the bytes are, if they are one this service keeps. */
    public static Optional<String> typeOf(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /**
     * The sniffed type of a copy that may be kept, or 422 {@code document-content-unsupported} naming {@code field}:
     * not a JPEG, PNG or PDF by its first bytes, or a PDF with something active in it.
     */
    public static String require(byte[] bytes, String field) {
        String type = typeOf(bytes)
                .orElseThrow(() -> unsupported(
                        field, "the content is not a JPEG, PNG or PDF (judged by its bytes, not its name)"));
        if (PDF.equals(type) && hasActiveContent(bytes)) {
            throw unsupported(
                    field,
                    "the PDF contains JavaScript or an action run when it is opened; send a scan or photo instead");
        }
        return type;
    }

    /** The file name extension of a sniffed type. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case PDF -> "pdf";
            default -> throw new IllegalArgumentException("not a kept type: " + contentType);
        };
    }

    /**
     * Whether a PDF names JavaScript or an automatic action, in its plain text or in a Flate-compressed stream
     * (object streams hide dictionaries that way). Names are compared after their #xx escapes are undone, so
     * {@code /J#61vaScript} counts as {@code /JavaScript}.
     */
    static boolean hasActiveContent(byte[] pdf) {
        if (namesActive(pdf)) {
            return true;
        }
        byte[] stream = "stream".getBytes(StandardCharsets.US_ASCII);
        int inflated = 0;
        int at = 0;
        while ((at = indexOf(pdf, stream, at)) >= 0) {
            int start = at + stream.length;
            at = start;
            // "endstream" contains "stream": only a keyword followed by an end of line opens a stream.
            if (start >= pdf.length || (pdf[start] != '\r' && pdf[start] != '\n')) {
                continue;
            }
            if (pdf[start] == '\r' && start + 1 < pdf.length && pdf[start + 1] == '\n') {
                start++;
            }
            start++;
            byte[] out = inflate(pdf, start, MAX_INFLATED - inflated);
            if (out == null) {
                continue;
            }
            inflated += out.length;
            if (namesActive(out)) {
                return true;
            }
            if (inflated >= MAX_INFLATED) {
                // More compressed content than is worth reading: too much to vouch for.
                return true;
            }
        }
        return false;
    }

    private static boolean namesActive(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] != '/') {
                i++;
                continue;
            }
            StringBuilder name = new StringBuilder("/");
            int j = i + 1;
            while (j < bytes.length && isNameChar(bytes[j])) {
                int c = bytes[j] & 0xFF;
                if (c == '#' && j + 2 < bytes.length && hex(bytes[j + 1]) >= 0 && hex(bytes[j + 2]) >= 0) {
                    c = hex(bytes[j + 1]) * 16 + hex(bytes[j + 2]);
                    j += 2;
                }
                name.append(Character.toLowerCase((char) c));
                j++;
            }
            if (ACTIVE_PDF_NAMES.contains(name.toString())) {
                return true;
            }
            i = Math.max(j, i + 1);
        }
        return false;
    }

    /** A zlib stream starting at {@code from}, inflated up to {@code limit} bytes, or null if it is none. */
    private static byte[] inflate(byte[] pdf, int from, int limit) {
        if (from >= pdf.length || limit <= 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, from, pdf.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished() && out.size() < limit) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.size() == 0 ? null : out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static boolean isNameChar(byte b) {
        int c = b & 0xFF;
        return c > 0x20 && c < 0x7F && "()<>[]{}/%".indexOf(c) < 0;
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= bytes.length - part.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (bytes[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ProblemException unsupported(String field, String detail) {
        return ProblemException.unprocessable(
                "document-content-unsupported", "Document content not supported", field, detail);
    }
}
