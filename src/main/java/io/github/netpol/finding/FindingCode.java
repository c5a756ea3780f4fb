package io.github.netpol.finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of every finding code, each defined once with its documentation: how its finding ids are
 * built, its default severity, a title, what it means, what to do, and how it is accepted or suppressed.
 * Finding ids, the SARIF rules and {@code docs/findings.md} are made from it; a lint rule's class adds only
 * its check and its before/after example.
 */
public enum FindingCode {

    // ---- reading the manifests (load, model) ----

    UNREADABLE_FILE(Group.LOAD, "unreadable-file", Severity.ERROR, "A manifest file cannot be read",
            "The file exists under the sources but reading it failed (permissions, a broken file system entry).",
            "Make the file readable, or remove it from the sources."),
    FILE_TOO_LARGE(Group.LOAD, "file-too-large", Severity.ERROR, "A manifest file or document is larger than the limit",
            "Files over 10 MiB are refused without being read; no real set of policies comes close.",
            "Split the file, or remove it from the sources."),
    BINARY_FILE(Group.LOAD, "binary-file", Severity.ERROR, "A file under the sources is not UTF-8 text",
            "The file holds NUL bytes or invalid UTF-8, so it cannot be read as a manifest: a manifest saved in another "
                    + "encoding (Latin-1, Windows-1252, UTF-16), or a file that is no text at all.",
            "Re-save a text file as UTF-8 (the message names its encoding when it can tell); remove anything else "
                    + "from the sources."),
    UNRENDERED_TEMPLATE(Group.LOAD, "unrendered-template", Severity.ERROR, "Template syntax in a manifest",
            "The file holds `{{ ... }}`: it is a Helm or Go template, not a manifest, and what it renders to is unknown.",
            "Render the template (helm template, kustomize build, ...) and point netpol.sources at the output."),
    TAB_INDENTATION(Group.LOAD, "tab-indentation", Severity.ERROR, "A tab used for YAML indentation",
            "YAML allows only spaces for indentation; the file does not load."),
    YAML_SYNTAX(Group.LOAD, "yaml-syntax", Severity.ERROR, "Invalid YAML",
            "The file is not valid YAML (or JSON); the message gives the parser's reason at its position."),
    TOO_MANY_ALIASES(Group.LOAD, "too-many-aliases", Severity.ERROR, "A YAML document expands through too many aliases",
            "Aliases to lists or maps can make a small file expand exponentially (a 'billion laughs' document); "
                    + "the loader refuses such documents."),
    RECURSIVE_ALIAS(Group.LOAD, "recursive-alias", Severity.ERROR, "A YAML alias that contains itself",
            "An anchor refers to a node that contains it, which has no finite value."),
    NESTING_TOO_DEEP(Group.LOAD, "nesting-too-deep", Severity.ERROR, "A YAML document nests too deeply",
            "The document nests deeper than 64 levels; no manifest needs that, and the loader refuses it."),
    DUPLICATE_KEY(Group.LOAD, "duplicate-key", Severity.ERROR, "A key that appears twice in one map",
            "The API server would silently keep only one of the two values, so which one is meant is ambiguous."),
    SYMLINK_OUTSIDE_ROOT(Group.LOAD, "symlink-outside-root", Severity.ERROR, "A symbolic link that leaves the project",
            "A link under the sources resolves outside the project's root (the top of the git work tree, or the "
                    + "top-level project's directory); its target is never read, so what it holds is not checked.",
            "Copy the files into the project, or remove the link from the sources."),
    SYMLINK_DANGLING(Group.LOAD, "symlink-dangling", Severity.ERROR, "A symbolic link to nothing",
            "A link under the sources points at a file or directory that does not exist.",
            "Point the link at an existing file or directory of the project, or remove it."),
    SYMLINK_LOOP(Group.LOAD, "symlink-loop", Severity.ERROR, "A loop of directory links",
            "Directory links under the sources lead back to a directory already being read.",
            "Remove the link that closes the loop."),
    UNSUPPORTED_YAML_TAG(Group.LOAD, "unsupported-yaml-tag", Severity.ERROR, "A YAML tag in a manifest",
            "Explicit tags (such as `!!python/object`) have no place in a manifest and are never constructed."),
    NOT_AN_OBJECT(Group.LOAD, "not-an-object", Severity.ERROR, "A document that is not a map",
            "Every document of a manifest file must be a map with apiVersion and kind."),
    MISSING_TYPE_INFO(Group.LOAD, "missing-type-info", Severity.ERROR, "An object without apiVersion or kind",
            "Without a string apiVersion and kind the API server cannot tell what the object is."),
    UNKNOWN_API_VERSION(Group.LOAD, "unknown-api-version", Severity.ERROR, "A known kind at an apiVersion it is not served at",
            "The kind is one the plugin reads, but the API server does not serve it at the apiVersion written "
                    + "(for example `networking.k8s.io/v1beta1` NetworkPolicy)."),
    WRONG_TYPE(Group.LOAD, "wrong-type", Severity.ERROR, "A field with a value of the wrong JSON type",
            "The API server decodes JSON strictly: a string where a number belongs, or a map where a list belongs, is "
                    + "rejected, as is a `null` item where an object is required."),

    // ---- rendered sources (render) ----

    UNRENDERED_SOURCE(Group.RENDER, "unrendered-source", Severity.WARNING,
            "A kustomization or a Chart.yaml among the plain sources",
            "The file lies in a directory of netpol.sources that is read as plain manifests, so the directory is read "
                    + "file by file as it is, not as Kustomize or Helm would render it: a patch is read as a standalone "
                    + "object, the kustomization's namespace and name prefix are not applied, templates are not filled "
                    + "in. What is checked is then not what is deployed.",
            "Render the directory: name it in netpol.sources (or in <renders>, with a chart's values files), or keep "
                    + "it out of the plain sources."),

    // ---- what the Kubernetes API server rejects or warns about (validate.apiserver) ----

