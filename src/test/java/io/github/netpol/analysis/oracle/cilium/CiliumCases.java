package io.github.netpol.analysis.oracle.cilium;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.netpol.analysis.CiliumRules;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.UnsupportedPolicyManifest;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A generated {@link CiliumGenerator.Case} as the analysis reads it: written out as YAML text and read back by the
 * real {@link ManifestReader}, together with a Namespace for each namespace of {@link CiliumGenerator#pods()}
 * (so the namespace universe is fixed: their labels are declared) and a Pod for each sample pod (labels, service
 * account, named container ports). Also the two views of a sample endpoint: the oracle's {@link CiliumPeer} and
 * the analysis' {@link Endpoint}.
 */
public final class CiliumCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    // one reader for every case: it keeps nothing between reads, and building its converters is most of a read
    private static final ManifestReader READER = new ManifestReader();

    private CiliumCases() {
    }

    /** The case as the analysis reads it. */
    public static ManifestSet manifests(CiliumGenerator.Case c) {
        return read(yaml(c));
    }

    /** YAML text as the analysis reads it (one file). */
    public static ManifestSet read(String yaml) {
        return READER.read(List.of(new SourceFile("case.yaml", yaml.getBytes(StandardCharsets.UTF_8))),
                "default");
    }

    /**
     * Why the analysis refuses the version, or empty when it analyses all of it: an object of a kind it does not
     * analyse, or a Cilium policy it does not read (the analysis lists those, {@link CiliumRules#refused}).
     */
    public static Optional<String> refusal(ManifestSet set) {
        for (UnsupportedPolicyManifest u : set.unsupported()) {
            if (!CiliumPolicyManifest.isCiliumPolicy(u.apiVersion(), u.kind())) {
                return Optional.of(u.kind() + " is not analysed");
            }
        }
        return CiliumRules.of(set).refused().values().stream().findFirst();
    }

    /** Every document of the case: namespaces, sample pods, then {@link #policyYaml}. */
    public static String yaml(CiliumGenerator.Case c) {
        return Declared.TEXT + policyYaml(c);
    }

    /** The namespaces and sample pods, the same in every case: written once. */
    private static final class Declared {
        static final String TEXT = text();

        private static String text() {
            List<Object> docs = new ArrayList<>();
            namespaces().forEach((ns, labels) -> docs.add(namespace(ns, labels)));
            CiliumGenerator.pods().forEach(p -> docs.add(pod(p)));
            return dump(docs);
        }
    }

    /** Documents as the analysis reads them, after a Namespace for each of {@code namespaces} (name to labels). */
    public static ManifestSet manifests(Map<String, Map<String, String>> namespaces, List<Map<String, Object>> docs) {
        List<Object> all = new ArrayList<>();
        namespaces.forEach((ns, labels) -> all.add(namespace(ns, labels)));
        all.addAll(docs);
        return read(dump(all));
    }

    /** The policies and services of the case alone: what a reproduction shows. */
    public static String policyYaml(CiliumGenerator.Case c) {
        List<Object> docs = new ArrayList<>();
        for (Oracle.Policy p : c.networkPolicies()) {
            docs.add(networkPolicy(p));
        }
        docs.addAll(c.services());
        docs.addAll(c.ciliumPolicies());
        return docs.isEmpty() ? "" : dump(docs);
    }

    /** The namespaces of the sample pods with their labels ({@code kubernetes.io/metadata.name} left implicit). */
    public static Map<String, Map<String, String>> namespaces() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (CiliumPeer.Pod p : CiliumGenerator.pods()) {
            Map<String, String> labels = new TreeMap<>(p.namespaceLabels());
            labels.remove("kubernetes.io/metadata.name");
            out.put(p.namespace(), labels);
        }
        return out;
    }

    /** The name of the Pod object a sample pod is declared as, unique in its namespace. */
    public static String podName(CiliumPeer.Pod p) {
        int i = Samples.PODS.stream().filter(q -> q.namespace().equals(p.namespace())).toList().indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException("not a sample pod: " + p);
        }
        return "pod" + i;
    }

    /** A pod as the analysis sees it: labels as written, named ports, the Pod declaring it if it is a sample pod. */
    public static Endpoint.Pod endpoint(CiliumPeer.Pod p) {
        Endpoint.Pod sample = Samples.ENDPOINTS.get(p);
        return sample != null ? sample
                : new Endpoint.Pod(p.namespace(), p.namespaceLabels(), p.podLabels(), p.namedPorts(), null);
    }

    /** The sample pods and every sample endpoint, built once: connections are drawn from them by the thousand. */
    static final class Samples {
        static final List<CiliumPeer.Pod> PODS = CiliumGenerator.pods();
        static final List<CiliumPeer> ENDS = CiliumGenerator.endpoints();
        static final Map<CiliumPeer.Pod, Endpoint.Pod> ENDPOINTS = endpoints();

        private static Map<CiliumPeer.Pod, Endpoint.Pod> endpoints() {
            Map<CiliumPeer.Pod, Endpoint.Pod> out = new java.util.HashMap<>();
            for (CiliumPeer.Pod p : PODS) {
                out.put(p, new Endpoint.Pod(p.namespace(), p.namespaceLabels(), p.podLabels(), p.namedPorts(),
                        p.namespace() + "/Pod/" + podName(p)));
            }
            return Map.copyOf(out);
        }
    }

    /**
     * A peer as the analysis sees it in world {@code w}: an address carries the DNS names the world says the agent
     * learned it from.
     */
    public static Endpoint endpoint(CiliumPeer peer, CiliumWorld w) {
        if (peer instanceof CiliumPeer.Pod p) {
            return endpoint(p);
        }
        return new Endpoint.Ip(((CiliumPeer.Addr) peer).ip(), null, List.copyOf(new java.util.TreeSet<>(w.dnsNames())));
    }

    /**
     * An end of an analysis example as the oracle sees it: the sample pod of its declared workload, else a pod
     * with its labels and the default service account; an address as such (its DNS names are a world fact).
     */
    public static CiliumPeer peer(Endpoint e) {
        if (e instanceof Endpoint.Ip ip) {
            return new CiliumPeer.Addr(ip.ip());
        }
        Endpoint.Pod pod = (Endpoint.Pod) e;
        for (CiliumPeer.Pod p : Samples.PODS) {
            if (endpoint(p).equals(new Endpoint.Pod(pod.namespace(), pod.namespaceLabels(), pod.podLabels(),
                    p.namedPorts(), pod.workload()))) {
                return p;
            }
        }
        return new CiliumPeer.Pod(pod.namespace(), pod.namespaceLabels(), pod.podLabels(), null, pod.namedPorts());
    }

    /** One line for a reproduction. */
    public static String describe(CiliumPeer p) {
        if (p instanceof CiliumPeer.Addr a) {
            return "address " + a.ip();
        }
        CiliumPeer.Pod pod = (CiliumPeer.Pod) p;
        Map<String, String> ns = new TreeMap<>(pod.namespaceLabels());
        ns.remove("kubernetes.io/metadata.name");
        String name = Samples.ENDPOINTS.containsKey(pod) ? "/" + podName(pod) : "";
        return "pod " + pod.namespace() + name + " " + new TreeMap<>(pod.podLabels())
                + (ns.isEmpty() ? "" : " ns-labels " + ns)
                + ("default".equals(pod.serviceAccount()) ? "" : " sa " + pod.serviceAccount())
                + (pod.namedPorts().isEmpty() ? "" : " ports " + pod.namedPorts().stream()
                        .map(n -> n.name() + "=" + n.protocol() + "/" + n.port()).toList());
    }

    /** The world's facts that differ from {@link CiliumWorld#defaults()}, for a reproduction. */
    public static String describe(CiliumWorld w, boolean addressPeer) {
        CiliumWorld d = CiliumWorld.defaults();
        List<String> out = new ArrayList<>();
        if (addressPeer) {
            out.add("address " + CiliumWorldFacts.kind(w.addressKind()) + (w.sameNode() ? " (same node)" : ""));
        }
        if (!w.dnsNames().isEmpty()) {
            out.add("dns " + new java.util.TreeSet<>(w.dnsNames()));
        }
        if (!w.services().isEmpty()) {
            out.add("backend of " + new java.util.TreeSet<>(w.services()));
        }
        for (CiliumWorld.Flag f : CiliumWorld.Flag.values()) {
            if (w.get(f) != d.get(f)) {
                out.add(f + "=" + w.get(f));
            }
        }
        return out.isEmpty() ? "defaults" : String.join(", ", out);
    }

    private static Map<String, Object> namespace(String name, Map<String, String> labels) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", name);
        if (!labels.isEmpty()) {
            md.put("labels", new TreeMap<>(labels));
        }
        return document("v1", "Namespace", md, null);
    }

    private static Map<String, Object> pod(CiliumPeer.Pod p) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", podName(p));
        md.put("namespace", p.namespace());
        md.put("labels", new TreeMap<>(p.podLabels()));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "main");
        container.put("image", "registry.example/app:1");
        List<Object> ports = new ArrayList<>();
        for (NamedPort n : p.namedPorts()) {
            ports.add(Map.of("name", n.name(), "protocol", n.protocol(), "containerPort", n.port()));
        }
        if (!ports.isEmpty()) {
            container.put("ports", ports);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!"default".equals(p.serviceAccount())) {
            spec.put("serviceAccountName", p.serviceAccount());
        }
        spec.put("containers", List.of(container));
        return document("v1", "Pod", md, spec);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> networkPolicy(Oracle.Policy p) {
        Map<String, Object> doc = JSON.convertValue(p.np(), Map.class);
        Map<String, Object> md = new LinkedHashMap<>((Map<String, Object>) doc.getOrDefault("metadata", Map.of()));
        md.put("namespace", p.namespace());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "networking.k8s.io/v1");
        out.put("kind", "NetworkPolicy");
        out.put("metadata", md);
        out.put("spec", doc.get("spec"));
        return out;
    }

    private static Map<String, Object> document(String apiVersion, String kind, Map<String, Object> metadata,
                                                Map<String, Object> spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", apiVersion);
        doc.put("kind", kind);
        doc.put("metadata", metadata);
        if (spec != null) {
            doc.put("spec", spec);
        }
        return doc;
    }

    private static String dump(List<Object> docs) {
        return DUMPER.get().dumpAll(docs.iterator());
    }

    // a Yaml is not thread-safe and costs more to build than a case costs to write
    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        return new Yaml(options);
    });

    /** Names of the sample pods' namespaces. */
    public static Set<String> namespaceNames() {
        return namespaces().keySet();
    }
}
