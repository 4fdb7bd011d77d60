package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class DocumentContentTest {

    /** The first bytes of a JPEG (SOI, APP0 JFIF) followed by anything. */
    static final byte[] JPEG = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0}, "rest");

    static final byte[] PNG = bytes(new int[] {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "\0\0\0\rIHDR");

    static final byte[] PDF = ascii("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    @Test
    void shouldKnowJpegPngAndPdfByTheirFirstBytes() {
        assertEquals("image/jpeg", DocumentContent.require(JPEG, "base64"));
        assertEquals("image/png", DocumentContent.require(PNG, "base64"));
        assertEquals("application/pdf", DocumentContent.require(PDF, "base64"));
        assertEquals("jpg", DocumentContent.extension("image/jpeg"));
        assertEquals("png", DocumentContent.extension("image/png"));
        assertEquals("pdf", DocumentContent.extension("application/pdf"));
    }

    @Test
    void shouldJudgeAPngNamedJpgByItsContent() {
        // Nothing here sees the name "license.jpg": the bytes alone decide, and they say PNG.
        assertEquals("image/png", DocumentContent.require(PNG, "base64"));
    }

    @Test
    void shouldRefuseHtmlSvgTextArchivesAndAnEmptyFile() {
        refused(ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"));
        refused(ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
        refused(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        refused(ascii("just some text, named license.jpg"));
        refused(zip());
        refused(new byte[0]);
        refused(new byte[] {(byte) 0xFF, (byte) 0xD8});
        // A PDF header after other bytes (an HTML polyglot) is not a PDF.
        refused(ascii("<html>%PDF-1.4</html>"));
    }

    @Test
    void shouldRefuseAPdfThatRunsSomethingWhenOpened() {
        refused(ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n"
                + "2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n%%EOF"));
        refused(ascii("%PDF-1.4\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj\n%%EOF"));
        refused(ascii("%PDF-1.4\n1 0 obj << /Names << /JavaScript 3 0 R >> >> endobj\n%%EOF"));
        // A name spelt with #xx escapes is the same name.
        refused(ascii("%PDF-1.4\n1 0 obj << /S /J#61vaScript /J#53 (x) >> endobj\n%%EOF"));
        // Hidden in a compressed object stream.
        refused(pdfWithCompressedStream("<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"));
    }

    @Test
    void shouldAcceptAPdfWhoseCompressedStreamsHoldOnlyPageContent() {
        assertEquals(
                "application/pdf",
                DocumentContent.require(pdfWithCompressedStream("BT /F1 12 Tf (Hello) Tj ET"), "base64"));
        assertFalse(DocumentContent.hasActiveContent(PDF));
    }

    @Test
    void shouldNotTakeShortKeysThatTurnUpByChanceInImageBytesForAnAction() {
        // Scanned JPEG data in a PDF is noise: "/JS" or "/AA" followed by a delimiter appears in it now and then.
        byte[] scan = ascii("%PDF-1.4\n5 0 obj << /Type /XObject /Subtype /Image /Filter /DCTDecode >>\nstream\n"
                + "\u0012/JS>\u0001/AA \u00ff\nendstream\nendobj\n%%EOF");
        assertEquals("application/pdf", DocumentContent.require(scan, "base64"));
    }

    @Test
    void shouldRefuseAPdfWhoseStreamsInflateToFarMoreThanAnyScan() {
        byte[] zeros = new byte[8 * 1024 * 1024];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        for (int i = 0; i < 17; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.5\n4 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n"));
        pdf.writeBytes(compressed.toByteArray());
        pdf.writeBytes(ascii("\nendstream\nendobj\n%%EOF\n"));
        assertTrue(pdf.size() < 1024 * 1024, "a small file: " + pdf.size());
        refused(pdf.toByteArray());
    }

    @Test
    void shouldNameTheFieldItRefuses() {
        ProblemException e = assertThrows(
                ProblemException.class, () -> DocumentContent.require(ascii("text"), "documents[0].copy.base64"));
        assertEquals(422, e.status());
        assertEquals("document-content-unsupported", e.kind());
        assertTrue(e.toProblem("/x").errors().get(0).field().equals("documents[0].copy.base64"));
    }

    private static void refused(byte[] content) {
        ProblemException e = assertThrows(ProblemException.class, () -> DocumentContent.require(content, "base64"));
        assertEquals("document-content-unsupported", e.kind());
    }

    private static byte[] pdfWithCompressedStream(String content) {
        Deflater deflater = new Deflater();
        deflater.setInput(content.getBytes(StandardCharsets.US_ASCII));
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ascii("%PDF-1.5\n4 0 obj << /Type /ObjStm /Filter /FlateDecode /Length " + n + " >>\nstream\r\n"));
        out.write(buffer, 0, n);
        out.writeBytes(ascii("\nendstream\nendobj\n%%EOF\n"));
        return out.toByteArray();
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("license.jpg"));
            zip.write(JPEG);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int[] head, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : head) {
            out.write(b);
        }
        out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
