package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The widening pitfalls of SEMANTICS 1.5, one by one, on readable YAML. */
class SideComparisonTest {

    private static final String DENY_ALL = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: payments}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            """;

    private static String api(String from, String ports) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-api, namespace: payments}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: %s
                    ports: %s
                """.formatted(from, ports);
    }

    private static SideComparison ingress(ManifestSet old, ManifestSet current) {
        return SideComparison.compare(old, current, "payments", Direction.INGRESS, AnalysisOptions.defaults());
    }

    @Test
    void deletingTheLastPeerAllowsEverySource() {
        SideComparison c = ingress(
                Fixtures.policies(DENY_ALL, api("[{podSelector: {matchLabels: {app: web}}}]", "[{port: 8080}]")),
                Fixtures.policies(DENY_ALL, api("[]", "[{port: 8080}]")));
        Witness w = c.newlyAllowedWitness().orElseThrow();
        assertThat(w.port()).isEqualTo(8080);
        assertThat(((Endpoint.Pod) w.destination()).podLabels()).containsEntry("app", "api");
        assertThat(c.newlyAllowedContributions()).singleElement().satisfies(part -> {
            assertThat(part.rule().describe()).isEqualTo("payments/allow-api ingress[0]");
            assertThat(part.rule().pointer()).isEqualTo("/spec/ingress/0");
            assertThat(part.description()).startsWith("pods with app=api in payments accept TCP port 8080 from");
        });
        assertThat(c.isolationDropped().isEmpty()).isTrue();
    }

    @Test
    void emptyPortObjectMeansEveryTcpPortOnly() {
        SideComparison c = ingress(
                Fixtures.policies(DENY_ALL, api("[{podSelector: {}}]", "[{port: 53}]")),
                Fixtures.policies(DENY_ALL, api("[{podSelector: {}}]", "[{}]")));
        assertThat(c.newlyAllowed().pods().cubes()).allSatisfy(cube ->
                assertThat(cube.get(Dim.PROTOCOL)).isEqualTo(ValueSet.of("TCP")));
        Endpoint.Pod api = new Endpoint.Pod("payments", Map.of(), Map.of("app", "api"), List.of());
        Endpoint.Pod peer = new Endpoint.Pod("payments", Map.of(), Map.of(), List.of());
        assertThat(c.newlyAllowed().allows(api, peer, "TCP", 443)).isTrue();
        assertThat(c.newlyAllowed().allows(api, peer, "UDP", 443)).isFalse();
    }

    @Test
    void splittingAnAndPeerIntoTwoItemsWidens() {
        String and = "[{namespaceSelector: {matchLabels: {env: dev}}, podSelector: {matchLabels: {app: web}}}]";
        String or = "[{namespaceSelector: {matchLabels: {env: dev}}}, {podSelector: {matchLabels: {app: web}}}]";
        SideComparison c = ingress(Fixtures.policies(DENY_ALL, api(and, "[]")), Fixtures.policies(DENY_ALL, api(or, "[]")));
        assertThat(c.newlyAllowed().isEmpty()).isFalse();
        assertThat(c.newlyDenied().isEmpty()).isTrue();
        assertThat(c.newlyAllowedContributions()).extracting(p -> p.rule().peerIndex()).containsExactly(0, 1);
    }

    @Test
    void removingEgressRulesWithoutPolicyTypesDropsEgressIsolation() {
        String withEgress = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: payments}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
                """;
        String withoutEgress = withEgress.replace("  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]\n", "");
        SideComparison c = SideComparison.compare(Fixtures.policies(withEgress), Fixtures.policies(withoutEgress),
                "payments", Direction.EGRESS, AnalysisOptions.defaults());
        Endpoint.Pod pod = c.isolationDroppedWitness().orElseThrow();
        assertThat(pod.podLabels()).containsEntry("app", "api");
        assertThat(c.newlyAllowedContributions()).singleElement().satisfies(p -> assertThat(p.rule()).isNull());
    }

    @Test
    void declaredNamespaceLabelsDecideNamespaceSelectors() {
        String policy = api("[{namespaceSelector: {matchLabels: {env: dev}}}]", "[]");
        ManifestSet old = Fixtures.set(Fixtures.policies(DENY_ALL, policy).policies(),
                List.of(Fixtures.namespace("shop", Map.of("env", "prod"))));
        ManifestSet relabelled = Fixtures.set(old.policies(), List.of(Fixtures.namespace("shop", Map.of("env", "dev"))));
        assertThat(ingress(old, old).newlyAllowed().isEmpty()).isTrue();
        Witness w = ingress(old, relabelled).newlyAllowedWitness().orElseThrow();
        Endpoint.Pod source = (Endpoint.Pod) w.source();
        assertThat(source.namespace()).isEqualTo("shop");
        assertThat(source.namespaceLabels()).containsEntry("env", "dev");
        // with namespaceLabels=any the relabelling changes nothing: shop could always carry env=dev
        assertThat(SideComparison.compare(old, relabelled, "payments", Direction.INGRESS,
                new AnalysisOptions(AnalysisOptions.NamespaceLabels.ANY)).newlyAllowed().isEmpty()).isTrue();
    }

    @Test
    void namedEgressPortsNeverMatchAddresses() {
        String named = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: payments}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: [{ports: [{port: dns, protocol: UDP}]}]
                """;
        SideComparison c = SideComparison.compare(Fixtures.policies(DENY_ALL), Fixtures.policies(DENY_ALL, named),
                "payments", Direction.EGRESS, AnalysisOptions.defaults());
        assertThat(c.newlyAllowed().ips().isEmpty()).isTrue();
        Witness w = c.newlyAllowedWitness().orElseThrow();
        assertThat(((Endpoint.Pod) w.destination()).namedPorts()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("dns"));
    }

    @Test
    void ipv6ExceptAndHostBitsAreExact() {
        String v6 = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: payments}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: "2001:db8::1/32", except: ["2001:db8:1::/48"]}}]}]
                """;
        SideAnalysis side = PolicyAnalyzer.analyze(Fixtures.policies(v6), AnalysisOptions.defaults())
                .side("payments", Direction.INGRESS);
        Endpoint.Pod local = new Endpoint.Pod("payments", Map.of(), Map.of(), List.of());
        assertThat(side.allowed().allows(local, new Endpoint.Ip("2001:db8::"), "TCP", 1)).isTrue();
        assertThat(side.allowed().allows(local, new Endpoint.Ip("2001:db8:1::5"), "TCP", 1)).isFalse();
        assertThat(side.allowed().allows(local, new Endpoint.Ip("2001:db8:2::"), "TCP", 1)).isTrue();
        assertThat(side.allowed().allows(local, new Endpoint.Ip("10.0.0.1"), "TCP", 1)).isFalse();
    }
    @Test
    void theComparedVersionsBuildTheirRulesOfTheSameSets() {
        // Region.minus meets each cube of one version's equal twin in the other: sharing the sets ends that at identity
        String ports = "[{port: 8080}, {protocol: UDP, port: 53, endPort: 60}, {port: metrics}, {protocol: SCTP}]";
        ManifestSet old = Fixtures.policies(DENY_ALL, api("[{podSelector: {matchLabels: {app: web}}}]", ports));
        ManifestSet current = Fixtures.policies(DENY_ALL, api("[{podSelector: {matchLabels: {app: web}}}, "
                + "{podSelector: {matchLabels: {app: admin}}}]", ports));
        SideComparison all = SideComparison.compareAll(old, current, AnalysisOptions.defaults()).stream()
                .filter(s -> s.direction() == Direction.INGRESS).findFirst().orElseThrow();
        for (SideComparison c : List.of(all, ingress(old, current))) {
            List<DimSet> before = ruleSets(c.oldSide());
            List<DimSet> after = ruleSets(c.newSide());
            assertThat(after).hasSizeGreaterThan(before.size());
            // every set of the new version the old one has too (all but the admin label) is the old one's instance
            List<DimSet> shared = after.stream().filter(before::contains).toList();
            assertThat(shared).hasSizeGreaterThanOrEqualTo(before.size());
            for (DimSet set : shared) {
                assertThat(before).anySatisfy(b -> assertThat(b).isSameAs(set));
            }
            assertThat(c.newlyAllowed().isEmpty()).isFalse();
        }
    }

    /** The pod label, protocol, port and port-name sets of a side's rules, each occurrence. */
    private static List<DimSet> ruleSets(SideAnalysis side) {
        Set<Dim.Kind> kinds = EnumSet.of(Dim.Kind.LOCAL_LABEL, Dim.Kind.PEER_LABEL, Dim.Kind.PROTOCOL, Dim.Kind.PORT,
                Dim.Kind.PORT_NAME);
        List<DimSet> out = new ArrayList<>();
        for (SideAnalysis.PolicyRuleRegion rule : side.rules()) {
            for (Cube cube : rule.region().pods().cubes()) {
                for (int i = 0; i < cube.size(); i++) {
                    if (kinds.contains(cube.dimAt(i).kind())) {
                        out.add(cube.setAt(i));
                    }
                }
            }
        }
        return out;
    }
}
