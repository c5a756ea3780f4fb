package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.LintSettings;

import java.util.List;

/** ipBlock covering Service virtual IPs, which are rewritten before policies see them. */
public final class IpBlockOverlapsServiceCidrRule extends ClusterCidrOverlapRule {

    public IpBlockOverlapsServiceCidrRule() {
        super(FindingCode.IPBLOCK_OVERLAPS_SERVICE_CIDR, "Service CIDR",
                "Service IPs are translated to pod IPs before policies apply, so such a block may match nothing.",
                egressExample("10.96.0.0/12"), egressExample("203.0.113.0/24"));
    }

    @Override
    List<String> ranges(LintSettings settings) {
        return settings.serviceCidrs();
    }
}
