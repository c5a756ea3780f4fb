package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under {@code validate/invalid} names its expected finding in its first line
 * ({@code # expect: rule-id line:column}); every file under {@code validate/valid} must give no error.
 */
class ValidationCorpusTest {

    private static final Pattern EXPECT = Pattern.compile("# expect: ([a-z-]+) (\\d+):(\\d+)");

    static Stream<Path> invalid() throws IOException, URISyntaxException {
        return files("validate/invalid");
    }

    static Stream<Path> valid() throws IOException, URISyntaxException {
        return files("validate/valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidInputGivesItsErrorAtItsPosition(Path file) throws IOException {
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        Matcher m = EXPECT.matcher(first);
        assertThat(m.matches()).as("first line of %s", file).isTrue();
        List<Finding> findings = findings(file);
        assertThat(findings)
                .as("findings of %s", file.getFileName())
                .anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo(m.group(1));
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.location().line()).isEqualTo(Integer.parseInt(m.group(2)));
                    assertThat(f.location().column()).isEqualTo(Integer.parseInt(m.group(3)));
                    assertThat(f.location().file()).isEqualTo(file.getFileName().toString());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validEdgeCaseGivesNoError(Path file) throws IOException {
        assertThat(findings(file)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    private static List<Finding> findings(Path file) throws IOException {
        SourceFile source = new SourceFile(file.getFileName().toString(), Files.readAllBytes(file));
        ManifestSet set = new ManifestReader().read(List.of(source), "default");
        List<Finding> all = new ArrayList<>(set.problems());
        all.addAll(new ApiServerValidator().validate(set));
        return all;
    }

    private static Stream<Path> files(String dir) throws IOException, URISyntaxException {
        Path root = Path.of(ValidationCorpusTest.class.getClassLoader().getResource(dir).toURI());
        try (Stream<Path> list = Files.list(root)) {
            return list.sorted().toList().stream();
        }
    }
}
