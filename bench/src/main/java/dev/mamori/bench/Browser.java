package dev.mamori.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's browser as far as the console needs one: a cookie jar, redirects followed, and Keycloak's login
 * form filled in (the console signs people in with the authorization-code flow; there is no password grant).
 */
final class Browser {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

    private final HttpClient client;

    /**
     * Keycloak marks its login cookies Secure even over http; a browser keeps and sends them to localhost (a
     * secure context), java.net's cookie store does not, and the login form then fails with cookie_not_found. This
     * jar behaves like the browser for the bench's localhost suite.
     */
    static final class LocalJar extends CookieHandler {
        private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> copy = new HashMap<>();
            headers.forEach((k, v) -> copy.put(k, k != null && k.toLowerCase(Locale.ROOT).startsWith("set-cookie")
                    ? v.stream().map(c -> c.replaceAll("(?i);\\s*(Secure|Version=1)(?=;|$)", "")).toList() : v));
            jar.put(uri, copy);
        }
    }

    private Browser(HttpClient client) {
        this.client = client;
    }

    /**
     * Opens {@code page}, is sent to Keycloak, posts the login form and follows the redirects back to the console,
     * keeping the console's session cookies. Fails unless the page itself answers 200 at the end.
     */
    static Browser signIn(URI page, String username, String password) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new LocalJar())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        Browser b = new Browser(client);
        HttpResponse<String> login = b.send(HttpRequest.newBuilder(page).GET());
        Matcher m = FORM_ACTION.matcher(login.body());
        if (login.statusCode() != 200 || !m.find()) {
            throw new BenchException("GET " + page + " did not lead to Keycloak's login form (HTTP "
                    + login.statusCode() + " at " + login.uri() + "): " + Api.abbreviate(login.body()));
        }
        String action = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
        String form = Map.of("username", username, "password", password, "credentialId", "").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> back = b.send(HttpRequest.newBuilder(login.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (back.statusCode() != 200 || !back.uri().getPath().equals(page.getPath())) {
            throw new BenchException("signing " + username + " in did not come back to " + page + " (HTTP "
                    + back.statusCode() + " at " + back.uri() + "): " + Api.abbreviate(back.body()));
        }
        return b;
    }

    /** GET with the session's cookies; answers the status (the page's HTML is read and dropped). */
    int get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET()).statusCode();
    }

    HttpResponse<String> page(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofMinutes(1)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException("browser: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /**
     * The demo realm lets the console's client redirect only to the console's usual ports (8090, 8091); the bench
     * runs it on a port of its own, so the bench's own Keycloak (started by the launcher with its bootstrap admin)
     * is told to accept that one too. Nothing outside the bench's Keycloak changes.
     */
    static void allowRedirect(URI keycloak, String realm, String clientId, String user, String password,
                              URI consoleBase) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user,
                    StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(keycloak
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (t.statusCode() != 200) {
                throw new BenchException("Keycloak admin sign-in failed (HTTP " + t.statusCode() + "): "
                        + Api.abbreviate(t.body()));
            }
            String admin = Api.JSON.readTree(t.body()).path("access_token").asText();
            URI clients = URI.create(keycloak + "/admin/realms/" + realm + "/clients?clientId=" + clientId);
            JsonNode found = Api.get(clients, admin).expect(200).json();
            if (!found.isArray() || found.isEmpty()) {
                throw new BenchException("Keycloak realm " + realm + " has no client " + clientId);
            }
            ObjectNode c = (ObjectNode) found.get(0);
            ArrayNode uris = c.withArray("redirectUris");
            uris.add(consoleBase + "/*");
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/"
                            + realm + "/clients/" + c.path("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.json(c))).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() / 100 != 2) {
                throw new BenchException("Keycloak refused the console's redirect URI (HTTP " + put.statusCode()
                        + "): " + Api.abbreviate(put.body()));
            }
        } catch (IOException e) {
            throw new BenchException("Keycloak admin API: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }
}
