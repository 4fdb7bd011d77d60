package dev.mamori.retention;

import static dev.mamori.retention.Ledger.addCategory;
import static dev.mamori.retention.Ledger.as;
import static dev.mamori.retention.Ledger.category;
import static dev.mamori.retention.Ledger.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.platform.time.JapanTime;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataCategoryResourceTest {

    private static final String CSV_HEADER =
            "コード,個人情報の名称,名称（英語）,個人情報の項目,利用目的,保管場所,保管方法," + "アクセス権者,保管期間の起算,保管日数,保管期間,要配慮個人情報,取得形態,第三者提供,共同利用,委託,最終見直し日";

    @Test
    void shouldAddALedgerEntryThatKeepsData92DaysFromCollectionByDefault() {
        String code = uniqueCode("rec");
        as("tenant-a", "privacy-officer")
                .body(category(code, ""))
                .post("/v1/data-categories")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/data-categories/" + code))
                .body("code", equalTo(code))
                .body("nameJa", equalTo("通話録音"))
                .body("items", hasItems("氏名", "通話音声"))
                .body("purposeCodes", hasItem("call-center-support"))
                .body("accessibleBy", hasItem("品質管理チーム"))
                .body("acquisitionForm", equalTo("ENTRUSTED"))
                .body("sensitive", equalTo(false))
                .body("entrustment", equalTo(true))
                .body("thirdPartyProvision", equalTo(false))
                .body("retentionBasis", equalTo("COLLECTION"))
                .body("retentionDays", equalTo(92))
                .body("lastReviewedAt", equalTo(LocalDate.now(JapanTime.ZONE).toString()))
                .body("createdBy", equalTo("service-account-tenant-a-privacy-officer"));

        as("tenant-a", "client-system")
                .get("/v1/data-categories/" + code)
                .then()
                .statusCode(200)
                .body("storageLocation", equalTo("録音サーバ（東京データセンター）"));
    }

    @Test
    void shouldDeleteAtContractEndByDefaultWhenTheRuleCountsFromTheContract() {
        String code = uniqueCode("contract");
        as("tenant-a", "privacy-officer")
                .body(category(code, "\"retentionBasis\": \"CONTRACT_END\","))
                .post("/v1/data-categories")
                .then()
                .statusCode(201)
                .body("retentionBasis", equalTo("CONTRACT_END"))
                .body("retentionDays", equalTo(0));
        String extended = uniqueCode("contract");
        as("tenant-a", "privacy-officer")
                .body(category(
                        extended,
                        "\"retentionBasis\": \"CONTRACT_END\", \"retentionDays\": 30, "
                                + "\"lastReviewedAt\": \"2026-01-15\","))
                .post("/v1/data-categories")
                .then()
                .statusCode(201)
                .body("retentionDays", equalTo(30))
                .body("lastReviewedAt", equalTo("2026-01-15"));
    }

    @Test
    void shouldRefuseASecondEntryWithTheSameCode() {
        String code = addCategory("tenant-a", uniqueCode("dup"), "");
        as("tenant-a", "privacy-officer")
                .body(category(code, ""))
                .post("/v1/data-categories")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/data-category-exists"));
    }

    @Test
    void shouldNameEveryInvalidFieldAndWriteNothing() {
        as("tenant-a", "privacy-officer")
                .body(
                        "{\"code\": \"Bad Code\", \"items\": [], \"purposeCodes\": [\"Not A Purpose\"], \"retentionDays\": -1}")
                .post("/v1/data-categories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/validation"))
                .body(
                        "errors.field",
                        hasItems(
                                "code",
                                "nameJa",
                                "items",
                                "storageLocation",
                                "storageMethod",
                                "accessibleBy",
                                "sensitive",
                                "acquisitionForm",
                                "retentionDays",
                                "purposeCodes[0]"));
        as("tenant-a", "privacy-officer")
                .get("/v1/data-categories/Bad Code")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerUnknownEnumsAndWrongTypesWith400NamingTheField() {
        as("tenant-a", "privacy-officer")
                .body(category(uniqueCode("x"), "").replace("ENTRUSTED", "BY_TELEPATHY"))
                .post("/v1/data-categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("acquisitionForm"))
                .body("errors[0].message", containsString("DIRECT_WRITTEN"));
        as("tenant-a", "privacy-officer")
                .body(category(uniqueCode("x"), "\"retentionBasis\": \"FOREVER\","))
                .post("/v1/data-categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("retentionBasis"));
        as("tenant-a", "privacy-officer")
                .body(category(uniqueCode("x"), "\"lastReviewedAt\": \"last spring\","))
                .post("/v1/data-categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastReviewedAt"));
        as("tenant-a", "operator")
                .get("/v1/data-categories?limit=100000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldRefuseRulesThatMakeNoSenseWith422NamingTheField() {
        as("tenant-a", "privacy-officer")
                .body(category(uniqueCode("zero"), "\"retentionDays\": 0,"))
                .post("/v1/data-categories")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/retention-too-short"))
                .body("errors[0].field", equalTo("retentionDays"));
        String tomorrow = LocalDate.now(JapanTime.ZONE).plusDays(2).toString();
        as("tenant-a", "privacy-officer")
                .body(category(uniqueCode("future"), "\"lastReviewedAt\": \"" + tomorrow + "\","))
                .post("/v1/data-categories")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("lastReviewedAt"));
    }

    @Test
    void shouldNeverShowOneTenantsLedgerToAnother() {
        String code = addCategory("tenant-a", uniqueCode("iso"), "");

        as("tenant-b", "privacy-officer")
                .get("/v1/data-categories/" + code)
                .then()
                .statusCode(404);
        as("tenant-b", "auditor")
                .get("/v1/data-categories?limit=500")
                .then()
                .statusCode(200)
                .body("items.code", not(hasItem(code)));
        String csv = new String(
                as("tenant-b", "auditor")
                        .get("/v1/data-categories/export.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertFalse(csv.contains(code), "tenant-b's export must not list tenant-a's category");
        // Codes are tenant-scoped: the same code is free in another tenant.
        as("tenant-b", "privacy-officer")
                .body(category(code, "\"retentionDays\": 10,"))
                .post("/v1/data-categories")
                .then()
                .statusCode(201);
        as("tenant-a", "operator")
                .get("/v1/data-categories/" + code)
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(92));
    }

    @Test
    void shouldPageThroughTheLedgerByCode() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 6);
        addCategory("tenant-c", prefix + "-a", "");
        addCategory("tenant-c", prefix + "-b", "");
        addCategory("tenant-c", prefix + "-c", "");
        as("tenant-c", "operator")
                .get("/v1/data-categories?limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("limit", equalTo(2))
                .body("next", equalTo("2"));
        as("tenant-c", "operator")
                .get("/v1/data-categories?limit=2&offset=2")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(prefix + "-c"))
                .body("next", nullValue());
    }

    @Test
    void shouldReplayARetriedCreateWithTheSameIdempotencyKey() {
        String code = uniqueCode("idem");
        String key = UUID.randomUUID().toString();
        String first = as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(category(code, ""))
                .post("/v1/data-categories")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(category(code, ""))
                .post("/v1/data-categories")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", containsString(code))
                .body(equalTo(first));
        as("tenant-a", "privacy-officer")
                .header("Idempotency-Key", key)
                .body(category(uniqueCode("idem"), ""))
                .post("/v1/data-categories")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://mamori.dev/problems/idempotency-key-reused"));
    }

    @Test
    void shouldExportTheLedgerAsCsvThatExcelInJapanOpens() {
        String code = uniqueCode("csv");
        as("tenant-a", "privacy-officer")
                .body("""
                {"code": "%s", "nameJa": "問い合わせ記録、\\"重要\\"", "items": ["氏名", "住所"],
                 "purposeCodes": ["enquiry", "quality"], "storageLocation": "=HYPERLINK(\\"http://evil\\")",
                 "storageMethod": "施錠キャビネット\\n2段目", "accessibleBy": ["SV"], "sensitive": true,
                 "acquisitionForm": "DIRECT_WRITTEN", "thirdPartyProvision": true, "jointUse": true,
                 "retentionBasis": "CONTRACT_END", "retentionDays": 30, "lastReviewedAt": "2026-03-31"}""".formatted(code))
                .post("/v1/data-categories")
                .then()
                .statusCode(201);

        byte[] body = as("tenant-a", "auditor")
                .get("/v1/data-categories/export.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header(
                        "Content-Disposition",
                        containsString("attachment; filename=\"personal-information-ledger-tenant-a-"))
                .extract()
                .asByteArray();

        assertArrayEquals(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Arrays.copyOf(body, 3),
                "UTF-8 byte-order mark first");
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        assertEquals(CSV_HEADER, lines.get(0));
        String row =
                lines.stream().filter(l -> l.startsWith(code + ",")).findFirst().orElseThrow();
        assertEquals(
                code + ",\"問い合わせ記録、\"\"重要\"\"\",,氏名、住所,enquiry、quality,"
                        + "\"'=HYPERLINK(\"\"http://evil\"\")\",\"施錠キャビネット\n2段目\",SV,契約終了日,30,契約終了後30日,"
                        + "あり,直接書面取得,あり,あり,なし,2026-03-31",
                row);
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void shouldAnswer404AsProblemJsonForUnknownCodes() {
        as("tenant-a", "operator")
                .get("/v1/data-categories/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mamori.dev/problems/not-found"))
                .body("detail", notNullValue());
    }
}
