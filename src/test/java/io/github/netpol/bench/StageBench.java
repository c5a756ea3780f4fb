package io.github.netpol.bench;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.diff.DiffResult;
import io.github.netpol.diff.VersionDiff;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.engine.LintEngine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Times two stages alone on generated repositories (not a test; see docs/performance.md): the
 * connectivity of the changed workloads of both versions, as the diff computes it, and validation
 * (API server on both versions, lint on the current one), and the whole diff for reference. Prints a fingerprint of each stage's
 * output so that a change can be checked to give identical results:
 * {@code java -cp ... io.github.netpol.bench.StageBench 10000 [rounds]}.
 */
public final class StageBench {

    private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults();

    private StageBench() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RepositoryGenerator.Repository oldRepo = new RepositoryGenerator().generate(size);
        RepositoryGenerator.Repository newRepo = new ChangeGenerator().change(oldRepo);
        ManifestReader reader = new ManifestReader();
        ManifestSet old = reader.read(files(oldRepo), "default");
        ManifestSet current = reader.read(files(newRepo), "default");
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, OPTIONS);
        NamespaceUniverse oldUniverse = universes.old();
        NamespaceUniverse newUniverse = universes.current();
        Set<String> changed = changed(old, current, oldUniverse, newUniverse);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            ConnectivityResult then = WorkloadConnectivity.compute(old, oldUniverse, OPTIONS, w -> changed.contains(w.id()));
            ConnectivityResult now = WorkloadConnectivity.compute(current, newUniverse, OPTIONS, w -> changed.contains(w.id()));
            long t1 = System.nanoTime();
            ApiServerValidator validator = new ApiServerValidator();
            List<Finding> validation = new ArrayList<>(validator.validate(current));
            validation.addAll(validator.validate(old));
            List<Finding> lint = new LintEngine().run(current, LintSettings.defaults());
            long t2 = System.nanoTime();
            DiffResult diff = new VersionDiff(OPTIONS, "netpol-accepted.yaml").compare(old, current);
            long t3 = System.nanoTime();
            dump(r, then, now, validation, lint, diff.findings());
            System.out.printf("size %d: connectivity %d ms (%d focused, %d+%d connections, fingerprint %08x),"
                            + " validate %d ms (%d+%d findings, fingerprint %08x), diff %d ms (%d findings, fingerprint %08x)%n",
                    size, (t1 - t0) / 1_000_000, changed.size(), then.connections().size(), now.connections().size(),
                    connections(then) * 31 + connections(now), (t2 - t1) / 1_000_000, validation.size(), lint.size(),
                    findings(validation) * 31 + findings(lint), (t3 - t2) / 1_000_000, diff.findings().size(),
                    findings(diff.findings()));
        }
    }

    /** With {@code -Dnetpol.bench.dump=FILE}, the first round's outputs in full, to compare two builds line by line. */
    private static void dump(int round, ConnectivityResult then, ConnectivityResult now, List<Finding> validation,
                             List<Finding> lint, List<Finding> diff) {
        String file = System.getProperty("netpol.bench.dump");
        if (file == null || round > 0) {
            return;
        }
        List<String> lines = new ArrayList<>();
        then.connections().forEach(c -> lines.add("then " + c.text()));
        now.connections().forEach(c -> lines.add("now " + c.text()));
        validation.forEach(f -> lines.add("validation " + f));
        lint.forEach(f -> lines.add("lint " + f));
        diff.forEach(f -> lines.add("diff " + f));
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file), lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int connections(ConnectivityResult result) {
        int h = 1;
        for (Connection c : result.connections()) {
            h = h * 31 + c.text().hashCode();
        }
        return h;
    }

    private static int findings(List<Finding> findings) {
        int h = 1;
        for (Finding f : findings) {
            h = h * 31 + f.toString().hashCode();
        }
        return h;
    }

    /** As the diff does: workloads in both versions whose labels, ports or namespace labels changed. */
    private static Set<String> changed(ManifestSet old, ManifestSet current, NamespaceUniverse oldUniverse,
                                       NamespaceUniverse newUniverse) {
        Map<String, WorkloadManifest> before = new HashMap<>();
        old.workloads().forEach(w -> before.putIfAbsent(w.id(), w));
        Set<String> out = new HashSet<>();
        for (WorkloadManifest w : current.workloads()) {
            WorkloadManifest was = before.get(w.id());
            if (was != null && (!was.podLabels().equals(w.podLabels()) || !was.ports().equals(w.ports())
                    || !oldUniverse.labelsOf(w.namespace()).equals(newUniverse.labelsOf(w.namespace())))) {
                out.add(w.id());
            }
        }
        return out;
    }

    private static List<SourceFile> files(RepositoryGenerator.Repository repository) {
        List<SourceFile> out = new ArrayList<>();
        repository.files().forEach((path, text) -> out.add(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8))));
        return out;
    }
}
