package io.github.netpol.bench;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.diff.DiffResult;
import io.github.netpol.diff.VersionDiff;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The diff stage alone, for profiling it (not a test): {@code java -cp ... io.github.netpol.bench.DiffBench 10000}.
 * Prints the wall time and this thread's CPU time of each run; CPU time stays meaningful on a busy machine.
 */
public final class DiffBench {

    private DiffBench() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RepositoryGenerator.Repository old = new RepositoryGenerator().generate(size);
        RepositoryGenerator.Repository current = new ChangeGenerator().change(old);
        ManifestSet oldSet = read(old);
        ManifestSet currentSet = read(current);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            DiffResult diff = new VersionDiff(AnalysisOptions.defaults(), "netpol-accepted.yaml").compare(oldSet, currentSet);
            long t1 = System.nanoTime();
            System.out.printf("diff of %d policies: %d ms wall, %d ms cpu, %d findings%n", size, (t1 - t0) / 1_000_000,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, diff.findings().size());
        }
    }

    private static ManifestSet read(RepositoryGenerator.Repository repository) {
        List<SourceFile> files = repository.files().entrySet().stream()
                .map((Map.Entry<String, String> e) -> new SourceFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return new ManifestReader().read(files, "default");
    }
}
