package io.github.netpol.analysis;

/**
 * Where one rule of a tier or Cilium policy decides a side: the connections it is the first rule to match (with policies
 * of equal priority, where it may be), which its action then accepts, denies or passes on.
 */
public record TierDecision(RuleRef rule, SideRegion region) {
}
