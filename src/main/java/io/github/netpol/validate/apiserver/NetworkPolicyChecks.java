package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.load.JsonPointer;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code ValidateNetworkPolicy} of the API server: metadata, selectors, rules, peers, ports, policyTypes. */
final class NetworkPolicyChecks {

    private static final Set<String> POLICY_TYPES = Set.of("Ingress", "Egress");

    private NetworkPolicyChecks() {
    }

    static void check(NetworkPolicy policy, FindingSink sink) {
        MetadataChecks.check(policy.getMetadata(), "NetworkPolicy", true, sink);
        NetworkPolicySpec spec = policy.getSpec();
        if (spec == null) {
            return;
        }
        SelectorChecks.check(spec.getPodSelector(), "/spec/podSelector", sink);
        rules(spec.getIngress(), "/spec/ingress", "from", r -> r.getFrom(), r -> r.getPorts(), sink);
        rules(spec.getEgress(), "/spec/egress", "to", r -> r.getTo(), r -> r.getPorts(), sink);
        policyTypes(spec.getPolicyTypes(), sink);
    }

    private static <R> void rules(List<R> rules, String pointer, String peersField,
                                  Function<R, List<NetworkPolicyPeer>> peers,
                                  Function<R, List<NetworkPolicyPort>> ports, FindingSink sink) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            R rule = rules.get(i);
            if (rule == null) {
                continue;
            }
            String at = JsonPointer.child(pointer, i);
            List<NetworkPolicyPort> portList = ports.apply(rule) == null ? List.of() : ports.apply(rule);
            for (int p = 0; p < portList.size(); p++) {
                PortChecks.check(portList.get(p), JsonPointer.child(at + "/ports", p), sink);
            }
            List<NetworkPolicyPeer> peerList = peers.apply(rule) == null ? List.of() : peers.apply(rule);
            for (int p = 0; p < peerList.size(); p++) {
                peer(peerList.get(p), JsonPointer.child(at + "/" + peersField, p), sink);
            }
        }
    }

    private static void peer(NetworkPolicyPeer peer, String pointer, FindingSink sink) {
        boolean pods = peer != null && peer.getPodSelector() != null;
        boolean namespaces = peer != null && peer.getNamespaceSelector() != null;
        boolean block = peer != null && peer.getIpBlock() != null;
        if (!pods && !namespaces && !block) {
            sink.error(FindingCode.EMPTY_PEER, pointer, "A peer must specify podSelector, namespaceSelector or ipBlock; "
                    + "an empty peer is rejected (to allow all, omit from/to instead).");
            return;
        }
        if (block && (pods || namespaces)) {
            sink.error(FindingCode.IPBLOCK_WITH_OTHER_PEER, pointer, "A peer may not specify both ipBlock and another peer; "
                    + "put the ipBlock in its own list item.");
        }
        if (pods) {
            SelectorChecks.check(peer.getPodSelector(), pointer + "/podSelector", sink);
        }
        if (namespaces) {
            SelectorChecks.check(peer.getNamespaceSelector(), pointer + "/namespaceSelector", sink);
        }
        if (block) {
            IpBlockChecks.check(peer.getIpBlock(), pointer + "/ipBlock", sink);
        }
    }

    private static void policyTypes(List<String> types, FindingSink sink) {
        if (types == null) {
            return;
        }
        if (types.size() > POLICY_TYPES.size()) {
            sink.error(FindingCode.TOO_MANY_POLICY_TYPES, "/spec/policyTypes",
                    "policyTypes may list at most two entries (Ingress, Egress); remove the extra ones.");
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            // a null entry decodes as the empty string
            String type = types.get(i) == null ? "" : types.get(i);
            if (!POLICY_TYPES.contains(type)) {
                sink.error(FindingCode.INVALID_POLICY_TYPE, JsonPointer.child("/spec/policyTypes", i), "Policy type '"
                        + type + "' is not supported; use Ingress or Egress (case-sensitive).");
            }
        }
    }
}
