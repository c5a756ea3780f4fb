package io.github.netpol.validate.lint.engine;

import io.github.netpol.validate.lint.LintRule;

import io.github.netpol.validate.lint.cilium.CiliumClusterwideNoNamespaceRule;
import io.github.netpol.validate.lint.cilium.CiliumDenyOverridesAllowRule;
import io.github.netpol.validate.lint.cilium.CiliumDenyOverridesNothingRule;
import io.github.netpol.validate.lint.cilium.CiliumEntityWorldAllRule;
import io.github.netpol.validate.lint.cilium.CiliumL7OnlyRule;
import io.github.netpol.validate.lint.cilium.CiliumSelectsNothingRule;
import io.github.netpol.validate.lint.fields.EgressRulesIgnoredRule;
import io.github.netpol.validate.lint.fields.IngressRulesIgnoredRule;
import io.github.netpol.validate.lint.fields.MissingNamespaceRule;
import io.github.netpol.validate.lint.fields.NamedPortOnIpBlockRule;
import io.github.netpol.validate.lint.fields.PolicyTypesOmittedRule;
import io.github.netpol.validate.lint.fields.PortEntryAllTcpRule;
import io.github.netpol.validate.lint.fields.SctpProtocolRule;
import io.github.netpol.validate.lint.fields.UdpPortDefaultsToTcpRule;
import io.github.netpol.validate.lint.fields.WidePortRangeRule;
import io.github.netpol.validate.lint.ipblocks.CidrHostBitsRule;
import io.github.netpol.validate.lint.ipblocks.IpBlockAnyAddressRule;
import io.github.netpol.validate.lint.ipblocks.IpBlockOverlapsNodeCidrRule;
import io.github.netpol.validate.lint.ipblocks.IpBlockOverlapsPodCidrRule;
import io.github.netpol.validate.lint.ipblocks.IpBlockOverlapsServiceCidrRule;
import io.github.netpol.validate.lint.ipblocks.IpBlockShortPrefixRule;
import io.github.netpol.validate.lint.ipblocks.RedundantExceptRule;
import io.github.netpol.validate.lint.peers.AllowAllRule;
import io.github.netpol.validate.lint.peers.CustomNamespaceLabelRule;
import io.github.netpol.validate.lint.peers.EmptyPeerListRule;
import io.github.netpol.validate.lint.peers.NamespaceSelectorAllRule;
import io.github.netpol.validate.lint.peers.OmittedPeerListRule;
import io.github.netpol.validate.lint.peers.SeparateNamespaceAndPodSelectorRule;
import io.github.netpol.validate.lint.repository.EgressDnsBlockedRule;
import io.github.netpol.validate.lint.repository.HostNetworkSelectedRule;
import io.github.netpol.validate.lint.repository.NamedPortNotDeclaredRule;
import io.github.netpol.validate.lint.repository.NamespaceSelectorMatchesNothingRule;
import io.github.netpol.validate.lint.repository.NamespaceWithoutPolicyRule;
import io.github.netpol.validate.lint.repository.NumericPortNotDeclaredRule;
import io.github.netpol.validate.lint.repository.PeerPodSelectorMatchesNothingRule;
import io.github.netpol.validate.lint.repository.PolicySelectsNoWorkloadRule;
import io.github.netpol.validate.lint.repository.RequiredIsolationRule;
import io.github.netpol.validate.lint.repository.ShadowedRuleRule;
import io.github.netpol.validate.lint.repository.WorkloadNotIsolatedEgressRule;
import io.github.netpol.validate.lint.repository.WorkloadNotIsolatedIngressRule;
import io.github.netpol.validate.lint.tiers.TierPassToDefaultAllowRule;
import io.github.netpol.validate.lint.tiers.TierPriorityOverlapRule;
import io.github.netpol.validate.lint.tiers.TierShadowedRuleRule;
import io.github.netpol.validate.lint.tiers.TierV1alpha1DuplicateRule;

import java.util.List;
import java.util.Optional;

/**
 * Every lint rule, in documentation order, by group: one policy's peers ({@code peers}), its ipBlocks
 * ({@code ipblocks}), its policyTypes, ports and namespace ({@code fields}), the whole repository
 * ({@code repository}), the ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies
 * ({@code tiers}), and the CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies ({@code cilium}).
 */
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
                // one policy: policyTypes, ports and namespace
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
                new HostNetworkSelectedRule(),
                // the Admin and Baseline tiers
                new TierPriorityOverlapRule(),
                new TierShadowedRuleRule(),
                new TierPassToDefaultAllowRule(),
                new TierV1alpha1DuplicateRule(),
                // the Cilium policies
                new CiliumSelectsNothingRule(),
                new CiliumClusterwideNoNamespaceRule(),
                new CiliumL7OnlyRule(),
                new CiliumEntityWorldAllRule(),
                new CiliumDenyOverridesAllowRule(),
                new CiliumDenyOverridesNothingRule());
    }

    public static Optional<LintRule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