    MISSING_NAME(Group.API_SERVER, "missing-name", Severity.ERROR, "An object without metadata.name",
            "Every NetworkPolicy and Namespace needs a name (or generateName)."),
    INVALID_NAME(Group.API_SERVER, "invalid-name", Severity.ERROR, "A name the API server rejects",
            "A NetworkPolicy name must be a DNS-1123 subdomain and a Namespace name a DNS-1123 label."),
    INVALID_NAMESPACE(Group.API_SERVER, "invalid-namespace", Severity.ERROR, "A metadata.namespace the API server rejects",
            "A namespace name must be a DNS-1123 label."),
    INVALID_LABEL_KEY(Group.API_SERVER, "invalid-label-key", Severity.ERROR, "A label or selector key the API server rejects",
            "A label key is an optional DNS-1123 subdomain prefix and `/`, then a name of 1-63 letters, digits, "
                    + "`-`, `_` or `.`, starting and ending with a letter or digit."),
    INVALID_LABEL_VALUE(Group.API_SERVER, "invalid-label-value", Severity.ERROR, "A label or selector value the API server rejects",
            "A label value is empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit."),
    INVALID_ANNOTATION_KEY(Group.API_SERVER, "invalid-annotation-key", Severity.ERROR, "An annotation key the API server rejects",
            "Annotation keys follow the rules of label keys."),
    ANNOTATIONS_TOO_LARGE(Group.API_SERVER, "annotations-too-large", Severity.ERROR, "Annotations over 256 KiB",
            "The keys and values of an object's annotations may total at most 262144 bytes."),
    INVALID_PROTOCOL(Group.API_SERVER, "invalid-protocol", Severity.ERROR, "A port protocol other than TCP, UDP or SCTP",
            "The protocol is case-sensitive and must be TCP, UDP or SCTP."),
    INVALID_PORT(Group.API_SERVER, "invalid-port", Severity.ERROR, "A port number outside 1-65535", "A numeric port must be 1 to 65535."),
    INVALID_PORT_NAME(Group.API_SERVER, "invalid-port-name", Severity.ERROR, "A port name that is not an IANA service name",
            "A named port is 1-15 lower-case letters, digits and `-`, with at least one letter, no `--` and no `-` at "
                    + "either end."),
    END_PORT_WITHOUT_PORT(Group.API_SERVER, "end-port-without-port", Severity.ERROR, "endPort without port",
            "endPort closes a range that port opens; without a numeric port it is rejected."),
    END_PORT_WITH_NAMED_PORT(Group.API_SERVER, "end-port-with-named-port", Severity.ERROR, "endPort with a named port",
            "A range needs a numeric port; with a named port endPort is rejected."),
    INVALID_END_PORT(Group.API_SERVER, "invalid-end-port", Severity.ERROR, "An endPort outside 1-65535 or below port",
            "endPort must be 1 to 65535 and at least port."),
    SELECTOR_VALUES_REQUIRED(Group.API_SERVER, "selector-values-required", Severity.ERROR, "In or NotIn without values",
            "The operators In and NotIn need at least one value."),
    SELECTOR_VALUES_FORBIDDEN(Group.API_SERVER, "selector-values-forbidden", Severity.ERROR, "Exists or DoesNotExist with values",
            "The operators Exists and DoesNotExist take no values."),
    INVALID_SELECTOR_OPERATOR(Group.API_SERVER, "invalid-selector-operator", Severity.ERROR, "A selector operator the API server rejects",
            "The operator is case-sensitive and must be In, NotIn, Exists or DoesNotExist."),
    EMPTY_PEER(Group.API_SERVER, "empty-peer", Severity.ERROR, "A peer without podSelector, namespaceSelector or ipBlock",
            "An item of from/to must specify a peer; to allow every peer, omit from/to instead."),
    IPBLOCK_WITH_OTHER_PEER(Group.API_SERVER, "ipblock-with-other-peer", Severity.ERROR, "ipBlock and a selector in one peer",
            "A peer may not combine ipBlock with podSelector or namespaceSelector."),
    TOO_MANY_POLICY_TYPES(Group.API_SERVER, "too-many-policy-types", Severity.ERROR, "More than two policyTypes",
            "policyTypes lists at most Ingress and Egress."),
    INVALID_POLICY_TYPE(Group.API_SERVER, "invalid-policy-type", Severity.ERROR, "A policy type other than Ingress or Egress",
            "The policy type is case-sensitive and must be Ingress or Egress."),
    MISSING_CIDR(Group.API_SERVER, "missing-cidr", Severity.ERROR, "An ipBlock without cidr", "An ipBlock needs a cidr."),
    INVALID_CIDR(Group.API_SERVER, "invalid-cidr", Severity.ERROR, "An ipBlock cidr or except that is not a CIDR",
            "The cidr and every except entry must be an IPv4 or IPv6 address and a prefix length, such as 10.0.0.0/16."),
    NON_CANONICAL_CIDR(Group.API_SERVER, "non-canonical-cidr", Severity.WARNING, "A CIDR written in a non-standard form",
            "Bits set beyond the prefix (`10.1.2.3/8` means `10.0.0.0/8`) or an IPv4-mapped IPv6 form "
                    + "(`::ffff:10.0.0.0/104` means `10.0.0.0/8`): the API server accepts it with a warning, and rejects "
                    + "it with strict CIDR validation."),
    EXCEPT_NOT_SUBSET(Group.API_SERVER, "except-not-subset", Severity.ERROR, "An except entry that is not a strict subset of the cidr",
            "Every except entry must lie inside the cidr, in the same family, with a longer prefix."),
    UNKNOWN_FIELD(Group.API_SERVER, "unknown-field", Severity.ERROR, "A field the schema does not know",
            "As with `kubectl apply --validate=strict`, an unknown field is an error (a warning in workloads, of which "
                    + "the plugin reads only labels and ports); usually a typo that silently drops a setting."),
    MISSING_FIELD(Group.API_SERVER, "missing-field", Severity.ERROR, "A required field is missing",
            "The CRD schema of a ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy requires the "
                    + "field (for example spec.priority, spec.subject, a rule's action and from/to)."),
    UNSUPPORTED_VALUE(Group.API_SERVER, "unsupported-value", Severity.ERROR, "A value the CRD schema does not allow",
            "The field takes one of a few words (an action Accept, Deny or Pass; a tier Admin or Baseline; v1alpha1 "
                    + "actions Allow, Deny, Pass), case-sensitive."),
    VALUE_OUT_OF_RANGE(Group.API_SERVER, "value-out-of-range", Severity.ERROR, "A number outside the range the CRD schema allows",
            "For example a priority outside 0-1000 or a port outside 1-65535."),
    INVALID_LENGTH(Group.API_SERVER, "invalid-length", Severity.ERROR, "A string longer or shorter than the CRD schema allows",
            "For example a rule name over 100 characters, or a CIDR over 43."),
    INVALID_ITEM_COUNT(Group.API_SERVER, "invalid-item-count", Severity.ERROR, "A list with fewer or more items than the CRD schema allows",
            "For example an empty from/to/networks list (at least one item), or more than 25 rules, peers or CIDRs "
                    + "in a ClusterNetworkPolicy (100 rules, peers or ports in v1alpha1)."),
    ONE_FIELD_REQUIRED(Group.API_SERVER, "one-field-required", Severity.ERROR, "Not exactly one field where the CRD schema wants one",
            "A subject, a peer and a port item each set exactly one of their fields (for example namespaces or pods); "
                    + "two in one item, or none, is rejected."),
    PATTERN_MISMATCH(Group.API_SERVER, "pattern-mismatch", Severity.ERROR, "A string that does not match the CRD schema's pattern",
            "For example a domain name that is not a DNS name, or has a `*` other than as its first label."),
    DUPLICATE_ITEM(Group.API_SERVER, "duplicate-item", Severity.ERROR, "The same value twice in a list that is a set",
            "networks and domainNames are sets: each value may appear once."),
    INVALID_PORT_RANGE(Group.API_SERVER, "invalid-port-range", Severity.ERROR, "A port range whose start is not below its end",
            "A ClusterNetworkPolicy range needs start < end (CRD rule). An AdminNetworkPolicy portRange with start > end "
                    + "is accepted by the API server but matches ports no implementation agrees on, so it is refused too."),
    NAMED_PORT_WITH_ADDRESS_PEER(Group.API_SERVER, "named-port-with-address-peer", Severity.ERROR,
            "A named port in a rule whose peers include networks, nodes or domainNames",
            "Addresses, nodes and domain names have no named ports; the CRD's rule (experimental channel) rejects the "
                    + "combination."),
    BASELINE_NAME_NOT_DEFAULT(Group.API_SERVER, "baseline-name-not-default", Severity.ERROR,
            "A BaselineAdminNetworkPolicy not named default",
            "The BaselineAdminNetworkPolicy is a singleton: the CRD's rule requires metadata.name: default."),
    VALIDATION_RULES_NOT_CHECKED(Group.API_SERVER, "validation-rules-not-checked", Severity.INFO,
            "The CRD's rules were not checked because of other errors",
            "Like the API server, the CEL rules of a CRD are evaluated only when the schema errors that block them "
                    + "(missing fields, unsupported values, too long, too many, wrong types) are fixed."),
    DOMAIN_NAMES_IN_DENY_RULE(Group.API_SERVER, "domain-names-in-deny-rule", Severity.ERROR,
            "domainNames in a Deny or Pass rule",
            "domainNames are supported only for Accept rules; the CRD does not enforce it, so what an implementation "
                    + "does with such a rule is undefined and the analysis refuses to guess."),
    CILIUM_AGENT_REJECTS(Group.API_SERVER, "cilium-agent-rejects", Severity.ERROR,
            "A Cilium policy the Cilium agent refuses",
            "The API server stores it, but the Cilium agent's own checks (`pkg/policy/api` validation) refuse the "
                    + "whole CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy: none of its allows, denies or "
                    + "isolation is enforced, and only the policy's `Valid` status condition says so. The message "
                    + "quotes Cilium's reason; where it depends on the agent's configuration, it names the flag.",
            "Correct the rule as the message says (split a rule that combines peer kinds, add the port, ...)."),
    DUPLICATE_OBJECT(Group.API_SERVER, "duplicate-object", Severity.ERROR, "Two objects of the same kind, namespace and name",
            "The second would replace the first, so which one is meant is ambiguous; an identical copy is only a warning."),

