package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Namespaces in {@code requireIsolation} must have, for each required direction, a policy selecting
 * all their pods ({@code podSelector: {}}) with that direction in its (defaulted) policyTypes, or an Admin- or
 * Baseline-tier Deny that covers every pod of the namespace for every peer and port ({@link TierIsolation}).
 */
public final class RequiredIsolationRule extends BaseRule {

    public RequiredIsolationRule() {
        super(FindingCode.REQUIRED_ISOLATION,
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
                        """, Examples.policy("default-deny-ingress", """
                        podSelector: {}
                        policyTypes: [Ingress]
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        LintSettings settings = context.settings();
        for (String ns : context.knownNamespaces()) {
            if (!inScope(ns, settings.requireIsolation())) {
                continue;
            }
            List<Direction> missing = settings.requireIsolationDirections().directions().stream()
                    .filter(d -> context.policiesIn(ns).stream()
                            .noneMatch(p -> p.selector().selectsAll() && p.isolates(d)))
                    .filter(d -> TierIsolation.isolating(context, ns, d).isEmpty())
                    .filter(d -> CiliumIsolation.isolating(context, ns, d).isEmpty())
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            String name = missing.size() == 2 ? "default-deny" : "default-deny-" + missing.get(0).label();
            String types = String.join(", ", missing.stream().map(Direction::policyType).toList());
            String directions = String.join(" and ", missing.stream().map(Direction::label).toList());
            String yaml = """
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata:
                      name: %s
                      namespace: %s
                    spec:
                      podSelector: {}
                      policyTypes: [%s]
                    """.formatted(name, ns, types);
            out.add(new Violation(context.namespaceSubject(ns),
                    context.declaredNamespace(ns).isPresent() ? "/metadata/name" : "/metadata/namespace",
                    missing.size() == 1 ? missing.get(0) : null,
                    "Namespace " + ns + " has no default-deny " + directions + " policy (a NetworkPolicy with"
                            + " podSelector: {} and " + types + " in its policyTypes"
                            + (context.tierPolicies().isEmpty() ? "" : ", or an Admin- or Baseline-tier Deny whose subject"
                            + " selects every pod of " + ns + " and whose rule matches every peer on every port")
                            + "), which netpol.requireIsolation asks"
                            + " of " + scope(settings) + "." + TierIsolation.partial(context, ns, missing) + " Until it has one, a new pod in " + ns + " starts open to all "
                            + directions + " traffic. Add the NetworkPolicy below; or leave " + ns + " out of the"
                            + " namespaces that must be isolated, e.g. -Dnetpol.requireIsolation='*,!" + ns + "' (globs;"
                            + " ! excludes; or list the namespaces you have isolated so far); or switch the rule off"
                            + " with -Dnetpol.requireIsolation=none:",
                    yaml.stripTrailing()));
        }
        return out;
    }

    /** Which namespaces the setting names, for the message. */
    private static String scope(LintSettings settings) {
        return settings.requireIsolation().isEmpty() ? "every namespace the sources declare or use (the default)"
                : "the namespaces " + String.join(",", settings.requireIsolation());
    }

    /** Empty globs mean every namespace; {@code none} means no namespace; a leading {@code !} excludes. */
    static boolean inScope(String namespace, List<String> globs) {
        List<String> includes = globs.stream().map(String::trim).filter(g -> !g.isEmpty() && !g.startsWith("!")).toList();
        List<String> excludes = globs.stream().map(String::trim).filter(g -> g.startsWith("!")).map(g -> g.substring(1)).toList();
        if (includes.size() == 1 && includes.get(0).equals("none")) {
            return false;
        }
        boolean included = includes.isEmpty() || includes.stream().anyMatch(g -> glob(g).matcher(namespace).matches());
        return included && excludes.stream().noneMatch(g -> glob(g).matcher(namespace).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
