package io.github.netpol.analysis;

import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.PolicyPort;

import java.util.List;
import java.util.Set;

/**
 * The ports a Cilium rule item applies to, as a region over protocol, port and port name. Protocol {@code ANY}
 * (or none) covers SCTP only when the agent runs with SCTP enabled, a world fact; an item with only
 * {@code icmps} carries no TCP, UDP or SCTP; one without {@code toPorts} every port. Groundwork for the Cilium
 * analysis, checked against the oracle's port matching.
 */
public final class CiliumPortRegions {

    /** {@code enable-sctp}: protocol ANY (or none) covers SCTP. */
    public static final String SCTP_UNDER_ANY = WorldFact.SETTING + "enable-sctp";

    private static final Region ANY_PROTOCOL = Region.of(Cube.all().with(Dim.PROTOCOL, ValueSet.of(Set.of("TCP", "UDP"))))
            .union(Region.of(Cube.all().with(Dim.PROTOCOL, ValueSet.of("SCTP"))
                    .with(Dim.fact(SCTP_UNDER_ANY), ValueSet.of(WorldFact.YES))));

    private CiliumPortRegions() {
    }

    public static Region ports(CiliumPolicy.PeerRule item) {
        if (item.icmpOnly()) {
            return Region.empty();
        }
        if (item.anyPort()) {
            return Region.all();
        }
        return ports(item.ports(), new SetPool());
    }

    /** The ports of {@code toPorts} items as {@link CiliumPolicy} reads them, of the sets of {@code pool}. */
    public static Region ports(List<PolicyPort> ports, SetPool pool) {
        Region out = Region.empty();
        for (PolicyPort p : ports) {
            Region one = SideBuilder.ports(List.of(p), pool);
            out = out.union(p.anyProtocol() || !p.protocolWritten() ? one.intersect(ANY_PROTOCOL) : one);
        }
        return out;
    }
}
