package io.github.netpol.analysis.oracle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the peer analyser's corpus (np-guard/netpol-analyzer inputs and expected outputs) lies, if anywhere. */
public final class PeerCorpus {

    private PeerCorpus() {
    }

    /**
     * {@code -Dnetpol.oracle}, else {@code shared/oracle/netpol-analyzer} in the project dir or any parent;
     * a candidate counts only when it holds {@code indexFile} ({@code CASES.json} or {@code DIRS.json}).
     */
    public static Optional<Path> locate(String indexFile) {
        String property = System.getProperty("netpol.oracle");
        if (property != null) {
            Path p = Path.of(property);
            return Files.isRegularFile(p.resolve(indexFile)) ? Optional.of(p) : Optional.empty();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/oracle/netpol-analyzer");
            if (Files.isRegularFile(candidate.resolve(indexFile))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
