package dev.mamori.incident;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every test in this module runs against a real PostgreSQL, the WireMock OIDC server, and a WireMock stand-in for
 * retention-service's ledger and consent-service's use stops.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RetentionStub.class)
@QuarkusTestResource(ConsentStub.class)
public final class IncidentTestResources {
    private IncidentTestResources() {}
}
