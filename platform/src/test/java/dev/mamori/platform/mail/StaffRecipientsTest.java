package dev.mamori.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffRecipientsTest {

    @Test
    void a_tenant_gets_its_own_recipients_and_a_tenant_without_any_gets_none() {
        StaffRecipients staff = new StaffRecipients(
                Map.of(
                        "tenant-a", List.of(" dpo@example.jp", "ops@example.jp", "dpo@example.jp"),
                        "tenant-b", List.of("")),
                "https://console.example.jp/");
        assertEquals(List.of("dpo@example.jp", "ops@example.jp"), staff.of("tenant-a"));
        assertEquals(List.of(), staff.of("tenant-b"), "blank entries are no recipients");
        assertEquals(List.of(), staff.of("tenant-c"));
        assertEquals(List.of("tenant-a"), staff.tenants());
        assertEquals("https://console.example.jp", staff.consoleUrl());
        assertEquals("https://console.example.jp/requests/42", staff.consoleLink("requests/42"));
        assertEquals("https://console.example.jp/requests/42", staff.consoleLink("/requests/42"));
    }

    @Test
    void an_address_that_is_not_one_stops_the_start_naming_the_tenant() {
        for (String bad : new String[] {"no-at-sign", "a@b@c", "a b@example.jp", "x@example.jp,y", "\"a\"@x.jp"}) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> new StaffRecipients(Map.of("tenant-a", Arrays.asList(bad)), "http://localhost:8090"),
                    bad);
            assertTrue(e.getMessage().contains("tenant-a"), e.getMessage());
        }
        // A header injection attempt is not an address either.
        assertThrows(
                IllegalStateException.class,
                () -> new StaffRecipients(
                        Map.of("t", List.of("a@example.jp\r\nBcc: x@evil.example")), "http://localhost:8090"));
    }

    @Test
    void the_console_url_must_be_http() {
        assertThrows(IllegalStateException.class, () -> new StaffRecipients(Map.of(), "ftp://console"));
        assertThrows(IllegalStateException.class, () -> new StaffRecipients(Map.of(), ""));
        assertThrows(IllegalStateException.class, () -> new StaffRecipients(Map.of(), "http://a b"));
        assertEquals("http://localhost:8090", new StaffRecipients(Map.of(), "http://localhost:8090").consoleUrl());
    }
}
