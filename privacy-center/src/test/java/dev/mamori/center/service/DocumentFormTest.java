package dev.mamori.center.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentFormTest {

    private static Map<String, String> license() {
        Map<String, String> v = new HashMap<>();
        v.put("documentType", "DRIVERS_LICENSE");
        v.put("provesIdentityOf", "PERSON");
        v.put("noMyNumber", "true");
        return v;
    }

    @Test
    void shouldReadADocumentWithoutASideAndWithoutTheInsuranceDeclaration() {
        DocumentForm.Read read = DocumentForm.read(license(), new DocumentForm.FileInfo("a.jpg", 10), 100);
        assertTrue(read.valid(), read.errors()::toString);
        assertNull(read.side());
        assertNull(read.insurerNumberMasked());
        assertEquals("a.jpg", read.fileName());
    }

    @Test
    void shouldTakeOnlyTheFrontOfAMyNumberCard() {
        Map<String, String> v = license();
        v.put("documentType", "MY_NUMBER_CARD");
        assertEquals(
                "upload.error.front-only",
                DocumentForm.read(v, new DocumentForm.FileInfo("a", 1), 9)
                        .errors()
                        .get("side"));
        v.put("side", "BACK");
        assertEquals(
                "upload.error.front-only",
                DocumentForm.read(v, new DocumentForm.FileInfo("a", 1), 9)
                        .errors()
                        .get("side"));
        v.put("side", "FRONT");
        assertTrue(DocumentForm.read(v, new DocumentForm.FileInfo("a", 1), 9).valid());
    }

    @Test
    void shouldRefuseWithoutTheDeclarationsAFileOrWithinTheLimit() {
        Map<String, String> v = license();
        v.remove("noMyNumber");
        v.put("documentType", "HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE");
        Map<String, String> errors =
                DocumentForm.read(v, new DocumentForm.FileInfo("a", 10), 9).errors();
        assertEquals("upload.error.my-number", errors.get("noMyNumber"));
        assertEquals("upload.error.insurer-masked", errors.get("insurerNumberMasked"));
        assertEquals("upload.error.too-large", errors.get("file"));
        assertEquals(
                "upload.error.file-required",
                DocumentForm.read(license(), null, 9).errors().get("file"));
        v.put("noMyNumber", "true");
        v.put("insurerNumberMasked", "true");
        DocumentForm.Read read = DocumentForm.read(v, new DocumentForm.FileInfo("a", 9), 9);
        assertTrue(read.valid(), read.errors()::toString);
        assertEquals(Boolean.TRUE, read.insurerNumberMasked());
    }

    @Test
    void shouldKeepOnlyAPlainFileName() {
        assertEquals("免許証.jpg", DocumentForm.fileName("C:\\Users\\taro\\免許証.jpg"));
        assertEquals("a.pdf", DocumentForm.fileName("../../a\u0000.pdf"));
        assertEquals("document", DocumentForm.fileName(" \u0007 "));
        assertEquals(200, DocumentForm.fileName("x".repeat(300)).length());
        // A Mac's decomposed kana are composed.
        assertEquals("ガ.png", DocumentForm.fileName("カ\u3099.png"));
    }

    @Test
    void shouldPlaceTheServicesErrorsOnTheFormsFields() {
        assertEquals("file", DocumentForm.fieldOf("upload.base64"));
        assertEquals("noMyNumber", DocumentForm.fieldOf("containsMyNumber"));
        assertEquals("", DocumentForm.fieldOf("receiptNumber"));
        assertEquals("upload.error.content", DocumentForm.keyOf("file", "document-content-unsupported", "x"));
        assertEquals("error.required", DocumentForm.keyOf("documentType", "validation", "must not be null"));
    }

    @Test
    void shouldCarryTheListOfFilesSentAndDropAnythingOdd() {
        List<DocumentForm.Uploaded> list = List.of(
                new DocumentForm.Uploaded("DRIVERS_LICENSE", "FRONT", "PERSON", "image/jpeg", 1234),
                new DocumentForm.Uploaded("PASSPORT", null, "AGENT", "application/pdf", 5));
        String carried = DocumentForm.Uploaded.encode(list);
        assertEquals(list, DocumentForm.Uploaded.decode(carried));
        assertEquals(1, DocumentForm.Uploaded.decode(carried + ";<script>,x").size() - 1);
        assertEquals(List.of(), DocumentForm.Uploaded.decode("EVIL,FRONT,PERSON,image/jpeg,1"));
    }
}
