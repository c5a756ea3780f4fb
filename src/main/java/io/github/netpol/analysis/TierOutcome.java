package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.semantics.TierPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one tier does on one side: the connections some rule of it matches ({@code matched}), and by the action
 * of the rule that decides them, those that possibly ({@code possibly*}) and certainly ({@code certainly*}) get
 * it. The two differ only where policies of equal priority both match and disagree: the API leaves open which one
 * applies. A connection the tier does not match goes on to the next tier, as a passed one does.
 */
public record TierOutcome(SideRegion matched, SideRegion possiblyAccepted, SideRegion possiblyDenied,
                          SideRegion possiblyPassed, SideRegion certainlyAccepted, SideRegion certainlyDenied,
                          SideRegion certainlyPassed, List<TierDecision> decisions, boolean ambiguous,
                          Map<String, SideRegion> matchedByRule) {

    public TierOutcome {
        decisions = List.copyOf(decisions);
        matchedByRule = Map.copyOf(matchedByRule);
    }

    /** What the rule with this {@link RuleRef#identity} matches on this side, first or not; empty when nothing. */
    public SideRegion matchedBy(String identity) {
        return matchedByRule.getOrDefault(identity, SideRegion.empty(matched.direction()));
    }

    public static TierOutcome none(Direction direction) {
        SideRegion e = SideRegion.empty(direction);
        return new TierOutcome(e, e, e, e, e, e, e, List.of(), false, Map.of());
    }

    /**
     * Evaluates the groups in order. Within a policy the first matching rule decides; within a group any policy
     * that matches may be the one applied; a group decides only what no earlier group matched.
     *
     * @param region what a rule matches on this side
     */
    static TierOutcome fold(Direction direction, List<List<Tiers.Entry>> groups, Function<TierRuleRef, SideRegion> region) {
        List<List<List<RuleRef>>> rules = new ArrayList<>();
        for (List<Tiers.Entry> group : groups) {
            List<List<RuleRef>> policies = new ArrayList<>();
            for (Tiers.Entry entry : group) {
                policies.add(entry.policy().rules(direction).stream()
                        .<RuleRef>map(rule -> new TierRuleRef(entry.manifest(), entry.policy(), rule)).toList());
            }
            rules.add(policies);
        }
        return foldRules(direction, rules, r -> region.apply((TierRuleRef) r));
    }

    /**
     * The same over rules of any kind: groups of policies, each policy its rules in order.
     *
     * @param region what a rule matches on this side
     */
    static TierOutcome foldRules(Direction direction, List<List<List<RuleRef>>> groups, Function<RuleRef, SideRegion> region) {
        SideRegion empty = SideRegion.empty(direction);
        SideRegion earlier = empty;
        SideRegion[] possibly = {empty, empty, empty};
        SideRegion[] certainly = {empty, empty, empty};
        List<TierDecision> decisions = new ArrayList<>();
        Map<String, SideRegion> matchedByRule = new HashMap<>();
        boolean ambiguous = false;
        for (List<List<RuleRef>> group : groups) {
            SideRegion matchedHere = empty;
            // per action, the connections some policy of the group decides with it
            SideRegion[] byAction = {empty, empty, empty};
            int matchingPolicies = 0;
            for (List<RuleRef> policy : group) {
                SideRegion prior = empty;
                for (RuleRef ref : policy) {
                    SideRegion m = region.apply(ref);
                    if (m.isEmpty()) {
                        continue;
                    }
                    matchedByRule.merge(ref.identity(), m, SideRegion::union);
                    SideRegion first = m.minus(prior);
                    prior = prior.union(m);
                    SideRegion decided = first.minus(earlier);
                    if (!decided.isEmpty()) {
                        int a = ref.action().ordinal();
                        byAction[a] = byAction[a].union(decided);
                        decisions.add(new TierDecision(ref, decided));
                    }
                }
                if (!prior.isEmpty()) {
                    matchingPolicies++;
                }
                matchedHere = matchedHere.union(prior);
            }
            for (int a = 0; a < 3; a++) {
                possibly[a] = possibly[a].union(byAction[a]);
            }
            if (matchingPolicies > 1) {
                ambiguous = true;
                // certain only where every policy that matches decides alike
                for (int a = 0; a < 3; a++) {
                    SideRegion other = empty;
                    for (int b = 0; b < 3; b++) {
                        if (b != a) {
                            other = other.union(byAction[b]);
                        }
                    }
                    certainly[a] = certainly[a].union(byAction[a].minus(other));
                }
            } else {
                for (int a = 0; a < 3; a++) {
                    certainly[a] = certainly[a].union(byAction[a]);
                }
            }
            earlier = earlier.union(matchedHere);
        }
        int accept = TierPolicy.Action.ACCEPT.ordinal();
        int deny = TierPolicy.Action.DENY.ordinal();
        int pass = TierPolicy.Action.PASS.ordinal();
        return new TierOutcome(earlier, possibly[accept], possibly[deny], possibly[pass], certainly[accept],
                certainly[deny], certainly[pass], decisions, ambiguous, matchedByRule);
    }

    /** The outcome when the tier may be evaluated in any of several orders: possible in one, certain in all. */
    static TierOutcome anyOf(List<TierOutcome> orders) {
        if (orders.size() == 1) {
            return orders.get(0);
        }
        TierOutcome out = orders.get(0);
        for (TierOutcome o : orders.subList(1, orders.size())) {
            List<TierDecision> decisions = new ArrayList<>(out.decisions);
            decisions.addAll(o.decisions);
            Map<String, SideRegion> matchedByRule = new HashMap<>(out.matchedByRule);
            o.matchedByRule.forEach((k, v) -> matchedByRule.merge(k, v, SideRegion::union));
            out = new TierOutcome(out.matched.union(o.matched), out.possiblyAccepted.union(o.possiblyAccepted),
                    out.possiblyDenied.union(o.possiblyDenied), out.possiblyPassed.union(o.possiblyPassed),
                    out.certainlyAccepted.intersect(o.certainlyAccepted), out.certainlyDenied.intersect(o.certainlyDenied),
                    out.certainlyPassed.intersect(o.certainlyPassed), decisions, true, matchedByRule);
        }
        return out;
    }

    /** The connections of {@code x} the tier possibly leaves to the next one: not matched, or passed. */
    SideRegion possiblyLeft(SideRegion x) {
        return x.minus(matched).union(x.intersect(possiblyPassed));
    }

    /** The same, certainly. */
    SideRegion certainlyLeft(SideRegion x) {
        return x.minus(matched).union(x.intersect(certainlyPassed));
    }
}
