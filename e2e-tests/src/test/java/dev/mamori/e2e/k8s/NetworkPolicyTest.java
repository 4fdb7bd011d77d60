package dev.mamori.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.e2e.k8s.NetworkPolicies.Endpoint;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Network access is denied by default and allowed only for the flows the suite needs: from the ingress controller
 * and Prometheus to each API, from request-service to consent-, retention- and thirdparty-service, from
 * thirdparty-service to consent-service and from incident-service to retention- and consent-service, from every service to DNS, its database and the OIDC provider, and from the two services that
 * notify client systems to HTTPS outside the cluster; for the staff console, from the ingress controller to it and
 * from it to DNS, the OIDC provider and the five services whose pages it shows, never to a database; for the
 * privacy center (the public pages), from the ingress controller to it and from it to DNS, the OIDC provider's token
 * endpoint, request-service and consent-service, nothing else. Each flow is checked end to end (the source's egress and the
 * destination's ingress), and so are flows that must stay closed.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = K8s.OVERLAYS;

    private static final Endpoint INGRESS_CONTROLLER = Endpoint.podElsewhere(
            "ingress controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Endpoint PROMETHEUS =
            Endpoint.podElsewhere("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Endpoint DNS =
            Endpoint.podElsewhere("cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"));
    private static final Endpoint STRANGER =
            Endpoint.podElsewhere("a pod of another team", "other-team", Map.of("app", "x"));
    private static final Endpoint COMPANY_DATABASE =
            Endpoint.outside("a PostgreSQL outside the cluster", "10.20.30.40");
    /** An address on the Internet that is none of the suite's endpoints. */
    private static final Endpoint ANYWHERE = Endpoint.outside("an arbitrary Internet address", "185.199.108.99");

    private static final Endpoint CLIENT_SYSTEM =
            Endpoint.outside("a client system's callback endpoint", "185.199.108.7");
    private static final Endpoint SMTP_RELAY = Endpoint.outside("the company's SMTP relay", "185.199.108.25");
    private static final Endpoint CLOUD_METADATA = Endpoint.outside("the cloud's instance metadata", "169.254.169.254");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingIsDeniedUnlessAllowed(String overlay) {
        List<NetworkPolicy> denyAll = K8s.overlay(overlay).all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && p.getSpec().getPodSelector().getMatchExpressions().isEmpty()
                        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && p.getSpec().getIngress().isEmpty()
                        && p.getSpec().getEgress().isEmpty())
                .toList();
        assertEquals(1, denyAll.size(), "one default-deny policy selects every pod and allows nothing");
        NetworkPolicies net = new NetworkPolicies(K8s.overlay(overlay));
        for (K8s.Workload w : K8s.overlay(overlay).workloads()) {
            Endpoint pod = Endpoint.pod(K8s.overlay(overlay).namespace(), w);
            assertFalse(net.selecting(pod, "Ingress").isEmpty(), w + " is isolated for ingress");
            assertFalse(net.selecting(pod, "Egress").isEmpty(), w + " is isolated for egress");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressControllerAndPrometheusReachEveryApiAndNothingElse(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        for (K8s.Workload w : o.workloads()) {
            Endpoint pod = net.pod(o, w.name());
            if (w.isConsole() || w.isPrivacyCenter()) {
                int http = pod.port("http");
                assertTrue(net.allows(INGRESS_CONTROLLER, pod, http), "ingress controller -> " + w);
                assertFalse(net.allows(PROMETHEUS, pod, http), "Prometheus -> " + w + " (it serves no metrics)");
                assertFalse(
                        net.allows(INGRESS_CONTROLLER, pod, http + 1), "ingress controller -> " + w + " other port");
                assertFalse(net.allows(STRANGER, pod, http), "another namespace -> " + w);
                assertFalse(
                        net.allows(CLIENT_SYSTEM, pod, http),
                        "outside the cluster -> " + w + " (only through the ingress controller)");
            } else if (w.isService()) {
                int http = pod.port("http");
                assertTrue(net.allows(INGRESS_CONTROLLER, pod, http), "ingress controller -> " + w);
                assertTrue(net.allows(PROMETHEUS, pod, http), "Prometheus -> " + w + " (/q/metrics)");
                assertFalse(
                        net.allows(INGRESS_CONTROLLER, pod, http + 1), "ingress controller -> " + w + " other port");
                assertFalse(net.allows(STRANGER, pod, http), "another namespace -> " + w);
                assertFalse(
                        net.allows(CLIENT_SYSTEM, pod, http),
                        "outside the cluster -> " + w + " (only through the ingress controller)");
            } else {
                for (int port : pod.namedPorts().values()) {
                    assertFalse(net.allows(INGRESS_CONTROLLER, pod, port), "ingress controller -> " + w);
                    assertFalse(net.allows(STRANGER, pod, port), "another namespace -> " + w);
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesCallOnlyTheServicesTheyNeed(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        Map<String, List<String>> calls = Map.of(
                "request-service",
                List.of("consent-service", "retention-service", "thirdparty-service"),
                "thirdparty-service",
                List.of("consent-service"),
                "incident-service",
                List.of("retention-service", "consent-service"),
                "consent-service",
                List.of(),
                "retention-service",
                List.of(),
                K8s.CONSOLE,
                List.of(
                        "consent-service",
                        "incident-service",
                        "request-service",
                        "retention-service",
                        "thirdparty-service"),
                K8s.PRIVACY_CENTER,
                List.of("consent-service", "request-service"));
        assertEquals(K8s.CONSOLE_CALLS, calls.get(K8s.CONSOLE));
        assertEquals(K8s.PRIVACY_CENTER_CALLS, calls.get(K8s.PRIVACY_CENTER));
        assertEquals(K8s.DEPLOYMENTS, calls.keySet().stream().sorted().toList(), "every Deployment's calls are named");
        for (String from : K8s.DEPLOYMENTS) {
            for (String to : K8s.DEPLOYMENTS) {
                if (from.equals(to)) {
                    continue;
                }
                Endpoint target = net.pod(o, to);
                boolean expected = calls.get(from).contains(to);
                assertEquals(expected, net.allows(net.pod(o, from), target, target.port("http")), from + " -> " + to);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodResolvesNamesThroughTheClusterDns(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        for (K8s.Workload w : o.workloads()) {
            assertTrue(net.allows(net.pod(o, w.name()), DNS, 53, "UDP"), w + " -> DNS (UDP)");
            assertTrue(net.allows(net.pod(o, w.name()), DNS, 53, "TCP"), w + " -> DNS (TCP)");
            assertFalse(net.allows(net.pod(o, w.name()), DNS, 80), w + " -> the DNS pods on another port");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheServicesThatNotifyClientSystemsReachHttpsOutsideAndNoneReachesTheCloudMetadata(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        for (K8s.Workload w : o.workloads()) {
            Endpoint pod = net.pod(o, w.name());
            boolean notifies = w.name().equals("request-service") || w.name().equals("retention-service");
            assertEquals(notifies, net.allows(pod, CLIENT_SYSTEM, 443), w + " -> client system over HTTPS");
            assertFalse(net.allows(pod, CLIENT_SYSTEM, 80), w + " -> client system over plain HTTP");
            assertFalse(net.allows(pod, CLIENT_SYSTEM, 22), w + " -> client system over SSH");
            for (int port : new int[] {80, 443, 5432}) {
                assertFalse(net.allows(pod, CLOUD_METADATA, port), w + " -> cloud metadata :" + port);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyRequestServiceReachesAnSmtpRelayAndOnlyOnTheSubmissionPort(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        for (K8s.Workload w : o.workloads()) {
            Endpoint pod = net.pod(o, w.name());
            boolean mails = w.name().equals("request-service") || w.name().equals("thirdparty-service");
            assertEquals(mails, net.allows(pod, SMTP_RELAY, 587), w + " -> SMTP relay on 587 (submission)");
            assertFalse(net.allows(pod, SMTP_RELAY, 25), w + " -> SMTP relay on 25");
            assertFalse(net.allows(pod, CLOUD_METADATA, 587), w + " -> cloud metadata :587");
        }
    }

    @Test
    void inDevelopmentEveryServiceReachesPostgresAndKeycloakAndTheyReachNothing() {
        K8s.Overlay dev = K8s.overlay("dev");
        NetworkPolicies net = new NetworkPolicies(dev);
        Endpoint postgres = net.pod(dev, "postgres");
        Endpoint keycloak = net.pod(dev, "keycloak");
        for (String service : K8s.SERVICES) {
            Endpoint pod = net.pod(dev, service);
            assertTrue(net.allows(pod, postgres, postgres.port("postgres")), service + " -> postgres");
            assertTrue(net.allows(pod, keycloak, keycloak.port("http")), service + " -> keycloak");
            assertFalse(
                    net.allows(pod, keycloak, keycloak.port("management")), service + " -> keycloak's management port");
            assertFalse(net.allows(pod, COMPANY_DATABASE, 5432), service + " -> a database outside the cluster");
        }
        for (String pages : K8s.PAGES) {
            Endpoint pod = net.pod(dev, pages);
            assertTrue(net.allows(pod, keycloak, keycloak.port("http")), pages + " -> keycloak (sign-in or token)");
            assertFalse(net.allows(pod, keycloak, keycloak.port("management")), pages + " -> keycloak's management");
            assertFalse(
                    net.allows(pod, postgres, postgres.port("postgres")), pages + " -> postgres (it holds no data)");
            assertFalse(net.allows(pod, COMPANY_DATABASE, 5432), pages + " -> a database outside the cluster");
            assertFalse(net.allows(keycloak, pod, pod.port("http")), "keycloak -> " + pages);
            assertFalse(net.allows(postgres, pod, pod.port("http")), "postgres -> " + pages);
        }
        assertFalse(net.allows(keycloak, postgres, postgres.port("postgres")), "keycloak -> postgres");
        assertFalse(net.allows(postgres, keycloak, keycloak.port("http")), "postgres -> keycloak");
        for (Endpoint infra : List.of(postgres, keycloak)) {
            for (Endpoint outside : List.of(CLIENT_SYSTEM, ANYWHERE, COMPANY_DATABASE)) {
                for (int port : new int[] {80, 443, 5432}) {
                    assertFalse(net.allows(infra, outside, port), infra + " -> " + outside + ":" + port);
                }
            }
            for (String service : K8s.SERVICES) {
                Endpoint pod = net.pod(dev, service);
                assertFalse(net.allows(infra, pod, pod.port("http")), infra + " -> " + service);
            }
        }
    }

    @Test
    void inProductionEveryServiceReachesTheDatabaseAndIdentityProviderNamedInTheNetworkSettingsAndNothingBeside() {
        K8s.Overlay prod = K8s.overlay("prod");
        NetworkPolicies net = new NetworkPolicies(prod);
        Map<String, String> settings = networkSettings();
        String database = settings.get("databaseCidr");
        String idp = settings.get("oidcCidr");
        for (String cidr : settings.values()) {
            assertFalse(
                    NetworkPolicies.inCidr(cidr, ANYWHERE.ip()) || NetworkPolicies.inCidr(cidr, CLIENT_SYSTEM.ip()),
                    "this test's outside addresses are none of the settings' (" + cidr + ")");
        }
        Endpoint companyDatabase = Endpoint.outside("the company's PostgreSQL", firstAddress(database));
        Endpoint companyIdp = Endpoint.outside("the company's OIDC provider", firstAddress(idp));
        for (String service : K8s.SERVICES) {
            Endpoint pod = net.pod(prod, service);
            assertTrue(net.allows(pod, companyDatabase, 5432), service + " -> database in " + database);
            assertTrue(net.allows(pod, companyIdp, 443), service + " -> OIDC provider in " + idp);
            assertFalse(net.allows(pod, companyDatabase, 3306), service + " -> database host on another port");
            assertFalse(net.allows(pod, companyIdp, 80), service + " -> OIDC provider over plain HTTP");
            assertFalse(net.allows(pod, ANYWHERE, 5432), service + " -> PostgreSQL port of any other address");
            boolean notifies = service.equals("request-service") || service.equals("retention-service");
            assertEquals(
                    notifies,
                    net.allows(pod, ANYWHERE, 443),
                    service + " -> HTTPS of any other address " + "(only the services that call client systems back)");
        }
    }

    @Test
    void inProductionTheConsoleAndThePrivacyCenterReachTheIdentityProviderButNoDatabase() {
        K8s.Overlay prod = K8s.overlay("prod");
        NetworkPolicies net = new NetworkPolicies(prod);
        Map<String, String> settings = networkSettings();
        Endpoint companyDatabase =
                Endpoint.outside("the company's PostgreSQL", firstAddress(settings.get("databaseCidr")));
        Endpoint companyIdp = Endpoint.outside("the company's OIDC provider", firstAddress(settings.get("oidcCidr")));
        for (String pages : K8s.PAGES) {
            Endpoint pod = net.pod(prod, pages);
            assertTrue(net.allows(pod, companyIdp, 443), pages + " -> OIDC provider (sign-in or token)");
            assertFalse(net.allows(pod, companyIdp, 80), pages + " -> OIDC provider over plain HTTP");
            assertFalse(net.allows(pod, companyDatabase, 5432), pages + " -> the company's database");
            assertFalse(net.allows(pod, ANYWHERE, 443), pages + " -> HTTPS of any other address");
            assertFalse(net.allows(pod, ANYWHERE, 5432), pages + " -> PostgreSQL port of any other address");
        }
    }

    /**
     * The privacy center faces the internet, so what it can reach is the least of any pod: every endpoint of the
     * overlay and outside it, on every port any of them serves, is closed to it except DNS, the OIDC provider's
     * token endpoint and the http port of request- and consent-service; and nothing but the ingress controller
     * reaches it, not even the suite's own pods.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePrivacyCenterReachesOnlyDnsTheIdentityProviderAndItsTwoServicesAndOnlyTheIngressControllerReachesIt(
            String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        Endpoint center = net.pod(o, K8s.PRIVACY_CENTER);
        int[] ports = {22, 25, 53, 80, 443, 587, 4317, 5432, 6443, 8080, 8443, 9000};
        for (K8s.Workload w : o.workloads()) {
            if (w.name().equals(K8s.PRIVACY_CENTER)) {
                continue;
            }
            Endpoint target = net.pod(o, w.name());
            java.util.Set<Integer> all =
                    new java.util.TreeSet<>(target.namedPorts().values());
            for (int port : ports) {
                all.add(port);
            }
            for (int port : all) {
                boolean service = K8s.PRIVACY_CENTER_CALLS.contains(w.name())
                        && Integer.valueOf(port).equals(target.namedPorts().get("http"));
                boolean idp = w.name().equals("keycloak") && port == target.port("http");
                assertEquals(service || idp, net.allows(center, target, port), "privacy-center -> " + w + ":" + port);
                // Its own egress alone, too: a widened egress rule is a hole even while the other side refuses.
                assertEquals(
                        service || idp,
                        net.egressAllows(center, target, port, "TCP"),
                        "privacy-center's egress -> " + w + ":" + port);
                assertFalse(net.allows(target, center, port), w + " -> privacy-center:" + port);
            }
        }
        Endpoint idp = overlay.equals("prod")
                ? Endpoint.outside(
                        "the company's OIDC provider",
                        firstAddress(networkSettings().get("oidcCidr")))
                : null;
        Endpoint apiServer = Endpoint.outside(
                "the Kubernetes API server",
                overlay.equals("dev")
                        ? "172.18.0.2"
                        : firstAddress(networkSettings().get("apiServerCidr")));
        Endpoint database = overlay.equals("prod")
                ? Endpoint.outside(
                        "the company's PostgreSQL",
                        firstAddress(networkSettings().get("databaseCidr")))
                : COMPANY_DATABASE;
        for (int port : ports) {
            for (Endpoint outside :
                    List.of(ANYWHERE, CLIENT_SYSTEM, SMTP_RELAY, CLOUD_METADATA, apiServer, database, STRANGER)) {
                assertFalse(net.allows(center, outside, port), "privacy-center -> " + outside + ":" + port);
            }
            if (idp != null) {
                assertEquals(port == 443, net.allows(center, idp, port), "privacy-center -> " + idp + ":" + port);
            }
            assertEquals(port == 53, net.allows(center, DNS, port, "UDP"), "privacy-center -> DNS:" + port + "/UDP");
        }
        int http = center.port("http");
        assertTrue(net.allows(INGRESS_CONTROLLER, center, http), "ingress controller -> privacy-center");
        for (Endpoint other : List.of(PROMETHEUS, STRANGER, DNS, ANYWHERE, CLIENT_SYSTEM)) {
            assertFalse(net.allows(other, center, http), other + " -> privacy-center");
        }
    }

    /**
     * The privacy center's policies, one by one: a policy that newly selects it (one to a database, another
     * service, an outside address, or one letting a new peer in) fails here even when no flow check above names
     * that destination.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePrivacyCenterIsSelectedOnlyByTheDenyTheDnsTheOidcItsServicesAndTheIngressControllerPolicies(
            String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        Endpoint center = net.pod(o, K8s.PRIVACY_CENTER);
        List<String> egress = net.selecting(center, "Egress").stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        assertEquals(
                List.of("allow-dns", "default-deny-all", "mamori-egress-to-oidc", "privacy-center-egress-to-services"),
                egress,
                overlay);
        List<String> ingress = net.selecting(center, "Ingress").stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        assertEquals(List.of("default-deny-all", "mamori-allow-ingress-controller"), ingress, overlay);
        List<String> selecting = o.all(NetworkPolicy.class).stream()
                .filter(p -> K8s.selects(p.getSpec().getPodSelector(), center.labels()))
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "allow-dns",
                        "default-deny-all",
                        "mamori-allow-ingress-controller",
                        "mamori-egress-to-oidc",
                        "privacy-center-egress-to-services"),
                selecting,
                overlay + ": no other policy selects the privacy center");
    }

    /**
     * The console's way out, policy by policy: the default deny, DNS, the OIDC provider and the four services. A
     * policy that newly selects it for egress (say, one to a database or an outside address) fails here even when
     * the flow checks above do not name that destination.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleIsSelectedForEgressOnlyByTheDenyTheDnsTheOidcAndItsServicesPolicies(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        List<String> egress = net.selecting(net.pod(o, K8s.CONSOLE), "Egress").stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        assertEquals(
                List.of("allow-dns", "console-egress-to-services", "default-deny-all", "mamori-egress-to-oidc"),
                egress,
                overlay);
        List<String> ingress = net.selecting(net.pod(o, K8s.CONSOLE), "Ingress").stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        assertEquals(List.of("default-deny-all", "mamori-allow-ingress-controller"), ingress, overlay);
    }

    /**
     * The flows to the database and the identity provider are the ones a careless default opens to the world: no
     * such rule of any overlay (nor the setting it is rendered from) may allow every address.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noDatabaseOrIdentityProviderEgressIsOpenToEveryAddress(String overlay) {
        int checked = 0;
        for (NetworkPolicy p : K8s.overlay(overlay).all(NetworkPolicy.class)) {
            String name = p.getMetadata().getName();
            for (var rule : p.getSpec().getEgress()) {
                boolean database = rule.getPorts().stream()
                        .anyMatch(port -> port.getPort() != null
                                && Integer.valueOf(5432).equals(port.getPort().getIntVal()));
                boolean oidc = name.contains("oidc");
                if (!database && !oidc) {
                    continue;
                }
                checked++;
                assertFalse(rule.getTo().isEmpty(), overlay + " " + name + " allows every destination");
                for (var peer : rule.getTo()) {
                    if (peer.getIpBlock() != null) {
                        assertFalse(
                                opensEverything(peer.getIpBlock().getCidr()),
                                overlay + " " + name + " allows "
                                        + peer.getIpBlock().getCidr() + ": narrow it in network-settings.yaml");
                    }
                }
            }
        }
        assertTrue(checked >= 2, overlay + " has egress rules to its database and identity provider");
        for (var e : networkSettings().entrySet()) {
            assertFalse(opensEverything(e.getValue()), "network-settings.yaml " + e.getKey() + " = " + e.getValue());
        }
    }

    @Test
    void theOpenToEveryAddressCheckRecognisesEveryWayOfWritingIt() {
        assertTrue(opensEverything("0.0.0.0/0"));
        assertTrue(opensEverything("::/0"));
        assertTrue(opensEverything("10.0.0.0/0"));
        assertFalse(opensEverything("10.0.0.0/8"));
        assertFalse(opensEverything("192.0.2.10/32"));
    }

    /** A CIDR with prefix length 0 holds every address, whatever its address part says. */
    static boolean opensEverything(String cidr) {
        return cidr.strip().endsWith("/0");
    }

    /** The data of k8s/overlays/prod/network-settings.yaml, where the platform engineer sets the egress CIDRs. */
    @SuppressWarnings("unchecked")
    static Map<String, String> networkSettings() {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml()
                .load(K8s.read(K8s.ROOT.resolve("k8s/overlays/prod/network-settings.yaml")));
        return (Map<String, String>) doc.get("data");
    }

    /** The first host address of a CIDR (the network address itself when it is a /32). */
    private static String firstAddress(String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] a = java.net.InetAddress.getByName(parts[0]).getAddress();
            if (Integer.parseInt(parts[1]) < a.length * 8) {
                a[a.length - 1] |= 1;
            }
            return java.net.InetAddress.getByAddress(a).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(cidr, e);
        }
    }

    /**
     * A migration Job reaches only what it migrates: its database (and the identity provider and DNS every pod of
     * the suite may reach), never another service, a client system or the Kubernetes API. The services' pods
     * reach the API server (their wait-for init container reads the Job); nothing else of the overlay does.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void migrationJobsReachTheirDatabaseAndOnlyTheServicesPodsReachTheApiServer(String overlay) {
        K8s.Overlay o = K8s.overlay(overlay);
        NetworkPolicies net = new NetworkPolicies(o);
        Endpoint database = overlay.equals("dev")
                ? net.pod(o, "postgres")
                : Endpoint.outside(
                        "the company's PostgreSQL",
                        firstAddress(networkSettings().get("databaseCidr")));
        int databasePort = overlay.equals("dev") ? database.port("postgres") : 5432;
        Endpoint apiServer = Endpoint.outside(
                "the Kubernetes API server",
                overlay.equals("dev")
                        ? "172.18.0.2"
                        : firstAddress(networkSettings().get("apiServerCidr")));
        assertEquals(K8s.SERVICES.size(), o.migrations().size(), overlay + " has a migration Job per service");
        for (K8s.Workload job : o.migrations()) {
            Endpoint pod = net.pod(o, job.name());
            assertTrue(net.allows(pod, database, databasePort), job + " -> its database");
            assertTrue(net.allows(pod, DNS, 53, "UDP"), job + " -> DNS");
            for (String service : K8s.DEPLOYMENTS) {
                Endpoint target = net.pod(o, service);
                assertFalse(net.allows(pod, target, target.port("http")), job + " -> " + service);
                assertFalse(net.allows(target, pod, 8080), service + " -> " + job);
            }
            assertFalse(net.allows(pod, CLIENT_SYSTEM, 443), job + " -> a client system");
            assertFalse(
                    net.allows(pod, apiServer, 443) || net.allows(pod, apiServer, 6443), job + " -> the API server");
            assertFalse(net.allows(INGRESS_CONTROLLER, pod, 8080), "ingress controller -> " + job);
        }
        for (K8s.Workload w : o.workloads()) {
            Endpoint pod = net.pod(o, w.name());
            for (int port : new int[] {443, 6443}) {
                assertEquals(w.isService(), net.allows(pod, apiServer, port), w + " -> API server :" + port);
            }
        }
    }

    @Test
    void theEvaluatorItselfReadsCidrsAsTheyAreMeant() {
        assertTrue(NetworkPolicies.inCidr("0.0.0.0/0", "203.0.113.7"));
        assertTrue(NetworkPolicies.inCidr("169.254.0.0/16", "169.254.169.254"));
        assertFalse(NetworkPolicies.inCidr("169.254.0.0/16", "169.255.0.1"));
        assertTrue(NetworkPolicies.inCidr("10.20.30.40/32", "10.20.30.40"));
    }
}
