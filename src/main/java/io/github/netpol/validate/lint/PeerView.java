package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.Peer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code from}/{@code to} item of a rule, with its position: as written (lint judges how it is written)
 * and as the API server reads it.
 *
 * @param peer  as written; an item written as {@code null} is an empty peer
 * @param means what it selects
 */
public record PeerView(PolicyRuleView rule, int index, NetworkPolicyPeer peer, Peer means) {

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
    public Optional<Cidr> cidr() {
        return means instanceof Peer.Addresses block ? block.cidr() : Optional.empty();
    }

    /** The parsed {@code ipBlock.except} entries that parse, by their index. */
    public Map<Integer, Cidr> excepts() {
        Map<Integer, Cidr> out = new LinkedHashMap<>();
        List<String> except = isIpBlock() && peer.getIpBlock().getExcept() != null
                ? peer.getIpBlock().getExcept() : List.of();
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
