package io.github.netpol.maven;

import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InputDigestTest {

    private static final List<SourceFile> SOURCES = List.of(file("a.yaml", "kind: NetworkPolicy\n"), file("b.yaml", "x: 1\n"));
    private static final Map<String, Object> SETTINGS = Map.of("failOn", List.of("widening"), "baseline", "auto");

    private static SourceFile file(String path, String content) {
        return new SourceFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(List<SourceFile> sources, Map<String, ?> settings, List<SourceFile> baseline) {
        return InputDigest.of("check", "1.0").settings(settings).files("sources", sources).files("baseline", baseline).hex();
    }

    @Test
    void sameInputsGiveTheSameDigestWhateverTheSettingsOrder() {
        Map<String, Object> reordered = new HashMap<>();
        reordered.put("baseline", "auto");
        reordered.put("failOn", List.of("widening"));
        assertThat(digest(SOURCES, SETTINGS, SOURCES)).hasSize(64).isEqualTo(digest(SOURCES, reordered, SOURCES));
    }

    @Test
    void oneByteOfASourceTheConfigurationOrTheBaselineChangesTheDigest() {
        String before = digest(SOURCES, SETTINGS, SOURCES);
        List<SourceFile> edited = List.of(SOURCES.get(0), file("b.yaml", "x: 2\n"));
        assertThat(digest(edited, SETTINGS, SOURCES)).isNotEqualTo(before);
        assertThat(digest(SOURCES, Map.of("failOn", List.of("widening"), "baseline", "autO"), SOURCES)).isNotEqualTo(before);
        assertThat(digest(SOURCES, SETTINGS, edited)).isNotEqualTo(before);
        assertThat(InputDigest.of("check", "1.1").settings(SETTINGS).files("sources", SOURCES).files("baseline", SOURCES).hex())
                .isNotEqualTo(before);
    }

    @Test
    void movingBytesBetweenPathAndContentOrBetweenGroupsChangesTheDigest() {
        String a = InputDigest.of("g", "1").files("sources", List.of(file("ab", "c"))).files("baseline", List.of()).hex();
        String b = InputDigest.of("g", "1").files("sources", List.of(file("a", "bc"))).files("baseline", List.of()).hex();
        String c = InputDigest.of("g", "1").files("sources", List.of()).files("baseline", List.of(file("ab", "c"))).hex();
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(InputDigest.of("g", "1").text("k", null).hex()).isNotEqualTo(InputDigest.of("g", "1").text("k", "").hex());
    }

    @Test
    void theRecordMatchesOnlyWhatWasRememberedAndIsGoneOnceForgotten(@TempDir Path dir) throws Exception {
        DigestRecord record = DigestRecord.of(dir.resolve("netpol"), "validate");
        assertThat(record.matches("abc")).isFalse();
        record.remember("abc");
        assertThat(record.file()).hasFileName("validate.digest");
        assertThat(record.matches("abc")).isTrue();
        assertThat(record.matches("abd")).isFalse();
        record.forget();
        assertThat(record.matches("abc")).isFalse();
    }
}
