package io.github.netpol.validate.lint;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.semantics.Cidr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a user can configure about linting; Maven-free, so the Mojo maps its parameters here.
 *
 * @param ruleLevels        per-rule overrides by rule id ({@code off} disables a rule)
 * @param failOnSeverity    the least severe finding that fails the build
 * @param podCidrs          the cluster's pod CIDRs; ipBlocks overlapping them are flagged (empty: rule quiet)
 * @param serviceCidrs      the cluster's Service CIDRs (empty: rule quiet)
 * @param nodeCidrs         the node network CIDRs (empty: rule quiet)
 * @param requireIsolation  namespace globs ({@code *}, {@code ?}; a leading {@code !} excludes) that must be
 *                          default-deny; empty means every namespace the sources declare or that has a policy
 *                          or workload; {@code none} alone means no namespace
 * @param requireIsolationDirections which direction(s) the default-deny must cover
 * @param maxPortRange      a {@code port..endPort} range with more ports than this is flagged
 * @param minPrefixLengthV4 an IPv4 ipBlock with a shorter (non-zero) prefix is flagged
 * @param minPrefixLengthV6 an IPv6 ipBlock with a shorter (non-zero) prefix is flagged
 */
public record LintSettings(Map<String, LintRuleLevel> ruleLevels, Severity failOnSeverity,
                           List<String> podCidrs, List<String> serviceCidrs, List<String> nodeCidrs,
                           List<String> requireIsolation, IsolationDirections requireIsolationDirections,
                           int maxPortRange, int minPrefixLengthV4, int minPrefixLengthV6) {

    public static final int DEFAULT_MAX_PORT_RANGE = 1024;
    public static final int DEFAULT_MIN_PREFIX_V4 = 8;
    public static final int DEFAULT_MIN_PREFIX_V6 = 32;

    public LintSettings {
        ruleLevels = Map.copyOf(ruleLevels);
        Objects.requireNonNull(failOnSeverity, "failOnSeverity");
        podCidrs = checkedCidrs("netpol.podCidrs", podCidrs);
        serviceCidrs = checkedCidrs("netpol.serviceCidrs", serviceCidrs);
        nodeCidrs = checkedCidrs("netpol.nodeCidrs", nodeCidrs);
        requireIsolation = checkedGlobs(requireIsolation);
        Objects.requireNonNull(requireIsolationDirections, "requireIsolationDirections");
        checkRange("netpol.maxPortRange", maxPortRange, 1, 65535);
        checkRange("netpol.minPrefixLengthV4", minPrefixLengthV4, 0, 32);
        checkRange("netpol.minPrefixLengthV6", minPrefixLengthV6, 0, 128);
    }

    /** The defaults: every rule at its own severity, fail on error, no cluster CIDRs, ingress isolation everywhere. */
    public static LintSettings defaults() {
        return new LintSettings(Map.of(), Severity.ERROR, List.of(), List.of(), List.of(), List.of(),
                IsolationDirections.INGRESS, DEFAULT_MAX_PORT_RANGE, DEFAULT_MIN_PREFIX_V4, DEFAULT_MIN_PREFIX_V6);
    }

    public LintSettings withRuleLevels(Map<String, LintRuleLevel> levels) {
        return new LintSettings(levels, failOnSeverity, podCidrs, serviceCidrs, nodeCidrs, requireIsolation,
                requireIsolationDirections, maxPortRange, minPrefixLengthV4, minPrefixLengthV6);
    }

    public LintSettings withFailOnSeverity(Severity severity) {
        return new LintSettings(ruleLevels, severity, podCidrs, serviceCidrs, nodeCidrs, requireIsolation,
                requireIsolationDirections, maxPortRange, minPrefixLengthV4, minPrefixLengthV6);
    }

    public LintSettings withClusterCidrs(List<String> pods, List<String> services, List<String> nodes) {
        return new LintSettings(ruleLevels, failOnSeverity, pods, services, nodes, requireIsolation,
                requireIsolationDirections, maxPortRange, minPrefixLengthV4, minPrefixLengthV6);
    }

    public LintSettings withRequireIsolation(List<String> globs, IsolationDirections directions) {
        return new LintSettings(ruleLevels, failOnSeverity, podCidrs, serviceCidrs, nodeCidrs, globs,
                directions, maxPortRange, minPrefixLengthV4, minPrefixLengthV6);
    }

    public LintSettings withThresholds(int portRange, int prefixV4, int prefixV6) {
        return new LintSettings(ruleLevels, failOnSeverity, podCidrs, serviceCidrs, nodeCidrs, requireIsolation,
                requireIsolationDirections, portRange, prefixV4, prefixV6);
    }

    /** The level of a rule: the user's override, or the rule's default severity. */
    public LintRuleLevel levelOf(String ruleId, Severity defaultSeverity) {
        return ruleLevels.getOrDefault(ruleId, LintRuleLevel.of(defaultSeverity));
    }

    /** True when some finding that is not accepted is at least as severe as {@link #failOnSeverity()}. */
    public boolean fails(List<Finding> findings) {
        return findings.stream().anyMatch(f -> !f.accepted() && f.severity().atLeast(failOnSeverity));
    }

    // the messages name the user property: the Mojo passes them on as they are

    private static List<String> checkedCidrs(String property, List<String> cidrs) {
        for (String c : cidrs) {
            if (Cidr.parse(c).isEmpty()) {
                throw new IllegalArgumentException(property + ": '" + c
                        + "' is not a CIDR; use an address and a prefix length such as 10.0.0.0/8 or fd00::/48");
            }
        }
        return List.copyOf(cidrs);
    }

    private static void checkRange(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(property + ": '" + value + "' is out of range; use " + min + " to " + max);
        }
    }

    /**
     * Namespace globs: lower-case letters, digits, {@code -}, {@code *} and {@code ?}, a leading {@code !} to
     * exclude, or {@code none} alone. Anything else (an upper-case letter, {@code none} among other globs) would
     * quietly match no namespace, so it is refused.
     */
    private static List<String> checkedGlobs(List<String> globs) {
        List<String> trimmed = globs.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
        for (String g : trimmed) {
            String body = g.startsWith("!") ? g.substring(1) : g;
            boolean valid = !body.isEmpty() && body.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '*' || c == '?');
            if (!valid || g.equals("none") && trimmed.size() > 1 || g.equals("!none")) {
                throw new IllegalArgumentException("netpol.requireIsolation: '" + g + "' is not a namespace glob; use"
                        + " lower-case letters, digits, '-', '*' and '?' (a leading '!' excludes), or none alone");
            }
        }
        return trimmed;
    }
}
