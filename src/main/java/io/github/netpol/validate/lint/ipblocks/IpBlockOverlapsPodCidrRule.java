package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.LintSettings;

import java.util.List;

/** ipBlock covering pod IPs: whether it matches pods depends on the network plugin. */
public final class IpBlockOverlapsPodCidrRule extends ClusterCidrOverlapRule {

    public IpBlockOverlapsPodCidrRule() {
        super(FindingCode.IPBLOCK_OVERLAPS_POD_CIDR, "pod CIDR",
                "whether an ipBlock matches pods is up to the network plugin (Cilium does not, others do), and pod IPs change.",
                egressExample("10.0.0.0/8"), egressExample("203.0.113.0/24"));
    }

    @Override
    List<String> ranges(LintSettings settings) {
        return settings.podCidrs();
    }
}
