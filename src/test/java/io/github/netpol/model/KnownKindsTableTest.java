package io.github.netpol.model;

import io.github.netpol.model.semantics.TierPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of known kinds is {@link KubernetesKinds#table()}, row for row. Regenerate it with
 * {@code ./mvnw test -Dtest=KnownKindsTableTest -Dnetpol.updateDocs=true}.
 */
class KnownKindsTableTest {

    private static final Path README = Path.of("README.md");
    private static final String BEGIN = "<!-- known kinds: generated from KubernetesKinds by KnownKindsTableTest -->\n";
    private static final String END = "<!-- end of known kinds -->\n";

    static String render() {
        StringBuilder md = new StringBuilder("| kind | API group | defined by | scope | treatment |\n| --- | --- | --- | --- | --- |\n");
        for (KubernetesKinds.Kind k : KubernetesKinds.table()) {
            md.append("| `").append(k.kind()).append("` | ").append(k.group().isEmpty() ? "core" : "`" + k.group() + "`")
                    .append(" | ").append(k.product()).append(" | ").append(k.clusterScoped() ? "cluster" : "namespace")
                    .append(" | ").append(k.treatmentWords()).append(" |\n");
        }
        return md.toString();
    }

    @Test
    void theReadmeTableIsTheTableInTheCode() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md holds the markers of the known-kinds table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = render();
        if (Boolean.getBoolean("netpol.updateDocs")) {
            readme = readme.substring(0, begin + BEGIN.length()) + expected + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
            end = readme.indexOf(END);
        }
        assertThat(readme.substring(begin + BEGIN.length(), end))
                .as("README.md's table of known kinds is out of date; regenerate it with "
                        + "./mvnw test -Dtest=KnownKindsTableTest -Dnetpol.updateDocs=true and commit it")
                .isEqualTo(expected);
    }

    @Test
    void everyKindIsListedOnceAndTheReadKindsAreTheOnesModelled() {
        Set<String> seen = new HashSet<>();
        for (KubernetesKinds.Kind k : KubernetesKinds.table()) {
            assertThat(seen.add(k.group() + "/" + k.kind())).as(k.toString()).isTrue();
            boolean modelled = KubernetesKinds.known(k.kind()).filter(known -> KubernetesKinds.group(known.apiVersion())
                    .equals(k.group())).isPresent();
            boolean tier = k.analysedApiVersion() != null && TierPolicy.Kind.of(k.analysedApiVersion(), k.kind()).isPresent()
                    && KubernetesKinds.tierKind(k.analysedApiVersion(), k.kind()).isPresent();
            boolean cilium = k.analysedApiVersion() != null && CiliumPolicyManifest.isCiliumPolicy(k.analysedApiVersion(), k.kind());
            assertThat(modelled || tier || cilium).as(k.kind() + " is modelled exactly when it is read or analysed")
                    .isEqualTo(k.treatment() == KubernetesKinds.Treatment.READ
                            || k.treatment() == KubernetesKinds.Treatment.ANALYSED);
        }
    }

    @Test
    void newerPolicyKindsAreNotAnalysedAndSaySoTheTierKindsOnlyAtTheirVersion() {
        assertThat(KubernetesKinds.notAnalysed("networking.gke.io/v1alpha3", "FQDNNetworkPolicy")).hasValueSatisfying(
                k -> assertThat(k.treatment()).isEqualTo(KubernetesKinds.Treatment.FAIL_CLOSED));
        assertThat(KubernetesKinds.notAnalysed("k8s.cni.cncf.io/v1beta1", "MultiNetworkPolicy")).isPresent();
        assertThat(KubernetesKinds.notAnalysed("cilium.io/v2alpha1", "CiliumCIDRGroup"))
                .hasValueSatisfying(k -> assertThat(k.clusterScoped()).isTrue());
        assertThat(KubernetesKinds.notAnalysed("security.istio.io/v1", "AuthorizationPolicy")).hasValueSatisfying(
                k -> assertThat(k.treatment()).isEqualTo(KubernetesKinds.Treatment.NOT_ANALYSED));
        assertThat(KubernetesKinds.notAnalysed("policy.linkerd.io/v1beta3", "Server")).isPresent();
        assertThat(KubernetesKinds.notAnalysed("networking.k8s.io/v1", "NetworkPolicy")).isEmpty();
        assertThat(KubernetesKinds.notAnalysed("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy")).isEmpty();
        assertThat(KubernetesKinds.notAnalysed("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy")).isEmpty();
        assertThat(KubernetesKinds.notAnalysed("policy.networking.k8s.io/v1beta1", "ClusterNetworkPolicy"))
                .hasValueSatisfying(k -> assertThat(k.treatment()).isEqualTo(KubernetesKinds.Treatment.FAIL_CLOSED));
        assertThat(KubernetesKinds.notAnalysed("policy.networking.k8s.io/v1alpha2", "AdminNetworkPolicy"))
                .hasValueSatisfying(k -> assertThat(k.treatment()).isEqualTo(KubernetesKinds.Treatment.FAIL_CLOSED));
        assertThat(KubernetesKinds.notAnalysed("crd.antrea.io/v1beta1", "ClusterNetworkPolicy")).isPresent();
        assertThat(KubernetesKinds.notAnalysed("example.com/v1", "NetworkPolicy")).isEmpty();
    }
}
