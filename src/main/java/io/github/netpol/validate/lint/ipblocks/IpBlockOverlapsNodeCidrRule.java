package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.LintSettings;

import java.util.List;

/** ipBlock covering node IPs: reaches hostNetwork pods and node daemons. */
public final class IpBlockOverlapsNodeCidrRule extends ClusterCidrOverlapRule {

    public IpBlockOverlapsNodeCidrRule() {
        super(FindingCode.IPBLOCK_OVERLAPS_NODE_CIDR, "node CIDR",
                "it reaches the nodes, their daemons and every hostNetwork pod.",
                egressExample("192.168.0.0/16"), egressExample("203.0.113.0/24"));
    }

    @Override
    List<String> ranges(LintSettings settings) {
        return settings.nodeCidrs();
    }
}
