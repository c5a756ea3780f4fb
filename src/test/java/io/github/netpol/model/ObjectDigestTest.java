package io.github.netpol.model;

import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest an acceptance of one object carries: the same for the same object however written, new on any change. */
class ObjectDigestTest {

    private static final String ANP = """
            # reviewed with the platform team
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata:
              name: allow-monitoring
            spec:
              priority: 10
              subject: {namespaces: {}}
              ingress:
                - action: Allow
                  from:
                    - namespaces:
                        matchLabels: {team: monitoring}
            """;

    private static String digest(String file, String text) {
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile(file, text.getBytes(StandardCharsets.UTF_8))),
                "default");
        return set.tierPolicies().get(0).digest();
    }

    @Test
    void formattingCommentsKeyOrderAndJsonDoNotChangeIt() {
        String digest = digest("a.yaml", ANP);
        assertThat(ObjectDigest.isDigest(digest)).isTrue();
        String reformatted = """
                kind: AdminNetworkPolicy   # keys in another order, block and flow styles swapped
                metadata: {name: "allow-monitoring"}
                apiVersion: 'policy.networking.k8s.io/v1alpha1'
                spec:
                  ingress:
                  - from:
                    - namespaces: {matchLabels: {team: monitoring}}
                    action: Allow
                  subject:
                    namespaces: {}
                  priority: 10
                """;
        assertThat(digest("b.yaml", reformatted)).isEqualTo(digest);
        String json = """
                {"apiVersion": "policy.networking.k8s.io/v1alpha1", "kind": "AdminNetworkPolicy",
                 "metadata": {"name": "allow-monitoring"},
                 "spec": {"priority": 10, "subject": {"namespaces": {}},
                          "ingress": [{"action": "Allow", "from": [{"namespaces": {"matchLabels": {"team": "monitoring"}}}]}]}}
                """;
        assertThat(digest("c.json", json)).isEqualTo(digest);
    }

    @Test
    void anyChangedValueChangesIt() {
        String digest = digest("a.yaml", ANP);
        assertThat(digest("a.yaml", ANP.replace("action: Allow", "action: Pass"))).isNotEqualTo(digest);
        assertThat(digest("a.yaml", ANP.replace("priority: 10", "priority: 1"))).isNotEqualTo(digest);
        assertThat(digest("a.yaml", ANP.replace("priority: 10", "priority: \"10\""))).isNotEqualTo(digest);
        assertThat(digest("a.yaml", ANP + "  egress: []\n")).isNotEqualTo(digest);
    }
}
