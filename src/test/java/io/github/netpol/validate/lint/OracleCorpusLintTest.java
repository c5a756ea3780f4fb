package io.github.netpol.validate.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lints every core-only input directory of the netpol-analyzer corpus (read with the test fixture,
 * not the real loader) and prints the findings for review. Lint never crashes, and no lint rule
 * reports an error there, except required-isolation, which is a policy choice the corpus does not make.
 * Skipped when the corpus is absent ({@code -Dnetpol.oracle=<dir>} points elsewhere).
 */
class OracleCorpusLintTest {
    private static final Path CORPUS = Path.of(System.getProperty("netpol.oracle", "/work/shared/oracle/netpol-analyzer"));

    @Test
    void lintsEveryCoreOnlyDirectoryWithoutCrashingOrFalseErrors() throws IOException {
        assumeTrue(Files.isRegularFile(CORPUS.resolve("DIRS.json")), "corpus not present");
        JsonNode dirs = new ObjectMapper().readTree(CORPUS.resolve("DIRS.json").toFile());
        LintEngine engine = new LintEngine();
        Map<String, Integer> byRule = new TreeMap<>();
        List<String> unexpectedErrors = new ArrayList<>();
        int count = 0;
        for (var it = dirs.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().path("core_only").asBoolean()) {
                continue;
            }
            count++;
            Path dir = CORPUS.resolve(entry.getValue().path("path").asText("tests/" + entry.getKey()));
            ManifestSet set = ManifestFixture.load(read(dir));
            List<Finding> findings = engine.run(set, LintSettings.defaults());
            for (Finding f : findings) {
                byRule.merge(f.id(), 1, Integer::sum);
                System.out.println(entry.getKey() + ": " + f.consoleLine().replace('\n', ' '));
                if (f.severity() == Severity.ERROR && !f.id().equals("required-isolation")) {
                    unexpectedErrors.add(entry.getKey() + ": " + f.consoleLine());
                }
            }
        }
        System.out.println("lint findings over " + count + " core-only corpus directories, by rule: " + byRule);
        assertThat(count).isGreaterThan(100);
        assertThat(unexpectedErrors).isEmpty();
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
