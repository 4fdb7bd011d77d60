package dev.mamori.request.service;

import dev.mamori.platform.problem.ProblemException;
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

    /**
     * PDF names that make a reader act on its own when the file is opened or read (ISO 32000-1 12.6 actions, 12.5
     * annotations, 7.11 embedded files), compared exactly (PDF names are case-sensitive). Every JavaScript action
     * names {@code /JavaScript} (its type), so the short {@code /JS} key is not looked for alone: three bytes that
     * turn up by chance in a scanned image often enough to refuse honest copies.
     */
    private static final List<String> ACTIVE_PDF_NAMES = List.of(
            "/JavaScript",
            "/OpenAction",
            "/Launch",
            "/EmbeddedFile",
            "/EmbeddedFiles",
            "/RichMedia",
            "/XFA",
            "/SubmitForm",
            "/ImportData");

    /**
     * Inflated stream content read per file at most. Honest scans inflate to a few dozen megabytes; more is a
     * compression bomb or hides something, and is refused.
     */
    private static final long MAX_INFLATED = 128L * 1024 * 1024;

    /** Bytes carried from one inflated chunk to the next, so a name cut by the chunk boundary is still seen whole. */
    private static final int OVERLAP = 64;

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
     * Whether a PDF names JavaScript or an automatic action, anywhere in its bytes or in a Flate-compressed stream
     * (object streams hide dictionaries that way). Names are compared after their #xx escapes are undone, so
     * {@code /J#61vaScript} counts as {@code /JavaScript}. Every byte is read: nothing is skipped as "stream data",
     * since a comment can fake where a stream starts.
     */
    static boolean hasActiveContent(byte[] pdf) {
        if (namesActive(pdf, 0, pdf.length)) {
            return true;
        }
        byte[] stream = "stream".getBytes(StandardCharsets.US_ASCII);
        long inflated = 0;
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
            long read = inflateAndScan(pdf, start, MAX_INFLATED - inflated);
            if (read < 0) {
                return true;
            }
            inflated += read;
        }
        return false;
    }

    /**
     * Inflates the zlib stream at {@code from} (if it is one) chunk by chunk, looking for active names; answers the
     * bytes inflated, or -1 when it names one or inflates to more than {@code budget}.
     */
    private static long inflateAndScan(byte[] pdf, int from, long budget) {
        if (from >= pdf.length) {
            return 0;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, from, pdf.length - from);
            byte[] window = new byte[OVERLAP + 65536];
            int kept = 0;
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(window, kept, window.length - kept);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += n;
                if (total > budget) {
                    return -1;
                }
                if (namesActive(window, 0, kept + n)) {
                    return -1;
                }
                int carry = Math.min(OVERLAP, kept + n);
                System.arraycopy(window, kept + n - carry, window, 0, carry);
                kept = carry;
            }
            return total;
        } catch (DataFormatException e) {
            // Not a zlib stream (an image, or plain bytes): what it holds was read with the rest of the file.
            return 0;
        } finally {
            inflater.end();
        }
    }

    private static boolean namesActive(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (bytes[i] != '/') {
                i++;
                continue;
            }
            StringBuilder name = new StringBuilder("/");
            int j = i + 1;
            while (j < to && isNameChar(bytes[j]) && name.length() <= OVERLAP) {
                int c = bytes[j] & 0xFF;
                if (c == '#' && j + 2 < to && hex(bytes[j + 1]) >= 0 && hex(bytes[j + 2]) >= 0) {
                    c = hex(bytes[j + 1]) * 16 + hex(bytes[j + 2]);
                    j += 2;
                }
                name.append((char) c);
                j++;
            }
            if (ACTIVE_PDF_NAMES.contains(name.toString())) {
                return true;
            }
            i = Math.max(j, i + 1);
        }
        return false;
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
