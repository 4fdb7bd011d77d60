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
 * not allow, and 403 when a non-service caller names a tenant in the tenant header. The table is the OpenAPI
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
            }
        }
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
