package dev.mamori.center.service;

import dev.mamori.center.client.OnlineFilingApi.Agent;
import dev.mamori.center.client.OnlineFilingApi.Contact;
import dev.mamori.center.client.OnlineFilingApi.Correction;
import dev.mamori.center.client.OnlineFilingApi.OnlineFiling;
import dev.mamori.center.client.OnlineFilingApi.Person;
import dev.mamori.center.client.OnlineFilingApi.Requester;
import dev.mamori.web.RequestTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request form as posted, read into request-service's OnlineFiling: which parts a type and a requester need
 * (mirroring request-service's RequestType and AgentType, so a person learns what is missing before anything is
 * sent), and the page's own checks. request-service checks everything again; its field errors land on the same
 * field names, which are the body's paths ("person.name", "requester.contact.email").
 */
public final class FilingForm {

    public static final List<String> TYPES = RequestTypes.ALL;

    /** Who files (Art. 37(3)): the person, a statutory representative of a minor or adult ward, an appointed agent. */
    public static final List<String> RELATIONS = List.of("SELF", "STATUTORY_AGENT", "APPOINTED_AGENT");

    /** The capacities of a statutory representative; an appointed agent acts on a power of attorney. */
    public static final List<String> STATUTORY_CAPACITIES =
            List.of("PARENTAL_AUTHORITY", "MINOR_GUARDIAN", "ADULT_GUARDIAN");

    public static final String APPOINTED_CAPACITY = "POWER_OF_ATTORNEY";

    /** Art. 33(1), (5): the person chooses how a disclosure is handed over. */
    public static final List<String> DELIVERY_METHODS = List.of("ELECTRONIC", "PAPER");

    public static final List<String> CORRECTION_KINDS = List.of("CORRECTION", "ADDITION", "DELETION");

