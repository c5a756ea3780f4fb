package io.github.netpol.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.Origin;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.SourceMap;
import io.github.netpol.model.WorkloadManifest;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds manifests for tests without the loader: fabric8 objects or YAML via SnakeYAML and Jackson. */
public final class Fixtures {

    public static final Origin ORIGIN = new Origin("test.yaml", 0, "", new SourceMap("test.yaml", Map.of()));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    public static PolicyManifest policy(NetworkPolicy np) {
        String ns = np.getMetadata() != null && np.getMetadata().getNamespace() != null
                ? np.getMetadata().getNamespace() : "default";
        return new PolicyManifest(np, ns, false, ORIGIN);
    }

    /** A NetworkPolicy written as YAML (one document). */
    public static PolicyManifest policy(String yaml) {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return policy(MAPPER.convertValue(tree, NetworkPolicy.class));
    }

    public static NamespaceManifest namespace(String name, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(NamespaceManifest.NAME_LABEL, name);
        return new NamespaceManifest(name, all, ORIGIN);
    }

    public static WorkloadManifest workload(String ns, String kind, String name, Map<String, String> labels,
                                            ContainerPort... ports) {
        return new WorkloadManifest(kind, ns, name, false, labels, List.of(ports), false, ORIGIN);
    }

    public static ManifestSet set(List<PolicyManifest> policies, List<NamespaceManifest> namespaces) {
        return new ManifestSet(policies, namespaces, List.of(), List.of(), List.of());
    }

    public static ManifestSet set(List<PolicyManifest> policies, List<NamespaceManifest> namespaces,
                                  List<WorkloadManifest> workloads) {
        return new ManifestSet(policies, namespaces, workloads, List.of(), List.of());
    }

    public static ManifestSet policies(String... yamls) {
        List<PolicyManifest> list = new ArrayList<>();
        for (String y : yamls) {
            list.add(policy(y));
        }
        return set(list, List.of());
    }
}
