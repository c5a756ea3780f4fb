package io.github.netpol.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares an output with its expected file under {@code src/test/resources/report/snapshots}. Run with
 * {@code -Dnetpol.updateSnapshots=true} to rewrite them after an intended change, then review the diff.
 */
final class Snapshots {

    private static final Path DIR = Path.of("src/test/resources/report/snapshots");

    private Snapshots() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path expected = DIR.resolve(name);
        if (Boolean.getBoolean("netpol.updateSnapshots")) {
            Files.createDirectories(DIR);
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(expected).as("snapshot %s (rewrite with -Dnetpol.updateSnapshots=true)", name).exists();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
