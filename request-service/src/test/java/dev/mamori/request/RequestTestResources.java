package dev.mamori.request;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every test in this module runs against a real PostgreSQL and the WireMock OIDC server; the other services of the
 * suite and the client system are WireMock stubs ({@link TargetStubs}).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TargetStubs.class)
public final class RequestTestResources {
    private RequestTestResources() {}
}
