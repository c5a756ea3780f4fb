package io.github.netpol.model.semantics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyPortCoversTest {

    @Test
    void rangesProtocolsAndNamesCoverExactly() {
        PolicyPort tcp80to90 = PolicyPort.range("TCP", 80, 90);
        assertThat(tcp80to90.covers(PolicyPort.range("TCP", 85, 90))).isTrue();
        assertThat(tcp80to90.covers(PolicyPort.range("TCP", 85, 91))).isFalse();
        assertThat(tcp80to90.covers(PolicyPort.range("UDP", 85, 85))).isFalse();
        assertThat(tcp80to90.covers(PolicyPort.anyPortOf("TCP"))).isFalse();
        assertThat(PolicyPort.anyPortOf("TCP").covers(tcp80to90)).isTrue();
        // a name may resolve to any number: only the same name covers it, and it covers no number
        PolicyPort web = PolicyPort.namedAnyProtocol("web");
        assertThat(web.covers(PolicyPort.namedAnyProtocol("web"))).isTrue();
        assertThat(web.covers(PolicyPort.namedAnyProtocol("dns"))).isFalse();
        assertThat(tcp80to90.covers(web)).isFalse();
        assertThat(web.covers(PolicyPort.range("TCP", 80, 80))).isFalse();
    }

    @Test
    void anEmptyListMatchesEveryPortAndIsCoveredOnlyByAnEmptyList() {
        List<PolicyPort> some = List.of(PolicyPort.range("TCP", 80, 80));
        assertThat(PolicyPort.covers(List.of(), some)).isTrue();
        assertThat(PolicyPort.covers(some, List.of())).isFalse();
        assertThat(PolicyPort.covers(List.of(PolicyPort.range("TCP", 1, 100), PolicyPort.range("UDP", 53, 53)),
                List.of(PolicyPort.range("UDP", 53, 53), PolicyPort.range("TCP", 80, 80)))).isTrue();
    }
}
