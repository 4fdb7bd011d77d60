package dev.mamori.web;

import java.util.List;

/**
 * The kinds of request a person may make (request-service's RequestType, APPI Arts. 32(2)-35), in the order the law
 * lists them: the console filters its worklist by them, the privacy center offers them on its form and notice.
 * request-service checks every type again; this list only shapes the pages.
 */
public final class RequestTypes {

    public static final List<String> ALL = List.of(
            "PURPOSE_NOTIFICATION",
            "DISCLOSURE",
            "PROVISION_RECORD_DISCLOSURE",
            "CORRECTION",
            "USE_STOP",
            "ERASURE",
            "PROVISION_STOP");

    private RequestTypes() {}
}
