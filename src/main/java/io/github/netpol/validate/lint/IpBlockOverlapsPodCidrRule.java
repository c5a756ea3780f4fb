package io.github.netpol.validate.lint;

import java.util.List;

/** ipBlock covering pod IPs: whether it matches pods depends on the network plugin. */
public final class IpBlockOverlapsPodCidrRule extends ClusterCidrOverlapRule {

    public IpBlockOverlapsPodCidrRule() {
        super("ipblock-overlaps-pod-cidr", "pod CIDR", "podCidrs",
                "whether an ipBlock matches pods is up to the network plugin (Cilium does not, others do), and pod IPs change.",
                "Kubernetes leaves it to the network plugin whether ipBlocks match pod IPs, and pod IPs are ephemeral; "
                        + "the policy means different things on different clusters.",
                egressExample("10.0.0.0/8"), egressExample("203.0.113.0/24"));
    }

    @Override
    List<String> ranges(LintSettings settings) {
        return settings.podCidrs();
    }
}
