package io.github.netpol.analysis;

import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.TierPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policies of the Admin and Baseline tiers of one version, in the order they are evaluated: by ascending
 * priority, policies of equal priority in one group (the API lets an implementation apply any of them first,
 * connection by connection). ClusterNetworkPolicies and AdminNetworkPolicies of the Admin tier share one priority
 * scale. The BaselineAdminNetworkPolicy has no priority: next to Baseline-tier ClusterNetworkPolicies its place is
 * undefined, so every place is considered ({@link #baselineOrders}).
 *
 * @param admin    the Admin tier's groups, first group first
 * @param baseline the Baseline tier's ClusterNetworkPolicy groups
 * @param banp     the BaselineAdminNetworkPolicy, or {@code null}
 */
public record Tiers(List<List<Entry>> admin, List<List<Entry>> baseline, Entry banp) {

    /** A tier policy as written and as read. */
    public record Entry(TierPolicyManifest manifest, TierPolicy policy) {
    }

    public Tiers {
        admin = List.copyOf(admin);
        baseline = List.copyOf(baseline);
    }

    public static Tiers none() {
        return new Tiers(List.of(), List.of(), null);
    }

    public static Tiers of(ManifestSet version) {
        Map<Integer, List<Entry>> admin = new TreeMap<>();
        Map<Integer, List<Entry>> baseline = new TreeMap<>();
        Entry banp = null;
        for (TierPolicyManifest m : version.tierPolicies()) {
            TierPolicy p = TierPolicy.of(m);
            Entry e = new Entry(m, p);
            if (!p.hasPriority()) {
                banp = e;
            } else {
                (p.tier() == TierPolicy.Tier.ADMIN ? admin : baseline).computeIfAbsent(p.priority(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        return new Tiers(groups(admin), groups(baseline), banp);
    }

    private static List<List<Entry>> groups(Map<Integer, List<Entry>> byPriority) {
        List<List<Entry>> out = new ArrayList<>();
        byPriority.values().forEach(g -> {
            // in a stable order; which one applies first is undefined anyway
            g.sort(Comparator.comparing((Entry e) -> e.manifest().kind()).thenComparing(e -> String.valueOf(e.manifest().name())));
            out.add(List.copyOf(g));
        });
        return out;
    }

    public boolean isEmpty() {
        return admin.isEmpty() && baseline.isEmpty() && banp == null;
    }

    /** Every policy, Admin tier first. */
    public List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        admin.forEach(out::addAll);
        baseline.forEach(out::addAll);
        if (banp != null) {
            out.add(banp);
        }
        return out;
    }

    /**
     * The orders the Baseline tier may be evaluated in: its ClusterNetworkPolicy groups, with the
     * BaselineAdminNetworkPolicy (when there is one) as a group of its own at every possible place.
     */
    public List<List<List<Entry>>> baselineOrders() {
        if (banp == null) {
            return List.of(baseline);
        }
        List<List<List<Entry>>> out = new ArrayList<>();
        for (int at = 0; at <= baseline.size(); at++) {
            List<List<Entry>> order = new ArrayList<>(baseline.subList(0, at));
            order.add(List.of(banp));
            order.addAll(baseline.subList(at, baseline.size()));
            out.add(order);
        }
        return out;
    }
}
