package dev.mamori.center.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilingFormTest {

    private static Map<String, String> self(String type) {
        Map<String, String> v = new HashMap<>();
        v.put("type", type);
        v.put("requester.relation", "SELF");
        v.put("requester.name", "山田 花子");
        v.put("requester.contact.email", "hanako@example.jp");
        v.put("person.email", "hanako@example.jp");
        v.put("formConsent", "true");
        return v;
    }

    @Test
    void shouldTakeTheRequestersNameForThePersonWhoFilesForThemself() {
        FilingForm.Read read = FilingForm.read(self("PURPOSE_NOTIFICATION"), "ja");
        assertTrue(read.valid(), read.errors()::toString);
        assertEquals("山田 花子", read.filing().person().name());
        assertNull(read.filing().agent());
        assertTrue(read.filing().formConsent());
    }

    @Test
    void shouldAskAnAgentForTheCapacityAndTheDocument() {
        Map<String, String> v = self("DISCLOSURE");
        v.put("deliveryMethod", "ELECTRONIC");
        v.put("requester.relation", "STATUTORY_AGENT");
        FilingForm.Read read = FilingForm.read(v, "ja");
        assertEquals("error.choose", read.errors().get("agent.type"));
        assertEquals("error.required", read.errors().get("agent.evidenceDescription"));
        assertEquals("error.required", read.errors().get("person.name"), "an agent names the person");
        v.put("agent.type", "POWER_OF_ATTORNEY");
        assertEquals("error.invalid", FilingForm.read(v, "ja").errors().get("agent.type"), "not a statutory capacity");
        v.put("agent.type", "ADULT_GUARDIAN");
        v.put("agent.evidenceDescription", "登記事項証明書");
        v.put("person.name", "山田 一郎");
        assertTrue(FilingForm.read(v, "ja").valid());
        v.put("requester.relation", "APPOINTED_AGENT");
        assertEquals(
                "POWER_OF_ATTORNEY", FilingForm.read(v, "ja").filing().agent().type());
    }

    @Test
    void shouldRequireTheConsentAWayToFindThePersonAndTheRequestersEmail() {
        Map<String, String> v = self("DISCLOSURE");
        v.put("deliveryMethod", "PAPER");
        v.remove("formConsent");
        v.remove("person.email");
        v.put("requester.contact.email", "not an address");
        Map<String, String> errors = FilingForm.read(v, "ja").errors();
        assertEquals("error.consent", errors.get("formConsent"));
        assertEquals("error.person-identifier", errors.get("person"));
        assertEquals("error.email", errors.get("requester.contact.email"));
        v.put("formConsent", "yes");
        assertEquals("error.consent", FilingForm.read(v, "ja").errors().get("formConsent"));
    }

    @Test
    void shouldAskEachTypeForItsOwnPartsOnly() {
        assertEquals(
                "error.choose",
                FilingForm.read(self("DISCLOSURE"), "ja").errors().get("deliveryMethod"));
        assertEquals(
                "error.choose",
                FilingForm.read(self("PROVISION_RECORD_DISCLOSURE"), "ja")
                        .errors()
                        .get("deliveryMethod"));
        Map<String, String> correction =
                FilingForm.read(self("CORRECTION"), "ja").errors();
        assertEquals("error.choose", correction.get("correction.kind"));
        assertEquals("error.required", correction.get("correction.dataItem"));
        assertEquals("error.required", correction.get("correction.claimedUntrue"));
        assertFalse(correction.containsKey("correction.requestedContent"), "what it should be is optional");
        for (String stop : List.of("USE_STOP", "ERASURE", "PROVISION_STOP")) {
            assertEquals(
                    "error.choose", FilingForm.read(self(stop), "ja").errors().get("ground"), stop);
        }
        Map<String, String> v = self("PURPOSE_NOTIFICATION");
        v.put("deliveryMethod", "PAPER");
        v.put("ground", "ART_35_1");
        FilingForm.Read read = FilingForm.read(v, "en");
        assertTrue(read.valid());
        assertNull(read.filing().deliveryMethod());
        assertNull(read.filing().ground());
        assertNull(read.filing().correction());
        assertEquals("en", read.filing().language());
    }

    /** Art. 35(1) grounds use stop and erasure, Art. 35(3) a provision stop, Art. 35(5) any of the three. */
    @Test
    void shouldMatchTheGroundToTheTypeAsArticle35Does() {
        assertEquals(List.of("ART_35_1", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C"), FilingForm.groundsOf("USE_STOP"));
        assertEquals(List.of("ART_35_1", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C"), FilingForm.groundsOf("ERASURE"));
        assertEquals(
                List.of("ART_35_3", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C"), FilingForm.groundsOf("PROVISION_STOP"));
        Map<String, String> v = self("PROVISION_STOP");
        v.put("ground", "ART_35_1");
        assertEquals("error.ground-type", FilingForm.read(v, "ja").errors().get("ground"));
        v.put("ground", "ART_35_3");
        assertTrue(FilingForm.read(v, "ja").valid());
        v.put("type", "ERASURE");
        assertEquals("error.ground-type", FilingForm.read(v, "ja").errors().get("ground"));
    }

    @Test
    void shouldRefuseAnUnknownTypeOrRelationAndControlCharacters() {
        Map<String, String> v = self("EVERYTHING");
        v.put("requester.relation", "FRIEND");
        v.put("requester.name", "a\u0000b");
        Map<String, String> errors = FilingForm.read(v, "ja").errors();
        assertEquals("error.invalid", errors.get("type"));
        assertEquals("error.invalid", errors.get("requester.relation"));
        assertEquals("error.invalid", errors.get("requester.name"));
        assertFalse(FilingForm.printable("\ud800x"));
        assertTrue(FilingForm.printable("𠮷野家\r\n2行目"));
    }

    @Test
    void shouldPutAServicesFieldErrorOnTheFormsField() {
        assertEquals("person.phone", FilingForm.fieldOf("person.phone"));
        assertEquals("requester.contact.email", FilingForm.fieldOf("filing.requester.contact.email"));
        assertEquals("person", FilingForm.fieldOf("person"));
        assertEquals("", FilingForm.fieldOf("somethingElse"));
    }

    @Test
    void shouldSayTheServicesMessagesInThePagesWords() {
        assertEquals("error.required", FieldMessages.keyOf("person.name", "must not be blank"));
        assertEquals(
                "error.required",
                FieldMessages.keyOf(
                        "requester.contact.email", "must be given: the code that confirms the filing is mailed there"));
        assertEquals(
                "error.person-identifier",
                FieldMessages.keyOf(
                        "person", "must give at least one of email, phone or customerNumber besides the name"));
        assertEquals("error.email", FieldMessages.keyOf("person.email", "must be a well-formed email address"));
        assertEquals("error.phone", FieldMessages.keyOf("person.phone", "must be a phone number of digits, spaces"));
        assertEquals("error.too-long", FieldMessages.keyOf("person.name", "size must be between 0 and 200"));
        assertEquals("error.choice", FieldMessages.keyOf("deliveryMethod", "must be one of [ELECTRONIC, PAPER]"));
        assertEquals(
                "error.ground-type",
                FieldMessages.keyOf("ground", "ART_35_1 does not ground PROVISION_STOP; Art. 35 allows [...]"));
        assertEquals(
                "error.postal-for-paper",
                FieldMessages.keyOf(
                        "requester.contact.postalAddress", "PAPER delivery needs the requester's postal address"));
        assertEquals(
                "error.consent",
                FieldMessages.keyOf(
                        "formConsent", "must be true: the form's data is handled only with the requester's agreement"));
        assertEquals("error.invalid", FieldMessages.keyOf("type", "something unforeseen"));
        assertEquals("error.invalid", FieldMessages.keyOf("type", null));
    }

    @Test
    void shouldAskForThePostalAddressWhenTheDisclosureGoesOnPaper() {
        Map<String, String> v = self("DISCLOSURE");
        v.put("deliveryMethod", "PAPER");
        assertEquals(
                "error.postal-for-paper", FilingForm.read(v, "ja").errors().get("requester.contact.postalAddress"));
        v.put("requester.contact.postalAddress", "東京都港区港南2-16-1");
        assertTrue(FilingForm.read(v, "ja").valid());
    }
}