    // ---- lint rules (validate.lint); docs/rules.md shows each with an example ----

    SEPARATE_NAMESPACE_AND_POD_SELECTOR(Group.LINT, "separate-namespace-and-pod-selector", Severity.WARNING,
            "A `namespaceSelector` item and a `podSelector` item in the same peer list, which look meant as one peer",
            "Two list items are OR-ed: the rule allows every pod of the selected namespaces and, separately, the selected pods of the policy's namespace. One item with both fields means pods matching both."),
    EMPTY_PEER_LIST(Group.LINT, "empty-peer-list", Severity.WARNING,
            "`from: []` or `to: []` in a rule that lists ports",
            "An empty peer list means every peer, including addresses outside the cluster, not no peer. Deleting the last peer of a list silently opens the ports to everyone."),
    OMITTED_PEER_LIST(Group.LINT, "omitted-peer-list", Severity.INFO,
            "A rule that lists ports but no `from`/`to`, so it allows those ports from (to) everywhere",
            "Without peers a rule matches every pod in every namespace and every external address. That is right for a public port, but often the peers were forgotten."),
    ALLOW_ALL_RULE(Group.LINT, "allow-all-rule", Severity.WARNING,
            "A rule with no peers and no ports (`ingress: [{}]`, `egress: [{}]`, `- from: []`), which allows all traffic",
            "It allows every protocol and port from (to) everywhere, so the policy's isolation has no effect for the pods it selects; an empty list looks restrictive but is the widest possible rule."),
    NAMESPACE_SELECTOR_ALL_NAMESPACES(Group.LINT, "namespace-selector-all-namespaces", Severity.WARNING,
            "A peer `namespaceSelector: {}` with no (or an empty) `podSelector`: every pod in every namespace",
            "It admits every pod of the cluster, including namespaces created later; usually one namespace (by `kubernetes.io/metadata.name`) or one workload was meant."),
    NAMESPACE_SELECTED_BY_CUSTOM_LABEL(Group.LINT, "namespace-selected-by-custom-label", Severity.INFO,
            "A `namespaceSelector` that does not use `kubernetes.io/metadata.name`",
            "A custom label is mutable: anyone allowed to update Namespace labels can opt a namespace in. The control plane sets `kubernetes.io/metadata.name` itself and nobody can change it."),
    IPBLOCK_ANY_ADDRESS(Group.LINT, "ipblock-any-address", Severity.WARNING,
            "An `ipBlock` of `0.0.0.0/0` or `::/0`",
            "It matches the whole internet and, depending on the network plugin, pods and nodes too. Name the external ranges that are really needed."),
    IPBLOCK_SHORT_PREFIX(Group.LINT, "ipblock-short-prefix", Severity.WARNING,
            "An `ipBlock` whose prefix is shorter than `netpol.minPrefixLengthV4` (default 8) or `netpol.minPrefixLengthV6` (default 32)",
            "A block such as `0.0.0.0/1` or `10.0.0.0/4` covers a large part of the address space, usually far more than the peer that was meant, and may cover pods and nodes."),
    IPBLOCK_OVERLAPS_POD_CIDR(Group.LINT, "ipblock-overlaps-pod-cidr", Severity.WARNING,
            "An `ipBlock` overlapping the configured pod CIDR (`netpol.podCidrs`)",
            "Kubernetes leaves it to the network plugin whether ipBlocks match pod IPs, and pod IPs are ephemeral; the policy means different things on different clusters."),
    IPBLOCK_OVERLAPS_SERVICE_CIDR(Group.LINT, "ipblock-overlaps-service-cidr", Severity.WARNING,
            "An `ipBlock` overlapping the configured Service CIDR (`netpol.serviceCidrs`)",
            "Policies act after Service translation; an ipBlock of ClusterIPs is unreliable and usually matches nothing."),
    IPBLOCK_OVERLAPS_NODE_CIDR(Group.LINT, "ipblock-overlaps-node-cidr", Severity.WARNING,
            "An `ipBlock` overlapping the configured node CIDR (`netpol.nodeCidrs`)",
            "Node IPs are shared by every hostNetwork pod and node daemon, so a block covering them admits more than it seems; traffic from the local node is always allowed anyway."),
    CIDR_HOST_BITS(Group.LINT, "cidr-host-bits", Severity.WARNING,
            "An `ipBlock` `cidr` or `except` with bits set beyond the prefix, such as `10.1.2.3/8`",
            "Kubernetes reads it as the whole network (`10.0.0.0/8`), not the host that was probably meant, and rejects it when strict CIDR validation is on."),
    REDUNDANT_IPBLOCK_EXCEPT(Group.LINT, "redundant-ipblock-except", Severity.INFO,
            "An `ipBlock.except` entry that another entry of the same block already contains",
            "The API server accepts overlapping entries; the inner one changes nothing and suggests the author meant a different range."),
    INGRESS_RULES_IGNORED(Group.LINT, "ingress-rules-ignored", Severity.WARNING,
            "`ingress` rules in a policy whose explicit `policyTypes` lacks `Ingress`",
            "Kubernetes accepts the policy and silently ignores those rules, so the traffic they describe is not governed by this policy at all."),
    EGRESS_RULES_IGNORED(Group.LINT, "egress-rules-ignored", Severity.WARNING,
            "`egress` rules in a policy whose explicit `policyTypes` lacks `Egress`",
            "Kubernetes accepts the policy and silently ignores those rules, so the traffic they describe is not governed by this policy at all."),
    POLICY_TYPES_OMITTED(Group.LINT, "policy-types-omitted", Severity.INFO,
            "A policy without `policyTypes`",
            "Kubernetes derives `[Ingress]`, plus `Egress` when egress rules exist. Deleting the last egress rule later silently lifts egress isolation; explicit types make the intent survive edits."),
    UDP_PORT_DEFAULTS_TO_TCP(Group.LINT, "udp-port-defaults-to-tcp", Severity.WARNING,
            "A port of a UDP service (53, 123, 161, 514, ...) written without `protocol`",
            "An omitted protocol means TCP, so the rule allows TCP only and the UDP traffic (DNS lookups above all) stays blocked."),
    PORT_ENTRY_ALL_TCP(Group.LINT, "port-entry-all-tcp", Severity.WARNING,
            "A `ports` item with neither `port` nor `protocol` (`ports: [{}]`)",
            "Protocol defaults to TCP, so it means every TCP port: UDP and SCTP stay blocked, and it is wider than any single port. Omitting `ports` altogether would mean every protocol."),
    WIDE_PORT_RANGE(Group.LINT, "wide-port-range", Severity.WARNING,
            "A `port`..`endPort` range wider than `netpol.maxPortRange` ports (default 1024)",
            "A wide range opens far more than the service needs; a network plugin without `endPort` support enforces only the first port, so the range also behaves differently across clusters."),
    NAMED_PORT_ON_IPBLOCK(Group.LINT, "named-port-on-ipblock", Severity.WARNING,
            "An egress rule with a named port whose only peers are `ipBlock`s",
            "A named port is looked up on the destination pod; an address outside the cluster has no named ports, so the rule matches nothing."),
    SCTP_PROTOCOL(Group.LINT, "sctp-protocol", Severity.INFO,
            "A port with `protocol: SCTP`",
            "Not every network plugin enforces SCTP rules; check that the cluster's does before relying on them."),
    MISSING_NAMESPACE(Group.LINT, "missing-namespace", Severity.WARNING,
            "A NetworkPolicy without `metadata.namespace`",
            "It lands in whatever namespace `kubectl` is pointed at, so it protects different pods depending on who applies it."),
    REQUIRED_ISOLATION(Group.LINT, "required-isolation", Severity.ERROR,
            "A namespace in `netpol.requireIsolation` (default: every namespace declared or used) without default-deny for `netpol.requireIsolationDirections` (default `ingress`)",
            "Without a policy selecting every pod, a new workload starts fully open. A default-deny (`podSelector: {}`) makes every allow explicit. An Admin- or Baseline-tier `Deny` whose subject selects every pod of the namespace and whose rule matches every peer (`namespaces: {}` for ingress, `networks` covering `0.0.0.0/0` and `::/0` for egress) on every port counts as well; a Deny only some pods, peers or ports hit does not, and the message names each such Deny and what it lacks."),
    POLICY_SELECTS_NO_WORKLOAD(Group.LINT, "policy-selects-no-workload", Severity.WARNING,
            "A policy whose `spec.podSelector` matches no workload declared in its namespace (quiet when the namespace declares none)",
            "Usually a label typo: the policy protects nothing and gives false confidence."),
    PEER_POD_SELECTOR_MATCHES_NOTHING(Group.LINT, "peer-pod-selector-matches-nothing", Severity.WARNING,
            "A peer `podSelector` (without `namespaceSelector`) that matches no workload declared in the policy's namespace",
            "The intended allow is dead, usually through a label typo; the real client is then blocked or someone widens the rule to make it work."),
    NAMESPACE_SELECTOR_MATCHES_NOTHING(Group.LINT, "namespace-selector-matches-nothing", Severity.WARNING,
            "A peer `namespaceSelector` that matches no namespace the repository declares or uses (quiet when it declares no Namespace)",
            "Typically `name: web` instead of `kubernetes.io/metadata.name: web`, or a label nobody sets: the allow is dead. Selecting only by `kubernetes.io/metadata.name` stays quiet: that may name a namespace kept elsewhere, such as kube-system."),
    NAMED_PORT_NOT_DECLARED(Group.LINT, "named-port-not-declared", Severity.WARNING,
            "A named port that no selected (ingress) or destination (egress) workload declares with that name and protocol",
            "A named port resolves per pod; if no pod names a container port so, the rule matches nothing. Quiet when those workloads are not declared in the repository."),
    NUMERIC_PORT_NOT_DECLARED(Group.LINT, "numeric-port-not-declared", Severity.INFO,
            "An ingress port number that no selected workload declares as a container port (when they declare ports at all)",
            "The rule is probably stale (the service moved to another port) or has a typo; it opens a port nothing listens on, which may later be taken by something else."),
    WORKLOAD_NOT_ISOLATED_INGRESS(Group.LINT, "workload-not-isolated-ingress", Severity.WARNING,
            "A declared workload that no policy with `Ingress` in its (defaulted) `policyTypes` selects",
            "Until some policy selects a pod for ingress, all its ingress traffic is allowed. An Admin- or Baseline-tier `Deny` of every peer and port whose subject selects the pod counts too."),
    WORKLOAD_NOT_ISOLATED_EGRESS(Group.LINT, "workload-not-isolated-egress", Severity.INFO,
            "A declared workload that no policy with `Egress` in its (defaulted) `policyTypes` selects",
            "Until some policy selects a pod for egress, all its egress traffic is allowed. An Admin- or Baseline-tier `Deny` of every peer and port whose subject selects the pod counts too."),
    NAMESPACE_WITHOUT_POLICY(Group.LINT, "namespace-without-policy", Severity.INFO,
            "A namespace (declared, or holding workloads) without any NetworkPolicy",
            "Every pod in it accepts and sends any traffic, an easy path for lateral movement. `required-isolation` is the stricter, configurable form of this check."),
    EGRESS_DNS_BLOCKED(Group.LINT, "egress-dns-blocked", Severity.WARNING,
            "Pods isolated for egress without any egress rule allowing DNS (port 53 over UDP and TCP)",
            "Name resolution breaks: UDP 53 for ordinary lookups, TCP 53 for large answers. Allow both, ideally only to the cluster DNS pods."),
    SHADOWED_RULE(Group.LINT, "shadowed-rule", Severity.INFO,
            "A rule that allows nothing another rule for the same pods does not already allow",
            "Redundant rules are noise that hides intent; when the wider rule is later narrowed the redundant one silently keeps the old access."),
    HOST_NETWORK_WORKLOAD_SELECTED(Group.LINT, "host-network-workload-selected", Severity.WARNING,
            "A `hostNetwork: true` workload selected by a policy or matched by a pod peer",
            "Kubernetes leaves policy for hostNetwork pods undefined; most network plugins ignore them and treat their traffic as node traffic, so the policy neither protects nor matches them reliably."),
    TIER_PRIORITY_OVERLAP(Group.LINT, "tier-priority-overlap", Severity.WARNING,
            "Two ClusterNetworkPolicies or AdminNetworkPolicies of one tier and priority (or the BaselineAdminNetworkPolicy and a Baseline-tier ClusterNetworkPolicy) whose subjects and rules can both match one connection",
            "The API leaves the order of such policies undefined: an implementation may apply either rule first, connection by connection, so whether the connection is accepted, denied or passed on depends on the implementation. `check` analyses both orders and counts the connection as possibly allowed. Pod addresses inside `networks`, node addresses and where a named port resolves are not counted as a match."),
    TIER_SHADOWED_RULE(Group.LINT, "tier-shadowed-rule", Severity.WARNING,
            "A tier rule that never decides a connection: an earlier rule of the same policy, or a rule of a policy of the same tier with a lower priority number whose subject covers its own, matches everything it matches",
            "The earlier rule decides (or passes on) every connection the later one would, so the later one is dead: with a different action it does not do what it says, with the same action it is noise that keeps old access when the earlier rule is narrowed. Only what the manifests decide counts (selectors, CIDRs, port ranges, names); the BaselineAdminNetworkPolicy, whose place among Baseline-tier policies is undefined, is not compared across policies."),
    TIER_PASS_TO_DEFAULT_ALLOW(Group.LINT, "tier-pass-to-default-allow", Severity.WARNING,
            "A `Pass` rule with nothing below it: in the Baseline tier always, in the Admin tier when no NetworkPolicy of the subject's namespaces isolates that direction and no Baseline-tier policy has rules for its pods",
            "A Pass skips the rest of its tier. In the Baseline tier, where v1alpha2 allows it, only the default allow is left; in the Admin tier with nothing in the lower tiers the same happens. The Pass then acts as an Accept, which is rarely what delegating means. The BaselineAdminNetworkPolicy has no Pass: the CRD rejects one, as it rejects a BaselineAdminNetworkPolicy not named `default`."),
    TIER_V1ALPHA1_DUPLICATE(Group.LINT, "tier-v1alpha1-duplicate", Severity.WARNING,
            "A rule of a v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy that a v1alpha2 ClusterNetworkPolicy of the same tier already expresses: same subject, peers, ports and action",
            "A cluster that serves both versions applies both, and two copies of one intent drift apart when only one is edited; a cluster that serves only one version ignores the other. Keep one: once the clusters run v1alpha2, delete the v1alpha1 object."),
    CILIUM_SELECTS_NOTHING(Group.LINT, "cilium-selects-nothing", Severity.WARNING,
            "A Cilium rule whose `endpointSelector` selects none of the declared workloads of the namespaces it selects (a CiliumNetworkPolicy: its own namespace)",
            "The rule protects nothing and allows nothing: usually a label typo, or a selector written for other pods. Not judged: a selector of namespaces the repository holds no workload of (kept elsewhere), one by namespace label while a namespace with workloads is not declared, keys the plugin does not model (service accounts, clusters, labels Cilium's identity filter drops) and `reserved:` entities."),
    CILIUM_CLUSTERWIDE_NO_NAMESPACE(Group.LINT, "cilium-clusterwide-no-namespace", Severity.WARNING,
            "A CiliumClusterwideNetworkPolicy rule whose `endpointSelector` has no namespace key (`io.kubernetes.pod.namespace` or `io.cilium.k8s.namespace.labels.*`)",
            "It selects pods of every namespace, kube-system and the other system namespaces included, so a default deny or an allow meant for one team reaches the cluster's own components too. Scope it with a namespace key, or exclude the system namespaces explicitly."),
    CILIUM_L7_ONLY_RULE(Group.LINT, "cilium-l7-only-rule", Severity.INFO,
            "A Cilium allow rule whose every `toPorts` item carries L7 `rules` (http, dns, kafka, l7)",
            "Its ports are opened at L4 to Cilium's proxy, and which requests pass is decided only by the proxy: the rules hold only where the agent's L7 proxy runs, and what reaches the pods depends on the proxy, not on the L3/L4 policy, so at L3/L4 such ports are only possibly allowed. Deny sections cannot carry L7 rules (validation rejects them)."),
    CILIUM_ENTITY_WORLD_ALL(Group.LINT, "cilium-entity-world-all", Severity.WARNING,
            "A Cilium allow rule with the entity `all` (in `toEntities` or `fromEntities`), or `world` (`world-ipv4`, `world-ipv6`) in `fromEntities`",
            "`all` is every endpoint and every address inside and outside the cluster; `world` in an ingress rule lets every address outside the cluster connect. Name the peers instead: `fromCIDRSet`/`toCIDRSet` with the external ranges, `cluster` or endpoint selectors for the cluster."),
    CILIUM_DENY_OVERRIDES_ALLOW(Group.LINT, "cilium-deny-overrides-allow", Severity.WARNING,
            "A Cilium allow item that a deny item of the same rule denies entirely",
            "A Cilium deny beats every allow (of Cilium policies and NetworkPolicies alike). A deny of the same rule that matches every peer the allow names (the entity `all`, no peer with ports, or the same peers) on every port the allow opens leaves the allow nothing: it never lets a connection through, and the policy does not do what it reads as. Narrow the deny to what must not pass, or remove the allow."),
    CILIUM_DENY_OVERRIDES_NOTHING(Group.LINT, "cilium-deny-overrides-nothing", Severity.INFO,
            "A Cilium deny item with no allow in the sources to override",
            "Its rule already puts the pods in default deny for the direction, and no Cilium allow for that direction in a policy that can select them, nor a NetworkPolicy rule in their namespace, could let a connection through: what the deny denies is denied anyway. It protects against nothing written and reads as if something else were open. Remove it, or write the allow it was meant to carve an exception from; keep it if an allow elsewhere is meant to be overridden."),
    UNUSED_SUPPRESSION(Group.LINT, "unused-suppression", Severity.WARNING,
            "A netpol.io/ignore entry that suppresses nothing",
            "The rule no longer fires on the object, is turned off, or the entry names no rule; a stale suppression "
                    + "would hide the rule if it fired again.",
            "Remove the entry from the object's netpol.io/ignore annotation."),
    SUPPRESSION_WITHOUT_REASON(Group.LINT, "suppression-without-reason", Severity.WARNING,
            "A netpol.io/ignore annotation without netpol.io/ignore-reason",
            "A suppression should say why the finding does not apply, for the next reader.",
            "Add the annotation netpol.io/ignore-reason with the reason."),

