package io.github.netpol.report;

import io.github.netpol.finding.RuleDescription;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Looks up the description of a finding kind. Descriptions supplied by the producers of findings win;
 * the kinds named in the contract (SPEC.md) are built in; any other kind gets a plain description made
 * from its name, so a report never lacks a rule entry.
 */
public final class RuleCatalog {

    private static final String TOOL = "netpol-maven-plugin";

    private final Map<String, RuleDescription> rules;

    private RuleCatalog(Map<String, RuleDescription> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** Only the fallback: every kind is described from its name. */
    public static RuleCatalog empty() {
        return new RuleCatalog(Map.of());
    }

    /** The kinds of the check gate as the contract names them. */
    public static RuleCatalog standard() {
        return empty().with(Map.of(
                "WIDENED_INGRESS", gate("WIDENED_INGRESS", "A policy change allows new incoming connections",
                        "Some connection now passes the ingress side of a destination pod that did not pass it in the baseline. "
                                + "Each direction is judged on its own, so this is reported even while an egress policy still blocks it (latent)."),
                "WIDENED_EGRESS", gate("WIDENED_EGRESS", "A policy change allows new outgoing connections",
                        "Some connection now passes the egress side of a source pod that did not pass it in the baseline. "
                                + "Each direction is judged on its own, so this is reported even while an ingress policy still blocks it (latent)."),
                "WIDENED_CONNECTION", gate("WIDENED_CONNECTION", "Two declared workloads can now connect",
                        "A connection between two workloads declared in the repository (or a workload and an external range) "
                                + "is allowed now and was not in the baseline, possibly only because pod or namespace labels changed."),
                "ISOLATION_DROPPED", gate("ISOLATION_DROPPED", "Pods lost their isolation",
                        "Some pods that were isolated for a direction (selected by a policy of that type) are not any more, "
                                + "for example because a default-deny policy was deleted."),
                "NARROWED_INGRESS", info("NARROWED_INGRESS", "A policy change removes incoming connections",
                        "Some connection passed the ingress side in the baseline and does not any more. Reported for information; never fails the build."),
                "NARROWED_EGRESS", info("NARROWED_EGRESS", "A policy change removes outgoing connections",
                        "Some connection passed the egress side in the baseline and does not any more. Reported for information; never fails the build."),
                "UNSUPPORTED_POLICY_KIND", new RuleDescription("UNSUPPORTED_POLICY_KIND",
                        "A manifest changes connectivity in a way that is not analysed",
                        "The sources hold a policy kind (for example AdminNetworkPolicy or CiliumNetworkPolicy) that changes "
                                + "connectivity but is not analysed, so the check fails closed.",
                        "Remove the manifest from the sources, or review it by hand and accept that object as it is now with "
                                + "the entry the finding prints (its id, digest and an expiry date); a change to the object "
                                + "fails the check again.")));
    }

    /** A catalog where {@code more} overrides what this one describes. */
    public RuleCatalog with(Map<String, RuleDescription> more) {
        Map<String, RuleDescription> all = new HashMap<>(rules);
        all.putAll(more);
        return new RuleCatalog(all);
    }

    /** The description of {@code kind}: supplied, built in, or made from the kind's name. */
    public RuleDescription describe(String kind) {
        RuleDescription known = rules.get(kind);
        return known != null ? known : fallback(kind);
    }

    private static RuleDescription fallback(String kind) {
        String words = kind.replaceAll("[_\\-.]+", " ").trim().toLowerCase(Locale.ROOT);
        String title = words.isEmpty() ? kind : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return new RuleDescription(kind, title,
                title + " (" + kind + "), reported by " + TOOL + ".",
                "The message of each finding says what was found and where; fix the manifest at that place.");
    }

    private static RuleDescription gate(String id, String shortDescription, String fullDescription) {
        return new RuleDescription(id, shortDescription, fullDescription,
                "If the change is not intended, change the policy back so it allows no more than the baseline. "
                        + "If it is intended, add the finding id with a reason to the accepted changes file "
                        + "(netpol-accepted.yaml): `- id: <finding id>` and `reason: \"...\"`.");
    }

    private static RuleDescription info(String id, String shortDescription, String fullDescription) {
        return new RuleDescription(id, shortDescription, fullDescription, "Nothing to do unless the narrowing is not intended.");
    }
}
