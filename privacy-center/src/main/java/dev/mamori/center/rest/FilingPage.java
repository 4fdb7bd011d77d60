package dev.mamori.center.rest;

import dev.mamori.center.client.RequestSettingsApi;
import dev.mamori.center.service.FilingForm;
import dev.mamori.center.service.PublicNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request form as a page shows it: the values to put back, each field's error (a message key), the form's
 * token, and a message over the whole form (a message key) when the service could not take it.
 */
public record FilingPage(
        String tenant,
        String company,
        RequestSettingsApi.Settings fees,
        Map<String, String> values,
        Map<String, String> errors,
        String csrf,
        java.util.UUID formId,
        String notice) {

    /** One line of the error summary: a link to the field. */
    public record Entry(String anchor, String label, String message) {}

    public String v(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value.equals(values.get(field));
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String err(String field) {
        return errors.getOrDefault(field, "");
    }

    /** The element id of a field ("person.name" → "person-name"). */
    public static String id(String field) {
        return field.replace('.', '-');
    }

    /** The ids describing a field: its hint if it has one, and its error when shown. */
    public String describedBy(String field, boolean hint) {
        String ids = hint ? id(field) + "-hint" : "";
        if (has(field)) {
            ids = (ids + " " + id(field) + "-error").strip();
        }
        return ids;
    }

    /**
     * A control's aria attributes, e.g. {@code  aria-describedby="person-phone-error" aria-invalid="true"}; empty
     * when there is nothing to say. Only ids built from the form's own field names go in, so it is printed raw.
     */
    public String aria(String field, boolean hint) {
        String ids = describedBy(field, hint);
        return (ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"")
                + (has(field) ? " aria-invalid=\"true\"" : "");
    }

    /** A fieldset's: what describes the group, if anything. */
    public String group(String field, boolean hint) {
        String ids = describedBy(field, hint);
        return ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"";
    }

    public List<Entry> summary() {
        List<Entry> entries = new ArrayList<>();
        List<String> order = new ArrayList<>(FilingForm.FIELDS);
        order.addAll(FilingForm.GROUPS);
        for (String f : order) {
            if (errors.containsKey(f)) {
                entries.add(new Entry(anchor(f), "field." + f, errors.get(f)));
            }
        }
        // An error the form has no place for still shows, at the top.
        errors.forEach((f, message) -> {
            if (!order.contains(f)) {
                entries.add(new Entry("request-form", "field.form", message));
            }
        });
        return entries;
    }

    /** Where a summary link goes: the field, or for the radio groups and groups the first control / fieldset. */
    private static String anchor(String field) {
        return switch (field) {
            case "type" -> "type-" + FilingForm.TYPES.get(0);
            case "requester.relation" -> "requester-relation-" + FilingForm.RELATIONS.get(0);
            case "agent.type" -> "agent-type-" + FilingForm.STATUTORY_CAPACITIES.get(0);
            case "deliveryMethod" -> "deliveryMethod-" + FilingForm.DELIVERY_METHODS.get(0);
            case "correction.kind" -> "correction-kind-" + FilingForm.CORRECTION_KINDS.get(0);
            case "ground" -> "ground-" + FilingForm.GROUNDS.get(0);
            case "requester.contact" -> "requester";
            default -> id(field);
        };
    }

    public List<String> types() {
        return FilingForm.TYPES;
    }

    public List<String> relations() {
        return FilingForm.RELATIONS;
    }

    public List<String> capacities() {
        return FilingForm.STATUTORY_CAPACITIES;
    }

    public List<String> deliveryMethods() {
        return FilingForm.DELIVERY_METHODS;
    }

    public List<String> correctionKinds() {
        return FilingForm.CORRECTION_KINDS;
    }

    public List<String> grounds() {
        return FilingForm.GROUNDS;
    }

    /** The fee of a type, if the company charges one (Art. 38(1)). */
    public Integer fee(String type) {
        return PublicNotice.fee(fees, type);
    }

    public boolean anyFee() {
        return FilingForm.TYPES.stream().anyMatch(t -> fee(t) != null);
    }
}
