package io.github.netpol.validate.lint;

import java.util.List;

/** ipBlock covering node IPs: reaches hostNetwork pods and node daemons. */
public final class IpBlockOverlapsNodeCidrRule extends ClusterCidrOverlapRule {

    public IpBlockOverlapsNodeCidrRule() {
        super("ipblock-overlaps-node-cidr", "node CIDR", "nodeCidrs",
                "it reaches the nodes, their daemons and every hostNetwork pod.",
                "Node IPs are shared by every hostNetwork pod and node daemon, so a block covering them admits more than "
                        + "it seems; traffic from the local node is always allowed anyway.",
                egressExample("192.168.0.0/16"), egressExample("203.0.113.0/24"));
    }

    @Override
    List<String> ranges(LintSettings settings) {
        return settings.nodeCidrs();
    }
}
