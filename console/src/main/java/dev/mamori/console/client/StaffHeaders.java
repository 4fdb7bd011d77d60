package dev.mamori.console.client;

import dev.mamori.console.web.Staff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to a service carries the signed-in person's own access token, so the service sees (and audits) the
 * person, applies their role and their tenant; the console has no token of its own.
 */
@ApplicationScoped
public class StaffHeaders implements ClientHeadersFactory {

    private final Staff staff;

    public StaffHeaders(Staff staff) {
        this.staff = staff;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String token = staff.accessToken();
        if (token != null) {
            headers.putSingle("Authorization", "Bearer " + token);
        }
        String tenant = staff.tenantHeader();
        if (tenant != null) {
            headers.putSingle("X-Mamori-Tenant", tenant);
        }
        return headers;
    }
}
