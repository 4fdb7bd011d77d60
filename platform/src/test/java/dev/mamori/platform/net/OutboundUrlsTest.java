package dev.mamori.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundUrlsTest {

    private static OutboundUrls urls(boolean http, Map<String, List<String>> allowed) {
        return new OutboundUrls(new OutboundUrls.Settings() {
            public boolean allowHttp() {
                return http;
            }

            public Map<String, List<String>> allowedHosts() {
                return allowed;
            }
        });
    }

    @Test
    void internal_addresses_are_refused_unless_the_tenant_names_the_host() throws Exception {
        OutboundUrls prod = urls(false, Map.of("tenant-a", List.of("127.0.0.1")));
        for (String url : new String[] {
            "https://127.0.0.1/x",
            "https://localhost/x",
            "https://10.0.0.5/x",
            "https://192.168.1.1/x",
            "https://172.16.0.1/x",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/x",
            "https://[fd00::1]/x",
            "https://[::ffff:10.0.0.1]/x",
            "https://0.0.0.0/x",
            "https://100.64.0.1/x"
        }) {
            assertThrows(OutboundUrls.Refused.class, () -> prod.check("tenant-b", url), url);
        }
        assertEquals("127.0.0.1", prod.check("tenant-a", "https://127.0.0.1/x").getHost());
    }

    @Test
    void plain_http_only_where_allowed() throws Exception {
        assertThrows(OutboundUrls.Refused.class, () -> urls(false, Map.of()).check("t", "http://203.0.113.9/x"));
        assertThrows(OutboundUrls.Refused.class, () -> urls(true, Map.of()).check("t", "ftp://203.0.113.9/x"));
        assertThrows(OutboundUrls.Refused.class, () -> urls(true, Map.of()).check("t", "https://user@203.0.113.9/x"));
        assertEquals(
                "http", urls(true, Map.of()).check("t", "http://203.0.113.9/x").getScheme());
        assertEquals(
                "https",
                urls(false, Map.of()).check("t", "https://203.0.113.9/x").getScheme());
    }
}
