package dev.mamori.request;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every test in this module runs against a real PostgreSQL and the WireMock OIDC server; the other services of the
 * suite and the client system are WireMock stubs ({@link TargetStubs}); mail goes to a real SMTP server ({@link MailStub}).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TargetStubs.class)
@QuarkusTestResource(MailStub.class)
public final class RequestTestResources {
    private RequestTestResources() {}
}
