package dev.mamori.thirdparty;

import static io.restassured.RestAssured.given;

import dev.mamori.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a tenant's audit log the way its auditor does, page by page. */
final class AuditTrail {

    private AuditTrail() {}

    /** Every audit event of the tenant, oldest first; with a subjectRef, only the events about that person. */
    static List<Map<String, Object>> events(String tenant, String subjectRef) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = "0";
        while (after != null) {
            var request = given().auth()
                    .oauth2(TestTokens.forTenant(tenant, "auditor"))
                    .queryParam("limit", 500)
                    .queryParam("afterSeq", after);
            if (subjectRef != null) {
                request.queryParam("subjectRef", subjectRef);
            }
            JsonPath page = request.get("/v1/audit-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            events.addAll(page.getList("items"));
            after = page.getString("next");
        }
        return events;
    }

    static List<Map<String, Object>> events(String tenant, String subjectRef, String action, String resourceId) {
        return events(tenant, subjectRef).stream()
                .filter(e -> action.equals(e.get("action")))
                .filter(e -> resourceId == null || resourceId.equals(e.get("resourceId")))
                .toList();
    }
}
