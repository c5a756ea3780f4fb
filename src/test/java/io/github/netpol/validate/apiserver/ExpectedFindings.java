package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation case files: YAML under a test-resource directory whose first line names the finding expected and
 * where ({@code # expect: code line:col}).
 */
final class ExpectedFindings {

    private static final Pattern EXPECT = Pattern.compile("# expect: ([a-z-]+) (\\d+):(\\d+)");

    private ExpectedFindings() {
    }

    /** The {@code .yaml} files of a test-resource directory, by name. */
    static Stream<Path> files(String dir) throws IOException, URISyntaxException {
        Path root = Path.of(ExpectedFindings.class.getClassLoader().getResource(dir).toURI());
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** Asserts that the findings hold the error the file's first line expects, at its line and column. */
    static void assertExpected(Path file, String what, List<String> lines, List<Finding> findings) {
        Matcher m = EXPECT.matcher(lines.get(0));
        assertThat(m.matches()).as("first line of %s", file).isTrue();
        assertThat(findings).as("findings of %s%s: %s", file.getFileName(), what, findings.stream()
                        .map(f -> f.id() + " " + f.location().line() + ":" + f.location().column()).toList())
                .anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo(m.group(1));
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.location().line()).isEqualTo(Integer.parseInt(m.group(2)));
                    assertThat(f.location().column()).isEqualTo(Integer.parseInt(m.group(3)));
                });
    }
}