    /** Art. 35's triggers, in the article's order. */
    public static final List<String> GROUNDS =
            List.of("ART_35_1", "ART_35_3", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C");

    /** Every field of the form, in the order the page shows them (the error summary follows it). */
    public static final List<String> FIELDS = List.of(
            "type",
            "requester.relation",
            "agent.type",
            "agent.evidenceDescription",
            "requester.name",
            "requester.contact.email",
            "requester.contact.phone",
            "requester.contact.postalAddress",
            "person.name",
            "person.email",
            "person.phone",
            "person.customerNumber",
            "deliveryMethod",
            "correction.kind",
            "correction.dataItem",
            "correction.claimedUntrue",
            "correction.requestedContent",
            "ground",
            "formConsent");

    /** Groups a service may name as a whole (e.g. "at least one identifier of the person"). */
    public static final List<String> GROUPS =
            List.of("person", "agent", "requester.contact", "requester", "correction");

    private FilingForm() {}

    /** The form read: a filing to send when {@code errors} is empty; otherwise message keys by field. */
    public record Read(OnlineFiling filing, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static boolean takesDeliveryMethod(String type) {
        return "DISCLOSURE".equals(type) || "PROVISION_RECORD_DISCLOSURE".equals(type);
    }

    public static boolean takesCorrection(String type) {
        return "CORRECTION".equals(type);
    }

    /**
     * Art. 35(1) grounds use stop and erasure, Art. 35(3) grounds provision stop, Art. 35(5) grounds any of them.
     * Empty for types that take no ground.
     */
    public static List<String> groundsOf(String type) {
        return switch (type == null ? "" : type) {
            case "USE_STOP", "ERASURE" -> List.of("ART_35_1", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C");
            case "PROVISION_STOP" -> List.of("ART_35_3", "ART_35_5_A", "ART_35_5_B", "ART_35_5_C");
            default -> List.of();
        };
    }

    /**
     * Reads the posted values (blank ones already left out, surrounding spaces stripped). Parts the chosen type or
     * requester does not take are not sent, so a stray value typed before changing one's mind does no harm.
     */
    public static Read read(Map<String, String> v, String language) {
        Map<String, String> errors = new LinkedHashMap<>();
        v.forEach((field, value) -> {
            if (!printable(value)) {
                errors.put(field, "error.invalid");
            }
        });
        String type = v.get("type");
        if (type == null) {
            errors.putIfAbsent("type", "error.choose");
        } else if (!TYPES.contains(type)) {
            errors.putIfAbsent("type", "error.invalid");
        }
        String relation = v.get("requester.relation");
        if (relation == null) {
            errors.putIfAbsent("requester.relation", "error.choose");
        } else if (!RELATIONS.contains(relation)) {
            errors.putIfAbsent("requester.relation", "error.invalid");
        }

        // Art. 37(3): an agent says in what capacity and with what document it acts.
        Agent agent = null;
        if ("STATUTORY_AGENT".equals(relation) || "APPOINTED_AGENT".equals(relation)) {
            String capacity = "APPOINTED_AGENT".equals(relation) ? APPOINTED_CAPACITY : v.get("agent.type");
            if (capacity == null) {
                errors.putIfAbsent("agent.type", "error.choose");
            } else if ("STATUTORY_AGENT".equals(relation) && !STATUTORY_CAPACITIES.contains(capacity)) {
                errors.putIfAbsent("agent.type", "error.invalid");
            }
            required(v, "agent.evidenceDescription", errors);
            agent = new Agent(capacity, v.get("agent.evidenceDescription"));
        }

        required(v, "requester.name", errors);
        String email = v.get("requester.contact.email");
        if (email == null) {
            errors.putIfAbsent("requester.contact.email", "error.required");
        } else if (!looksLikeEmail(email)) {
            errors.putIfAbsent("requester.contact.email", "error.email");
        }
        if (v.containsKey("person.email") && !looksLikeEmail(v.get("person.email"))) {
            errors.putIfAbsent("person.email", "error.email");
        }

        // The person themself may leave their name blank: it is the requester's.
        String personName = v.get("person.name");
        if (personName == null && "SELF".equals(relation)) {
            personName = v.get("requester.name");
        }
        if (personName == null) {
            errors.putIfAbsent("person.name", "error.required");
        }
        if (!v.containsKey("person.email")
                && !v.containsKey("person.phone")
                && !v.containsKey("person.customerNumber")) {
            errors.putIfAbsent("person", "error.person-identifier");
        }

        String deliveryMethod = null;
        if (takesDeliveryMethod(type)) {
            deliveryMethod = choice(v, "deliveryMethod", DELIVERY_METHODS, errors);
            // Paper goes by post: to the requester's address (request-service asks for it too).
            if ("PAPER".equals(deliveryMethod) && v.get("requester.contact.postalAddress") == null) {
                errors.putIfAbsent("requester.contact.postalAddress", "error.postal-for-paper");
            }
        }
        Correction correction = null;
        if (takesCorrection(type)) {
            String kind = choice(v, "correction.kind", CORRECTION_KINDS, errors);
            required(v, "correction.dataItem", errors);
            required(v, "correction.claimedUntrue", errors);
            correction = new Correction(
                    kind,
                    v.get("correction.dataItem"),
                    v.get("correction.claimedUntrue"),
                    v.get("correction.requestedContent"));
        }
        String ground = null;
        if (!groundsOf(type).isEmpty()) {
            ground = v.get("ground");
            if (ground == null) {
                errors.putIfAbsent("ground", "error.choose");
            } else if (!groundsOf(type).contains(ground)) {
                errors.putIfAbsent("ground", "error.ground-type");
            }
        }
        boolean consent = "true".equals(v.get("formConsent"));
        if (!consent) {
            errors.putIfAbsent("formConsent", "error.consent");
        }
        if (!errors.isEmpty()) {
            return new Read(null, Map.copyOf(errors));
        }
        OnlineFiling filing = new OnlineFiling(
                type,
                new Requester(
                        v.get("requester.name"),
                        relation,
                        new Contact(email, v.get("requester.contact.phone"), v.get("requester.contact.postalAddress"))),
                agent,
                new Person(personName, v.get("person.email"), v.get("person.phone"), v.get("person.customerNumber")),
                deliveryMethod,
                ground,
                correction,
                true,
                language);
        return new Read(filing, Map.of());
    }

    /** The field a service's error path belongs to on this form: itself, or the nearest known field or group. */
    public static String fieldOf(String path) {
        String p = path == null ? "" : path;
        while (true) {
            if (FIELDS.contains(p) || GROUPS.contains(p)) {
                return p;
            }
            int dot = p.indexOf('.');
            if (dot < 0) {
                return "";
            }
            // A service may prefix the body parameter's name ("filing.person.name"): drop leading segments.
            p = p.substring(dot + 1);
        }
    }

    private static void required(Map<String, String> v, String field, Map<String, String> errors) {
        if (v.get(field) == null) {
            errors.putIfAbsent(field, "error.required");
        }
    }

    private static String choice(
            Map<String, String> v, String field, List<String> allowed, Map<String, String> errors) {
        String value = v.get(field);
        if (value == null) {
            errors.putIfAbsent(field, "error.choose");
        } else if (!allowed.contains(value)) {
            errors.putIfAbsent(field, "error.invalid");
        }
        return value;
    }

    /** Roughly an address (the service checks it properly): one '@', something either side, no spaces. */
    static boolean looksLikeEmail(String s) {
        int at = s.indexOf('@');
        return at > 0
                && at == s.lastIndexOf('@')
                && at < s.length() - 1
                && s.chars().noneMatch(Character::isWhitespace);
    }

    /** Text a person can type: no control characters (line breaks and tabs aside), no broken characters. */
    static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
