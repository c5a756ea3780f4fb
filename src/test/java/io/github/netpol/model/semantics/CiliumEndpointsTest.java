package io.github.netpol.model.semantics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CiliumEndpointsTest {

    private static Selector labels(Map<String, String> matchLabels) {
        return CiliumLabels.selector(Map.of("matchLabels", matchLabels));
    }

    private static CiliumEndpoints.Pods pods(CiliumEndpoints.Selection s) {
        assertThat(s).isInstanceOf(CiliumEndpoints.Pods.class);
        return (CiliumEndpoints.Pods) s;
    }

    private static final Map<String, String> SHOP = Map.of("kubernetes.io/metadata.name", "shop");
    private static final Map<String, String> BANK = Map.of("kubernetes.io/metadata.name", "bank");

    @Test
    void aCnpSubjectIsItsNamespacesPodsAndAK8sNamespaceKeyIsOverridden() {
        CiliumEndpoints.Pods p = pods(CiliumEndpoints.subject(CiliumLabels.selector(Map.of("matchLabels", Map.of("app",
                "api", "k8s:io.kubernetes.pod.namespace", "bank")), Map.of("k8s:io.kubernetes.pod.namespace", "shop")),
                false));
        assertThat(p.namespaces().matches(SHOP)).isTrue();
        assertThat(p.namespaces().matches(BANK)).isFalse();
        assertThat(p.pods().matches(Map.of("app", "api"))).isTrue();
    }

    @Test
    void anUnprefixedNamespaceKeyInACnpSubjectMustStillHoldSoItSelectsNothingElsewhere() {
        CiliumEndpoints.Pods p = pods(CiliumEndpoints.subject(CiliumLabels.selector(Map.of("matchLabels",
                Map.of("io.kubernetes.pod.namespace", "bank")), Map.of("k8s:io.kubernetes.pod.namespace", "shop")), false));
        assertThat(p.namespaces().matches(SHOP)).isFalse();
        assertThat(p.namespaces().matches(BANK)).isFalse();
    }

    @Test
    void aPeerNamingTheNamespaceAndOnlyExcludingLabelsSelectsAddressesToo() {
        assertThat(CiliumEndpoints.selectsAddresses(expressions("io.kubernetes.pod.namespace", "NotIn", "shop")))
                .isTrue();
        assertThat(CiliumEndpoints.selectsAddresses(expressions("k8s:io.kubernetes.pod.namespace", "DoesNotExist")))
                .isTrue();
        // no namespace key: the agent adds the policy's namespace (CNP) or requires one (CCNP)
        assertThat(CiliumEndpoints.selectsAddresses(expressions("app", "NotIn", "web"))).isFalse();
        assertThat(CiliumEndpoints.selectsAddresses(labels(Map.of()))).isFalse();
        // a requirement an absent label fails: only pods
        assertThat(CiliumEndpoints.selectsAddresses(expressions("io.kubernetes.pod.namespace", "In", "shop"))).isFalse();
        assertThat(CiliumEndpoints.selectsAddresses(CiliumLabels.selector(Map.of("matchLabels", Map.of("app", "web"),
                "matchExpressions", List.of(Map.of("key", "io.kubernetes.pod.namespace", "operator", "NotIn",
                        "values", List.of("shop"))))))).isFalse();
    }

    private static Selector expressions(String key, String operator, String... values) {
        Map<String, Object> e = values.length == 0 ? Map.of("key", key, "operator", operator)
                : Map.of("key", key, "operator", operator, "values", List.of(values));
        return CiliumLabels.selector(Map.of("matchExpressions", List.of(e)));
    }

    @Test
    void peersDefaultToThePolicyNamespaceForACnpAndToEveryNamespaceForACcnp() {
        CiliumEndpoints.Pods cnp = pods(CiliumEndpoints.peer(labels(Map.of("k8s:app", "web")), false, "shop"));
        assertThat(cnp.namespaces().matches(SHOP)).isTrue();
        assertThat(cnp.namespaces().matches(BANK)).isFalse();
        CiliumEndpoints.Pods ccnp = pods(CiliumEndpoints.peer(labels(Map.of("k8s:app", "web")), true, null));
        assertThat(ccnp.namespaces().selectsAll()).isTrue();
        CiliumEndpoints.Pods named = pods(CiliumEndpoints.peer(labels(Map.of("io.kubernetes.pod.namespace", "bank")),
                false, "shop"));
        assertThat(named.namespaces().matches(BANK)).isTrue();
        assertThat(named.namespaces().matches(SHOP)).isFalse();
    }

    @Test
    void namespaceLabelsSelectNamespacesAndInACnpPeerAloneAreNotAnalysed() {
        CiliumEndpoints.Pods ccnp = pods(CiliumEndpoints.peer(labels(Map.of(
                "io.cilium.k8s.namespace.labels.team", "a")), true, null));
        assertThat(ccnp.namespaces().matches(Map.of("team", "a"))).isTrue();
        assertThat(ccnp.namespaces().matches(Map.of("team", "b"))).isFalse();
        assertThat(CiliumEndpoints.peer(labels(Map.of("io.cilium.k8s.namespace.labels.team", "a")), false, "shop"))
                .isInstanceOf(CiliumEndpoints.Unanalysed.class);
    }

    @Test
    void otherSourcesReservedKeysAndUnmodelledKeys() {
        assertThat(CiliumEndpoints.subject(labels(Map.of("reserved:host", "")), true))
                .isInstanceOf(CiliumEndpoints.NoPod.class);
        assertThat(CiliumEndpoints.peer(labels(Map.of("reserved:host", "")), true, null))
                .isInstanceOf(CiliumEndpoints.Unanalysed.class);
        assertThat(CiliumEndpoints.peer(labels(Map.of("container:app", "x")), true, null))
                .isInstanceOf(CiliumEndpoints.NoPod.class);
        CiliumEndpoints.Pods absent = pods(CiliumEndpoints.peer(CiliumLabels.selector(Map.of("matchExpressions",
                List.of(Map.of("key", "container:app", "operator", "DoesNotExist")))), true, null));
        assertThat(absent.pods().selectsAll()).isTrue();
        assertThat(CiliumEndpoints.peer(labels(Map.of("io.cilium.k8s.policy.serviceaccount", "luke")), true, null))
                .isInstanceOf(CiliumEndpoints.Unanalysed.class);
        assertThat(CiliumEndpoints.peer(labels(Map.of("pod-template-hash", "abc")), true, null))
                .isInstanceOf(CiliumEndpoints.Unanalysed.class);
        assertThat(pods(CiliumEndpoints.peer(labels(Map.of("app.kubernetes.io/name", "api")), true, null)).pods()
                .matches(Map.of("app.kubernetes.io/name", "api"))).isTrue();
    }
}
