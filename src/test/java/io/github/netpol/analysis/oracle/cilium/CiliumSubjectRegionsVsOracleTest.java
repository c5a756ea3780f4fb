package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideBuilder;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pods a Cilium {@code endpointSelector} selects, as the analysis reads it ({@link CiliumEndpoints#subject},
 * then {@link SideBuilder#ciliumSubject}) against the oracle's label-set matching, for random selectors of
 * CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies over the generator's pods. A selector the analysis
 * does not model must be reported as such, never read wrongly.
 */
class CiliumSubjectRegionsVsOracleTest {

    private static final List<String> KEYS = List.of("app", "k8s:app", "any:app", "role", "k8s:role",
            "k8s:io.kubernetes.pod.namespace", "io.kubernetes.pod.namespace", "io.cilium.k8s.namespace.labels.env",
            "k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name", "other:app", "pod-template-hash");
    private static final List<String> VALUES = List.of("a", "b", "ns1", "ns2", "prod", "dev", "x");
    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    @Test
    void subjectsSelectWhatTheOracleSelects() {
        Random random = new Random(2212);
        NamespaceUniverse universe = NamespaceUniverse.of(ManifestSet.empty(),
                new AnalysisOptions(AnalysisOptions.NamespaceLabels.ANY));
        List<String> disagreements = new ArrayList<>();
        int analysed = 0;
        int unanalysed = 0;
        for (int i = 0; i < 600 && disagreements.size() < 20; i++) {
            Map<String, Object> selector = selector(random);
            boolean clusterwide = random.nextBoolean();
            String policyNamespace = clusterwide ? null : "ns" + (1 + random.nextInt(3));
            CiliumEndpoints.Selection selection = CiliumEndpoints.subject(subject(selector, policyNamespace), clusterwide);
            if (selection instanceof CiliumEndpoints.Unanalysed) {
                unanalysed++;
                continue;
            }
            analysed++;
            List<CiliumLabels.Req> reqs = CiliumOracle.subject(new CiliumOracle.CRule("r", policyNamespace,
                    Map.of("endpointSelector", selector)));
            for (CiliumPeer.Pod pod : CiliumGenerator.pods()) {
                boolean expected = CiliumLabels.matches(reqs, CiliumLabels.of(pod));
                boolean actual = selection instanceof CiliumEndpoints.Pods p && selected(p, pod, universe);
                if (expected != actual) {
                    disagreements.add(selector + " ns=" + policyNamespace + " " + pod + " oracle=" + expected);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(analysed).isGreaterThan(300);
        assertThat(unanalysed).isGreaterThan(0);
    }

    private static boolean selected(CiliumEndpoints.Pods p, CiliumPeer.Pod pod, NamespaceUniverse universe) {
        Region subject = new SideBuilder(pod.namespace(), Direction.INGRESS, universe).ciliumSubject(p);
        Map<String, String> nsLabels = new HashMap<>(pod.namespaceLabels());
        nsLabels.put("kubernetes.io/metadata.name", pod.namespace());
        Endpoint.Pod local = new Endpoint.Pod(pod.namespace(), nsLabels, pod.podLabels(), List.of());
        Endpoint.Pod peer = new Endpoint.Pod("peer", Map.of("kubernetes.io/metadata.name", "peer"), Map.of(), List.of());
        return new SideRegion(Direction.INGRESS, subject, Region.empty()).allows(local, peer, "TCP", 80);
    }

    /** The subject as {@link CiliumPolicy} reads it from a policy with this selector. */
    private static io.github.netpol.model.semantics.Selector subject(Map<String, Object> selector, String namespace) {
        String kind = namespace == null ? CiliumPolicyManifest.CLUSTERWIDE : CiliumPolicyManifest.NAMESPACED;
        Map<String, Object> raw = Map.of("apiVersion", CiliumPolicyManifest.API_VERSION, "kind", kind,
                "spec", Map.of("endpointSelector", selector, "ingress", List.of(Map.of())));
        return CiliumPolicy.of(new CiliumPolicyManifest(CiliumPolicyManifest.API_VERSION, kind, namespace, "p", raw,
                null, "")).rules().get(0).subject();
    }

    private static Map<String, Object> selector(Random random) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            Map<String, Object> ml = new LinkedHashMap<>();
            for (int n = random.nextInt(3); n > 0; n--) {
                ml.put(KEYS.get(random.nextInt(KEYS.size())), VALUES.get(random.nextInt(VALUES.size())));
            }
            out.put("matchLabels", ml);
        }
        if (random.nextBoolean()) {
            List<Map<String, Object>> exprs = new ArrayList<>();
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                String op = OPERATORS.get(random.nextInt(OPERATORS.size()));
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", KEYS.get(random.nextInt(KEYS.size())));
                e.put("operator", op);
                if (op.equals("In") || op.equals("NotIn")) {
                    e.put("values", List.of(VALUES.get(random.nextInt(VALUES.size())), VALUES.get(random.nextInt(VALUES.size()))));
                }
                exprs.add(e);
            }
            out.put("matchExpressions", exprs);
        }
        return out;
    }
}
