package io.github.netpol.analysis.connectivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.oracle.PeerCorpus;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.finding.Finding;
import io.github.netpol.report.ConnectivityForms;
import io.github.netpol.validate.BlockingErrors;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The peer corpus (np-guard/netpol-analyzer, {@code shared/oracle/netpol-analyzer}): for every plain
 * {@code list} case in txt format on a core-only input, our text connectivity equals the peer's expected
 * output after {@link #normalise}. Cases where the peer departs from Kubernetes semantics are listed in
 * {@link #EXPECTED_DIFFERENCES} (and in docs/analysis.md, "Peer corpus"); every other case must pass, and
 * an allow-listed case that starts to pass must leave the list, so the list never goes stale.
 */
class PeerCorpusTest {

    /** Case (input dir) → why our output differs from the peer's, by SEMANTICS.md / SPEC.md. */
    static final Map<String, String> EXPECTED_DIFFERENCES = Map.ofEntries(
    );

    @Test
    void plainListCasesMatchThePeerAfterNormalisation() throws IOException {
        Optional<Path> corpus = PeerCorpus.locate("CASES.json");
        assumeTrue(corpus.isPresent(), "peer corpus shared/oracle/netpol-analyzer not found above "
                + Path.of("").toAbsolutePath() + " (or -Dnetpol.oracle=<dir>); skipping");
        Path root = corpus.get();
        JsonNode cases = new ObjectMapper().readTree(root.resolve("CASES.json").toFile());
        List<String> report = new ArrayList<>();
        TreeSet<String> passed = new TreeSet<>();
        TreeSet<String> failed = new TreeSet<>();
        int skipped = 0;
        for (JsonNode c : cases) {
            String skip = outOfScope(c);
            String name = c.path("expected").asText();
            if (skip != null) {
                if (c.path("command").asText().equals("list") && c.path("format").asText().equals("txt")) {
                    report.add("SKIP " + name + ": " + skip);
                    skipped++;
                }
                continue;
            }
            String dir = c.path("dir").asText();
            ManifestSet set = load(root.resolve(dir));
            String actual = byOwner(ConnectivityForms.text(WorkloadConnectivity.compute(set,
                    AnalysisOptions.defaults())), ownedPods(set));
            String expected = Files.readString(root.resolve(name), StandardCharsets.UTF_8);
            String key = dir.substring(dir.lastIndexOf('/') + 1);
            SortedSet<BigInteger> cuts = rangeBoundaries(expected + "\n" + actual);
            List<String> want = normalise(expected, cuts);
            List<String> got = normalise(actual, cuts);
            if (got.equals(want)) {
                passed.add(key);
                report.add("PASS " + key);
            } else {
                failed.add(key);
                String reason = EXPECTED_DIFFERENCES.get(key);
                report.add((reason == null ? "FAIL " : "DIFF (expected: " + reason + ") ") + key + "\n"
                        + difference(want, got));
            }
        }
        report.add(String.format("peer corpus: %d pass, %d differ (%d explained), %d skipped", passed.size(),
                failed.size(), failed.stream().filter(EXPECTED_DIFFERENCES::containsKey).count(), skipped));
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Path out = Path.of("target", "netpol-corpus-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);

        assertThat(failed).as("cases that differ from the peer without an explanation; see " + out.toAbsolutePath())
                .isSubsetOf(EXPECTED_DIFFERENCES.keySet());
        assertThat(EXPECTED_DIFFERENCES.keySet()).as("explained differences that no longer differ (remove them)")
                .isSubsetOf(failed);
        assertThat(passed.size() + failed.size()).isEqualTo(42);
    }

    private static final String NETWORKS_MATCH_POD_IPS = "a networks peer matches pod IPs too (the API: cluster-internal"
            + " traffic is checked against it as well); the peer matches it against external addresses only, so where a"
            + " pod's IP may fall in the CIDR we list the pod pair as possibly, not certainly, allowed (netpol.podCidrs"
            + " narrows this)";
    private static final String NODES = "a nodes peer is analysed: any external address may be a node's, so a nodes"
            + " Allow before a Deny makes it possibly allowed and a nodes Deny makes it not certainly allowed; the peer"
            + " ignores nodes peers with a warning";
    private static final String IPV6 = "IPv6 CIDRs are analysed and, as soon as a policy names one, the IPv6 space is"
            + " listed; the peer ignores IPv6 CIDRs with a warning and lists IPv4 only";

    /**
     * Tier case (input dir) → why our list differs from the peer's. The peer lists one answer; where the manifests
     * leave the outcome open we list what some choice allows and, apart, what every choice allows, so a case whose
     * expected list equals one of ours but not both is a difference too.
     */
    static final Map<String, String> TIER_DIFFERENCES = Map.ofEntries(
            Map.entry("anp_and_banp_using_networks_test", NETWORKS_MATCH_POD_IPS),
            Map.entry("anp_and_banp_using_networks_and_nodes_test", NETWORKS_MATCH_POD_IPS + "; " + NODES),
            Map.entry("anp_and_banp_using_networks_with_ipv6_test", NETWORKS_MATCH_POD_IPS + "; " + IPV6),
            Map.entry("anp_banp_test_multiple_warnings", NODES + "; " + IPV6)
    );

    /**
     * The peer corpus's AdminNetworkPolicy and BaselineAdminNetworkPolicy cases: every plain {@code list} case in txt
     * format whose only non-core kinds are those two. Our possibly-allowed list and our certainly-allowed list must
     * both equal the peer's expected output after {@link #normalise}, unless {@link #TIER_DIFFERENCES} explains why
     * not; an explained case that starts to match must leave the list.
     */
    @Test
    void tierListCasesMatchThePeerAfterNormalisation() throws IOException {
        Optional<Path> corpus = PeerCorpus.locate("CASES.json");
        assumeTrue(corpus.isPresent(), "peer corpus shared/oracle/netpol-analyzer not found; skipping");
        Path root = corpus.get();
        ObjectMapper json = new ObjectMapper();
        JsonNode cases = json.readTree(root.resolve("CASES.json").toFile());
        JsonNode dirs = json.readTree(root.resolve("DIRS.json").toFile());
        List<String> report = new ArrayList<>();
        TreeSet<String> passed = new TreeSet<>();
        TreeSet<String> failed = new TreeSet<>();
        for (JsonNode c : cases) {
            String dir = c.path("dir").asText();
            String key = dir.substring(dir.lastIndexOf('/') + 1);
            if (!tierKindsOnly(dirs.path(key)) || c.path("core_only").asBoolean() || optionOutOfScope(c) != null) {
                continue;
            }
            ManifestSet set = load(root.resolve(dir));
            ConnectivityResult result = WorkloadConnectivity.compute(set, AnalysisOptions.defaults());
            StringBuilder possibly = new StringBuilder();
            StringBuilder certainly = new StringBuilder();
            for (Connection x : result.connections()) {
                possibly.append(x.text()).append('\n');
                if (!x.certainPorts().isEmpty()) {
                    certainly.append(new Connection(x.source(), x.destination(), x.certainPorts()).text()).append('\n');
                }
            }
            Map<String, String> owners = ownedPods(set);
            String expected = Files.readString(root.resolve(c.path("expected").asText()), StandardCharsets.UTF_8);
            String possiblyText = byOwner(possibly.toString(), owners);
            String certainlyText = byOwner(certainly.toString(), owners);
            SortedSet<BigInteger> cuts = rangeBoundaries(expected + "\n" + possiblyText + "\n" + certainlyText);
            List<String> want = normalise(expected, cuts);
            List<String> some = normalise(possiblyText, cuts);
            List<String> every = normalise(certainlyText, cuts);
            if (some.equals(want) && every.equals(want)) {
                passed.add(key);
                report.add("PASS " + key);
            } else {
                failed.add(key);
                String reason = TIER_DIFFERENCES.get(key);
                report.add((reason == null ? "FAIL " : "DIFF (expected: " + reason + ") ") + key
                        + (some.equals(want) ? " (the peer's list is our possibly-allowed one)" : "\n  possibly:\n"
                        + difference(want, some)) + (every.equals(want) ? " (the peer's list is our certainly-allowed one)"
                        : "\n  certainly:\n" + difference(want, every)));
            }
        }
        report.add(String.format("peer corpus, tier cases: %d pass, %d differ (%d explained)", passed.size(),
                failed.size(), failed.stream().filter(TIER_DIFFERENCES::containsKey).count()));
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Path out = Path.of("target", "netpol-corpus-tier-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        assertThat(failed).as("tier cases that differ from the peer without an explanation; see " + out.toAbsolutePath())
                .isSubsetOf(TIER_DIFFERENCES.keySet());
        assertThat(TIER_DIFFERENCES.keySet()).as("explained differences that no longer differ (remove them)")
                .isSubsetOf(failed);
        assertThat(passed.size() + failed.size()).isEqualTo(54);
    }

    /**
     * Bad-path case (input dir) → why we accept what the peer rejects. Every other {@code anp_bad_path_*} and
     * {@code banp_bad_path_*} input must be rejected by our validation, as the API server would.
     */
    static final Map<String, String> ACCEPTED_BAD_PATHS = Map.ofEntries(
            Map.entry("anp_bad_path_test_1", "two AdminNetworkPolicies of equal priority: the API server accepts them"
                    + " and leaves their order undefined; the peer rejects them, we analyse both orders, so the Deny and"
                    + " Pass they disagree on leave the connections possibly, not certainly, allowed")
    );

    @Test
    void tierBadPathCasesAreRejected() throws IOException {
        Optional<Path> corpus = PeerCorpus.locate("CASES.json");
        assumeTrue(corpus.isPresent(), "peer corpus shared/oracle/netpol-analyzer not found; skipping");
        Path tests = corpus.get().resolve("tests");
        List<String> report = new ArrayList<>();
        TreeSet<String> accepted = new TreeSet<>();
        int rejected = 0;
        try (var dirs = Files.list(tests)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("b?anp_bad_path_test_\\d+")).sorted().toList()) {
                String key = dir.getFileName().toString();
                List<SourceFile> files = new SourceCollector().collect(dir, List.of(Path.of(".")));
                ManifestSet set = READER.read(files, "default");
                List<Finding> errors = BlockingErrors.of(List.of(), set, CrdChannel.STANDARD);
                if (errors.isEmpty()) {
                    accepted.add(key);
                    assertThat(WorkloadConnectivity.compute(set, AnalysisOptions.defaults()).connections())
                            .as(key + ": what the manifests leave open shows as possibly allowed")
                            .anyMatch(c -> c.verdicts().stream().anyMatch(v -> !v.certain()));
                    report.add("ACCEPTED " + key + (ACCEPTED_BAD_PATHS.containsKey(key)
                            ? " (expected: " + ACCEPTED_BAD_PATHS.get(key) + ")" : ""));
                } else {
                    rejected++;
                    report.add("REJECTED " + key + ": " + errors.get(0).consoleLine());
                }
            }
        }
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Path out = Path.of("target", "netpol-corpus-bad-path-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        assertThat(accepted).as("bad-path inputs we accept without a reason; see " + out.toAbsolutePath())
                .isSubsetOf(ACCEPTED_BAD_PATHS.keySet());
        assertThat(ACCEPTED_BAD_PATHS.keySet()).as("accepted bad paths that are now rejected (remove them)")
                .isSubsetOf(accepted);
        assertThat(rejected + accepted.size()).isEqualTo(33);
    }

    /** Whether a corpus directory's only kinds beyond the core ones are AdminNetworkPolicy and BaselineAdminNetworkPolicy. */
    private static boolean tierKindsOnly(JsonNode dir) {
        JsonNode kinds = dir.path("non_core_kinds");
        if (kinds.size() == 0) {
            return false;
        }
        for (JsonNode k : kinds) {
            if (!k.asText().equals("AdminNetworkPolicy") && !k.asText().equals("BaselineAdminNetworkPolicy")) {
                return false;
            }
        }
        return true;
    }

    /** Why a case is not compared, or null when it is in scope. */
    private static String outOfScope(JsonNode c) {
        if (!c.path("command").asText().equals("list")) {
            return "command " + c.path("command").asText();
        }
        if (!c.path("format").asText().equals("txt")) {
            return "format " + c.path("format").asText();
        }
        if (!c.path("core_only").asBoolean()) {
            return "input uses non-core resources (admin policies, Route, Ingress, UDN, VMs)";
        }
        return optionOutOfScope(c);
    }

    /** Why a list case is not compared for its format or options, or null when they are in scope. */
    private static String optionOutOfScope(JsonNode c) {
        if (!c.path("command").asText().equals("list")) {
            return "command " + c.path("command").asText();
        }
        if (!c.path("format").asText().equals("txt")) {
            return "format " + c.path("format").asText();
        }
        if (c.path("focusworkload").size() > 0 || c.path("focusworkload_peer").size() > 0
                || !c.path("focus_direction").asText().isEmpty() || !c.path("focus_conn").asText().isEmpty()) {
            return "focus options";
        }
        if (c.path("exposure").asBoolean()) {
            return "exposure analysis";
        }
        if (c.path("explain").asBoolean() || !c.path("explain_only").asText().isEmpty()) {
            return "explain output";
        }
        if (!c.path("expected_copied").asBoolean()) {
            return "expected output not copied";
        }
        return null;
    }

    /**
     * Normalisations, each because the peer's test does not make the difference significant or it is a
     * presentation choice: (1) line breaks: upstream compares after removing every newline, we compare
     * line by line; (2) order: lines are sorted and equal lines collapse (upstream sorts too, by another
     * key); (3) whitespace: runs of blanks become one, blank lines and leading/trailing blanks go;
     * (4) external ranges: the peer cuts the address space at every ipBlock boundary of the whole input
     * and lists each piece, we merge adjacent pieces with the same ports per workload; both sides are
     * therefore cut at every range boundary that either output names ({@code cuts}), one line a piece,
     * which compares the relations rather than how their ranges are grouped.
     */
    static List<String> normalise(String text, SortedSet<BigInteger> cuts) {
        TreeSet<String> out = new TreeSet<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.strip().replaceAll("\\s+", " ");
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = RANGE.matcher(line);
            if (!m.find()) {
                out.add(line);
                continue;
            }
            BigInteger first = IpAddresses.address(m.group(1)).orElseThrow();
            BigInteger last = IpAddresses.address(m.group(2)).orElseThrow();
            BigInteger lo = first;
            for (BigInteger cut : cuts.subSet(first.add(BigInteger.ONE), last.add(BigInteger.ONE))) {
                out.add(line.substring(0, m.start()) + piece(lo, cut.subtract(BigInteger.ONE)) + line.substring(m.end()));
                lo = cut;
            }
            out.add(line.substring(0, m.start()) + piece(lo, last) + line.substring(m.end()));
        }
        return List.copyOf(out);
    }

    private static final Pattern RANGE = Pattern.compile("([0-9A-Fa-f:.]+)-([0-9A-Fa-f:.]+)\\[External]");

    private static String piece(BigInteger first, BigInteger last) {
        return IpAddresses.format(first) + "-" + IpAddresses.format(last) + "[External]";
    }

    /** The first address of every range and the one after its last. */
    static SortedSet<BigInteger> rangeBoundaries(String text) {
        SortedSet<BigInteger> cuts = new TreeSet<>();
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            cuts.add(IpAddresses.address(m.group(1)).orElseThrow());
            cuts.add(IpAddresses.address(m.group(2)).orElseThrow().add(BigInteger.ONE));
        }
        return cuts;
    }

    /**
     * (5) Owned pods: the peer reads cluster dumps and shows a Pod that has a controller (an
     * {@code ownerReference}) as that owner, {@code ns/name[ReplicaSet]}, one entry for all its pods, and
     * leaves out pairs within one owner. We list every Pod as declared, so the test renames such pods to
     * their owner, drops the lines that become self-pairs and lets equal lines collapse.
     */
    static String byOwner(String text, Map<String, String> owners) {
        if (owners.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            String[] parts = line.split(" => | : ", 3);
            if (parts.length != 3) {
                sb.append(line).append('\n');
                continue;
            }
            String src = owners.getOrDefault(parts[0], parts[0]);
            String dst = owners.getOrDefault(parts[1], parts[1]);
            if (!src.equals(dst)) {
                sb.append(src).append(" => ").append(dst).append(" : ").append(parts[2]).append('\n');
            }
        }
        return String.join("\n", new TreeSet<>(Arrays.asList(sb.toString().split("\n")))) + "\n";
    }

    /** Controllers the peer shows instead of their pods (a mirror pod, owned by its Node, stays a Pod). */
    private static final java.util.Set<String> OWNER_KINDS = java.util.Set.of("ReplicaSet", "DaemonSet", "StatefulSet",
            "Job", "CronJob", "Deployment", "ReplicationController");

    /** {@code ns/pod[Pod]} → {@code ns/owner[OwnerKind]} for every Pod with an owner (the controller first). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> ownedPods(ManifestSet set) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (WorkloadManifest w : set.workloads()) {
            if (!w.kind().equals("Pod")) {
                continue;
            }
            set.objects().stream().filter(o -> o.origin().equals(w.origin())).findFirst().ifPresent(o -> {
                Object meta = o.raw().get("metadata");
                Object refs = meta instanceof Map<?, ?> m ? m.get("ownerReferences") : null;
                if (refs instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                        && (first.get("kind") == null || OWNER_KINDS.contains(String.valueOf(first.get("kind"))))) {
                    Map<String, Object> ref = (Map<String, Object>) (Object) list.stream().map(r -> (Object) r)
                            .filter(r -> r instanceof Map<?, ?> rm && Boolean.TRUE.equals(rm.get("controller")))
                            .findFirst().orElse(list.get(0));
                    // an owner without a kind is shown by the peer as a Pod of the owner's name
                    Object kind = ref.get("kind") == null ? "Pod" : ref.get("kind");
                    owners.put(new Node.Workload(w).text(), w.namespace() + "/" + ref.get("name") + "[" + kind + "]");
                }
            });
        }
        return owners;
    }

    private static String difference(List<String> expected, List<String> actual) {
        StringBuilder sb = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        missing.stream().limit(20).forEach(l -> sb.append("    peer only: ").append(l).append('\n'));
        extra.stream().limit(20).forEach(l -> sb.append("    ours only: ").append(l).append('\n'));
        if (missing.size() > 20 || extra.size() > 20) {
            sb.append("    (").append(missing.size()).append(" peer only, ").append(extra.size()).append(" ours only)\n");
        }
        return sb.toString().stripTrailing();
    }

    private static final ManifestReader READER = new ManifestReader();

    private static ManifestSet load(Path dir) {
        List<SourceFile> files = new SourceCollector().collect(dir, List.of(Path.of(".")));
        return READER.read(files, "default");
    }

}
