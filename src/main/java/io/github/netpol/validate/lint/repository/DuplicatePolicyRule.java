package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two policies with the same namespace and name: the one applied last replaces the other. */
public final class DuplicatePolicyRule extends BaseRule {

    public DuplicatePolicyRule() {
        super(FindingCode.DUPLICATE_POLICY,
                Examples.docs(
                        Examples.policy("allow-web", """
                                podSelector: {}
                                policyTypes: [Ingress]
                                """),
                        Examples.policy("allow-web", """
                                podSelector: {}
                                policyTypes: [Egress]
                                """)),
                Examples.docs(
                        Examples.policy("deny-ingress", """
                                podSelector: {}
                                policyTypes: [Ingress]
                                """),
                        Examples.policy("deny-egress", """
                                podSelector: {}
                                policyTypes: [Egress]
                                """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        Map<String, PolicyView> first = new HashMap<>();
        for (PolicyView p : context.policies()) {
            PolicyView earlier = first.putIfAbsent(p.ref(), p);
            if (earlier != null) {
                out.add(p.violation("/metadata/name", null, "NetworkPolicy " + p.ref() + " is declared again (first at "
                        + earlier.at("/metadata/name") + "); the one applied last replaces the other. Rename one or merge them."));
            }
        }
        return out;
    }
}
