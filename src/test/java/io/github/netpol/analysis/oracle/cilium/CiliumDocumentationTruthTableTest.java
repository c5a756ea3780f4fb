package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.AddressKind;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.Flag;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The examples of Cilium's policy documentation as truth tables ({@code cilium/truth-table.tsv}): each row a
 * connection, the set of levels the oracle gives it over the relevant worlds (agent settings at their defaults
 * unless the row says otherwise), and the page and lines that state it. The examples the API server or the agent
 * refuses are in {@code cilium/invalid.tsv}, with the reason.
 */
class CiliumDocumentationTruthTableTest {

    /** Agent settings: the table pins them to their defaults unless a row enumerates ({@code *}) or sets them. */
    static final Set<Flag> SETTINGS = EnumSet.of(Flag.NON_DEFAULT_DENY_SUPPORTED, Flag.CIDR_MATCHES_NODES,
            Flag.ALLOW_LOCALHOST, Flag.SCTP_UNDER_ANY);

    /** One row of the truth table, parsed. */
    record Row(String id, List<String> files, CiliumPeer src, CiliumPeer dst, String protocol, int port,
               Set<Level> expected, String settings, String doc, Endpoints pins) {
    }

    /** What an address literal of a row pins in the world: kind, same node, DNS names (null: not pinned). */
    record Endpoints(AddressKind kind, boolean sameNode, Set<String> dns) {
    }

    @Test
    void everyDocumentedConnectionHasItsDocumentedOutcome() throws IOException {
        List<String> disagreements = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        int rows = 0;
        for (String line : lines("cilium/truth-table.tsv")) {
            Row row = parse(line);
            ids.add(row.id().replaceAll("\\..*", ""));
            Set<Level> got = levels(row);
            rows++;
            if (!got.equals(row.expected())) {
                disagreements.add(line + "\n    got " + got);
            }
        }
        assertThat(disagreements).as("rows whose outcome differs").isEmpty();
        assertThat(rows).isGreaterThan(120);
        // T1-T32 but T14 (customnodes.yaml) and T29 (cross-cluster-policy.yaml), which only invalid.tsv holds
        assertThat(ids).hasSize(30);
    }

    /**
     * The analysis gives each row the oracle's level in every world the row enumerates, where it analyses the
     * row's policies (a row it refuses is counted, not compared): the source's egress side and the destination's
     * ingress side, with the world's facts and every L7 verdict failing or passing.
     */
    @Test
    void theAnalysisGivesEveryAnalysedRowTheOraclesLevels() {
        List<String> disagreements = new ArrayList<>();
        int rows = 0;
        int refused = 0;
        int comparisons = 0;
        for (String line : lines("cilium/truth-table.tsv")) {
            Row row = parse(line);
            rows++;
            ManifestSet set = CiliumCases.manifests(namespaces(row), documents(row));
            if (CiliumCases.refusal(set).isPresent()) {
                refused++;
                continue;
            }
            AnalyzedVersion version = PolicyAnalyzer.analyze(set, AnalysisOptions.defaults());
            CiliumOracle oracle = oracle(row);
            for (CiliumWorld w : worlds(row, oracle)) {
                comparisons++;
                Level expected = oracle.decide(row.src(), row.dst(), row.protocol(), row.port(), w);
                EngineAnswer actual = EngineAnswer.decide(version, row.src(), row.dst(), row.protocol(), row.port(), w);
                if (!actual.agrees(expected)) {
                    boolean address = row.src() instanceof CiliumPeer.Addr || row.dst() instanceof CiliumPeer.Addr;
                    disagreements.add(line + "\n    world: " + CiliumCases.describe(w, address) + "; oracle "
                            + expected + ", analysis " + actual);
                }
            }
        }
        String summary = rows + " rows, " + refused + " refused by the analysis, " + comparisons + " comparisons, "
                + disagreements.size() + " disagreements";
        System.out.println("CiliumDocumentationTruthTableTest (analysis): " + summary);
        disagreements.forEach(System.out::println);
        assertThat(disagreements).as(summary).isEmpty();
        assertThat(refused).as(summary).isLessThan(rows);
    }

    /** The namespaces of the row's pod ends, with their labels, declared. */
    private static Map<String, Map<String, String>> namespaces(Row row) {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        for (CiliumPeer p : List.of(row.src(), row.dst())) {
            if (p instanceof CiliumPeer.Pod pod) {
                Map<String, String> labels = new java.util.TreeMap<>(pod.namespaceLabels());
                labels.remove("kubernetes.io/metadata.name");
                out.merge(pod.namespace(), labels, (a, b) -> {
                    Map<String, String> both = new java.util.TreeMap<>(a);
                    both.putAll(b);
                    return both;
                });
            }
        }
        return out;
    }

    @Test
    void theRefusedExamplesAreRefusedForTheirReason() throws IOException {
        int n = 0;
        for (String line : lines("cilium/invalid.tsv")) {
            String[] c = line.split("\t");
            assertThatThrownBy(() -> new CiliumOracle(load(c[0]))).as(c[0])
                    .isInstanceOf(CiliumOracle.Refused.class).hasMessageContaining(c[2]);
            n++;
        }
        assertThat(n).isEqualTo(4);
    }

