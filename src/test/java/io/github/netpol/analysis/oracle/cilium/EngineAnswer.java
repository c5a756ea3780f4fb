package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the analysis says of one connection on one side in one world: whether the side's region allows it with
 * every L7 verdict failing ({@code withoutL7}) and with every one passing ({@code withL7}). The oracle's
 * {@link Level#ALLOW} is the first, {@code >= L7} the second.
 */
record EngineAnswer(boolean withoutL7, boolean withL7) {

    /** The answer of {@code region}, whose L7 verdict facts are {@code l7}, in the world of {@code facts}. */
    static EngineAnswer of(SideRegion region, Collection<String> l7, Endpoint.Pod local, Endpoint peer,
                           String protocol, int port, Map<String, String> facts) {
        return new EngineAnswer(
                region.allows(local, peer, protocol, port, CiliumWorldFacts.withL7(facts, l7, false)),
                region.allows(local, peer, protocol, port, CiliumWorldFacts.withL7(facts, l7, true)));
    }

    /**
     * The answer for a whole connection: each pod end's side (the source's egress, the destination's ingress) of
     * the analysed version must let it through.
     */
    static EngineAnswer decide(AnalyzedVersion version, CiliumPeer src, CiliumPeer dst, String protocol, int port,
                               CiliumWorld w) {
        boolean withoutL7 = true;
        boolean withL7 = true;
        for (boolean ingress : new boolean[]{false, true}) {
            if ((ingress ? dst : src) instanceof CiliumPeer.Pod local) {
                CiliumPeer peer = ingress ? src : dst;
                SideRegion side = version.side(local.namespace(), ingress ? Direction.INGRESS : Direction.EGRESS)
                        .allowed();
                EngineAnswer a = of(side, CiliumWorldFacts.l7Keys(List.of(side)), CiliumCases.endpoint(local),
                        CiliumCases.endpoint(peer, w), protocol, port,
                        CiliumWorldFacts.facts(w, peer instanceof CiliumPeer.Addr));
                withoutL7 &= a.withoutL7();
                withL7 &= a.withL7();
            }
        }
        return new EngineAnswer(withoutL7, withL7);
    }

    /** Whether the oracle's level says the same. */
    boolean agrees(Level oracle) {
        return (oracle == Level.ALLOW) == withoutL7 && (oracle.compareTo(Level.L7) >= 0) == withL7;
    }

    /** The level this answer is, or {@code null} when an L7 verdict passing would take an allow away. */
    Level level() {
        if (withoutL7) {
            return withL7 ? Level.ALLOW : null;
        }
        return withL7 ? Level.L7 : Level.DENY;
    }

    @Override
    public String toString() {
        Level l = level();
        return l != null ? l.toString() : "allowed only while every L7 verdict fails";
    }
}
