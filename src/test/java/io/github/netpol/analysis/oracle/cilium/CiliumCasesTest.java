package io.github.netpol.analysis.oracle.cilium;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestObject;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CiliumCases}: every generated case, and its mutation, reads back through the real reader without a
 * problem and with what was generated: the Cilium policies as written, the NetworkPolicies equal to the
 * oracle's, the Services, the declared namespaces with their labels and a Pod per sample pod.
 */
class CiliumCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generatedCasesReadBackAsGenerated() {
        CiliumGenerator g = new CiliumGenerator(23);
        int nps = 0;
        int services = 0;
        for (int i = 0; i < 300; i++) {
            CiliumGenerator.Case c = g.next();
            for (CiliumGenerator.Case version : List.of(c, g.mutate(c))) {
                ManifestSet set = CiliumCases.manifests(version);
                String yaml = CiliumCases.yaml(version);
                assertThat(set.problems()).as(yaml).isEmpty();
                assertThat(set.ciliumPolicies()).extracting(CiliumPolicyManifest::raw).as(yaml)
                        .containsExactlyElementsOf(version.ciliumPolicies());
                assertThat(set.policies()).hasSameSizeAs(version.networkPolicies());
                for (int k = 0; k < set.policies().size(); k++) {
                    PolicyManifest read = set.policies().get(k);
                    Oracle.Policy generated = version.networkPolicies().get(k);
                    assertThat(read.namespace()).isEqualTo(generated.namespace());
                    // null and empty lists mean the same to Kubernetes; the JSON form leaves both out
                    assertThat((Object) JSON.valueToTree(read.policy().getSpec())).as(yaml)
                            .isEqualTo((Object) JSON.valueToTree(generated.np().getSpec()));
                }
                assertThat(set.objects().stream().filter(o -> o.kind().equals("Service")).map(ManifestObject::raw)
                        .toList()).isEqualTo(version.services());
                nps += set.policies().size();
                services += version.services().size();
            }
        }
        assertThat(nps).as("NetworkPolicies read").isGreaterThan(100);
        assertThat(services).as("Services read").isGreaterThan(100);
    }

    @Test
    void theSamplePodsAreDeclaredInNamespacesWithTheirLabels() {
        ManifestSet set = CiliumCases.manifests(new CiliumGenerator.Case(List.of(), List.of(), List.of()));
        assertThat(set.problems()).isEmpty();
        assertThat(set.namespaces()).extracting(NamespaceManifest::name).containsExactly("ns1", "ns2", "ns3");
        List<CiliumPeer.Pod> pods = CiliumGenerator.pods();
        assertThat(set.workloads()).hasSameSizeAs(pods);
        for (CiliumPeer.Pod p : pods) {
            Endpoint.Pod e = CiliumCases.endpoint(p);
            WorkloadManifest w = set.workloads().stream().filter(x -> x.id().equals(e.workload())).findFirst()
                    .orElseThrow();
            assertThat(w.podLabels()).isEqualTo(p.podLabels());
            assertThat(w.namedPorts()).containsExactlyInAnyOrderElementsOf(p.namedPorts());
            NamespaceManifest ns = set.namespaces().stream().filter(n -> n.name().equals(p.namespace())).findFirst()
                    .orElseThrow();
            assertThat(ns.labels()).isEqualTo(p.namespaceLabels()).isEqualTo(e.namespaceLabels());
            assertThat(CiliumCases.peer(e)).isEqualTo(p);
        }
        assertThat(set.objects().stream().filter(o -> o.kind().equals("Pod"))
                .map(o -> String.valueOf(((Map<?, ?>) o.raw().get("spec")).get("serviceAccountName"))).toList())
                .containsOnly("null", "sa1");
    }

    @Test
    void addressesCarryTheWorldsDnsNamesAndComeBackAsAddresses() {
        CiliumWorld w = CiliumWorld.defaults().withDnsNames(java.util.Set.of("api.example.com"));
        List<CiliumPeer> back = new ArrayList<>();
        for (CiliumPeer.Addr a : CiliumGenerator.addresses()) {
            Endpoint e = CiliumCases.endpoint(a, w);
            assertThat(e).isInstanceOfSatisfying(Endpoint.Ip.class, ip -> {
                assertThat(ip.domainNames()).containsExactly("api.example.com");
                assertThat(ip.isNode()).isFalse();
            });
            back.add(CiliumCases.peer(e));
        }
        assertThat(back).isEqualTo(CiliumGenerator.addresses());
    }
}
