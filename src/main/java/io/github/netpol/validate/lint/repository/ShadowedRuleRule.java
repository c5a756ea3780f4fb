package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule that allows nothing beyond another rule for the same pods: in the same policy, or in a
 * policy of the same namespace with the same {@code spec.podSelector}.
 */
public final class ShadowedRuleRule extends BaseRule {

    public ShadowedRuleRule() {
        super(FindingCode.SHADOWED_RULE,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector: {}
                        - from:
                          - podSelector:
                              matchLabels:
                                app: frontend
                          ports:
                          - port: 8080
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector:
                              matchLabels:
                                app: backend
                        - from:
                          - podSelector:
                              matchLabels:
                                app: frontend
                          ports:
                          - port: 8080
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<PolicyRuleView> rules = context.policies().stream().flatMap(p -> p.effectiveRules(direction).stream()).toList();
            // rules of other namespaces never select the same pods: compare within a namespace only
            Map<String, List<PolicyRuleView>> byNamespace = new HashMap<>();
            Map<PolicyRuleView, Integer> position = new IdentityHashMap<>();
            for (PolicyRuleView rule : rules) {
                List<PolicyRuleView> inNamespace = byNamespace.computeIfAbsent(rule.policy().namespace(), k -> new ArrayList<>());
                position.put(rule, inNamespace.size());
                inNamespace.add(rule);
            }
            Map<String, PolicyRuleCoverageIndex> indexes = new HashMap<>();
            for (PolicyRuleView narrow : rules) {
                List<PolicyRuleView> inNamespace = byNamespace.get(narrow.policy().namespace());
                int i = position.get(narrow);
                // only the rules that may cover it, in the same order as all of them
                int[] candidates = indexes.computeIfAbsent(narrow.policy().namespace(),
                        ns -> new PolicyRuleCoverageIndex(inNamespace)).candidates(i);
                for (int j : candidates) {
                    PolicyRuleView wide = inNamespace.get(j);
                    // of two equivalent rules, report only the later one
                    if (i == j || !samePods(wide, narrow) || !PolicyRuleCoverage.covers(wide, narrow)
                            || (PolicyRuleCoverage.covers(narrow, wide) && j > i)) {
                        continue;
                    }
                    String other = wide.policy() == narrow.policy() ? wide.describe()
                            : wide.where() + " (" + wide.policy().at(wide.pointer()) + ")";
                    out.add(narrow.policy().violation(narrow.pointer(), direction, narrow.where()
                            + " allows nothing that " + other + " does not already allow for the same pods. "
                            + "Delete it, or merge the two rules."));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean samePods(PolicyRuleView a, PolicyRuleView b) {
        return a.policy().namespace().equals(b.policy().namespace())
                && (a.policy() == b.policy() || Objects.equals(a.policy().podSelector(), b.policy().podSelector()));
    }
}
