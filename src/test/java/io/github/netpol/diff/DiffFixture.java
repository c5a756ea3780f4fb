package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions of one manifest file, read with the real loader, and their diff. */
final class DiffFixture {

    static final String FILE = "k8s/policies.yaml";

    static ManifestSet read(String yaml) {
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile(FILE, yaml.getBytes(StandardCharsets.UTF_8))), "default");
        assertThat(set.problems()).as("fixture must load cleanly").isEmpty();
        return set;
    }

    static DiffResult diff(String oldYaml, String newYaml) {
        return new VersionDiff(AnalysisOptions.defaults(), "netpol-accepted.yaml").compare(read(oldYaml), read(newYaml));
    }

    static List<Finding> of(DiffResult r, String kind) {
        return r.findings().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    static List<Finding> failing(DiffResult r) {
        return r.findings().stream().filter(f -> ChangeKind.of(f.kind()).map(k -> k.category() != ChangeKind.Category.NARROWING)
                .orElse(true)).toList();
    }

    private DiffFixture() {
    }
}
