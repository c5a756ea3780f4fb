package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.finding.WorldFact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * World facts as hidden dimensions: a region that depends on one lets a connection through only in the worlds
 * where the fact has a value it allows; its example states the values it assumes, and holds in that world.
 */
class WorldFactDimensionTest {

    private static final Dim KIND = Dim.fact(WorldFact.ADDRESS_KIND);
    private static final Dim SAME_NODE = Dim.fact(WorldFact.SAME_NODE);
    private static final Dim L7 = Dim.fact(WorldFact.L7_PASSES + "shop/api ingress[0]");

    private static final Endpoint.Pod LOCAL = new Endpoint.Pod("shop", Map.of("kubernetes.io/metadata.name", "shop"),
            Map.of("app", "api"), List.of());
    private static final Endpoint.Ip ADDRESS = new Endpoint.Ip("10.0.0.7");

    @Test
    void aFactIsHiddenAndItsComplementHasOnlyRealValues() {
        assertThat(KIND.hidden()).isTrue();
        assertThat(L7.hidden()).isTrue();
        Cube nodes = Cube.all().with(KIND, ValueSet.of("node"));
        List<Cube> rest = Cube.all().minus(nodes);
        assertThat(rest).hasSize(1);
        ValueSet others = (ValueSet) rest.get(0).get(KIND);
        assertThat(others.containsValue(null)).as("every address has a kind").isFalse();
        assertThat(others.containsValue("world")).isTrue();
        assertThat(others.containsValue("node")).isFalse();
        assertThat(others.containsValue("no-such-kind")).isFalse();
        ValueSet notPassing = (ValueSet) Cube.all().minus(Cube.all().with(L7, ValueSet.of(WorldFact.YES))).get(0).get(L7);
        assertThat(notPassing).isEqualTo(ValueSet.onlyAbsent());
    }

    @Test
    void aRegionOnFactsAllowsOnlyInTheWorldsItNames() {
        Region nodeOnly = Region.of(Cube.all().with(KIND, ValueSet.of("node")).with(SAME_NODE, ValueSet.of(WorldFact.YES)));
        SideRegion side = new SideRegion(Direction.INGRESS, Region.empty(), nodeOnly);
        assertThat(side.allows(LOCAL, ADDRESS, "TCP", 80)).as("an address is outside the cluster by default").isFalse();
        assertThat(side.allows(LOCAL, ADDRESS, "TCP", 80, Map.of(WorldFact.ADDRESS_KIND, "node"))).isFalse();
        assertThat(side.allows(LOCAL, ADDRESS, "TCP", 80,
                Map.of(WorldFact.ADDRESS_KIND, "node", WorldFact.SAME_NODE, WorldFact.YES))).isTrue();
        assertThat(side.allows(LOCAL, ADDRESS, "TCP", 80,
                Map.of(WorldFact.ADDRESS_KIND, "node", WorldFact.SAME_NODE, WorldFact.NO))).isFalse();

        SideRegion failing = new SideRegion(Direction.INGRESS, Region.of(Cube.all().with(L7, ValueSet.onlyAbsent())),
                Region.empty());
        Endpoint.Pod peer = new Endpoint.Pod("web", Map.of("kubernetes.io/metadata.name", "web"), Map.of(), List.of());
        assertThat(failing.allows(LOCAL, peer, "TCP", 80)).as("a yes/no fact does not hold by default").isTrue();
        assertThat(failing.allows(LOCAL, peer, "TCP", 80, Map.of(L7.key(), WorldFact.YES))).isFalse();
    }

    @Test
    void anExampleStatesTheFactsItAssumesAndHoldsInThatWorld() {
        Cube c = Cube.all().with(KIND, ValueSet.of(java.util.Set.of("node", "health"))).with(SAME_NODE, ValueSet.onlyAbsent())
                .with(Dim.PORT, IntervalSet.of(443, 443)).with(Dim.PROTOCOL, ValueSet.of("TCP"));
        SideRegion side = new SideRegion(Direction.EGRESS, Region.empty(), Region.of(c));
        NamespaceUniverse universe = NamespaceUniverse.of(io.github.netpol.model.ManifestSet.empty(), AnalysisOptions.defaults());
        Optional<Witness> w = Witnesses.of(side, "shop", universe);
        assertThat(w).isPresent();
        assertThat(w.get().facts()).containsEntry(WorldFact.ADDRESS_KIND, "health")
                .containsEntry(WorldFact.SAME_NODE, WorldFact.NO);
        assertThat(w.get().describe()).endsWith("on TCP 443 (if it is a Cilium health endpoint and the address is"
                + " another node)");
        Endpoint.Pod local = (Endpoint.Pod) w.get().source();
        assertThat(side.allows(local, w.get().destination(), "TCP", 443, w.get().facts())).isTrue();
        assertThat(side.allows(local, w.get().destination(), "TCP", 443)).as("not in the default world").isFalse();
    }

    @Test
    void anExampleWithoutFactsReadsAsBefore() {
        Witness plain = new Witness(ADDRESS, LOCAL, "TCP", 80);
        assertThat(plain.facts()).isEmpty();
        assertThat(plain.describe()).isEqualTo("address 10.0.0.7 -> a pod with app=api in namespace shop on TCP 80");
    }
}
