package io.github.netpol.validate.lint;

import java.util.List;

/** ipBlock covering Service virtual IPs, which are rewritten before policies see them. */
public final class IpBlockOverlapsServiceCidrRule extends ClusterCidrOverlapRule {

    public IpBlockOverlapsServiceCidrRule() {
        super("ipblock-overlaps-service-cidr", "Service CIDR", "serviceCidrs",
                "Service IPs are translated to pod IPs before policies apply, so such a block may match nothing.",
                "Policies act after Service translation; an ipBlock of ClusterIPs is unreliable and usually matches nothing.",
                egressExample("10.96.0.0/12"), egressExample("203.0.113.0/24"));
    }

    @Override
    List<String> ranges(LintSettings settings) {
        return settings.serviceCidrs();
    }
}
