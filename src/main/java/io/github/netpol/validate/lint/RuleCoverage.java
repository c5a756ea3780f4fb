package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Optional;

/**
 * Conservative "does rule A allow everything rule B allows" for the shadowed-rule check: true only
 * when it is certain from the structure (equal peers, {@code {}} selectors, contained CIDRs and port
 * ranges); false whenever in doubt.
 */
final class RuleCoverage {
    private RuleCoverage() {
    }

    static boolean covers(RuleView wide, RuleView narrow) {
        return peersCover(wide, narrow) && portsCover(wide.ports(), narrow.ports());
    }

    private static boolean peersCover(RuleView wide, RuleView narrow) {
        if (wide.allPeers()) {
            return true;
        }
        return !narrow.allPeers()
                && narrow.peers().stream().allMatch(n -> wide.peers().stream().anyMatch(w -> peerCovers(w, n)));
    }

    private static boolean peerCovers(NetworkPolicyPeer wide, NetworkPolicyPeer narrow) {
        if (wide.equals(narrow)) {
            return true;
        }
        boolean narrowIsPod = narrow.getIpBlock() == null
                && (narrow.getPodSelector() != null || narrow.getNamespaceSelector() != null);
        if (wide.getIpBlock() != null) {
            return narrow.getIpBlock() != null && ipBlockCovers(wide, narrow);
        }
        if (wide.getNamespaceSelector() == null) {
            // {} pods of the policy's namespace cover any pods of that namespace
            return narrowIsPod && narrow.getNamespaceSelector() == null && Selectors.isEmpty(wide.getPodSelector());
        }
        // {} namespaces with all pods cover every pod peer
        return narrowIsPod && Selectors.isEmpty(wide.getNamespaceSelector()) && Selectors.isEmpty(wide.getPodSelector());
    }

    private static boolean ipBlockCovers(NetworkPolicyPeer wide, NetworkPolicyPeer narrow) {
        Optional<Cidr> w = Cidr.parse(wide.getIpBlock().getCidr());
        Optional<Cidr> n = Cidr.parse(narrow.getIpBlock().getCidr());
        List<String> except = wide.getIpBlock().getExcept() == null ? List.of() : wide.getIpBlock().getExcept();
        return w.isPresent() && n.isPresent() && w.get().contains(n.get())
                && except.stream().map(Cidr::parse).flatMap(Optional::stream).noneMatch(e -> e.overlaps(n.get()));
    }

    private static boolean portsCover(List<PortView> wide, List<PortView> narrow) {
        if (wide.isEmpty()) {
            return true;
        }
        return !narrow.isEmpty() && narrow.stream().allMatch(n -> wide.stream().anyMatch(w -> portCovers(w, n)));
    }

    private static boolean portCovers(PortView wide, PortView narrow) {
        if (!wide.protocol().equals(narrow.protocol())) {
            return false;
        }
        if (wide.anyPort()) {
            return true;
        }
        if (narrow.anyPort()) {
            return false;
        }
        if (wide.isNamed() || narrow.isNamed()) {
            return wide.isNamed() && narrow.isNamed() && wide.name().equals(narrow.name());
        }
        return wide.from() <= narrow.from() && narrow.to() <= wide.to();
    }
}
