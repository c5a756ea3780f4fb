package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/** One {@code from}/{@code to} item of a rule, with its position. */
public record PeerView(RuleView rule, int index, NetworkPolicyPeer peer) {

    /** e.g. {@code /spec/ingress/0/from/1}. */
    public String pointer() {
        return rule.peerPointer(index);
    }

    public boolean namespaceSelectorOnly() {
        return peer.getNamespaceSelector() != null && peer.getPodSelector() == null && peer.getIpBlock() == null;
    }

    public boolean podSelectorOnly() {
        return peer.getPodSelector() != null && peer.getNamespaceSelector() == null && peer.getIpBlock() == null;
    }

    public boolean isIpBlock() {
        return peer.getIpBlock() != null;
    }

    /** The parsed {@code ipBlock.cidr}; empty when there is none or it does not parse (validation reports that). */
    public java.util.Optional<Cidr> cidr() {
        return isIpBlock() ? Cidr.parse(peer.getIpBlock().getCidr()) : java.util.Optional.empty();
    }

    /** The parsed {@code ipBlock.except} entries that parse, by their index. */
    public java.util.Map<Integer, Cidr> excepts() {
        java.util.Map<Integer, Cidr> out = new java.util.LinkedHashMap<>();
        java.util.List<String> except = isIpBlock() && peer.getIpBlock().getExcept() != null
                ? peer.getIpBlock().getExcept() : java.util.List.of();
        for (int i = 0; i < except.size(); i++) {
            int index = i;
            Cidr.parse(except.get(i)).ifPresent(c -> out.put(index, c));
        }
        return out;
    }

    /** {@code ns/name ingress rule 1, from item 2}, for messages. */
    public String describe() {
        return rule.policy().ref() + " " + rule.describe() + ", " + rule.peerField() + " item " + (index + 1);
    }
}
