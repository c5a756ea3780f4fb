package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumFqdn;
import io.github.netpol.model.semantics.CiliumLabels;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.PolicyRule;
import io.github.netpol.model.semantics.Selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cilium policies of one version the analysis reads, rule by rule, and those it refuses with the reason: a
 * construct whose meaning the manifests do not fix and that is not modelled as a world fact (host policies,
 * {@code toFQDNs}, {@code toServices}, nodes, groups, CIDR groups, empty peer lists that Cilium versions read
 * differently, selector keys that are not pod or namespace labels), or a version that also holds policies of the
 * Admin and Baseline tiers, which no implementation enforces together with Cilium's. A refused policy stays
 * {@link ManifestSet#unsupported()}: the check fails closed on it.
 *
 * @param rules   every rule ({@code spec}, {@code specs[i]}) of the policies read, with the pods it selects
 * @param refused per refused policy (by key), why
 */
public record CiliumRules(List<Entry> rules, Map<String, String> refused) {

    /** One rule of a Cilium policy, with the pods its {@code endpointSelector} selects. */
    public record Entry(CiliumPolicyManifest manifest, CiliumPolicy.Rule rule, CiliumEndpoints.Pods subject) {
        public boolean clusterwide() {
            return manifest.clusterwide();
        }
    }

    public CiliumRules {
        rules = List.copyOf(rules);
        refused = Map.copyOf(refused);
    }

    public static CiliumRules none() {
        return new CiliumRules(List.of(), Map.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public static CiliumRules of(ManifestSet version) {
        if (version.ciliumPolicies().isEmpty()) {
            return none();
        }
        Optional<String> versionWide = versionRefusal(version);
        List<Entry> rules = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (CiliumPolicyManifest m : version.ciliumPolicies()) {
            CiliumPolicy policy = CiliumPolicy.of(m);
            Optional<String> reason = versionWide.or(() -> refusal(m, policy));
            if (reason.isPresent()) {
                refused.putIfAbsent(m.key(), reason.get());
                continue;
            }
            for (CiliumPolicy.Rule r : policy.rules()) {
                if (CiliumEndpoints.subject(r.subject(), m.clusterwide()) instanceof CiliumEndpoints.Pods pods) {
                    rules.add(new Entry(m, r, pods));
                }
            }
        }
        return new CiliumRules(rules, refused);
    }

    /** What makes every Cilium policy of a version unanalysable. */
    private static Optional<String> versionRefusal(ManifestSet version) {
        if (version.hasTierPolicies()) {
            return Optional.of("the sources also hold ClusterNetworkPolicy, AdminNetworkPolicy or"
                    + " BaselineAdminNetworkPolicy objects, and how Cilium policies combine with those is not analysed");
        }
        for (PolicyManifest p : version.policies()) {
            EffectivePolicy policy = EffectivePolicy.of(p);
            List<Selector> selectors = new ArrayList<>(List.of(policy.podSelector()));
            for (Direction d : Direction.values()) {
                for (PolicyRule rule : policy.rules(d)) {
                    rule.peers().stream().filter(x -> x instanceof Peer.Pods).map(x -> ((Peer.Pods) x).pods())
                            .forEach(selectors::add);
                }
            }
            for (Selector s : selectors) {
                for (Selector.Requirement r : s.requirements()) {
                    if (CiliumEndpoints.filteredByDefault(r.key())) {
                        return Optional.of("NetworkPolicy " + p.namespace() + "/" + p.name() + " selects pods by the"
                                + " label '" + r.key() + "', which Cilium's identity filter drops from a pod's"
                                + " identity, so under Cilium it does not select what it says");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first construct of one policy the analysis does not read, in words. */
    static Optional<String> refusal(CiliumPolicyManifest m, CiliumPolicy policy) {
        Optional<String> clash = clashingLabels(m.raw());
        if (clash.isPresent()) {
            return clash;
        }
        for (CiliumPolicy.Rule r : policy.rules()) {
            String at = r.pointer().substring(1).replace('/', '.');
            if (r.nodeSelector()) {
                return Optional.of(at + ".nodeSelector: host policies are not analysed");
            }
            if (CiliumEndpoints.subject(r.subject(), m.clusterwide()) instanceof CiliumEndpoints.Unanalysed u) {
                return Optional.of(at + ".endpointSelector: " + u.reason());
            }
            for (List<CiliumPolicy.PeerRule> items : r.sections().values()) {
                for (CiliumPolicy.PeerRule item : items) {
                    Optional<String> reason = itemRefusal(m, item);
                    if (reason.isPresent()) {
                        String spec = r.pointer().equals("/spec") ? "" : "specs[" + r.pointer().substring("/specs/".length()) + "] ";
                        return Optional.of(spec + item.label() + ": " + reason.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code matchLabels} naming one label twice with different values ({@code app} and {@code any:app}): the
     * agent rebuilds it keyed by the extended key, iterating a Go map, so which of the values holds is random.
     */
    private static Optional<String> clashingLabels(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("matchLabels") instanceof Map<?, ?> labels) {
                Map<String, String> seen = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : labels.entrySet()) {
                    String key = CiliumLabels.key(String.valueOf(e.getKey())).extended();
                    String before = seen.put(key, String.valueOf(e.getValue()));
                    if (before != null && !before.equals(String.valueOf(e.getValue()))) {
                        return Optional.of("matchLabels names the label '" + key + "' twice with different values;"
                                + " the agent keeps one of them at random");
                    }
                }
            }
            for (Object child : map.values()) {
                Optional<String> found = clashingLabels(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object child : list) {
                Optional<String> found = clashingLabels(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> itemRefusal(CiliumPolicyManifest m, CiliumPolicy.PeerRule item) {
        boolean hasPorts = !item.anyPort() && !item.icmpOnly();
        CiliumPolicy.Peer peer = item.peer();
        if (peer instanceof CiliumPolicy.Unanalysed u) {
            return Optional.of(u.field() + " is not analysed");
        }
        if (peer instanceof CiliumPolicy.Fqdns f) {
            if (f.patterns().stream().anyMatch(p -> !CiliumFqdn.readable(p))) {
                return Optional.of("a toFQDNs matchPattern with '**' is not analysed");
            }
            if (f.names().isEmpty() && f.patterns().isEmpty() && hasPorts) {
                return Optional.of("an empty peer list beside toPorts, which Cilium versions read differently (nothing,"
                        + " or every peer); remove the list or give it entries");
            }
        }
        String empty = "an empty peer list beside toPorts, which Cilium versions read differently (nothing, or every"
                + " peer); remove the list or give it entries";
        if (peer instanceof CiliumPolicy.Endpoints e) {
            if (e.selectors().isEmpty()) {
                return hasPorts ? Optional.of(empty) : Optional.empty();
            }
            for (Selector s : e.selectors()) {
                if (CiliumEndpoints.peer(s, m.clusterwide(), m.namespace()) instanceof CiliumEndpoints.Unanalysed u) {
                    return Optional.of(u.reason());
                }
            }
        } else if (peer instanceof CiliumPolicy.Entities e) {
            if (e.entities().isEmpty() && hasPorts) {
                return Optional.of(empty);
            }
            for (String entity : e.entities()) {
                if (CiliumPeerRegions.entity(entity).isEmpty()) {
                    return Optional.of("the entity '" + entity + "' is not analysed");
                }
            }
        } else if (peer instanceof CiliumPolicy.Cidrs c) {
            for (CiliumPolicy.CidrRule rule : c.rules()) {
                if (rule.groupRef() != null || rule.groupSelector()) {
                    return Optional.of("CIDR groups (cidrGroupRef, cidrGroupSelector) are not analysed");
                }
                if (rule.cidr().isEmpty()) {
                    return Optional.of("the CIDR at " + rule.pointer() + " cannot be read");
                }
            }
            if (hasPorts && CiliumPeerRegions.cidrs(c.rules()).isEmpty()) {
                return Optional.of(empty + " (its except entries cover every CIDR)");
            }
        }
        return Optional.empty();
    }
}
