package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.WorldFact;

import java.util.ArrayList;
import java.util.List;

/**
 * How the tiers combine on one side: the Admin tier first; what it passes or does not match goes to the
 * NetworkPolicies, which decide for the pods they isolate in this direction; for the other pods, the Baseline tier;
 * what it passes or does not match is allowed.
 * <pre>
 * allowed = Admin accepts ∪ left by Admin ∩ (NetworkPolicy allows ∪ not isolated ∩ not denied by Baseline)
 * </pre>
 * Where policies of equal priority leave the outcome open, {@code possiblyAllowed} is what some choice allows and
 * {@code certainlyAllowed} what every choice allows; elsewhere they are equal.
 *
 * @param possiblyTierDenied  what an Admin or Baseline rule possibly denies
 * @param certainlyTierDenied what an Admin or Baseline rule certainly denies
 */
public record TierEvaluation(TierOutcome admin, TierOutcome baseline, SideRegion notIsolated,
                             SideRegion possiblyAllowed, SideRegion certainlyAllowed, SideRegion possiblyTierDenied,
                             SideRegion certainlyTierDenied) {

    /** Without tier policies: the NetworkPolicies decide alone, and nothing is left open. */
    static TierEvaluation none(Direction direction, SideRegion notIsolated, SideRegion allowed) {
        SideRegion e = SideRegion.empty(direction);
        TierOutcome n = TierOutcome.none(direction);
        return new TierEvaluation(n, n, notIsolated, allowed, allowed, e, e);
    }

    static TierEvaluation of(Direction direction, TierOutcome admin, TierOutcome baseline, SideRegion all,
                             SideRegion isolated, SideRegion notIsolated, SideRegion networkPolicies) {
        SideRegion baselineAllows = notIsolated.minus(baseline.possiblyDenied());
        if (baseline.ambiguous()) {
            baselineAllows = baselineAllows.union(notIsolated.intersect(
                    baseline.possiblyAccepted().union(baseline.possiblyPassed())));
        }
        SideRegion lower = baselineAllows.union(networkPolicies);
        SideRegion allowed = admin.possiblyAccepted().union(admin.possiblyLeft(lower));
        SideRegion certainly = allowed;
        if (admin.ambiguous() || baseline.ambiguous()) {
            SideRegion lowerDenies = isolated.minus(networkPolicies).union(notIsolated.intersect(baseline.possiblyDenied()));
            certainly = all.minus(admin.possiblyDenied().union(admin.possiblyLeft(lowerDenies)));
        }
        SideRegion tierDenied = admin.possiblyDenied()
                .union(admin.possiblyLeft(notIsolated.intersect(baseline.possiblyDenied())));
        SideRegion tierDeniedCertainly = admin.certainlyDenied()
                .union(admin.certainlyLeft(notIsolated.intersect(baseline.certainlyDenied())));
        return new TierEvaluation(admin, baseline, notIsolated, allowed, certainly, tierDenied, tierDeniedCertainly);
    }

    /** Whether policies of equal priority (or a BaselineAdminNetworkPolicy's place) leave an outcome open here. */
    public boolean ambiguous() {
        return admin.ambiguous() || baseline.ambiguous();
    }

    /** Whether some tier rule matches anything on this side. */
    public boolean applies() {
        return !admin.matched().isEmpty() || !baseline.matched().isEmpty();
    }

    /** The part of {@code x} the Admin tier possibly leaves to the NetworkPolicies (not matched, or passed). */
    public SideRegion reachingNetworkPolicies(SideRegion x) {
        return admin.possiblyLeft(x);
    }

    /**
     * Where each tier rule possibly decides this side: Admin rules where they are first to match; Baseline rules
     * where they are first to match among the connections of pods no NetworkPolicy isolates that the Admin tier
     * leaves to them.
     */
    public List<TierDecision> decisions() {
        List<TierDecision> out = new ArrayList<>(admin.decisions());
        for (TierDecision d : baseline.decisions()) {
            SideRegion reached = admin.possiblyLeft(d.region().intersect(notIsolated));
            if (!reached.isEmpty()) {
                out.add(new TierDecision(d.rule(), reached));
            }
        }
        return out;
    }

    /** The local pods with some connection an Admin or Baseline rule possibly denies. */
    public Region possiblyTierIsolated() {
        return localPods(possiblyTierDenied);
    }

    /**
     * The local pods with some connection an Admin or Baseline rule certainly denies. A denial that holds only in
     * some worlds (a Cilium agent setting, an L7 verdict; not what the address is, which is the connection's) is
     * not certain.
     */
    public Region certainlyTierIsolated() {
        return localPods(certainlyTierDenied, true);
    }

    /** The local pods of a region: each cube with only its local dimensions. */
    public static Region localPodsOf(SideRegion r) {
        return localPods(r);
    }

    static Region localPods(SideRegion r) {
        return localPods(r, false);
    }

    private static boolean holdsInSomeWorlds(Cube c) {
        for (int i = 0; i < c.size(); i++) {
            Dim d = c.dimAt(i);
            if (d.kind() == Dim.Kind.FACT
                    && (d.key().startsWith(WorldFact.SETTING) || d.key().startsWith(WorldFact.L7_PASSES))) {
                return true;
            }
        }
        return false;
    }

    /** @param certain leave out the cubes that hold only in some worlds (constrain a world fact) */
    private static Region localPods(SideRegion r, boolean certain) {
        List<Cube> out = new ArrayList<>();
        for (Region part : List.of(r.pods(), r.ips())) {
            for (Cube c : part.cubes()) {
                if (certain && holdsInSomeWorlds(c)) {
                    continue;
                }
                Cube local = Cube.all();
                for (int i = 0; i < c.size(); i++) {
                    if (c.dimAt(i).local()) {
                        local = local.with(c.dimAt(i), c.setAt(i));
                    }
                }
                out.add(local);
            }
        }
        return new Region(out);
    }
}
