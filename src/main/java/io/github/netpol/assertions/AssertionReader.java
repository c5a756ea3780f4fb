package io.github.netpol.assertions;

import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.load.YamlLimits;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads assertion files ({@code tests: [{name, from, to, port, protocol, expect, scope}]}) from YAML
 * node trees, so every problem is an error finding at its line and column; nothing is thrown. One
 * reader checks names for uniqueness over every file it reads.
 */
public final class AssertionReader {

    private static final Set<String> ENTRY_KEYS = Set.of("name", "from", "to", "port", "protocol", "expect", "scope");
    private static final Set<String> ENDPOINT_KEYS = Set.of("namespace", "namespaces", "pods", "workload", "ipBlock");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");

    private final Set<String> workloadIds;
    private final Set<String> names = new HashSet<>();

    /** @param workloadIds the ids ({@code namespace/Kind/name}) of the declared workloads */
    public AssertionReader(Set<String> workloadIds) {
        this.workloadIds = Set.copyOf(workloadIds);
    }

    /** @param path the file as printed in findings, relative to the project */
    public AssertionFile read(String path, String text) {
        Entries in = new Entries(path);
        Node root;
        try {
            root = YamlLimits.compose(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            in.error("Invalid YAML: " + e.getProblem() + ".", m);
            return in.result();
        } catch (YAMLException e) {
            in.problems.add(Finding.of(FindingCode.ASSERTION_FILE, "Invalid YAML: " + e.getMessage())
                    .at(SourcePosition.ofFile(path)));
            return in.result();
        }
        if (root == null) {
            return in.result();
        }
        if (!(root instanceof MappingNode map)) {
            in.error("An assertion file is a mapping with one key, 'tests:', holding a list of tests.", root.getStartMark());
            return in.result();
        }
        Node tests = null;
        for (NodeTuple t : map.getValue()) {
            if ("tests".equals(scalar(t.getKeyNode()))) {
                tests = t.getValueNode();
            } else {
                in.error("Unknown key '" + scalar(t.getKeyNode()) + "'; an assertion file has only 'tests:'.",
                        t.getKeyNode().getStartMark());
            }
        }
        if (tests == null) {
            in.error("Missing 'tests:' (a list of {name, from, to, port, expect}).", root.getStartMark());
        } else if (!(tests instanceof SequenceNode seq)) {
            in.error("'tests' must be a list of {name, from, to, port, expect}.", tests.getStartMark());
        } else {
            for (Node item : seq.getValue()) {
                entry(item, in).ifPresent(in.assertions::add);
            }
        }
        return in.result();
    }

    private Optional<Assertion> entry(Node item, Entries in) {
        if (!(item instanceof MappingNode map)) {
            in.error("A test must be a mapping with name, from, to, expect and optionally port, protocol, scope.",
                    item.getStartMark());
            return Optional.empty();
        }
        int before = in.problems.size();
        Map<String, Node> fields = fields(map, ENTRY_KEYS, "a test", in);
        String name = text(fields.get("name"));
        if (name == null || name.isBlank()) {
            in.error("The test has no 'name'.", item.getStartMark());
        } else if (!names.add(name)) {
            in.error("Another test is already called '" + name + "'; names must be unique.", fields.get("name").getStartMark());
        }
        Assertion.Expectation expect = null;
        Node expectNode = fields.get("expect");
        if (expectNode == null) {
            in.error("The test has no 'expect' (allowed or denied).", item.getStartMark());
        } else if ("allowed".equals(text(expectNode))) {
            expect = Assertion.Expectation.ALLOWED;
        } else if ("denied".equals(text(expectNode))) {
            expect = Assertion.Expectation.DENIED;
        } else {
            in.error("'expect' must be allowed or denied, not '" + shown(expectNode) + "'.", expectNode.getStartMark());
        }
        Assertion.Scope scope = Assertion.Scope.UNIVERSAL;
        Node scopeNode = fields.get("scope");
        if (scopeNode != null) {
            String s = text(scopeNode);
            if ("declared".equals(s)) {
                scope = Assertion.Scope.DECLARED;
            } else if (!"universal".equals(s)) {
                in.error("'scope' must be declared or universal, not '" + shown(scopeNode) + "'.", scopeNode.getStartMark());
            }
        }
        PortSpec ports = ports(fields.get("port"), fields.get("protocol"), in);
        EndpointSpec from = endpoint(fields.get("from"), "from", item, in);
        EndpointSpec to = endpoint(fields.get("to"), "to", item, in);
        if (from instanceof EndpointSpec.Addresses && to instanceof EndpointSpec.Addresses) {
            in.error("Both ends are addresses; at least one end must be pods or a workload.", item.getStartMark());
        }
        if (in.problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Assertion(name, from, to, ports, expect, scope, in.position(item.getStartMark())));
    }

    private PortSpec ports(Node port, Node protocol, Entries in) {
        Set<String> protocols = Dim.PROTOCOLS;
        if (protocol != null) {
            String p = text(protocol);
            if (p == null || !Dim.PROTOCOLS.contains(p.toUpperCase(Locale.ROOT))) {
                in.error("'protocol' must be TCP, UDP or SCTP, not '" + shown(protocol) + "'.", protocol.getStartMark());
            } else {
                protocols = Set.of(p.toUpperCase(Locale.ROOT));
            }
        } else if (port != null) {
            protocols = Set.of("TCP");
        }
        IntervalSet range = IntervalSet.of(1, Dim.MAX_PORT);
        if (port != null) {
            String p = text(port);
            Matcher m = p == null ? null : RANGE.matcher(p);
            int lo;
            int hi;
            if (p != null && p.trim().matches("\\d{1,5}")) {
                lo = Integer.parseInt(p.trim());
                hi = lo;
            } else if (m != null && m.matches()) {
                lo = Integer.parseInt(m.group(1));
                hi = Integer.parseInt(m.group(2));
            } else {
                in.error("'port' must be a number (8080) or a range (\"8000-8100\"), not '" + shown(port) + "'.",
                        port.getStartMark());
                return new PortSpec(protocols, range);
            }
            if (lo < 1 || hi > Dim.MAX_PORT || lo > hi) {
                in.error("'port' " + p.trim() + " is not a port or range within 1-65535.", port.getStartMark());
            } else {
                range = IntervalSet.of(lo, hi);
            }
        }
        return new PortSpec(protocols, range);
    }

    private EndpointSpec endpoint(Node node, String key, Node entry, Entries in) {
        if (node == null) {
            in.error("The test has no '" + key + "'.", entry.getStartMark());
            return null;
        }
        if (!(node instanceof MappingNode map)) {
            in.error("'" + key + "' must be a mapping: {namespace, pods}, {namespaces}, {workload} or {ipBlock}.",
                    node.getStartMark());
            return null;
        }
        Map<String, Node> f = fields(map, ENDPOINT_KEYS, "'" + key + "'", in);
        SourcePosition where = in.position(node.getStartMark());
        if (f.containsKey("workload") || f.containsKey("ipBlock")) {
            String only = f.containsKey("workload") ? "workload" : "ipBlock";
            if (f.size() > 1) {
                in.error("'" + only + "' stands alone in '" + key + "'; remove " + String.join(", ", others(f, only)) + ".",
                        node.getStartMark());
                return null;
            }
            return only.equals("workload") ? workload(f.get("workload"), where, in) : addresses(f.get("ipBlock"), where, in);
        }
        if (f.containsKey("namespace") && f.containsKey("namespaces")) {
            in.error("'" + key + "' has both 'namespace' (one namespace by name) and 'namespaces' (by labels); keep one.",
                    f.get("namespaces").getStartMark());
            return null;
        }
        if (f.isEmpty()) {
            in.error("'" + key + "' is empty; give namespace, namespaces, pods, workload or ipBlock.", node.getStartMark());
            return null;
        }
        String namespace = null;
        if (f.containsKey("namespace")) {
            namespace = text(f.get("namespace"));
            if (namespace == null || namespace.isBlank()) {
                in.error("'namespace' must be a namespace name.", f.get("namespace").getStartMark());
            }
        }
        Map<String, String> namespaceLabels = f.containsKey("namespaces") ? labels(f.get("namespaces"), "namespaces", in) : null;
        Map<String, String> podLabels = f.containsKey("pods") ? labels(f.get("pods"), "pods", in) : Map.of();
        return new EndpointSpec.Pods(namespace, namespaceLabels, podLabels == null ? Map.of() : podLabels, where);
    }

    private EndpointSpec workload(Node node, SourcePosition where, Entries in) {
        String id = text(node);
        if (id == null || !workloadIds.contains(id)) {
            in.error("Unknown workload '" + shown(node) + "'; give namespace/Kind/name of a workload in the sources"
                    + (workloadIds.isEmpty() ? " (they declare none)"
                    : ", e.g. " + workloadIds.stream().sorted().findFirst().orElseThrow()) + ".", node.getStartMark());
            return null;
        }
        return new EndpointSpec.WorkloadRef(id, where);
    }

    private EndpointSpec addresses(Node node, SourcePosition where, Entries in) {
        String cidr = text(node);
        if (cidr == null || IpAddresses.cidr(cidr.trim()).isEmpty()) {
            in.error("'ipBlock' must be a CIDR such as 0.0.0.0/0 or 203.0.113.0/24, not '" + shown(node) + "'.",
                    node.getStartMark());
            return null;
        }
        return new EndpointSpec.Addresses(cidr.trim(), where);
    }

    private Map<String, String> labels(Node node, String key, Entries in) {
        if (!(node instanceof MappingNode map)) {
            in.error("'" + key + "' must be a mapping of labels, e.g. {app: web}.", node.getStartMark());
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        for (NodeTuple t : map.getValue()) {
            String k = scalar(t.getKeyNode());
            String v = scalar(t.getValueNode());
            if (k == null || v == null) {
                in.error("'" + key + "' must map label keys to label values.", t.getKeyNode().getStartMark());
                return null;
            }
            out.put(k, v);
        }
        return out;
    }

    private Map<String, Node> fields(MappingNode map, Set<String> known, String what, Entries in) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String k = scalar(t.getKeyNode());
            if (k == null || !known.contains(k)) {
                in.error("Unknown key '" + (k == null ? "?" : k) + "' in " + what + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ").", t.getKeyNode().getStartMark());
            } else {
                out.put(k, t.getValueNode());
            }
        }
        return out;
    }

    private static List<String> others(Map<String, Node> f, String only) {
        return f.keySet().stream().filter(k -> !k.equals(only)).map(k -> "'" + k + "'").toList();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String text(Node node) {
        return scalar(node);
    }

    private static String shown(Node node) {
        String s = scalar(node);
        return s == null ? "(a " + node.getNodeId().name().toLowerCase(Locale.ROOT) + ")" : s;
    }

    /** The findings and assertions of one file being read. */
    private static final class Entries {
        private final String path;
        private final List<Assertion> assertions = new ArrayList<>();
        private final List<Finding> problems = new ArrayList<>();

        Entries(String path) {
            this.path = path;
        }

        SourcePosition position(Mark m) {
            return m == null ? SourcePosition.ofFile(path) : new SourcePosition(path, m.getLine() + 1, m.getColumn() + 1);
        }

        void error(String message, Mark m) {
            problems.add(Finding.of(FindingCode.ASSERTION_FILE, message).at(position(m)));
        }

        AssertionFile result() {
            return new AssertionFile(path, assertions, problems);
        }
    }
}
