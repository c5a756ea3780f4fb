package io.github.netpol.diff;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;

/**
 * Whether a version allows a whole connection (both ends' sides), and in particular whether a connection that one
 * side newly lets through is allowed as a whole by the new version,
 * i.e. whether the other side (the peer pod's egress for an ingress widening, and the reverse) passes it too.
 */
final class EffectiveCheck {

    private final AnalyzedVersion current;

    EffectiveCheck(AnalyzedVersion current) {
        this.current = current;
    }

    /** Whether both ends' sides let the connection through (an external end has no side). */
    boolean allowsWhole(Witness w) {
        return (!(w.destination() instanceof Endpoint.Pod destination)
                || current.side(destination.namespace(), Direction.INGRESS).allowed()
                .allows(destination, w.source(), w.protocol(), w.port(), w.facts()))
                && (!(w.source() instanceof Endpoint.Pod source)
                || current.side(source.namespace(), Direction.EGRESS).allowed()
                .allows(source, w.destination(), w.protocol(), w.port(), w.facts()));
    }

    boolean effective(Witness w, Direction widenedSide) {
        if (widenedSide == Direction.INGRESS) {
            if (!(w.source() instanceof Endpoint.Pod source)) {
                return true; // an external source has no egress policy that could stop it
            }
            return current.side(source.namespace(), Direction.EGRESS).allowed()
                    .allows(source, w.destination(), w.protocol(), w.port(), w.facts());
        }
        if (!(w.destination() instanceof Endpoint.Pod destination)) {
            return true;
        }
        return current.side(destination.namespace(), Direction.INGRESS).allowed()
                .allows(destination, w.source(), w.protocol(), w.port(), w.facts());
    }
}