    // ---- changes between the baseline and the current version (diff) ----

    WIDENED_INGRESS(Change.WIDENING, "WIDENED_INGRESS/{namespace}/{policy}", Severity.ERROR,
            "A policy change allows new incoming connections",
            "Some connection now passes the ingress side of a destination pod that did not pass it in the baseline. "
                    + "Each direction is judged on its own, so this is reported even while an egress policy still blocks it (latent)."),
    WIDENED_EGRESS(Change.WIDENING, "WIDENED_EGRESS/{namespace}/{policy}", Severity.ERROR,
            "A policy change allows new outgoing connections",
            "Some connection now passes the egress side of a source pod that did not pass it in the baseline. "
                    + "Each direction is judged on its own, so this is reported even while an ingress policy still blocks it (latent)."),
    WIDENED_CONNECTION(Change.WIDENING, "WIDENED_CONNECTION/{source workload}->{destination workload}", Severity.ERROR,
            "Two declared workloads can now connect",
            "A connection between two workloads declared in the repository (or a workload and an external range) "
                    + "is allowed now and was not in the baseline, possibly only because pod or namespace labels changed. "
                    + "With ClusterNetworkPolicies, AdminNetworkPolicies or a BaselineAdminNetworkPolicy, which this "
                    + "comparison does not evaluate yet, each changed workload fails closed with {workload}->*."),
    ISOLATION_DROPPED(Change.ISOLATION, "ISOLATION_DROPPED/{namespace}/{policy}/{direction}", Severity.ERROR,
            "Pods lost their isolation",
            "Some pods that were isolated for a direction (selected by a policy of that type) are not any more, "
                    + "for example because a default-deny policy was deleted."),
    NARROWED_INGRESS(Change.NARROWING, "NARROWED_INGRESS/{namespace}", Severity.INFO,
            "A policy change removes incoming connections",
            "Some connection passed the ingress side in the baseline and does not any more. Reported for information; never fails the build."),
    NARROWED_EGRESS(Change.NARROWING, "NARROWED_EGRESS/{namespace}", Severity.INFO,
            "A policy change removes outgoing connections",
            "Some connection passed the egress side in the baseline and does not any more. Reported for information; never fails the build."),
    ISOLATION_ADDED(Change.NARROWING, "ISOLATION_ADDED/{namespace}/{direction}", Severity.INFO,
            "Pods are newly isolated",
            "Some pods that no policy of a direction selected in the baseline are selected now, so only what the "
                    + "policies allow reaches them (or leaves them). Reported for information; never fails the build."),
    UNSUPPORTED_POLICY_KIND(Change.UNSUPPORTED, "UNSUPPORTED_POLICY_KIND/{namespace or cluster}/{kind}/{name}", Severity.ERROR,
            "A manifest changes connectivity in a way that is not analysed",
            "The sources hold a policy kind (for example CiliumNetworkPolicy, or an AdminNetworkPolicy of an apiVersion "
                    + "other than v1alpha1) that changes "
                    + "connectivity but is not analysed, so the check fails closed.",
            "Remove the manifest from the sources, or review it by hand and accept that object as it is now with "
                    + "the entry the finding prints (its id, digest and an expiry date); a change to the object "
                    + "fails the check again."),

