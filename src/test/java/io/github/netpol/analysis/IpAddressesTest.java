package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses in examples and ranges in words, as a person would write them. */
class IpAddressesTest {

    private static String example(String... cidrs) {
        IntervalSet set = IntervalSet.empty();
        for (String c : cidrs) {
            set = set.union(IpAddresses.cidr(c).orElseThrow());
        }
        return IpAddresses.format(IpAddresses.example(set).orElseThrow());
    }

    @Test
    void examplesAreOrdinaryHostsPreferringTheDocumentationRanges() {
        assertThat(example("0.0.0.0/0")).isEqualTo("203.0.113.10");
        assertThat(example("203.0.113.0/24")).isEqualTo("203.0.113.10");
        assertThat(example("10.0.0.0/8")).isEqualTo("10.0.0.10");
        // never the network address, never 0.0.0.0: the first range outside 0.0.0.0/8, a few hosts in
        assertThat(example("0.0.0.0/5")).isEqualTo("1.0.0.10");
        assertThat(example("192.168.1.0/30")).isEqualTo("192.168.1.1");
        assertThat(example("192.168.1.7/32")).isEqualTo("192.168.1.7");
        assertThat(example("::/0")).isEqualTo("2001:db8::10");
        assertThat(example("fd00::/8")).isEqualTo("fd00::10");
    }

    @Test
    void rangesArePrintedPerFamilyAndAsCidrsWhenExact() {
        assertThat(IpAddresses.describe(IpAddresses.ALL)).isEqualTo("0.0.0.0/0, ::/0");
        assertThat(IpAddresses.describe(IpAddresses.cidr("10.0.0.0/8").orElseThrow())).isEqualTo("10.0.0.0/8");
        IntervalSet odd = IntervalSet.of(BigInteger.valueOf(0x0A000001L), BigInteger.valueOf(0x0A000005L));
        assertThat(IpAddresses.describe(odd)).isEqualTo("10.0.0.1-10.0.0.5");
        // 11.0.0.0 to the end of IPv6: one interval of the line, two ranges in words
        IntervalSet across = IntervalSet.of(BigInteger.valueOf(0x0B000000L), IpAddresses.ALL.ranges().get(0).hi());
        assertThat(IpAddresses.describe(across)).isEqualTo("11.0.0.0-255.255.255.255, ::/0");
    }
}
