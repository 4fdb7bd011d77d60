package dev.mamori.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The identity document upload form on the receipt, against request-service's upload API as
 * ServiceStubs answers it. The test profile limits a file to 4,096 bytes (mamori.center.uploads.max-bytes).
 */
@QuarkusTest
class DocumentUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIRM = "/t/tenant-a/requests/confirm/" + ServiceStubs.FILING_ID;
    private static final String UPLOAD = "/t/tenant-a/requests/documents";
    /** The start of a JPEG: what request-service sniffs. */
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    /** The receipt, as the browser has it after entering the right code. */
    private static RequestFormTest.Form receipt(String lang) {
        RequestFormTest.Form code = RequestFormTest.open(CONFIRM, lang);
        Response receipt = RequestFormTest.post(CONFIRM, code, Map.of("code", "123456"), lang);
        assertEquals(201, receipt.statusCode(), receipt.asString());
        assertEquals("no-store", receipt.header("Cache-Control"), "the receipt holds the upload token");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(receipt.asString());
        assertTrue(m.find(), "the receipt has the upload form's token");
        return new RequestFormTest.Form(m.group(1), code.cookie(), receipt.asString());
    }

    private static Map<String, String> license() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("receiptNumber", "R-AB12-CD34");
        f.put("uploadToken", ServiceStubs.UPLOAD_TOKEN);
        f.put("documentType", "DRIVERS_LICENSE");
        f.put("side", "FRONT");
        f.put("provesIdentityOf", "PERSON");
        f.put("noMyNumber", "true");
        return f;
    }

    private static Response upload(
            RequestFormTest.Form form, Map<String, String> fields, String fileName, byte[] content, String lang) {
        // As a browser sends it: names in UTF-8.
        RequestSpecification request = given().config(io.restassured.config.RestAssuredConfig.config()
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE)))
                .redirects()
                .follow(false)
                .contentType("multipart/form-data; charset=UTF-8");
        if (form != null) {
            request = request.cookie("mamori-form", form.cookie()).multiPart("_csrf", form.token());
        }
        if (lang != null) {
            request = request.cookie("mamori-lang", lang);
        }
        for (var e : fields.entrySet()) {
            request = request.multiPart(e.getKey(), e.getValue());
        }
        if (content != null) {
            request = request.multiPart("file", fileName, content, "image/jpeg");
        }
        return request.post(UPLOAD);
    }

    private static JsonNode lastUpload() throws Exception {
        String call = ServiceStubs.UPLOADS.get(ServiceStubs.UPLOADS.size() - 1);
        return JSON.readTree(call.substring(call.indexOf('{')));
    }

    @Test
    void shouldOfferTheUploadFormOnTheReceiptWithTheMaskingNote() {
        RequestFormTest.Form receipt = receipt(null);
        String html = receipt.html();
        assertTrue(html.contains("enctype=\"multipart/form-data\""), html);
        assertTrue(html.contains("action=\"/t/tenant-a/requests/documents\""));
        assertTrue(html.contains("name=\"uploadToken\" value=\"" + ServiceStubs.UPLOAD_TOKEN + "\""));
        assertTrue(html.contains("マイナンバー（個人番号）が見えないように"), "the masking note");
        assertTrue(html.contains("保険者番号、被保険者等記号・番号、QRコードを隠して"));
        assertTrue(html.contains("<label for=\"upload-noMyNumber\">"));
        assertTrue(html.contains("<label for=\"upload-file\">"));
        assertTrue(html.contains("<label for=\"upload-documentType-MY_NUMBER_CARD\">マイナンバーカード（表面のみ）</label>"));
        assertFalse(html.contains("HEALTH_INSURANCE_CARD\""), "the old insurance card is not offered");
        assertFalse(html.contains("<script"));
        String en = receipt("en").html();
        assertTrue(en.contains("make the My Number (individual number) unreadable"), en);
        assertTrue(en.contains("Upload proof of identity"));
    }

    @Test
    void shouldForwardTheFileAsBase64WithTheFieldsAndShowWhatWasReceivedNotTheFile() throws Exception {
        RequestFormTest.Form receipt = receipt(null);
        int before = ServiceStubs.UPLOADS.size();
        Response answer = upload(receipt, license(), "C:\\Users\\taro\\免許証.jpg", JPEG, null);
        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals(before + 1, ServiceStubs.UPLOADS.size());
        String call = ServiceStubs.UPLOADS.get(before);
        assertTrue(call.startsWith("Bearer " + ServiceStubs.TOKEN + " tenant-a "), call);
        JsonNode sent = lastUpload();
        assertEquals(
                JSON.readTree("""
                        {"receiptNumber": "R-AB12-CD34", "uploadToken": "%s", "documentType": "DRIVERS_LICENSE",
                         "side": "FRONT", "provesIdentityOf": "PERSON", "containsMyNumber": false,
                         "fileName": "免許証.jpg", "base64": "%s"}""".formatted(
                                ServiceStubs.UPLOAD_TOKEN, Base64.getEncoder().encodeToString(JPEG))),
                sent);
        String html = answer.asString();
        assertTrue(html.contains("書類を受け付けました"), html);
        assertTrue(html.contains("<td>運転免許証 (表面)</td><td>ご本人の書類</td><td>JPEG</td><td>1 KB</td>"), html);
        assertTrue(html.contains("あと4点提出できます"));
        assertFalse(html.contains(Base64.getEncoder().encodeToString(JPEG)), "the file is never served back");
        assertEquals("no-store", answer.header("Cache-Control"));
        // The next post carries the list, so the page shows both files after it.
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(token.find());
        Matcher carried =
                Pattern.compile("name=\"_uploaded\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(carried.find(), html);
        Map<String, String> back = license();
        back.put("documentType", "HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE");
        back.remove("side");
        back.put("insurerNumberMasked", "true");
        back.put("_uploaded", carried.group(1));
        String second = upload(
                        new RequestFormTest.Form(token.group(1), receipt.cookie(), ""), back, "q.jpg", JPEG, null)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        assertTrue(second.contains("<td>運転免許証 (表面)</td>"), second);
        assertTrue(second.contains("<td>健康保険の資格確認書（顔写真なし）</td>"), second);
        JsonNode insurance = lastUpload();
        assertTrue(insurance.path("insurerNumberMasked").asBoolean());
        assertFalse(insurance.has("side"), "a one-sided document names no side");
    }

    @Test
    void shouldRefuseAFileOverTheLimitWithoutSendingIt() {
        RequestFormTest.Form receipt = receipt(null);
        int before = ServiceStubs.UPLOADS.size();
        String html = upload(receipt, license(), "big.jpg", new byte[4097], null)
                .then()
                .statusCode(413)
                .extract()
                .asString();
        assertEquals(before, ServiceStubs.UPLOADS.size(), "nothing sent");
        assertTrue(html.contains("id=\"upload-file-error\">ファイルが大きすぎます"), html);
        assertTrue(html.contains("4 KB までのファイル"), "the limit is shown");
        assertTrue(html.contains("value=\"DRIVERS_LICENSE\" id=\"upload-documentType-DRIVERS_LICENSE\" checked"));
        upload(receipt, license(), "big.jpg", new byte[4097], "en")
                .then()
                .statusCode(413)
                .body(containsString("The file is too large"));
    }

    @Test
    void shouldAnswerAPostOverTheServersBodyLimitWithAPageInTheReadersLanguage() {
        RequestFormTest.Form receipt = receipt(null);
        int before = ServiceStubs.UPLOADS.size();
        // As a browser sends a form: with its length announced (rest-assured would send a multipart body chunked).
        String boundary = "----mamori-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + receipt.token()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.writeBytes(new byte[6 * 1024 * 1024 + 1]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        given().cookie("mamori-form", receipt.cookie())
                .cookie("mamori-lang", "en")
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray())
                .post(UPLOAD)
                .then()
                .statusCode(413)
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("The file is too large, so it was not accepted"))
                .body(containsString("up to 4 KB"))
                .body(not(containsString("<script")));
        assertEquals(before, ServiceStubs.UPLOADS.size(), "nothing sent");
    }

    @Test
    void shouldCheckTheDeclarationsAndTheMyNumberCardsSideBeforeSendingAnything() {
        RequestFormTest.Form receipt = receipt(null);
        int before = ServiceStubs.UPLOADS.size();
        Map<String, String> f = license();
        f.remove("noMyNumber");
        f.put("documentType", "MY_NUMBER_CARD");
        f.put("side", "BACK");
        String html = upload(receipt, f, "card.jpg", JPEG, null)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(html.contains("id=\"upload-noMyNumber-error\">マイナンバーが写っていないことを確認して"), html);
        assertTrue(html.contains("id=\"upload-side-error\">マイナンバーカードは表面だけを"), html);
        Map<String, String> insurance = license();
        insurance.put("documentType", "HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE");
        upload(receipt, insurance, "q.jpg", JPEG, null)
                .then()
                .statusCode(400)
                .body(containsString("id=\"upload-insurerNumberMasked-error\""));
        upload(receipt, license(), null, null, null)
                .then()
                .statusCode(400)
                .body(containsString("id=\"upload-file-error\">提出するファイルを選んでください"));
        assertEquals(before, ServiceStubs.UPLOADS.size(), "nothing sent");
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            count++;
            assertTrue(html.contains("id=\"" + links.group(1) + "\""), "no element for #" + links.group(1));
        }
        assertTrue(count >= 2, "the summary links to the fields");
    }

    @Test
    void shouldShowTheServicesFieldErrorsNextToTheFieldInTheReadersLanguage() {
        RequestFormTest.Form receipt = receipt(null);
        upload(receipt, license(), "notanimage.jpg", JPEG, null)
                .then()
                .statusCode(422)
                .body(containsString("id=\"upload-file-error\">このファイルは提出できません"))
                .body(containsString("aria-invalid=\"true\""));
        Map<String, String> agent = license();
        agent.put("provesIdentityOf", "AGENT");
        upload(receipt, agent, "agent.jpg", JPEG, "en")
                .then()
                .statusCode(422)
                .body(containsString("id=\"upload-provesIdentityOf-error\">This request was not made by an agent"));
    }

    @Test
    void shouldCloseTheFormWhenTheServiceSaysTheWindowIsOverOrTheReceiptUnknown() {
        RequestFormTest.Form receipt = receipt(null);
        Map<String, String> closed = license();
        closed.put("uploadToken", "closed-" + ServiceStubs.UPLOAD_TOKEN);
        upload(receipt, closed, "a.jpg", JPEG, null)
                .then()
                .statusCode(410)
                .body(containsString("提出できる期間が過ぎました"))
                .body(not(containsString("id=\"upload-form\"")))
                .body(not(containsString("closed-" + ServiceStubs.UPLOAD_TOKEN)));
        Map<String, String> gone = license();
        gone.put("uploadToken", "gone-" + ServiceStubs.UPLOAD_TOKEN);
        upload(receipt, gone, "a.jpg", JPEG, null).then().statusCode(404).body(containsString("ここからは提出できません"));
        // A receipt number that cannot be one is not sent at all.
        int before = ServiceStubs.UPLOADS.size();
        Map<String, String> odd = license();
        odd.put("receiptNumber", "<b>x</b>");
        upload(receipt, odd, "a.jpg", JPEG, null).then().statusCode(404);
        assertEquals(before, ServiceStubs.UPLOADS.size());
        // The last one the request takes: received, and the form is gone.
        upload(receipt, license(), "last.jpg", JPEG, null)
                .then()
                .statusCode(201)
                .body(containsString("上限に達しました"))
                .body(not(containsString("id=\"upload-form\"")));
    }

    @Test
    void shouldRefuseAnUploadWithoutAValidFormTokenAndSendNothing() {
        RequestFormTest.Form receipt = receipt(null);
        int before = ServiceStubs.UPLOADS.size();
        upload(null, license(), "a.jpg", JPEG, null)
                .then()
                .statusCode(403)
                .body(containsString("有効期限が切れたか、正しく送信されませんでした"));
        // Another form's token (the code form's) does not upload.
        RequestFormTest.Form code = RequestFormTest.open(CONFIRM, null);
        upload(code, license(), "a.jpg", JPEG, null).then().statusCode(403);
        // The right token without its cookie.
        upload(new RequestFormTest.Form(receipt.token(), "AAAAAAAAAAAAAAAAAAAAAA", ""), license(), "a.jpg", JPEG, null)
                .then()
                .statusCode(403);
        assertEquals(before, ServiceStubs.UPLOADS.size(), "nothing sent");
        upload(receipt, license(), "a.jpg", JPEG, null)
                .then()
                .statusCode(201)
                .header(
                        "Content-Security-Policy",
                        equalTo("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'none'"));
    }
}
