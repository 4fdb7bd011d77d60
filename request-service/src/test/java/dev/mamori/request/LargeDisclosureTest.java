package dev.mamori.request;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mamori.request.Intakes.as;
import static dev.mamori.request.Intakes.create;
import static dev.mamori.request.Intakes.newSubject;
import static dev.mamori.request.TargetStubs.authorized;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LargeDisclosureTest {

    private static String page(String prefix, int from, int count, String next) {
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = from; i < from + count; i++) {
            items.add("{\"id\":\"" + prefix + i + "\",\"categoryCode\":\"call-recording\",\"purpose\":\"p" + (i % 7)
                    + "\",\"note\":\"record " + i + " of the person, with some text to make it realistic\"}");
        }
        return "{\"items\":" + items + ",\"limit\":500" + (next == null ? "" : ",\"next\":\"" + next + "\"") + "}";
    }

    private static void paged(WireMockServer server, String path, String prefix) {
        server.stubFor(authorized(get(urlPathEqualTo(path)))
                .atPriority(1)
                .withQueryParam("offset", absent())
                .willReturn(okJson(page(prefix, 0, 500, "500"))));
        server.stubFor(authorized(get(urlPathEqualTo(path)))
                .atPriority(1)
                .withQueryParam("offset", equalTo("500"))
                .willReturn(okJson(page(prefix, 500, 500, null))));
    }

    @Test
    void shouldAssembleADisclosureOfAThousandRecordsPerServiceAcrossEveryPage() {
        String subject = newSubject();
        String base = "/v1/subjects/" + subject;
        String consents = page("c", 0, 1000, null)
                .replace("\"items\"", "\"consents\"")
                .replace(",\"limit\":500}", ",\"useStops\":[]}");
        TargetStubs.consent.stubFor(authorized(get(urlPathEqualTo(base + "/consents")))
                .atPriority(1)
                .willReturn(okJson(consents)));
        paged(TargetStubs.retention, base + "/holdings", "h");
        paged(TargetStubs.thirdparty, base + "/provisions", "p");
        paged(TargetStubs.thirdparty, base + "/receipts", "r");
        String id = create("tenant-a", "DISCLOSURE", subject);
        Workflow.verified("tenant-a", id);
        // Warm-up of this JVM's clients is not what is measured: one disclosure first.
        String warm = create("tenant-a", "DISCLOSURE", newSubject());
        Workflow.verified("tenant-a", warm);
        Workflow.approved("tenant-a", warm);
        Workflow.awaitStatus("tenant-a", warm, "COMPLETED");

        // How fast this is belongs to the benchmark (bench/, BENCHMARKS.md), not to a test on a shared machine.
        Workflow.approved("tenant-a", id);
        Workflow.awaitRequest("tenant-a", id, Duration.ofSeconds(20), r -> "COMPLETED".equals(r.getString("status")));
        as("tenant-a", "operator")
                .get("/v1/requests/" + id + "/result")
                .then()
                .statusCode(200)
                .body("disclosure.consents", hasSize(1000))
                .body("disclosure.holdings", hasSize(1000))
                .body("disclosure.thirdPartyRecords.provisions", hasSize(1000))
                .body("disclosure.thirdPartyRecords.receipts", hasSize(1000));
    }
}
