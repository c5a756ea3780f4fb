package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The policies of examples/shop, and assertion files written inline. */
final class ShopFixture {

    static final ManifestSet SHOP = load();

    private ShopFixture() {
    }

    private static ManifestSet load() {
        List<SourceFile> files = new SourceCollector().collect(Path.of("examples/shop"), List.of(Path.of("src/main/kubernetes")));
        ManifestSet set = new ManifestReader().read(new ManifestLoader().load(files), "default");
        if (!set.problems().isEmpty()) {
            throw new IllegalStateException(set.problems().toString());
        }
        return set;
    }

    static AssertionSuite.Outcome run(ManifestSet set, String yaml) {
        return new AssertionSuite().run(set, AnalysisOptions.defaults(),
                List.of(new SourceFile("src/test/netpol/t.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
    }

    static AssertionResult single(ManifestSet set, String yaml) {
        AssertionSuite.Outcome o = run(set, yaml);
        if (o.results().size() != 1) {
            throw new IllegalStateException("expected one assertion: " + o.findings());
        }
        return o.results().get(0);
    }

    static Oracle oracle(ManifestSet set) {
        return new Oracle(set.policies().stream().map(p -> new Oracle.Policy(p.namespace(), p.policy())).toList());
    }
}
