package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Label-selector matching as the API server does it (SEMANTICS 1.4 "Label selectors"). */
class SelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");

    @Test
    void anAbsentOrEmptySelectorSelectsEverything() {
        assertThat(Selector.of(null).selectsAll()).isTrue();
        assertThat(Selector.of(new LabelSelector()).selectsAll()).isTrue();
        assertThat(Selector.of(new LabelSelector(List.of(), Map.of())).matches(Map.of())).isTrue();
        assertThat(Selector.of(labels(Map.of("app", "web"))).selectsAll()).isFalse();
    }

    @Test
    void matchLabelsAndMatchExpressionsAreAnded() {
        LabelSelector s = new LabelSelector(List.of(req("tier", "In", "front", "back")), Map.of("app", "web"));
        assertThat(Selector.of(s).matches(WEB)).isTrue();
        assertThat(Selector.of(s).matches(Map.of("app", "web"))).isFalse();
        assertThat(Selector.of(s).matches(Map.of("app", "api", "tier", "front"))).isFalse();
    }

    @Test
    void notInAndDoesNotExistMatchObjectsWithoutTheKey() {
        assertThat(matches(req("env", "NotIn", "prod"), WEB)).isTrue();
        assertThat(matches(req("app", "NotIn", "web"), WEB)).isFalse();
        assertThat(matches(req("env", "DoesNotExist"), WEB)).isTrue();
        assertThat(matches(req("app", "DoesNotExist"), WEB)).isFalse();
        assertThat(matches(req("app", "Exists"), WEB)).isTrue();
        assertThat(matches(req("env", "Exists"), WEB)).isFalse();
        assertThat(matches(req("env", "In", "prod"), WEB)).isFalse();
    }

    @Test
    void anOperatorTheApiServerRejectsMatchesNothing() {
        assertThat(matches(req("app", "in", "web"), WEB)).isFalse();
        assertThat(matches(req("app", null, "web"), WEB)).isFalse();
        assertThat(Selector.of(new LabelSelector(List.of(req("app", "Equals", "web")), null)).requirements())
                .singleElement().extracting(Selector.Requirement::operator).isEqualTo(Selector.Operator.INVALID);
    }

    @Test
    void aNullValueReadsAsTheEmptyStringAsGoDecodesIt() {
        Map<String, String> written = new HashMap<>();
        written.put("app", null);
        assertThat(Selector.of(labels(written)).matches(Map.of("app", ""))).isTrue();
        assertThat(matches(req("app", "In", (String) null), Map.of("app", ""))).isTrue();
        assertThat(matches(req("app", "In", (String) null), Map.of())).isFalse();
    }

    @Test
    void keysAreListedMatchLabelsFirstInTheirWrittenOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("b", "1");
        ordered.put("a", "2");
        LabelSelector s = new LabelSelector(List.of(req("c", "Exists")), ordered);
        assertThat(Selector.of(s).keys()).containsExactly("b", "a", "c");
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        return Selector.of(new LabelSelector(List.of(r), null)).matches(labels);
    }

    private static LabelSelector labels(Map<String, String> matchLabels) {
        return new LabelSelector(null, matchLabels);
    }

    private static LabelSelectorRequirement req(String key, String operator, String... values) {
        return new LabelSelectorRequirement(key, operator, values.length == 0 ? null : Arrays.asList(values));
    }
}
