package io.github.netpol.load;

import io.github.netpol.assertions.AssertionReader;
import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.PolicyBundle;
import io.github.netpol.gate.AcceptedChangesReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every YAML the plugin reads is held to the same limits: a document that one refuses, every one refuses. */
class YamlLimitsTest {

    /** 51 aliases to one list: one more than the limit. */
    private static final String ALIASES;
    /** Nested one level deeper than the limit. */
    private static final String DEEP;
    private static final String DUPLICATE_KEY = "accepted: []\naccepted: []\n";

    static {
        StringBuilder aliases = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i <= YamlLimits.MAX_ALIASES; i++) {
            aliases.append(i == 0 ? "" : ", ").append("*a");
        }
        ALIASES = aliases.append("]\n").toString();
        DEEP = "x: " + "[".repeat(YamlLimits.MAX_NESTING + 1) + "]".repeat(YamlLimits.MAX_NESTING + 1) + "\n";
    }

    @Test
    void manifestsAcceptedChangesAssertionsAndBundlesRefuseTheSameDocuments() {
        for (String yaml : List.of(ALIASES, DEEP, DUPLICATE_KEY)) {
            assertThat(new ManifestLoader().load(List.of(new SourceFile("m.yaml", bytes(yaml)))).problems())
                    .as("manifest %s", yaml.substring(0, 12)).isNotEmpty();
            assertThat(new AcceptedChangesReader().read("netpol-accepted.yaml", yaml).problems())
                    .as("accepted changes %s", yaml.substring(0, 12)).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message()).contains("not valid YAML"));
            assertThat(new AssertionReader(Set.of()).read("t.yaml", yaml).problems())
                    .as("assertions %s", yaml.substring(0, 12)).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message()).contains("Invalid YAML"));
            assertThatThrownBy(() -> new PolicyBundle().read(bytes(yaml), "bundle"))
                    .as("bundle %s", yaml.substring(0, 12)).isInstanceOf(BaselineException.class)
                    .hasMessageContaining("is not a readable netpol bundle");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
