package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.AddressKind;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.Flag;
import io.github.netpol.finding.NamedPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level.ALLOW;
import static io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level.DENY;
import static io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level.L7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-written cases, one rule of the Cilium semantics each; every expectation could fail. */
class CiliumOracleTest {

    static final CiliumWorld W = CiliumWorld.defaults();
    static final CiliumPeer.Pod A1 = pod("ns1", "app", "a");
    static final CiliumPeer.Pod B1 = pod("ns1", "app", "b");
    static final CiliumPeer.Pod A2 = pod("ns2", "app", "a");
    static final CiliumPeer.Addr IP = new CiliumPeer.Addr("192.0.2.5");

    static CiliumPeer.Pod pod(String ns, String k, String v) {
        return new CiliumPeer.Pod(ns, Map.of(k, v));
    }

    static CiliumOracle oracle(String yaml) {
        return new CiliumOracle(CiliumYaml.load(yaml));
    }

    static CiliumWorld addr(AddressKind kind, boolean sameNode) {
        return W.withAddress(kind, sameNode);
    }

    static final String CNP = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: p, namespace: ns1}
            """;
    static final String CCNP = """
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: p}
            """;

    @Nested
    class Selection {
        @Test
        void aCnpSelectsPodsOfItsNamespaceOnly() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {app: a}}, ingress: [{}]}");
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, A2, "TCP", 80, W)).isEqualTo(ALLOW);
        }

        @Test
        void aK8sNamespaceKeyInACnpSubjectIsOverriddenByThePolicyNamespace() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {'k8s:io.kubernetes.pod.namespace': ns2}}, ingress: [{}]}");
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, A2, "TCP", 80, W)).isEqualTo(ALLOW);
        }

        @Test
        void anUnprefixedNamespaceKeyInACnpSubjectSelectsNothing() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {'io.kubernetes.pod.namespace': ns2}}, ingress: [{}]}");
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A2, "TCP", 80, W)).isEqualTo(ALLOW);
        }

        @Test
        void aCcnpSelectsEveryNamespaceUnlessItScopesItself() {
            CiliumOracle all = oracle(CCNP + "spec: {endpointSelector: {matchLabels: {app: a}}, ingress: [{}]}");
            assertThat(all.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(all.decide(B1, A2, "TCP", 80, W)).isEqualTo(DENY);
            CiliumOracle scoped = oracle(CCNP + "spec: {endpointSelector: {matchLabels: {'k8s:io.kubernetes.pod.namespace': ns2}}, ingress: [{}]}");
            assertThat(scoped.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(scoped.decide(B1, A2, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void labelSourcesK8sAndAnyMatchPodLabelsOthersNever() {
            for (String key : List.of("app", "k8s:app", "any:app")) {
                assertThat(oracle(CNP + "spec: {endpointSelector: {matchLabels: {'" + key + "': a}}, ingress: [{}]}")
                        .decide(B1, A1, "TCP", 80, W)).as(key).isEqualTo(DENY);
            }
            assertThat(oracle(CNP + "spec: {endpointSelector: {matchLabels: {'container:app': a}}, ingress: [{}]}")
                    .decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
        }

        @Test
        void namespaceLabelsAndServiceAccountAreLabelsOfThePod() {
            CiliumPeer.Pod prod = new CiliumPeer.Pod("ns1", Map.of("env", "prod"), Map.of("app", "a"), "leia", List.of());
            CiliumOracle byNs = oracle(CCNP + "spec: {endpointSelector: {matchLabels: {'io.cilium.k8s.namespace.labels.env': prod}}, ingress: [{}]}");
            assertThat(byNs.decide(B1, prod, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(byNs.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            CiliumOracle bySa = oracle(CNP + "spec: {endpointSelector: {matchLabels: {'io.cilium.k8s.policy.serviceaccount': leia}}, ingress: [{}]}");
            assertThat(bySa.decide(B1, prod, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(bySa.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            CiliumOracle byName = oracle(CCNP + "spec: {endpointSelector: {matchLabels: {'io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name': ns2}}, ingress: [{}]}");
            assertThat(byName.decide(B1, A2, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(byName.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
        }

        @Test
        void labelsTheIdentityFilterDropsAreAbsent() {
            CiliumPeer.Pod hashed = new CiliumPeer.Pod("ns1", Map.of("pod-template-hash", "x", "app.kubernetes.io/name", "y"));
            assertThat(oracle(CNP + "spec: {endpointSelector: {matchLabels: {pod-template-hash: x}}, ingress: [{}]}")
                    .decide(B1, hashed, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(oracle(CNP + "spec: {endpointSelector: {matchExpressions: [{key: pod-template-hash, operator: DoesNotExist}]}, ingress: [{}]}")
                    .decide(B1, hashed, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(oracle(CNP + "spec: {endpointSelector: {matchLabels: {app.kubernetes.io/name: y}}, ingress: [{}]}")
                    .decide(B1, hashed, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void nodeSelectorsAreRefused() {
            assertThatThrownBy(() -> oracle(CNP + "spec: {nodeSelector: {}, ingress: [{}]}"))
                    .hasMessageContaining("rule cannot have NodeSelector");
            assertThatThrownBy(() -> oracle(CCNP + "spec: {nodeSelector: {}, ingress: [{}]}"))
                    .hasMessageContaining("host policies");
            assertThatThrownBy(() -> oracle(CNP)).hasMessageContaining("empty policy");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: []}"))
                    .hasMessageContaining("at least one of Ingress");
        }

        @Test
        void specsAreIndependentRulesAndASubjectNeverSelectsAnAddress() {
            CiliumOracle o = oracle(CNP + """
                    specs:
                    - {endpointSelector: {matchLabels: {app: a}}, ingress: [{fromEndpoints: [{matchLabels: {app: b}}]}]}
                    - {endpointSelector: {matchLabels: {app: b}}, egress: [{}]}
                    """);
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY); // b's egress is closed
            assertThat(o.decide(A2, A1, "TCP", 80, W)).isEqualTo(DENY); // a's ingress admits b only
            assertThat(o.decide(A1, B1, "TCP", 80, W)).isEqualTo(ALLOW); // neither section applies
            assertThat(o.decide(IP, IP, "TCP", 80, W)).isEqualTo(ALLOW);
        }
    }

    @Nested
    class DefaultDeny {
        @Test
        void isolationIsPerDirection() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {app: a}}, ingress: [{fromEndpoints: [{matchLabels: {app: b}}]}]}");
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "UDP", 9, W)).isEqualTo(ALLOW);
            assertThat(o.decide(A2, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(A1, A2, "TCP", 80, W)).isEqualTo(ALLOW);
        }

        @Test
        void aDenyOnlyPolicyIsolates() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {app: a}}, ingressDeny: [{toPorts: [{ports: [{port: '80'}]}]}]}");
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, A1, "TCP", 81, W)).isEqualTo(DENY);
        }

        @Test
        void enableDefaultDenyFalseLeavesTheDirectionOpenUnlessTheAgentIgnoresIt() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, enableDefaultDeny: {egress: false}, egress: [{toPorts: [{ports: [{port: '53'}]}]}]}");
            assertThat(o.decide(A1, IP, "TCP", 443, W)).isEqualTo(ALLOW);
            assertThat(o.decide(A1, IP, "TCP", 443, W.with(Flag.NON_DEFAULT_DENY_SUPPORTED, false))).isEqualTo(DENY);
            CiliumOracle other = oracle(CNP + "spec: {endpointSelector: {}, enableDefaultDeny: {ingress: false}, egress: [{toPorts: [{ports: [{port: '53'}]}]}]}");
            assertThat(other.decide(A1, IP, "TCP", 443, W)).isEqualTo(DENY);
        }

        @Test
        void anL7RuleStillFiltersItsPortUnderDefaultAllow() {
            CiliumOracle o = oracle(CNP + """
                    spec:
                      endpointSelector: {}
                      enableDefaultDeny: {egress: false}
                      egress: [{toPorts: [{ports: [{port: '53', protocol: ANY}], rules: {dns: [{matchPattern: '*'}]}}]}]
                    """);
            assertThat(o.decide(A1, IP, "UDP", 53, W)).isEqualTo(L7);
            assertThat(o.decide(A1, IP, "UDP", 54, W)).isEqualTo(ALLOW);
        }

        @Test
        void allowsUnionWithNetworkPoliciesAndDenyBeatsThem() {
            NetworkPolicy np = CiliumYaml.networkPolicy("""
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: np, namespace: ns1}
                    spec:
                      podSelector: {matchLabels: {app: a}}
                      ingress: [{ports: [{port: 80}]}]
                    """);
            CiliumOracle o = new CiliumOracle(CiliumYaml.load(CNP + """
                    spec:
                      endpointSelector: {matchLabels: {app: a}}
                      ingress: [{toPorts: [{ports: [{port: '443', protocol: TCP}]}]}]
                      ingressDeny: [{fromEntities: [world], toPorts: [{ports: [{port: '80'}]}]}]
                    """), List.of(new Oracle.Policy("ns1", np)), List.of());
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "TCP", 443, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "TCP", 8080, W)).isEqualTo(DENY);
            assertThat(o.decide(IP, A1, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void aNetworkPolicyAloneIsolatesAndItsIpBlocksMatchOnlyAddressesWithoutIdentity() {
            NetworkPolicy np = CiliumYaml.networkPolicy("""
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: np, namespace: ns1}
                    spec:
                      podSelector: {}
                      ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]
                    """);
            CiliumOracle o = new CiliumOracle(List.of(), List.of(new Oracle.Policy("ns1", np)), List.of());
            assertThat(o.decide(IP, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(IP, A1, "TCP", 80, addr(AddressKind.NODE, false))).isEqualTo(DENY);
            assertThat(o.decide(IP, A1, "TCP", 80, addr(AddressKind.NODE, false).with(Flag.CIDR_MATCHES_NODES, true)))
                    .isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void enforcementModesAlwaysAndNever() {
            CiliumOracle none = oracle(CNP + "spec: {endpointSelector: {matchLabels: {app: zzz}}, ingress: [{}]}");
            assertThat(none.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(none.decide(B1, A1, "TCP", 80, W.withMode(CiliumWorld.Mode.ALWAYS))).isEqualTo(DENY);
            CiliumOracle closed = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{}]}");
            assertThat(closed.decide(B1, A1, "TCP", 80, W.withMode(CiliumWorld.Mode.NEVER))).isEqualTo(ALLOW);
        }

        @Test
        void theLocalHostReachesItsPodsUnlessTheAgentEnforcesPolicyOnIt() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{}]}");
            CiliumWorld host = addr(AddressKind.NODE, true);
            assertThat(o.decide(IP, A1, "TCP", 80, host)).isEqualTo(ALLOW);
            assertThat(o.decide(IP, A1, "TCP", 80, host.with(Flag.ALLOW_LOCALHOST, false))).isEqualTo(DENY);
            assertThat(o.decide(IP, A1, "TCP", 80, addr(AddressKind.NODE, false))).isEqualTo(DENY);
        }
    }

    @Nested
    class Peers {
        @Test
        void anEmptyEndpointSelectorIsTheNamespaceInACnpAndAllPodsInACcnp() {
            CiliumOracle cnp = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{}]}]}");
            assertThat(cnp.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(cnp.decide(A2, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(cnp.decide(IP, A1, "TCP", 80, W)).isEqualTo(DENY);
            CiliumOracle ccnp = oracle(CCNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{}]}]}");
            assertThat(ccnp.decide(A2, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(ccnp.decide(IP, A1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(ccnp.decide(IP, A1, "TCP", 80, addr(AddressKind.HEALTH, false))).isEqualTo(DENY);
        }

        @Test
        void aNamespaceKeyInAPeerSelectsThatNamespace() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{matchLabels: {'k8s:io.kubernetes.pod.namespace': ns2}}]}]}");
            assertThat(o.decide(A2, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void namespaceLabelPeersOfACnpSpanNamespacesInTheCodeNotInTheDocs() {
            CiliumPeer.Pod prod2 = new CiliumPeer.Pod("ns2", Map.of("env", "prod"), Map.of(), null, List.of());
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{matchLabels: {'io.cilium.k8s.namespace.labels.env': prod}}]}]}");
            assertThat(o.decide(prod2, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(prod2, A1, "TCP", 80, W.with(Flag.CNP_NAMESPACE_LABELS_CROSS_NAMESPACE, false)))
                    .isEqualTo(DENY);
        }

        @Test
        void reservedKeysSelectEntitiesAsWritten() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{matchLabels: {'reserved:remote-node': ''}}]}]}");
            assertThat(o.decide(IP, A1, "TCP", 80, addr(AddressKind.NODE, false))).isEqualTo(ALLOW);
            assertThat(o.decide(IP, A1, "TCP", 80, addr(AddressKind.WORLD, false))).isEqualTo(DENY);
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void entities() {
            record Case(String entity, CiliumPeer peer, CiliumWorld w, Level expected) { }
            CiliumWorld world = addr(AddressKind.WORLD, false);
            List<Case> cases = List.of(
                    new Case("world", IP, world, ALLOW), new Case("world", A2, W, DENY),
                    new Case("world", IP, addr(AddressKind.NODE, false), DENY),
                    new Case("world", IP, addr(AddressKind.APISERVER_EXT, false), DENY),
                    new Case("world", IP, addr(AddressKind.APISERVER_EXT, false).with(Flag.WORLD_HAS_APISERVER, true), ALLOW),
                    new Case("cluster", A2, W, ALLOW), new Case("cluster", IP, world, DENY),
                    new Case("cluster", IP, addr(AddressKind.NODE, false), ALLOW),
                    new Case("host", IP, addr(AddressKind.NODE, true).with(Flag.ALLOW_LOCALHOST, false), ALLOW),
                    new Case("host", IP, addr(AddressKind.NODE, false), DENY),
                    new Case("remote-node", IP, addr(AddressKind.NODE, false), ALLOW),
                    new Case("remote-node", IP, addr(AddressKind.APISERVER_NODE, true).with(Flag.ALLOW_LOCALHOST, false), DENY),
                    new Case("kube-apiserver", IP, addr(AddressKind.APISERVER_NODE, false), ALLOW),
                    new Case("kube-apiserver", IP, addr(AddressKind.APISERVER_EXT, false), ALLOW),
                    new Case("kube-apiserver", IP, world, DENY), new Case("kube-apiserver", A2, W, DENY),
                    new Case("health", IP, addr(AddressKind.HEALTH, false), ALLOW),
                    new Case("ingress", IP, addr(AddressKind.INGRESS, false), ALLOW),
                    new Case("unmanaged", IP, addr(AddressKind.UNMANAGED, false), ALLOW),
                    new Case("init", IP, addr(AddressKind.INIT, false), ALLOW),
                    new Case("init", IP, world, DENY),
                    new Case("all", IP, world, ALLOW), new Case("all", A2, W, ALLOW),
                    new Case("none", A2, W, DENY), new Case("none", IP, world, DENY));
            for (Case c : cases) {
                CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEntities: [" + c.entity() + "]}]}");
                assertThat(o.decide(c.peer(), A1, "TCP", 80, c.w())).as(c.toString()).isEqualTo(c.expected());
            }
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEntities: [world-ipv4]}]}"))
                    .hasMessageContaining("unsupported entity");
        }

        @Test
        void cidrsMatchAddressesWithoutIdentityNeverPods() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, egress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]}, {toCIDR: [0.0.0.0/0]}]}");
            assertThat(o.decide(A1, new CiliumPeer.Addr("10.1.2.3"), "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(A1, B1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(A1, IP, "TCP", 80, addr(AddressKind.NODE, false))).isEqualTo(DENY);
            assertThat(o.decide(A1, IP, "TCP", 80, addr(AddressKind.UNMANAGED, false))).isEqualTo(ALLOW);
            CiliumOracle set = oracle(CNP + "spec: {endpointSelector: {}, egress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]}]}");
            assertThat(set.decide(A1, new CiliumPeer.Addr("10.96.0.1"), "TCP", 80, W)).isEqualTo(DENY);
            assertThat(set.decide(A1, new CiliumPeer.Addr("10.112.0.0"), "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(set.decide(A1, new CiliumPeer.Addr("10.111.255.255"), "TCP", 80, W)).isEqualTo(DENY);
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{toCIDR: [10.0.0.1]}]}"))
                    .hasMessageContaining("format: cidr");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [11.0.0.0/16]}]}]}"))
                    .hasMessageContaining("does not contain exclude");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{toCIDRSet: [{cidrGroupRef: g}]}]}"))
                    .hasMessageContaining("CiliumCIDRGroup");
        }

        @Test
        void emptyPeerListsAndEmptiedCidrSetsWithPortsDependOnTheVersion() {
            for (String rule : List.of("{fromEndpoints: [], toPorts: [{ports: [{port: '80'}]}]}",
                    "{fromCIDRSet: [{cidr: 10.0.0.0/16, except: [10.0.0.0/17, 10.0.128.0/17]}], toPorts: [{ports: [{port: '80'}]}]}")) {
                CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [" + rule + "]}");
                assertThat(o.decide(A2, A1, "TCP", 80, W)).as(rule).isEqualTo(DENY);
                assertThat(o.decide(A2, A1, "TCP", 80, W.with(Flag.EMPTY_LIST_WILDCARD, true))).as(rule).isEqualTo(ALLOW);
            }
            CiliumOracle noPorts = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: []}]}");
            assertThat(noPorts.decide(B1, A1, "TCP", 80, W.with(Flag.EMPTY_LIST_WILDCARD, true))).isEqualTo(DENY);
            CiliumOracle beside = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [], fromEntities: [world], toPorts: [{ports: [{port: '80'}]}]}]}");
            assertThat(beside.decide(IP, A1, "TCP", 80, W.with(Flag.EMPTY_LIST_WILDCARD, true))).isEqualTo(ALLOW);
            assertThat(beside.decide(B1, A1, "TCP", 80, W.with(Flag.EMPTY_LIST_WILDCARD, true))).isEqualTo(DENY);
        }

        @Test
        void anEmptyPortListIsNoPortList() {
            CiliumOracle l3 = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{}], toPorts: []}]}");
            assertThat(l3.decide(B1, A1, "UDP", 9, W)).isEqualTo(ALLOW);
            CiliumOracle none = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{toPorts: []}]}");
            assertThat(none.decide(B1, A1, "UDP", 9, W)).isEqualTo(DENY);
        }

        @Test
        void fqdnsMatchWorldAddressesByTheirLearnedNames() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, egress: [{toFQDNs: [{matchName: API.example.com.}, {matchPattern: '*.cdn.example'}]}]}");
            assertThat(o.decide(A1, IP, "TCP", 443, W.withDnsNames(Set.of("api.example.com")))).isEqualTo(ALLOW);
            assertThat(o.decide(A1, IP, "TCP", 443, W.withDnsNames(Set.of("x.cdn.example")))).isEqualTo(ALLOW);
            assertThat(o.decide(A1, IP, "TCP", 443, W.withDnsNames(Set.of("a.b.cdn.example")))).isEqualTo(DENY);
            assertThat(o.decide(A1, IP, "TCP", 443, W)).isEqualTo(DENY);
            assertThat(o.decide(A1, IP, "TCP", 443, addr(AddressKind.UNMANAGED, false)
                    .withDnsNames(Set.of("api.example.com")))).isEqualTo(DENY);
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egressDeny: [{toFQDNs: [{matchName: a.b}]}]}"))
                    .hasMessageContaining("unknown field");
        }

        @Test
        void servicesResolveThroughDeclaredSelectorsElseTheWorld() {
            List<Map<String, Object>> svc = CiliumYaml.load("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: ns2}
                    spec: {selector: {app: a}}
                    """);
            CiliumOracle o = new CiliumOracle(CiliumYaml.load(CNP + """
                    spec: {endpointSelector: {}, egress: [{toServices: [{k8sService: {serviceName: web, namespace: ns2}}, {k8sService: {serviceName: db}}]}]}
                    """), List.of(), svc);
            assertThat(o.decide(A1, A2, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(A1, pod("ns2", "app", "b"), "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(A1, B1, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(A1, B1, "TCP", 80, W.withServices(Set.of("ns1/db")))).isEqualTo(ALLOW);
        }

        @Test
        void refusedPeerKinds() {
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromNodes: [{}]}]}"))
                    .hasMessageContaining("enable-node-selector-labels");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromRequires: [{}]}]}"))
                    .hasMessageContaining("at most 0 items");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{toGroups: [{aws: {}}]}]}"))
                    .hasMessageContaining("cloud");
        }
    }

    @Nested
    class WithinARule {
        @Test
        void twoPeerKindsInOneRuleAreRefused() {
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{toEndpoints: [{}], toFQDNs: [{matchName: a.b}]}]}"))
                    .hasMessageContaining("combining toEndpoints and toFQDNs");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{icmps: [{fields: [{type: 8}]}], toPorts: [{ports: [{port: '80'}]}]}]}"))
                    .hasMessageContaining("ICMPs block");
        }

        @Test
        void portsWithoutAPeerOpenThePortToEveryIdentity() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {app: a}}, egress: [{toPorts: [{ports: [{port: '80', protocol: TCP}]}]}]}");
            assertThat(o.decide(A1, A2, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(A1, IP, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(A1, IP, "TCP", 80, addr(AddressKind.NODE, false))).isEqualTo(ALLOW);
            assertThat(o.decide(A1, IP, "TCP", 443, W)).isEqualTo(DENY);
            assertThat(o.decide(A1, IP, "UDP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void peersAndPortsAnd() {
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {matchLabels: {app: a}}, ingress: [{fromEndpoints: [{matchLabels: {app: b}}], toPorts: [{ports: [{port: '80', endPort: 82}, {port: '0x50'}]}]}]}");
            assertThat(o.decide(B1, A1, "TCP", 81, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "UDP", 82, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "TCP", 83, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, A1, "SCTP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "SCTP", 80, W.with(Flag.SCTP_UNDER_ANY, false))).isEqualTo(DENY);
            assertThat(o.decide(A2, A1, "TCP", 80, W)).isEqualTo(DENY);
        }

        @Test
        void portSpellings() {
            CiliumPeer.Pod named = new CiliumPeer.Pod("ns1", Map.of(), Map.of("app", "a"), null,
                    List.of(new NamedPort("web", "TCP", 8080), new NamedPort("0x50", "TCP", 9090)));
            CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{port: '010', protocol: TCP}, {port: 'WEB', protocol: TCP}, {port: '1_000', protocol: TCP}, {port: '0x50', protocol: TCP}]}]}]}");
            assertThat(o.decide(B1, named, "TCP", 8, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, named, "TCP", 10, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, named, "TCP", 8080, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, A1, "TCP", 8080, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, named, "TCP", 1000, W)).isEqualTo(ALLOW);
            assertThat(o.decide(B1, named, "TCP", 80, W)).isEqualTo(DENY);
            assertThat(o.decide(B1, named, "TCP", 9090, W)).isEqualTo(ALLOW);
            CiliumOracle all = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{port: '0', protocol: UDP}]}]}]}");
            assertThat(all.decide(B1, A1, "UDP", 65535, W)).isEqualTo(ALLOW);
            assertThat(all.decide(B1, A1, "TCP", 1, W)).isEqualTo(DENY);
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{port: '080'}]}]}]}"))
                    .hasMessageContaining("unable to parse port");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{endPort: 90}]}]}]}"))
                    .hasMessageContaining("port must be specified");
        }

        @Test
        void emptyRulesPortEntriesWithoutPortsAndIcmpOnlyAllowNothingButIsolate() {
            for (String rule : List.of("{}", "{toPorts: [{}]}", "{fromEntities: [all], icmps: [{fields: [{type: 8}]}]}",
                    "{toPorts: [{ports: [{port: '0', protocol: VRRP}]}]}")) {
                CiliumOracle o = oracle(CNP + "spec: {endpointSelector: {}, ingress: [" + rule + "]}");
                assertThat(o.decide(B1, A1, "TCP", 80, W)).as(rule).isEqualTo(DENY);
            }
        }
    }

    @Nested
    class DenyAndL7 {
        @Test
        void aPortOnlyDenyCoversEveryPeerAndAnL3OnlyDenyEveryPort() {
            CiliumOracle ports = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEntities: [all]}], ingressDeny: [{toPorts: [{ports: [{port: '22'}]}]}]}");
            assertThat(ports.decide(IP, A1, "TCP", 22, W)).isEqualTo(DENY);
            assertThat(ports.decide(B1, A1, "UDP", 22, W)).isEqualTo(DENY);
            assertThat(ports.decide(B1, A1, "TCP", 23, W)).isEqualTo(ALLOW);
            CiliumOracle peers = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEntities: [all]}], ingressDeny: [{fromEndpoints: [{matchLabels: {app: b}}]}]}");
            assertThat(peers.decide(B1, A1, "SCTP", 5, W)).isEqualTo(DENY);
            assertThat(peers.decide(A2, A1, "SCTP", 5, W)).isEqualTo(ALLOW);
        }

        @Test
        void anL7RuleFiltersUnlessAPortRuleOnTheSamePortVoidsIt() {
            String l7 = "{fromEndpoints: [{matchLabels: {app: b}}], toPorts: [{ports: [{port: '80', protocol: TCP}], rules: {http: [{method: GET}]}}]}";
            CiliumOracle only = oracle(CNP + "spec: {endpointSelector: {}, ingress: [" + l7 + "]}");
            assertThat(only.decide(B1, A1, "TCP", 80, W)).isEqualTo(L7);
            assertThat(only.decide(B1, A1, "TCP", 81, W)).isEqualTo(DENY);
            CiliumOracle l4 = oracle(CNP + "spec: {endpointSelector: {}, ingress: [" + l7 + ", {toPorts: [{ports: [{port: '80', protocol: TCP}]}]}]}");
            assertThat(l4.decide(B1, A1, "TCP", 80, W)).isEqualTo(ALLOW);
            CiliumOracle l3 = oracle(CNP + "spec: {endpointSelector: {}, ingress: [" + l7 + ", {fromEndpoints: [{matchLabels: {app: b}}]}]}");
            assertThat(l3.decide(B1, A1, "TCP", 80, W)).isEqualTo(L7);
            assertThat(l3.decide(B1, A1, "TCP", 80, W.with(Flag.L3_OVERRIDES_L7, true))).isEqualTo(ALLOW);
            assertThat(l3.decide(B1, A1, "TCP", 81, W)).isEqualTo(ALLOW);
        }

        @Test
        void sniAndAuthenticationAreL7AndL7IsRefusedWhereTheAgentRefusesIt() {
            CiliumOracle sni = oracle(CNP + "spec: {endpointSelector: {}, egress: [{toPorts: [{ports: [{port: '443', protocol: TCP}], serverNames: [a.b]}]}]}");
            assertThat(sni.decide(A1, IP, "TCP", 443, W)).isEqualTo(L7);
            CiliumOracle auth = oracle(CNP + "spec: {endpointSelector: {}, ingress: [{fromEndpoints: [{}], authentication: {mode: required}}]}");
            assertThat(auth.decide(B1, A1, "UDP", 9, W)).isEqualTo(L7);
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{port: '53', protocol: UDP}], rules: {dns: [{matchName: a.b}]}}]}]}"))
                    .hasMessageContaining("DNS rules are not allowed on ingress");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egress: [{toPorts: [{ports: [{port: '80', protocol: UDP}], rules: {http: [{}]}}]}]}"))
                    .hasMessageContaining("only apply to TCP");
            assertThatThrownBy(() -> oracle(CNP + "spec: {endpointSelector: {}, egressDeny: [{toPorts: [{ports: [{port: '80'}], rules: {http: [{}]}}]}]}"))
                    .hasMessageContaining("unknown field");
        }

        @Test
        void theConnectionIsTheLowerOfItsTwoSides() {
            CiliumOracle o = oracle(CNP + """
                    specs:
                    - {endpointSelector: {matchLabels: {app: b}}, egress: [{toPorts: [{ports: [{port: '80', protocol: TCP}], rules: {http: [{}]}}]}]}
                    - {endpointSelector: {matchLabels: {app: a}}, ingress: [{fromEndpoints: [{}], toPorts: [{ports: [{port: '80', protocol: TCP}]}]}]}
                    """);
            assertThat(o.decide(B1, A1, "TCP", 80, W)).isEqualTo(L7);
            assertThat(o.side(true, A1, B1, "TCP", 80, W)).isEqualTo(ALLOW);
            assertThat(o.side(false, B1, A1, "TCP", 80, W)).isEqualTo(L7);
            assertThat(o.decide(B1, A1, "TCP", 81, W)).isEqualTo(DENY);
        }
    }
}
