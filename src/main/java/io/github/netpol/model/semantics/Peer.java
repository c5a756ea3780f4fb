package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code from}/{@code to} item of a NetworkPolicy rule, as the API server reads it: pods (selected by
 * namespace and pod labels), a block of addresses, or nothing (an item without any selector, which the API
 * server rejects; here it matches nothing).
 */
public sealed interface Peer permits Peer.Pods, Peer.Addresses, Peer.None {

    /**
     * Pods matched by labels.
     *
     * @param namespaces the namespaces by their labels, or {@code null} for the policy's own namespace
     * @param pods       the pods in them; {@link Selector#all()} when no {@code podSelector} is written
     */
    record Pods(Selector namespaces, Selector pods) implements Peer {
    }

    /**
     * An {@code ipBlock}: every address of {@code cidr} outside the {@code except} entries.
     *
     * @param cidrText the cidr as written
     * @param cidr     the parsed cidr, empty when it does not parse (validation reports that; it then holds nothing)
     * @param except   the except entries that parse, in their written order
     */
    record Addresses(String cidrText, Optional<Cidr> cidr, List<Cidr> except) implements Peer {
        public Addresses {
            except = List.copyOf(except);
        }
    }

    /** No selector and no ipBlock: rejected by the API server ("must specify a peer"), so it matches nothing. */
    record None() implements Peer {
    }

    /** The peer of a written item; an ipBlock wins over selectors written beside it (also rejected). */
    static Peer of(NetworkPolicyPeer peer) {
        if (peer == null) {
            return new None();
        }
        IPBlock block = peer.getIpBlock();
        if (block != null) {
            List<Cidr> except = new ArrayList<>();
            if (block.getExcept() != null) {
                block.getExcept().forEach(e -> Cidr.parse(e).ifPresent(except::add));
            }
            return new Addresses(block.getCidr(), Cidr.parse(block.getCidr()), except);
        }
        if (peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
            return new None();
        }
        return new Pods(peer.getNamespaceSelector() == null ? null : Selector.of(peer.getNamespaceSelector()),
                Selector.of(peer.getPodSelector()));
    }
}
