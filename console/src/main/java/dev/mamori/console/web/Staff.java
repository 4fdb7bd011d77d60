package dev.mamori.console.web;

import dev.mamori.web.Language;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person: who they are, their roles, the client companies (tenants) they serve and the one they chose,
 * and their language. Roles and tenants come from the tokens Keycloak issued; the services check them again on every
 * call, so what the console hides here is convenience, never the protection.
 */
@RequestScoped
public class Staff {

    public static final String TENANT_COOKIE = "mamori-tenant";

    private final SecurityIdentity identity;
    /** In a web-app the injected token is the ID token (the access token is only sent on). */
    private final JsonWebToken idToken;

    private final HttpServerRequest request;

    public Staff(SecurityIdentity identity, JsonWebToken idToken, HttpServerRequest request) {
        this.identity = identity;
        this.idToken = idToken;
        this.request = request;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        if (!signedIn()) {
            return "";
        }
        Object name = idToken.getClaim("preferred_username");
        return name == null ? identity.getPrincipal().getName() : text(name);
    }

    /** The Keycloak session this sign-in belongs to: a new sign-in is a new session (CSRF tokens are bound to it). */
    public String session() {
        Object sid = signedIn() ? idToken.getClaim("sid") : null;
        return username() + "|" + (sid == null ? "" : text(sid));
    }

    public String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }

    public boolean isOfficer() {
        return identity.hasRole("privacy-officer");
    }

    public boolean isOperator() {
        return identity.hasRole("operator");
    }

    public boolean isAuditor() {
        return identity.hasRole("auditor");
    }

    /** Officers decide; operators take requests in and handle them; auditors only read. */
    public boolean canHandle() {
        return isOfficer() || isOperator();
    }

    public boolean canDecide() {
        return isOfficer();
    }

    public boolean canTakeIn() {
        return isOperator();
    }

    public String roleName() {
        return isOfficer() ? "privacy-officer" : isOperator() ? "operator" : isAuditor() ? "auditor" : "";
    }

    /** The tenants this person may work for: the single tenant claim, or the list claim of staff serving several. */
    public List<String> tenants() {
        if (!signedIn()) {
            return List.of();
        }
        Object single = idToken.getClaim("tenant");
        if (single != null && !text(single).isBlank()) {
            return List.of(text(single));
        }
        Object list = idToken.getClaim("tenants");
        List<String> tenants = new ArrayList<>();
        if (list instanceof JsonArray array) {
            array.forEach(v -> tenants.add(text(v)));
        } else if (list instanceof Collection<?> items) {
            items.forEach(v -> tenants.add(text(v)));
        } else if (list != null) {
            tenants.add(text(list));
        }
        return List.copyOf(tenants);
    }

    public boolean servesSeveral() {
        return tenants().size() > 1;
    }

    /** The tenant the pages work for: the one chosen (if it is still one of the person's), else the first. */
    public String tenant() {
        List<String> tenants = tenants();
        Cookie chosen = request.getCookie(TENANT_COOKIE);
        if (chosen != null && tenants.contains(chosen.getValue())) {
            return chosen.getValue();
        }
        return tenants.isEmpty() ? "" : tenants.get(0);
    }

    /** Sent as X-Mamori-Tenant only when the person serves several tenants; others act for their token's tenant. */
    public String tenantHeader() {
        return servesSeveral() ? tenant() : null;
    }

    public Locale locale() {
        Cookie lang = request.getCookie(Language.COOKIE);
        return Language.of(lang == null ? null : lang.getValue());
    }

    public boolean english() {
        return locale() == Locale.ENGLISH;
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