    MESH_POLICY_NOT_ANALYSED(Group.CHECK, "MESH_POLICY_NOT_ANALYSED",
            "MESH_POLICY_NOT_ANALYSED/{namespace or cluster}/{kind}/{name}", Severity.INFO,
            "A service mesh's authorization policy, not analysed",
            "The sources hold an authorization policy a service mesh enforces (Istio, Linkerd). It applies to traffic "
                    + "the network policies already let through, so it can only narrow what they allow: not analysing it "
                    + "cannot hide a widening.",
            "Nothing to do; the connections reported are what the network lets through before the mesh decides."),

    // ---- the check itself (gate) ----

    NO_BASELINE(Group.CHECK, "no-baseline", Severity.WARNING, "Nothing to compare with",
            "Nothing was compared: the project is proven to have no earlier release (complete git history without "
                    + "an earlier tag, every repository answered without one), or netpol.baseline=none was chosen. An "
                    + "error with netpol.failIfNoBaseline=true; any other reason for having no baseline fails the check.",
            "Set netpol.baseline to a release, a git ref or dir:<path>; set netpol.failIfNoBaseline=true once released."),
    ENVIRONMENT_ADDED(Group.CHECK, "environment-added", Severity.WARNING, "An environment the baseline does not have",
            "A rendered environment (or the plain sources) has no counterpart of the same name in the baseline, so it "
                    + "is not compared this time: a new environment is not a widening of another one. An error with "
                    + "netpol.failIfNoBaseline=true.",
            "Nothing to do for a new environment; the next release compares it. If it was renamed, keep its name "
                    + "(<name> in <renders>) so that it is compared."),
    ENVIRONMENT_REMOVED(Group.CHECK, "environment-removed", Severity.WARNING, "An environment the sources no longer have",
            "The baseline has a rendered environment (or plain sources) that the current build does not render or "
                    + "read, so it is not compared.",
            "Nothing to do if the environment was retired; if it was renamed, keep its name (<name> in <renders>)."),
    ACCEPTED_FILE(Group.CHECK, "accepted-file", Severity.ERROR, "A malformed accepted-changes file",
            "The accepted-changes file (netpol.accepted) must be a top-level `accepted:` list of entries with an id, "
                    + "a reason and an optional expiry date; a malformed file fails the check rather than being ignored.",
            "Fix the file at the place shown."),
    UNUSED_ACCEPTANCE(Group.CHECK, "unused-acceptance", Severity.WARNING, "An accepted change that matches no finding",
            "The entry accepts a change this check no longer reports; left in place it would accept the change "
                    + "again if it came back.",
            "Remove the entry from the accepted-changes file."),

