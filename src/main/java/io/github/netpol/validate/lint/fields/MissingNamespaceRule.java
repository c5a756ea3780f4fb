package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** A policy without metadata.namespace. */
public final class MissingNamespaceRule extends BaseRule {

    public MissingNamespaceRule() {
        super(FindingCode.MISSING_NAMESPACE,
                """
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata:
                          name: default-deny
                        spec:
                          podSelector: {}
                          policyTypes: [Ingress]
                        """,
                Examples.policy("default-deny", """
                        podSelector: {}
                        policyTypes: [Ingress]
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyView p : context.policies()) {
            if (p.manifest().namespaceDefaulted()) {
                out.add(p.violation("/metadata", null, "NetworkPolicy " + p.manifest().name()
                        + " has no metadata.namespace, so it lands in the namespace kubectl uses (assumed here: "
                        + p.namespace() + "). Set metadata.namespace."));
            }
        }
        return out;
    }
}
