package io.github.netpol.validate.apiserver;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written matchers agree with the API server's regular expressions they replace. */
class NameFormatsTest {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[-a-z0-9]+");

    @Test
    void matchersAgreeWithTheRegularExpressions() {
        List<String> samples = new ArrayList<>(List.of("", "a", "-", ".", "_", "A", "0", "a-", "-a", "a.b", "a..b", "a.",
                ".a", "a_b", "A_b.C-9", "kubernetes.io", "my-app", "é", "a\u0660"));
        Random rnd = new Random(42);
        String alphabet = "az09AZ-_./é ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = rnd.nextInt(7);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            samples.add(sb.toString());
        }
        for (String s : samples) {
            assertThat(NameFormats.isDns1123Label(s, 0, s.length())).as("label '%s'", s)
                    .isEqualTo(DNS1123_LABEL.matcher(s).matches());
            assertThat(NameFormats.isDns1123Subdomain(s)).as("subdomain '%s'", s)
                    .isEqualTo(DNS1123_SUBDOMAIN.matcher(s).matches());
            assertThat(NameFormats.isQualifiedName(s)).as("qualified name '%s'", s)
                    .isEqualTo(QUALIFIED_NAME.matcher(s).matches());
            assertThat(NameFormats.isIanaCharacters(s)).as("IANA characters '%s'", s)
                    .isEqualTo(IANA_SVC_NAME.matcher(s).matches());
        }
    }
}
