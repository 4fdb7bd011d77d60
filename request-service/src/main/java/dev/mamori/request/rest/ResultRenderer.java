package dev.mamori.request.rest;

import static dev.mamori.platform.text.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.text.Csv;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.service.FulfilmentService.Result;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's result in the three forms a person or operator needs: JSON (machine-readable), CSV (one line per
 * field of every record, for spreadsheets) and a readable HTML document with the notice in Japanese and English and
 * every section of the package as a table.
 */
final class ResultRenderer {

    private ResultRenderer() {}

    /** Sections of a package, in display order, with their Japanese and English headings. */
    private static final List<String[]> SECTIONS = List.of(
            new String[] {"purposes", "利用目的", "Purposes of use"},
            new String[] {"consents", "同意とその履歴", "Consents and their history"},
            new String[] {"useStops", "利用停止", "Use stops"},
            new String[] {"thirdPartyRecords.provisions", "第三者提供記録", "Third-party provision records"},
            new String[] {"thirdPartyRecords.receipts", "第三者からの受領記録", "Records of receipt from third parties"},
            new String[] {"holdings", "保有データと保存期間", "Data held and its retention"});

    static String csv(Result result) {
        Csv csv = Csv.withHeader("section", "index", "field", "value");
        JsonNode pkg = result.pkg();
        if (pkg == null) {
            return csv.text();
        }
        for (String[] section : SECTIONS) {
            JsonNode items = at(pkg, section[0]);
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (item.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = it.next();
                        csv.row(section[0], i, field.getKey(), text(field.getValue()));
                    }
                } else {
                    csv.row(section[0], i, "value", text(item));
                }
            }
        }
        return csv.text();
    }

    static String html(Result result) {
        DataSubjectRequest r = result.request();
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<title>開示等の請求に対する回答 / Answer to your request</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;}table{border-collapse:collapse;margin:1em 0;}")
                .append("th,td{border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left;}")
                .append("pre{white-space:pre-wrap;}</style></head><body>\n");
        out.append("<h1>開示等の請求に対する回答 / Answer to your request</h1>\n");
        out.append("<p>受付番号 / Reference: ")
                .append(escape(r.id.toString()))
                .append("<br>状態 / Status: ")
                .append(escape(r.status.name()))
                .append("</p>\n");
        out.append("<h2>ご通知</h2>\n<pre lang=\"ja\">")
                .append(escape(result.result().noticeJa))
                .append("</pre>\n");
        out.append("<h2 lang=\"en\">Notice</h2>\n<pre lang=\"en\">")
                .append(escape(result.result().noticeEn))
                .append("</pre>\n");
        JsonNode pkg = result.pkg();
        if (pkg != null) {
            for (String[] section : SECTIONS) {
                JsonNode items = at(pkg, section[0]);
                if (!pkg.has(section[0].split("\\.")[0])) {
                    continue;
                }
                out.append("<h2>")
                        .append(escape(section[1]))
                        .append(" / ")
                        .append(escape(section[2]))
                        .append(" (")
                        .append(items.size())
                        .append(")</h2>\n");
                table(out, items);
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder out, JsonNode items) {
        if (items.isEmpty()) {
            out.append("<p>該当なし / None</p>\n");
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        items.forEach(item -> item.fieldNames().forEachRemaining(columns::add));
        List<String> cols = new ArrayList<>(columns);
        out.append("<table><thead><tr>");
        if (cols.isEmpty()) {
            out.append("<th>value</th>");
        }
        cols.forEach(c -> out.append("<th>").append(escape(c)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (JsonNode item : items) {
            out.append("<tr>");
            if (cols.isEmpty()) {
                out.append("<td>").append(escape(text(item))).append("</td>");
            }
            for (String c : cols) {
                out.append("<td>").append(escape(text(item.get(c)))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static JsonNode at(JsonNode pkg, String path) {
        JsonNode node = pkg;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isArray() ? node : new ObjectMapper().createArrayNode();
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
