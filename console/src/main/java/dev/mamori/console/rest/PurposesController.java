package dev.mamori.console.rest;

import dev.mamori.console.client.ConsentApi;
import dev.mamori.console.client.ServiceProblem;
import dev.mamori.console.web.FormGuard;
import dev.mamori.console.web.Refused;
import dev.mamori.console.web.Staff;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Purposes of use and their notices (consent-service): the list, a purpose with every version, publishing a new
 * purpose or a new version stating whether the change is related or unrelated (APPI Art. 17(2), Art. 21), and a
 * preview of what the person is shown, in Japanese and English, before anything is published.
 */
@Path("/purposes")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PurposesController {

    static final List<String> CHANGE_TYPES = List.of("RELATED", "UNRELATED");
    static final List<String> RECIPIENT_TYPES =
            List.of("GROUP_COMPANY", "BUSINESS_PARTNER", "CONTRACTOR", "PUBLIC_AGENCY", "OTHER");

    /** What the person is shown for a purpose version (a published one, or a draft being previewed). */
    public record Notice(
            String titleJa,
            String titleEn,
            String descriptionJa,
            String descriptionEn,
            List<String> dataItems,
            boolean thirdPartyProvision,
            List<String> recipientTypes,
            List<String> crossBorderCountries,
            String crossBorderInformation) {

        static Notice of(ConsentApi.Version v) {
            return new Notice(
                    v.titleJa(),
                    v.titleEn(),
                    v.descriptionJa(),
                    v.descriptionEn(),
                    nonNull(v.dataItems()),
                    v.thirdPartyProvision(),
                    nonNull(v.recipientTypes()),
                    nonNull(v.crossBorderCountries()),
                    v.crossBorderInformation());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ConsentApi.Purpose> purposes);

        static native TemplateInstance purpose(ConsentApi.Purpose purpose, String done);

        static native TemplateInstance edit(
                String code,
                ConsentApi.Purpose base,
                RequestsController.Form form,
                List<String> changeTypes,
                List<String> recipientTypes,
                List<String> chosenRecipients,
                Notice preview);

        static native TemplateInstance preview(ConsentApi.Purpose purpose, Notice notice);
    }

    private final ConsentApi consent;
    private final Staff staff;
    private final FormGuard guard;

    public PurposesController(@RestClient ConsentApi consent, Staff staff, FormGuard guard) {
        this.consent = consent;
        this.staff = staff;
        this.guard = guard;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(consent.purposes(0, 200).items());
    }

    @GET
    @Path("/new")
    public TemplateInstance newPurpose() {
        requireOfficer();
        return Templates.edit(
                "", null, RequestsController.Form.empty("purpose"), CHANGE_TYPES, RECIPIENT_TYPES, List.of(), null);
    }

    @GET
    @Path("/{code}")
    public TemplateInstance purpose(@PathParam("code") String code, @QueryParam("done") String done) {
        return Templates.purpose(consent.purpose(code), done == null ? "" : done);
    }

    @GET
    @Path("/{code}/preview")
    public TemplateInstance preview(@PathParam("code") String code) {
        ConsentApi.Purpose purpose = consent.purpose(code);
        return Templates.preview(purpose, Notice.of(purpose.current()));
    }

    @GET
    @Path("/{code}/versions/new")
    public TemplateInstance newVersion(@PathParam("code") String code) {
        requireOfficer();
        ConsentApi.Purpose base = consent.purpose(code);
        ConsentApi.Version v = base.current();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("titleJa", v.titleJa());
        values.put("titleEn", v.titleEn() == null ? "" : v.titleEn());
        values.put("descriptionJa", v.descriptionJa());
        values.put("descriptionEn", v.descriptionEn() == null ? "" : v.descriptionEn());
        values.put("dataItems", String.join("\n", nonNull(v.dataItems())));
        values.put("thirdPartyProvision", v.thirdPartyProvision() ? "true" : "");
        values.put("crossBorderCountries", String.join(" ", nonNull(v.crossBorderCountries())));
        values.put("crossBorderInformation", v.crossBorderInformation() == null ? "" : v.crossBorderInformation());
        return Templates.edit(
                code,
                base,
                new RequestsController.Form("version", values, null),
                CHANGE_TYPES,
                RECIPIENT_TYPES,
                nonNull(v.recipientTypes()),
                null);
    }

    /** A new purpose (code given) or a new version of {@code code}; "preview" shows the notice without publishing. */
    @POST
    @Path("/publish")
    public Object publish(MultivaluedMap<String, String> form) {
        guard.check(form.getFirst("_csrf"));
        requireOfficer();
        Map<String, String> values = FormValues.of(form);
        String code = values.getOrDefault("purposeCode", "");
        boolean newVersion = !code.isEmpty();
        List<String> recipients = FormValues.all(form, "recipientTypes");
        List<String> items = FormValues.all(form, "dataItems");
        List<String> countries = values.containsKey("crossBorderCountries")
                ? List.of(values.get("crossBorderCountries").split("[\\s,]+"))
                : List.of();
        ConsentApi.Purpose base = newVersion ? consent.purpose(code) : null;
        String name = newVersion ? "version" : "purpose";
        if ("preview".equals(form.getFirst("_action"))) {
            Notice notice = new Notice(
                    values.get("titleJa"),
                    values.get("titleEn"),
                    values.get("descriptionJa"),
                    values.get("descriptionEn"),
                    items,
                    values.containsKey("thirdPartyProvision"),
                    recipients,
                    countries,
                    values.get("crossBorderInformation"));
            return Templates.edit(
                    code,
                    base,
                    new RequestsController.Form(name, values, null),
                    CHANGE_TYPES,
                    RECIPIENT_TYPES,
                    recipients,
                    notice);
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        FormValues.put(draft, "code", values.get("code"));
        FormValues.put(draft, "changeType", values.get("changeType"));
        FormValues.put(draft, "titleJa", values.get("titleJa"));
        FormValues.put(draft, "titleEn", values.get("titleEn"));
        FormValues.put(draft, "descriptionJa", values.get("descriptionJa"));
        FormValues.put(draft, "descriptionEn", values.get("descriptionEn"));
        draft.put("dataItems", items);
        draft.put("thirdPartyProvision", values.containsKey("thirdPartyProvision"));
        draft.put("recipientTypes", recipients);
        draft.put("crossBorderCountries", countries);
        FormValues.put(draft, "crossBorderInformation", values.get("crossBorderInformation"));
        String key = FormValues.idempotencyKey(form.getFirst("_formId"));
        try {
            ConsentApi.Purpose published =
                    newVersion ? consent.publishVersion(code, key, draft) : consent.createPurpose(key, draft);
            return Response.seeOther(UriBuilder.fromPath("/purposes/{code}")
                            .queryParam("done", "published")
                            .build(published.code()))
                    .build();
        } catch (WebApplicationException e) {
            return Templates.edit(
                    code,
                    base,
                    new RequestsController.Form(name, values, ServiceProblem.of(e)),
                    CHANGE_TYPES,
                    RECIPIENT_TYPES,
                    recipients,
                    null);
        }
    }

    private void requireOfficer() {
        if (!staff.canDecide()) {
            // Only a privacy officer publishes purposes (consent-service refuses others too).
            throw new Refused("error.role");
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
