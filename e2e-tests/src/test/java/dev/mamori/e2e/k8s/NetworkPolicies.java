package dev.mamori.e2e.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, the way a Kubernetes network plugin does, whether the overlay's NetworkPolicies let one endpoint open a
 * connection to another: allowed only if the source's egress and the destination's ingress both allow it (a side
 * that no policy of its kind selects is not isolated). Endpoints are the overlay's pods, pods in other namespaces
 * (the ingress controller, Prometheus, the cluster DNS) and addresses outside the cluster.
 */
final class NetworkPolicies {

    /** Something that opens or accepts connections. A pod has a namespace and labels; an outside address has an ip. */
    record Endpoint(
            String description,
            String namespace,
            Map<String, String> namespaceLabels,
            Map<String, String> labels,
            Map<String, Integer> namedPorts,
            String ip) {

        static Endpoint pod(String namespace, K8s.Workload w) {
            Map<String, Integer> ports = new HashMap<>();
            for (Container c : w.allContainers()) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getName() != null) {
                        ports.put(p.getName(), p.getContainerPort());
                    }
                }
            }
            return new Endpoint(
                    w.name(), namespace, Map.of("kubernetes.io/metadata.name", namespace), w.podLabels(), ports, null);
        }

        static Endpoint podElsewhere(String description, String namespace, Map<String, String> labels) {
            return new Endpoint(
                    description, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, Map.of(), null);
        }

        static Endpoint outside(String description, String ip) {
            return new Endpoint(description, null, null, null, Map.of(), ip);
        }

        boolean isPod() {
            return ip == null;
        }

        /** The number of a named port of this pod. */
        int port(String name) {
            Integer port = namedPorts.get(name);
            if (port == null) {
                throw new AssertionError(description + " has no port named " + name);
            }
            return port;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkPolicies(K8s.Overlay overlay) {
        this.namespace = overlay.namespace();
        this.policies = overlay.all(NetworkPolicy.class);
    }

    Endpoint pod(K8s.Overlay overlay, String workload) {
        return Endpoint.pod(namespace, overlay.workload(workload));
    }

    /** Whether from may open a connection to to's port (TCP or UDP). */
    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return allows(from, to, port, "TCP");
    }

    /** Whether from's egress policies alone let it open the connection (whatever the destination admits). */
    boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!from.isPod() || !namespace.equals(from.namespace())) {
            return true; // not ours to police
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> peers(rule.getTo(), to) && ports(rule.getPorts(), to, port, protocol));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!to.isPod() || !namespace.equals(to.namespace())) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> peers(rule.getFrom(), from) && ports(rule.getPorts(), to, port, protocol));
    }

    /** The policies that select the pod and isolate it in that direction. */
    List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        return policies.stream()
                .filter(p -> K8s.selects(p.getSpec().getPodSelector(), pod.labels()))
                .filter(p -> types(p).contains(direction))
                .toList();
    }

    private static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null
                && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    /** An empty list of peers is everyone. */
    private boolean peers(List<NetworkPolicyPeer> peers, Endpoint e) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(p -> peer(p, e));
    }

    private boolean peer(NetworkPolicyPeer p, Endpoint e) {
        if (p.getIpBlock() != null) {
            return !e.isPod() && inBlock(p.getIpBlock(), e.ip()); // pod addresses are not known in advance
        }
        if (!e.isPod()) {
            return false;
        }
        boolean namespaceMatches = p.getNamespaceSelector() == null
                ? namespace.equals(e.namespace())
                : K8s.selects(p.getNamespaceSelector(), e.namespaceLabels());
        boolean podMatches = p.getPodSelector() == null || K8s.selects(p.getPodSelector(), e.labels());
        return namespaceMatches && podMatches;
    }

    /** An empty list of ports is every port; a named port is resolved on the destination pod. */
    private static boolean ports(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = p.getEndPort() == null ? value.getIntVal() : p.getEndPort();
                if (port >= value.getIntVal() && port <= end) {
                    return true;
                }
            } else if (to.isPod()
                    && Integer.valueOf(port).equals(to.namedPorts().get(value.getStrVal()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inBlock(IPBlock block, String ip) {
        if (!inCidr(block.getCidr(), ip)) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(c -> inCidr(c, ip));
    }

    static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(ip).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int total = net.length * 8;
            BigInteger mask = bits == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE
                            .shiftLeft(total)
                            .subtract(BigInteger.ONE)
                            .shiftRight(total - bits)
                            .shiftLeft(total - bits);
            return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
        } catch (UnknownHostException e) {
            throw new AssertionError("not an address: " + cidr + " / " + ip, e);
        }
    }
}
