package dev.mamori.incident.rest;

import dev.mamori.incident.ReportStage;
import dev.mamori.incident.service.ReportDraft;
import dev.mamori.platform.text.Html;

/** The report draft as a printable page: Japanese, plain, no scripts, no fonts from elsewhere. */
final class ReportHtml {

    private ReportHtml() {}

    static String render(ReportDraft d) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<title>漏えい等報告（")
                .append(stage(d.stage()))
                .append("）案 ")
                .append(Html.escape(d.title()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.6}")
                .append("th{text-align:left;vertical-align:top;width:14em;padding:.4em;border-bottom:1px solid #999}")
                .append("td{white-space:pre-wrap;padding:.4em;border-bottom:1px solid #999}")
                .append("@media print{body{margin:0}}</style>\n</head>\n<body>\n<h1>個人データの漏えい等報告（")
                .append(stage(d.stage()))
                .append("）案</h1>\n<p>")
                .append(Html.escape(d.title()))
                .append("</p>\n<p>事態を知った日: ")
                .append(Html.escape(d.knownOn()))
                .append("　報告期限: ")
                .append(Html.escape(d.dueOn()))
                .append("　報告対象: ")
                .append(d.reportable() ? "該当" : "非該当")
                .append("</p>\n<table>\n");
        for (ReportDraft.Item item : d.items()) {
            html.append("<tr><th scope=\"row\">")
                    .append(Html.escape(item.heading()))
                    .append("</th><td>")
                    .append(Html.escape(item.text()))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n<p>個人情報の保護に関する法律施行規則第8条第1項の各号に掲げる事項</p>\n</body>\n</html>\n")
                .toString();
    }

    private static String stage(ReportStage s) {
        return s == ReportStage.PRELIMINARY ? "速報" : "確報";
    }
}
