package dev.mamori.center.service;

import dev.mamori.center.client.ResultDeliveryApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Electronic delivery of a request's result (APPI Art. 33(1), (2)) through the privacy center: the link mailed to
 * the requester, a fresh code to their mailbox, and a short-lived grant to download the result. request-service
 * holds the delivery, the code and the grant; the privacy center keeps nothing between pages.
 */
@ApplicationScoped
public class DeliveryService {

    /** The formats a result is offered in, in the order of the buttons. */
    public static final List<String> FORMATS = List.of("html", "json", "csv");

    /** A link's token: URL-safe base64 of 32 random bytes. Anything else is no link of ours. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A grant as the page carries it: printable, no spaces, bounded. */
    private static final Pattern GRANT = Pattern.compile("[A-Za-z0-9._~+/=-]{16,512}");

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"?([A-Za-z0-9][A-Za-z0-9._-]{0,99})\"?");

    private final ResultDeliveryApi deliveries;

    public DeliveryService(@RestClient ResultDeliveryApi deliveries) {
        this.deliveries = deliveries;
    }

    public static boolean validToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public static boolean validGrant(String grant) {
        return grant != null && GRANT.matcher(grant).matches();
    }

    public ResultDeliveryApi.CodeSent sendCode(String tenant, String token) {
        return deliveries.sendCode(tenant, token);
    }

    public ResultDeliveryApi.Grant confirm(String tenant, String token, String code) {
        return deliveries.confirm(tenant, token, new ResultDeliveryApi.CodeEntry(code));
    }

    /** A result file to hand on as an attachment. */
    public record Download(byte[] content, String fileName, String contentType) {}

    public Download download(String tenant, String token, String format, String grant) {
        try (Response answer = deliveries.download(tenant, token, format, grant)) {
            byte[] content = answer.readEntity(byte[].class);
            return new Download(content, fileName(answer.getHeaderString("Content-Disposition"), format), type(format));
        }
    }

    /** The service's file name (the receipt number and the format's extension) if it is a plain one. */
    static String fileName(String disposition, String format) {
        if (disposition != null) {
            Matcher m = FILE_NAME.matcher(disposition);
            if (m.find() && m.group(1).endsWith("." + format)) {
                return m.group(1);
            }
        }
        return "result." + format;
    }

    /** The type the privacy center states, whatever the service said: a known one for each format. */
    static String type(String format) {
        return switch (format) {
            case "html" -> "text/html; charset=UTF-8";
            case "json" -> "application/json; charset=UTF-8";
            case "csv" -> "text/csv; charset=UTF-8";
            default -> "application/octet-stream";
        };
    }
}
