package dev.mamori.center.service;

import dev.mamori.center.client.ConsentApi;
import dev.mamori.center.client.OnlineFilingApi;
import dev.mamori.center.client.RequestSettingsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Online filing through the privacy center: the company the page belongs to, and request-service's filing API.
 * The filing, its code and the request live in request-service; the privacy center keeps nothing.
 */
@ApplicationScoped
public class FilingService {

    private final ConsentApi consent;
    private final RequestSettingsApi settings;
    private final OnlineFilingApi filings;

    public FilingService(
            @RestClient ConsentApi consent,
            @RestClient RequestSettingsApi settings,
            @RestClient OnlineFilingApi filings) {
        this.consent = consent;
        this.settings = settings;
        this.filings = filings;
    }

    /** A tenant id from a path: anything that cannot be one is a plain 404 before anything else is done. */
    public static String tenant(String tenant) {
        if (tenant == null || !NoticeService.TENANT.matcher(tenant).matches()) {
            throw new NotFoundException();
        }
        return tenant;
    }

    /** The company of a page: 404 for an id that is no tenant's or a company without a public notice. */
    public String companyName(String tenant) {
        tenant(tenant);
        ConsentApi.Policy policy = consent.policy(tenant);
        if (policy == null
                || policy.controllerName() == null
                || policy.controllerName().isBlank()) {
            throw new NotFoundException();
        }
        return policy.controllerName();
    }

    public RequestSettingsApi.Settings settings(String tenant) {
        return settings.settings(tenant);
    }

    /** Files once per rendered form ({@code formId}): the same form sent again gets the same answer. */
    public OnlineFilingApi.Accepted file(String tenant, UUID formId, OnlineFilingApi.OnlineFiling filing) {
        return filings.file(tenant, "center-filing-" + formId, filing);
    }

    /**
     * Confirms once per filing and code: a double click, or reloading the receipt (which re-posts), gets the same
     * receipt rather than "already confirmed".
     */
    public OnlineFilingApi.Receipt confirm(String tenant, UUID filingId, String code) {
        return filings.confirm(
                tenant, "center-confirm-" + filingId + "-" + code, filingId, new OnlineFilingApi.CodeEntry(code));
    }

    /** The id of a rendered form as posted back, or a fresh one if it is not one. */
    public static UUID formId(String posted) {
        try {
            return posted == null ? UUID.randomUUID() : UUID.fromString(posted);
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID();
        }
    }

    public OnlineFilingApi.Accepted freshCode(String tenant, UUID filingId) {
        return filings.freshCode(tenant, filingId);
    }

    public OnlineFilingApi.Status status(String tenant, String receiptNumber, String email) {
        return filings.status(tenant, new OnlineFilingApi.StatusQuery(receiptNumber.toUpperCase(Locale.ROOT), email));
    }

    /** A filing id from a path: the page of any other string is a plain 404. */
    public static UUID filingId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equals(value.toLowerCase(Locale.ROOT))) {
                throw new NotFoundException();
            }
            return id;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException();
        }
    }

    /** A code as typed: full-width digits (a Japanese keyboard's) and spaces are forgiven. */
    public static String normaliseCode(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder();
        for (char c : typed.toCharArray()) {
            if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else if (!Character.isWhitespace(c) && c != '-' && c != '\u3000') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
