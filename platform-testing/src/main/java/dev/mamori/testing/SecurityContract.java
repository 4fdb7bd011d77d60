package dev.mamori.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table-driven security check every service runs over its own OpenAPI document: each operation has an
 * operationId and a tag, answers 401 problem+json without a token, 403 with a token whose role the operation does
 * not allow, and 403 when a non-service caller names a tenant in the tenant header that its token does not list.
 * A person serving several tenants (list claim {@code tenants}) is answered as that tenant's own token is when
 * naming one of them, refused when naming another, and refused when naming none. The table is the OpenAPI
 * document itself, so a new endpoint is checked the moment it exists.
 */
public final class SecurityContract {

    public static final List<String> ROLES =
            List.of("client-system", "privacy-officer", "operator", "auditor", "service");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private SecurityContract() {}

    public record Operation(String method, String path, String operationId, Set<String> roles) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + operationId + ")";
        }
    }

    /** Every operation of the running service's OpenAPI document. */
    @SuppressWarnings("unchecked")
    public static List<Operation> operations() {
        JsonPath doc = given().accept(ContentType.JSON)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, raw) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> op = (Map<String, Object>) raw;
            Set<String> roles = new LinkedHashSet<>();
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.get("security");
            if (security != null) {
                security.forEach(requirement -> requirement.values().forEach(roles::addAll));
            }
            List<String> tags = (List<String>) op.get("tags");
            String operationId = (String) op.get("operationId");
            assertTrue(operationId != null && !operationId.isBlank(), method + " " + path + " has no operationId");
            assertTrue(tags != null && !tags.isEmpty(), method + " " + path + " has no tag");
            operations.add(new Operation(method, path, operationId, roles));
        }));
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no operation");
        return operations;
    }

    /** Runs every check on every operation; {@code minimum} guards against a document that lost its paths. */
    public static void verify(int minimum) {
        verifyPlatformEndpoints();
        List<Operation> operations = operations();
        assertTrue(operations.size() >= minimum, "expected at least " + minimum + " operations, found " + operations);
        for (Operation op : operations) {
            assertFalse(op.roles().isEmpty(), op + " declares no roles: every /v1 operation must be role-protected");
            String path = concrete(op.path());

            Response anonymous = call(given(), op.method(), path);
            assertEquals(401, anonymous.statusCode(), op + " without a token");
            assertProblem(anonymous, op + " without a token");

            Response forged = call(
                    given().auth()
                            .oauth2(TestTokens.forged(
                                    "tenant-a", op.roles().iterator().next())),
                    op.method(),
                    path);
            assertEquals(401, forged.statusCode(), op + " with a forged token");

            for (String role : ROLES) {
                if (op.roles().contains(role)) {
                    continue;
                }
                Response denied =
                        call(given().auth().oauth2(TestTokens.forTenant("tenant-a", role)), op.method(), path);
                assertEquals(403, denied.statusCode(), op + " with role " + role);
                assertProblem(denied, op + " with role " + role);
            }

            String allowed = op.roles().stream()
                    .filter(r -> !r.equals("service"))
                    .findFirst()
                    .orElse(null);
            if (allowed != null) {
                Response header = call(
                        given().auth()
                                .oauth2(TestTokens.forTenant("tenant-a", allowed))
                                .header("X-Mamori-Tenant", "tenant-b"),
                        op.method(),
                        path);
                assertEquals(403, header.statusCode(), op + " naming a tenant with role " + allowed);
                assertEquals(
                        "https://mamori.dev/problems/tenant-header-forbidden",
                        header.jsonPath().getString("type"),
                        op + " naming a tenant with role " + allowed);
                verifySeveralTenants(op, path, allowed);
            }
        }
    }

    /**
     * One person serving tenant-a and tenant-b: naming tenant-b is answered exactly as tenant-b's own token is (same
     * status); naming tenant-c is 403 tenant-header-forbidden; naming none is 403 tenant-choice-required, since the
     * service cannot guess which client company the person is working for.
     */
    private static void verifySeveralTenants(Operation op, String path, String role) {
        String bpo = TestTokens.person("contract.bpo", List.of("tenant-a", "tenant-b"), role);
        Response own = call(
                given().auth().oauth2(TestTokens.person("contract.b", List.of("tenant-b"), role)), op.method(), path);
        Response chosen = call(given().auth().oauth2(bpo).header("X-Mamori-Tenant", "tenant-b"), op.method(), path);
        assertEquals(
                own.statusCode(),
                chosen.statusCode(),
                op + " naming tenant-b with a token serving tenant-a and tenant-b: " + chosen.asString());

        Response outside = call(given().auth().oauth2(bpo).header("X-Mamori-Tenant", "tenant-c"), op.method(), path);
        assertEquals(403, outside.statusCode(), op + " naming a tenant the token does not list");
        assertEquals(
                "https://mamori.dev/problems/tenant-header-forbidden",
                outside.jsonPath().getString("type"),
                op + " naming a tenant the token does not list");

        Response unchosen = call(given().auth().oauth2(bpo), op.method(), path);
        assertEquals(403, unchosen.statusCode(), op + " with several tenants and none named: " + unchosen.asString());
        assertEquals(
                "https://mamori.dev/problems/tenant-choice-required",
                unchosen.jsonPath().getString("type"),
                op + " with several tenants and none named");
    }

    /** Health, metrics and API docs answer without a token: probes, Prometheus and developers rely on them. */
    public static void verifyPlatformEndpoints() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "/q/metrics is not Prometheus output");
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static void assertProblem(Response response, String what) {
        assertTrue(
                response.contentType().startsWith("application/problem+json"),
                what + ": expected problem+json, got " + response.contentType());
        assertTrue(response.jsonPath().getString("type").startsWith("https://mamori.dev/problems/"), what);
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
    }

    private static Response call(RequestSpecification spec, String method, String path) {
        RequestSpecification request = spec.contentType(ContentType.JSON);
        if (!method.equals("get") && !method.equals("delete")) {
            request = request.body("{}");
        }
        return request.request(method.toUpperCase(), path);
    }
}
