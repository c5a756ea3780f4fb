package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.Fixtures;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Asking the brute-force {@link Oracle} about sampled connections and about witnesses, per side. */
public final class OracleChecks {

    private OracleChecks() {
    }

    /** A generated version as the engine reads it. */
    public static ManifestSet manifests(PolicyGenerator.Version v) {
        List<PolicyManifest> policies = v.policies().stream()
                .map(p -> new PolicyManifest(p.np(), p.namespace(), false, Fixtures.ORIGIN)).toList();
        List<NamespaceManifest> namespaces = v.declared().entrySet().stream()
                .map(e -> Fixtures.namespace(e.getKey(), e.getValue())).toList();
        return Fixtures.set(policies, namespaces);
    }

    /** A generated version with declared workloads, which examples prefer. */
    public static ManifestSet manifests(PolicyGenerator.Version v, List<WorkloadManifest> workloads) {
        ManifestSet policiesOnly = manifests(v);
        return Fixtures.set(policiesOnly.policies(), policiesOnly.namespaces(), workloads);
    }

    /**
     * A few declared workloads in every namespace of the generator, with labels and named ports from its pools, so
     * that an example may be a declared workload on its declared port.
     */
    public static List<WorkloadManifest> workloads(long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<WorkloadManifest> out = new java.util.ArrayList<>();
        int[] ports = {53, 80, 443, 8080, 9000};
        for (String ns : PolicyGenerator.NAMESPACES) {
            for (int i = rnd.nextInt(3); i >= 0; i--) {
                Map<String, String> labels = new HashMap<>();
                for (String key : PolicyGenerator.POD_KEYS) {
                    if (rnd.nextInt(3) > 0) {
                        labels.put(key, PolicyGenerator.POD_VALUES.get(rnd.nextInt(PolicyGenerator.POD_VALUES.size())));
                    }
                }
                List<ContainerPort> declared = new java.util.ArrayList<>();
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    String name = rnd.nextBoolean() ? PolicyGenerator.PORT_NAMES.get(rnd.nextInt(PolicyGenerator.PORT_NAMES.size())) : null;
                    ContainerPort port = new ContainerPort(name, PolicyGenerator.PROTOCOLS.get(rnd.nextInt(3)),
                            ports[rnd.nextInt(ports.length)]);
                    if (declared.stream().noneMatch(d -> d.name() != null && d.name().equals(port.name()))) {
                        declared.add(port);
                    }
                }
                out.add(Fixtures.workload(ns, "Deployment", "w" + out.size(), labels, declared.toArray(ContainerPort[]::new)));
            }
        }
        return out;
    }

    /** Names self declares keep self's labels; names only the other declares take the other's. */
    public static Map<String, Map<String, String>> comparingUniverse(PolicyGenerator.Version self,
                                                                   PolicyGenerator.Version other) {
        Map<String, Map<String, String>> out = new HashMap<>(other.declared());
        out.putAll(self.declared());
        return out;
    }

    /** Whether the side {@code d} of the connection's local pod lets it through. */
    public static boolean allows(Oracle o, Direction d, Samples.Connection c, Map<String, Map<String, String>> fixed) {
        Endpoint.Pod local = local(c, d, fixed);
        Endpoint peer = peer(c, d, fixed);
        return d == Direction.INGRESS
                ? o.ingressAllows(local, peer, c.protocol(), c.port())
                : o.egressAllows(local, peer, c.protocol(), c.port());
    }

    /** Whether the side {@code d} of a witness (the destination's for ingress, the source's for egress) lets it through. */
    public static boolean allows(Oracle o, Direction d, Witness w) {
        return d == Direction.INGRESS
                ? o.ingressAllows((Endpoint.Pod) w.destination(), w.source(), w.protocol(), w.port())
                : o.egressAllows((Endpoint.Pod) w.source(), w.destination(), w.protocol(), w.port());
    }

    /** The witness with the given labels for the namespaces they fix (e.g. the old version's). */
    public static Witness relabel(Witness w, Map<String, Map<String, String>> fixed) {
        return new Witness(relabel(w.source(), fixed), relabel(w.destination(), fixed), w.protocol(), w.port());
    }

    public static Endpoint relabel(Endpoint e, Map<String, Map<String, String>> fixed) {
        if (e instanceof Endpoint.Pod p && fixed.containsKey(p.namespace())) {
            Map<String, String> ns = new HashMap<>(fixed.get(p.namespace()));
            ns.put(NamespaceManifest.NAME_LABEL, p.namespace());
            return new Endpoint.Pod(p.namespace(), ns, p.podLabels(), p.namedPorts());
        }
        return e;
    }

    public static Endpoint.Pod local(Samples.Connection c, Direction d, Map<String, Map<String, String>> fixed) {
        return Samples.materialize(c.local(), fixed, c, d == Direction.INGRESS);
    }

    public static Endpoint peer(Samples.Connection c, Direction d, Map<String, Map<String, String>> fixed) {
        return c.peer() instanceof Samples.AbstractPod p
                ? Samples.materialize(p, fixed, c, d == Direction.EGRESS)
                : (Endpoint) c.peer();
    }
}