    // ---- connectivity assertions (test) ----

    ASSERTION_FILE(Group.ASSERTION, "assertion-file", Severity.ERROR, "A malformed assertion file",
            "An assertion file under netpol.testSources is not a `tests:` list of {name, from, to, expect} as "
                    + "documented; the test goal fails rather than skip it.",
            "Fix the file at the place shown."),
    ASSERTION_PASSED(Group.ASSERTION, "assertion-passed", "{assertion name}", Severity.INFO, "An assertion holds",
            "The assertion was proved over every pod it describes.", "Nothing to do."),
    ASSERTION_FAILED(Group.ASSERTION, "assertion-failed", "{assertion name}", Severity.ERROR, "An assertion does not hold",
            "A connection the assertion forbids is allowed, or one it requires is denied; the message gives a "
                    + "counterexample and the policies that decide it.",
            "Change the policies, or the assertion if the expectation was wrong.");

    /** The part of the plugin that reports a code, in the order the documentation lists them. */
    public enum Group {
        LOAD("Reading the manifests", "The files cannot be read as manifests; every goal that reads them fails."),
        RENDER("Rendered sources", "Kustomize directories and Helm charts are rendered before they are read (a render "
                + "that fails fails the goal with its reason); these findings concern sources that are not rendered."),
        API_SERVER("What the API server rejects", "The Kubernetes API server would reject the manifest (errors) or warn "
                + "about it (warnings); `validate` reports them and the goals that analyse refuse to judge such manifests."),
        LINT("Lint rules", "Manifests Kubernetes accepts but that are almost always mistakes (`validate`); "
                + "[docs/rules.md](rules.md) shows each with an example."),
        CHANGE("Changes against the baseline", "What `check` finds by comparing what the policies allow with the baseline."),
        CHECK("The check", "About the check itself: its baseline and its accepted-changes file."),
        ASSERTION("Connectivity assertions", "The `test` goal's assertions and their files.");

