package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Subject;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** A namespace declared or with workloads, but with no NetworkPolicy at all. */
public final class NamespaceWithoutPolicyRule extends BaseRule {

    public NamespaceWithoutPolicyRule() {
        super(FindingCode.NAMESPACE_WITHOUT_POLICY,
                """
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: shop
                        """,
                Examples.docs("""
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: shop
                        """, Examples.policy("default-deny", """
                        podSelector: {}
                        policyTypes: [Ingress]
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (String ns : context.knownNamespaces()) {
            if (context.policiesIn(ns).isEmpty() && !CiliumIsolation.selectsPodsIn(context, ns)) {
                Subject subject = context.namespaceSubject(ns);
                out.add(new Violation(subject, context.declaredNamespace(ns).isPresent() ? "/metadata/name" : "/metadata/namespace",
                        null, "Namespace " + ns + " has no NetworkPolicy, so all its pods accept and send any traffic. "
                        + "Add a default-deny policy (podSelector: {}) and allow what is needed."));
            }
        }
        return out;
    }
}
