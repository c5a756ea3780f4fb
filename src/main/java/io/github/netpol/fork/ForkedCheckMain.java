package io.github.netpol.fork;

import io.github.netpol.report.ConsoleLine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The forked check's JVM: reads the request file, runs the check and its reports, and writes the outcome file. Exit
 * status 0 means the outcome was written, whatever the check found; anything else is a failure of the fork, which
 * fails the build.
 */
public final class ForkedCheckMain {

    private ForkedCheckMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: " + ForkedCheckMain.class.getName() + " <request file> <outcome file>");
            System.exit(2);
        }
        ForkRequest request;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            request = ForkCodec.readRequest(in);
        }
        StageClock clock = new StageClock();
        List<ConsoleLine> lines = new ArrayList<>();
        CheckRun.Outcome outcome = new CheckRun(request.reports(), clock::mark).run(request.check(), lines::add);
        if (request.heapPeak()) {
            clock.add("heap peak at most " + heapPeakMiB() + " MiB (the sum of each heap pool's peak)");
        }
        Path target = Path.of(args[1]);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            ForkCodec.writeOutcome(outcome, clock.stages(), lines, out);
        }
        // the outcome appears whole or not at all: Maven's JVM reads no half-written verdict
        Files.move(partial, target);
        // the report writers' pool threads are daemons, but nothing else is left to wait for
        System.exit(0);
    }

    /** Asked for only with Maven's debug log on: the management classes take a noticeable part of a small check. */
    private static long heapPeakMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
