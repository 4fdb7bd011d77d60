package dev.mamori.thirdparty;

import dev.mamori.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every test in this module runs against a real PostgreSQL, the WireMock OIDC server, and a WireMock stand-in for
 * consent-service; staff mails go to a real SMTP server ({@link MailStub}).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ConsentServiceStub.class)
@QuarkusTestResource(MailStub.class)
public final class ThirdPartyTestResources {
    private ThirdPartyTestResources() {}
}
