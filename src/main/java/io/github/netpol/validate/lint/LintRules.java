package io.github.netpol.validate.lint;

import java.util.List;
import java.util.Optional;

/** The catalogue of lint rules, in documentation order. */
public final class LintRules {

    private LintRules() {
    }

    /** Every rule, new instances (rules are stateless). */
    public static List<LintRule> all() {
        return List.of(
                // one policy: peers
                new SeparateNamespaceAndPodSelectorRule(),
                new EmptyPeerListRule(),
                new OmittedPeerListRule(),
                new AllowAllRule(),
                new NamespaceSelectorAllRule(),
                new CustomNamespaceLabelRule(),
                // one policy: ipBlocks
                new IpBlockAnyAddressRule(),
                new IpBlockShortPrefixRule(),
                new IpBlockOverlapsPodCidrRule(),
                new IpBlockOverlapsServiceCidrRule(),
                new IpBlockOverlapsNodeCidrRule(),
                new CidrHostBitsRule(),
                new RedundantExceptRule(),
                // one policy: types and ports
                new IngressRulesIgnoredRule(),
                new EgressRulesIgnoredRule(),
                new PolicyTypesOmittedRule(),
                new UdpPortDefaultsToTcpRule(),
                new PortEntryAllTcpRule(),
                new WidePortRangeRule(),
                new NamedPortOnIpBlockRule(),
                new SctpProtocolRule(),
                new MissingNamespaceRule(),
                // the whole repository
                new RequiredIsolationRule(),
                new DuplicatePolicyRule(),
                new PolicySelectsNoWorkloadRule(),
                new PeerPodSelectorMatchesNothingRule(),
                new NamespaceSelectorMatchesNothingRule(),
                new NamedPortNotDeclaredRule(),
                new NumericPortNotDeclaredRule(),
                new WorkloadNotIsolatedIngressRule(),
                new WorkloadNotIsolatedEgressRule(),
                new NamespaceWithoutPolicyRule(),
                new EgressDnsBlockedRule(),
                new ShadowedRuleRule(),
                new HostNetworkSelectedRule());
    }

    public static Optional<LintRule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
