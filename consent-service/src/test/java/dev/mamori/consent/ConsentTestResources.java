package dev.mamori.consent;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every test in this module runs against a real PostgreSQL and the WireMock OIDC server. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class ConsentTestResources {
    private ConsentTestResources() {}
}
