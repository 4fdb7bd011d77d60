package dev.mamori.e2e.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates Kubernetes objects offline against the API schemas as the fabric8 Kubernetes model knows them, in
 * strict mode: a kind the API does not have, a field the schema does not have (fabric8 would keep it aside in
 * "additionalProperties"), a value of the wrong type, or anything that does not survive a round trip through the
 * typed model is an error. On top of the schema it checks what the API server validates and the schema cannot say:
 * names and labels, quantities, percent strings, named ports, and that a workload's selector selects its pods.
 */
final class StrictModel {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

    private StrictModel() {}

    /** Every document of a multi-document YAML text as a typed object; fails listing every problem found. */
    static List<HasMetadata> parseAll(String yaml, String source) {
        List<String> problems = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            index++;
            if (doc == null) {
                continue;
            }
            String where = source + " #" + index;
            try {
                HasMetadata object = parse(JSON.valueToTree(doc), where, problems);
                if (object != null) {
                    objects.add(object);
                    String id = object.getKind() + "/" + object.getMetadata().getNamespace() + "/"
                            + object.getMetadata().getName();
                    if (!seen.add(id)) {
                        problems.add(where + ": " + id + " appears twice");
                    }
                }
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                problems.add(where + ": " + cause.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("not valid Kubernetes objects:\n  " + String.join("\n  ", problems));
        }
        return objects;
    }

    /** One object; problems are added to the list (null is returned when it cannot be typed at all). */
    static HasMetadata parse(JsonNode source, String where, List<String> problems) {
        String apiVersion = source.path("apiVersion").asText("");
        String kind = source.path("kind").asText("");
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
            problems.add(where + ": " + apiVersion + " " + kind + " is not a kind of the Kubernetes API");
            return null;
        }
        HasMetadata object = (HasMetadata) SERIALIZATION.unmarshal(source.toString(), type);
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        String at = where + " " + kind + "/" + name;
        if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            problems.add(at + ": metadata.name is not a DNS subdomain");
        }
        walk(object, "", at, problems, new IdentityHashMap<>());
        JsonNode back = readTree(SERIALIZATION.asJson(object));
        diff(source, back, "", at, problems);
        if (object instanceof Deployment d
                && !K8s.selects(
                        d.getSpec().getSelector(),
                        d.getSpec().getTemplate().getMetadata().getLabels())) {
            problems.add(at + ": spec.selector does not select the pod template's labels");
        }
        if (object instanceof StatefulSet s
                && !K8s.selects(
                        s.getSpec().getSelector(),
                        s.getSpec().getTemplate().getMetadata().getLabels())) {
            problems.add(at + ": spec.selector does not select the pod template's labels");
        }
        return object;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Visits every model object: fields the schema does not know, and values the API server would refuse. */
    private static void walk(
            Object o, String path, String at, List<String> problems, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", at, problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            if (path.endsWith("labels")
                    || path.endsWith("matchLabels")
                    || (path.endsWith(".selector") && m.values().stream().allMatch(String.class::isInstance))) {
                checkLabels(m, path, at, problems);
            }
            for (var e : m.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), at, problems, seen);
            }
            return;
        }
        if (o instanceof Quantity q) {
            try {
                q.getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add(at + ": " + path + " is not a quantity: " + q);
            }
            return;
        }
        if (o instanceof IntOrString v) {
            checkIntOrString(v, path, at, problems);
            return;
        }
        Class<?> type = o.getClass();
        if (!type.getName().startsWith("io.fabric8.")) {
            return;
        }
        try {
            Method extra = type.getMethod("getAdditionalProperties");
            Map<?, ?> unknown = (Map<?, ?>) extra.invoke(o);
            if (unknown != null && !unknown.isEmpty()) {
                problems.add(at + ": " + (path.isEmpty() ? "(top level)" : path)
                        + " has fields the schema does not know (or values of the wrong type): " + unknown.keySet());
            }
        } catch (NoSuchMethodException ignored) {
            // not a schema object
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    walk(f.get(o), path + "." + jsonName(f), at, problems, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + f, e);
                }
            }
        }
        if (o instanceof io.fabric8.kubernetes.api.model.Container c) {
            if (c.getName() == null || !DNS_LABEL.matcher(c.getName()).matches()) {
                problems.add(at + ": " + path + ".name is not a DNS label: " + c.getName());
            }
            if (c.getImage() == null || c.getImage().isBlank()) {
                problems.add(at + ": " + path + " has no image");
            }
        }
    }

    private static void checkLabels(Map<?, ?> labels, String path, String at, List<String> problems) {
        for (var e : labels.entrySet()) {
            String key = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue());
            if (!LABEL_KEY.matcher(key).matches()) {
                problems.add(at + ": " + path + " has an invalid label key " + key);
            }
            if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                problems.add(at + ": " + path + " has an invalid label value " + key + "=" + value);
            }
        }
    }

    private static void checkIntOrString(IntOrString v, String path, String at, List<String> problems) {
        if (v.getStrVal() == null) {
            return;
        }
        String s = v.getStrVal();
        if (path.endsWith("maxSurge") || path.endsWith("maxUnavailable") || path.endsWith("minAvailable")) {
            if (!PERCENT.matcher(s).matches()) {
                problems.add(at + ": " + path + " is a string, so it must be a percentage (\"25%\"), not " + s);
            }
        } else if (path.endsWith("port") || path.endsWith("Port")) {
            if (!PORT_NAME.matcher(s).matches()) {
                problems.add(at + ": " + path + " is not a valid port name: " + s);
            }
        }
    }

    private static String jsonName(Field f) {
        JsonProperty p = f.getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : f.getName();
    }

    /** What the source says and the typed model does not say back: a value coerced, dropped or unknown. */
    private static void diff(JsonNode source, JsonNode back, String path, String at, List<String> problems) {
        if (source.isObject()) {
            if (back == null || !back.isObject()) {
                problems.add(at + ": " + path + " did not survive the typed model (became " + back + ")");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode other = back.get(e.getKey());
                if (other == null) {
                    if (!isEmpty(e.getValue())) {
                        problems.add(at + ": " + path + "." + e.getKey() + " is not a field of the schema");
                    }
                } else {
                    diff(e.getValue(), other, path + "." + e.getKey(), at, problems);
                }
            }
        } else if (source.isArray()) {
            if (back == null || !back.isArray() || back.size() != source.size()) {
                problems.add(at + ": " + path + " did not survive the typed model");
                return;
            }
            for (int i = 0; i < source.size(); i++) {
                diff(source.get(i), back.get(i), path + "[" + i + "]", at, problems);
            }
        } else if (!source.equals(back)) {
            boolean sameNumber = source.isNumber()
                    && back != null
                    && back.isNumber()
                    && source.decimalValue().compareTo(back.decimalValue()) == 0;
            if (!sameNumber) {
                problems.add(at + ": " + path + " is " + source + " but the schema reads it as " + back);
            }
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || (node.isContainerNode() && node.isEmpty());
    }
}