    @Test
    void everyCopiedExampleIsInOneOfTheTables() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (String line : lines("cilium/truth-table.tsv")) {
            for (String f : line.split("\t")[1].split(",")) {
                used.add(f.replaceAll("!.*", ""));
            }
        }
        for (String line : lines("cilium/invalid.tsv")) {
            used.add(line.split("\t")[0]);
        }
        for (String line : lines("cilium/examples/SOURCES.tsv")) {
            assertThat(used).as("examples of SOURCES.tsv in a table").contains("examples/" + line.split("\t")[0]);
        }
    }

    static Set<Level> levels(Row row) {
        CiliumOracle oracle = oracle(row);
        Set<Level> out = EnumSet.noneOf(Level.class);
        for (CiliumWorld w : worlds(row, oracle)) {
            out.add(oracle.decide(row.src(), row.dst(), row.protocol(), row.port(), w));
        }
        return out;
    }

    /** Every document of the row's files (policies and Services). */
    static List<Map<String, Object>> documents(Row row) {
        List<Map<String, Object>> out = new ArrayList<>();
        row.files().forEach(f -> out.addAll(load(f)));
        return out;
    }

    static CiliumOracle oracle(Row row) {
        List<Map<String, Object>> policies = new ArrayList<>();
        List<Map<String, Object>> services = new ArrayList<>();
        for (Map<String, Object> doc : documents(row)) {
            (doc.get("kind").equals("Service") ? services : policies).add(doc);
        }
        return new CiliumOracle(policies, List.of(), services);
    }

    /** The relevant worlds with the agent settings as the row pins them and its address facts. */
    static Set<CiliumWorld> worlds(Row row, CiliumOracle oracle) {
        Map<Flag, String> settings = new LinkedHashMap<>();
        SETTINGS.forEach(f -> settings.put(f, String.valueOf(CiliumWorld.defaults().with(f, true)
                .equals(CiliumWorld.defaults()))));
        if (!row.settings().equals("-")) {
            for (String s : row.settings().split(",")) {
                String[] kv = s.split("=");
                settings.put(Flag.valueOf(kv[0]), kv[1]);
            }
        }
        Set<CiliumWorld> worlds = new LinkedHashSet<>();
        for (CiliumWorld w : CiliumWorlds.relevant(oracle, List.of(), row.src(), row.dst(), row.protocol(),
                CiliumWorld.Mode.DEFAULT)) {
            for (Map.Entry<Flag, String> e : settings.entrySet()) {
                if (!e.getValue().equals("*")) {
                    w = w.with(e.getKey(), Boolean.parseBoolean(e.getValue()));
                }
            }
            if (row.pins() != null) {
                w = w.withAddress(row.pins().kind(), row.pins().sameNode());
                if (row.pins().dns() != null) {
                    w = w.withDnsNames(row.pins().dns());
                }
            }
            worlds.add(w);
        }
        return worlds;
    }

    static Row parse(String line) {
        String[] c = line.split("\t");
        Set<Level> expected = EnumSet.noneOf(Level.class);
        for (String l : c[6].split(",")) {
            expected.add(Level.valueOf(l));
        }
        Endpoints pins = null;
        for (String e : List.of(c[2], c[3])) {
            if (e.startsWith("ip:") && e.contains("/")) {
                String spec = e.substring(e.indexOf('/') + 1);
                Set<String> dns = null;
                if (spec.contains("~")) {
                    dns = Set.of(spec.substring(spec.indexOf('~') + 1).split(";"));
                    spec = spec.substring(0, spec.indexOf('~'));
                }
                boolean same = spec.endsWith("+same");
                pins = new Endpoints(AddressKind.valueOf(spec.replace("+same", "")), same, dns);
            }
        }
        return new Row(c[0], List.of(c[1].split(",")), endpoint(c[2]), endpoint(c[3]), c[4], Integer.parseInt(c[5]),
                expected, c[7], c[8], pins);
    }

    /** {@code pod:<ns>[{k=v;..}]/<k=v,..>[@sa]} or {@code ip:<address>[/...]}. */
    static CiliumPeer endpoint(String text) {
        if (text.startsWith("ip:")) {
            String rest = text.substring(3);
            return new CiliumPeer.Addr(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        String rest = text.substring(4);
        String sa = null;
        if (rest.contains("@")) {
            sa = rest.substring(rest.indexOf('@') + 1);
            rest = rest.substring(0, rest.indexOf('@'));
        }
        String ns = rest.substring(0, rest.indexOf('/'));
        Map<String, String> nsLabels = new LinkedHashMap<>();
        if (ns.contains("{")) {
            nsLabels = pairs(ns.substring(ns.indexOf('{') + 1, ns.indexOf('}')), ";");
            ns = ns.substring(0, ns.indexOf('{'));
        }
        return new CiliumPeer.Pod(ns, nsLabels, pairs(rest.substring(rest.indexOf('/') + 1), ","), sa, List.of());
    }

    private static Map<String, String> pairs(String text, String sep) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : text.split(sep)) {
            if (!kv.isEmpty()) {
                out.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return out;
    }

    /** A resource under {@code cilium/}; {@code path!-key} drops the root key first. */
    static List<Map<String, Object>> load(String spec) {
        String[] parts = spec.split("!-");
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Map<String, Object> d : CiliumYaml.load(text("cilium/" + parts[0]))) {
            Map<String, Object> copy = new LinkedHashMap<>(d);
            if (parts.length > 1) {
                copy.remove(parts[1]);
            }
            docs.add(copy);
        }
        return docs;
    }

    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        for (String l : text(resource).split("\n")) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    private static String text(String resource) {
        try (InputStream in = CiliumDocumentationTruthTableTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
