package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ShadowedRuleRule} looks only at the rules its index offers: its findings must be those of comparing every
 * rule with every rule of the namespace, over random policies whose peers (equal ones, selectors of every pod,
 * nested CIDRs with and without excepts, no peer list) and ports (none, any port of a protocol, names, nested
 * ranges) cover each other in every way {@link PolicyRuleCoverage} knows.
 */
class ShadowedRuleIndexTest {

    private static final String[] PEERS = {
            "- podSelector: {matchLabels: {app: a}}",
            "- podSelector: {matchLabels: {app: b}}",
            "- podSelector: {}",
            "- namespaceSelector: {}",
            "- namespaceSelector: {}\n            podSelector: {}",
            "- namespaceSelector: {matchLabels: {env: prod}}",
            "- ipBlock: {cidr: 10.0.0.0/8}",
            "- ipBlock: {cidr: 10.1.0.0/16}",
            "- ipBlock: {cidr: 10.1.2.0/24}",
            "- ipBlock: {cidr: 10.1.2.3/32}",
            "- ipBlock: {cidr: 10.0.0.0/8, except: [10.1.2.0/24]}",
            "- ipBlock: {cidr: '2001:db8::/32'}",
            "- ipBlock: {cidr: '2001:db8:1::/48'}",
    };

    private static final String[] PORTS = {
            "- port: 80",
            "- port: 80\n            endPort: 90",
            "- port: 85",
            "- port: 1\n            endPort: 1000",
            "- protocol: UDP\n            port: 53",
            "- port: http",
            "- protocol: TCP",
            "- protocol: UDP",
    };

    @Test
    void findsWhatComparingEveryPairFinds() {
        Random random = new Random(1414);
        int found = 0;
        for (int round = 0; round < 150; round++) {
            ManifestSet set = new ManifestReader().read(List.of(new SourceFile("p.yaml",
                    policies(random).getBytes(StandardCharsets.UTF_8))), "default");
            assertThat(set.problems()).isEmpty();
            LintContext context = new LintContext(set, LintSettings.defaults());
            List<Violation> indexed = new ShadowedRuleRule().check(context);
            assertThat(indexed).as("round %d", round).isEqualTo(everyPair(context));
            found += indexed.size();
        }
        assertThat(found).as("the random policies shadow rules").isGreaterThan(150);
    }

    private static String policies(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int p = random.nextInt(4) + 1; p > 0; p--) {
            sb.append("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p").append(p)
                    .append("\n  namespace: ").append(random.nextInt(4) == 0 ? "other" : "default")
                    .append("\nspec:\n  podSelector: ").append(random.nextInt(3) == 0 ? "{matchLabels: {app: x}}" : "{}")
                    .append("\n  policyTypes: [Ingress, Egress]\n");
            for (String direction : List.of("ingress", "egress")) {
                sb.append("  ").append(direction).append(":\n");
                for (int r = random.nextInt(12); r >= 0; r--) {
                    sb.append("  - ");
                    int peers = random.nextInt(4);
                    if (peers > 0) {
                        sb.append(direction.equals("ingress") ? "from" : "to").append(":\n");
                        for (int i = 0; i < peers; i++) {
                            sb.append("          ").append(PEERS[random.nextInt(PEERS.length)]).append('\n');
                        }
                    }
                    int ports = random.nextInt(3);
                    if (ports > 0) {
                        sb.append(peers > 0 ? "    " : "").append("ports:\n");
                        for (int i = 0; i < ports; i++) {
                            sb.append("          ").append(PORTS[random.nextInt(PORTS.length)]).append('\n');
                        }
                    }
                    if (peers == 0 && ports == 0) {
                        sb.append("{}\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The rule as it was before its index: every rule of the namespace against every other. */
    private static List<Violation> everyPair(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<PolicyRuleView> rules = context.policies().stream().flatMap(p -> p.effectiveRules(direction).stream()).toList();
            for (int i = 0; i < rules.size(); i++) {
                PolicyRuleView narrow = rules.get(i);
                for (int j = 0; j < rules.size(); j++) {
                    PolicyRuleView wide = rules.get(j);
                    boolean samePods = wide.policy().namespace().equals(narrow.policy().namespace())
                            && (wide.policy() == narrow.policy()
                            || Objects.equals(wide.policy().podSelector(), narrow.policy().podSelector()));
                    if (i == j || !samePods || !PolicyRuleCoverage.covers(wide, narrow)
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
}
