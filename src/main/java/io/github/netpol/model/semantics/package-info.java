/**
 * The Kubernetes rules that validation, lint and analysis share, each written once: label-selector matching
 * ({@link io.github.netpol.model.semantics.Selector}), policyTypes defaulting
 * ({@link io.github.netpol.model.semantics.PolicyTypes}), CIDR and address parsing
 * ({@link io.github.netpol.model.semantics.Cidr}, {@link io.github.netpol.model.semantics.IpAddress}), port
 * items and named-port resolution ({@link io.github.netpol.model.semantics.PolicyPort}), and a NetworkPolicy's
 * rules after defaulting ({@link io.github.netpol.model.semantics.EffectivePolicy}). Other policy kinds build
 * their selectors, peers and ports from the same pieces; the set-valued forms live in the analysis.
 */
package io.github.netpol.model.semantics;