        private final String title;
        private final String description;

        Group(String title, String description) {
            this.title = title;
            this.description = description;
        }

        public String title() {
            return title;
        }

        public String description() {
            return description;
        }
    }

    /** What a change between two versions does to access; the check's fail policy decides by it. */
    public enum Change { WIDENING, ISOLATION, NARROWING, UNSUPPORTED }

    /** How a finding of a code is made to stop failing the build, other than by fixing its cause. */
    public enum Handling {
        FIX("Cannot be accepted or suppressed: fix its cause. `netpol.failOnSeverity` decides whether warnings fail "
                + "the build."),
        LINT("Set the rule's severity (`off` turns it off) with `<rules>` or `-Dnetpol.rules=id:severity`, or "
                + "suppress it for one object with the annotations `netpol.io/ignore` and `netpol.io/ignore-reason`."),
        ACCEPT("Accept an intended change with its finding id, a reason and an optional expiry date in the "
                + "accepted-changes file (`netpol.accepted`); `netpol.failOn` chooses which kinds fail."),
        INFORMATION("Information only; it never fails the build.");

        private final String text;

        Handling(String text) {
            this.text = text;
        }

        /** One or two sentences for the documentation. */
        public String text() {
            return text;
        }
    }

    private static final String GATE_HELP = "If the change is not intended, change the policy back so it allows no "
            + "more than the baseline. If it is intended, add the finding id with a reason to the accepted changes file "
            + "(netpol-accepted.yaml): `- id: <finding id>` and `reason: \"...\"`.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

    private final Group group;
    private final String id;
    private final String idPattern;
    private final Severity defaultSeverity;
    private final String title;
    private final String description;
    private final String help;
    private final Change change;

    /** A code whose findings carry it as their id. */
    FindingCode(Group group, String id, Severity severity, String title, String description) {
        this(group, id, id, severity, title, description, null, null);
    }

    FindingCode(Group group, String id, Severity severity, String title, String description, String help) {
        this(group, id, id, severity, title, description, help, null);
    }

    FindingCode(Group group, String id, String idPattern, Severity severity, String title, String description,
                String help) {
        this(group, id, idPattern, severity, title, description, help, null);
    }

    /** A change between two versions; the id is the pattern's first part. */
    FindingCode(Change change, String idPattern, Severity severity, String title, String description) {
        this(change, idPattern, severity, title, description, change == Change.NARROWING
                ? "Nothing to do unless the narrowing is not intended." : GATE_HELP);
    }

    FindingCode(Change change, String idPattern, Severity severity, String title, String description, String help) {
        this(Group.CHANGE, idPattern.substring(0, idPattern.indexOf('/')), idPattern, severity, title, description,
                help, change);
    }

    FindingCode(Group group, String id, String idPattern, Severity severity, String title, String description,
                String help, Change change) {
        this.group = group;
        this.id = id;
        this.idPattern = idPattern;
        this.defaultSeverity = severity;
        this.title = title;
        this.description = description;
        this.help = help;
        this.change = change;
    }

    /** The code as reports write it: {@code invalid-cidr}, {@code cidr-host-bits}, {@code WIDENED_INGRESS}. */
    public String id() {
        return id;
    }

    public Group group() {
        return group;
    }

    /** How the ids of its findings are built, e.g. {@code WIDENED_INGRESS/{namespace}/{policy}}; the code itself for most. */
    public String idPattern() {
        return idPattern;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One line: what it catches. */
    public String title() {
        return title;
    }

    /** What it means and why it matters, a sentence or two. */
    public String description() {
        return description;
    }

    /** What to do about a finding of this code. */
    public String help() {
        if (help != null) {
            return help;
        }
        return switch (handling()) {
            case LINT -> "See docs/rules.md (rule " + id + ") for a before/after example; suppress one object with the"
                    + " annotation netpol.io/ignore: \"" + id + "\" and netpol.io/ignore-reason.";
            case FIX -> "Fix the manifest at the place shown; the message says what is expected there.";
            default -> GATE_HELP;
        };
    }

    /** How a finding of this code is accepted or suppressed. */
    public Handling handling() {
        if (group == Group.LINT) {
            return Handling.LINT;
        }
        if (defaultSeverity == Severity.INFO) {
            return Handling.INFORMATION;
        }
        return group == Group.CHANGE ? Handling.ACCEPT : Handling.FIX;
    }

    /**
     * A finding about one object rather than a change between versions (a policy kind that is not analysed):
     * accepting it accepts that object as reviewed, so the acceptance carries the object's digest and an expiry.
     */
    public boolean aboutOneObject() {
        return change == Change.UNSUPPORTED;
    }

    /** What the change does to access, for codes of the {@link Group#CHANGE} group. */
    public Optional<Change> change() {
        return Optional.ofNullable(change);
    }

    /**
     * The id of one finding: the pattern with its placeholders filled in order, e.g.
     * {@code WIDENED_INGRESS.findingId("payments", "allow-api")} is {@code WIDENED_INGRESS/payments/allow-api}.
     *
     * @throws IllegalArgumentException when the number of values differs from the pattern's placeholders
     */
    public String findingId(String... values) {
        Matcher m = PLACEHOLDER.matcher(idPattern);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i == values.length) {
                throw new IllegalArgumentException(idPattern + " needs more than " + values.length + " values");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(values[i++]));
        }
        m.appendTail(out);
        if (i != values.length) {
            throw new IllegalArgumentException(idPattern + " takes " + i + " values, not " + Arrays.toString(values));
        }
        return out.toString();
    }

    /** The code reports spell so, if any. */
    public static Optional<FindingCode> byId(String id) {
        for (FindingCode c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The codes of one group, in catalogue order. */
    public static List<FindingCode> of(Group group) {
        List<FindingCode> out = new ArrayList<>();
        for (FindingCode c : values()) {
            if (c.group == group) {
                out.add(c);
            }
        }
        return out;
    }
}
