package io.github.netpol.model.semantics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code isCIDR} of the Kubernetes CEL library is Go's {@code netip.ParsePrefix} without IPv4-mapped IPv6
 * addresses. The table follows the cases of Go's {@code netip} tests: leading zeros, signs, zones, embedded IPv4,
 * the {@code ::} rules, host bits and out-of-range prefix lengths.
 */
class NetipPrefixTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.0/8, true",
        "10.1.2.3/8, true",            // host bits are accepted
        "0.0.0.0/0, true",
        "255.255.255.255/32, true",
        "192.168.1.0/24, true",
        "10.0.0.0/33, false",
        "10.0.0.0/-1, false",
        "10.0.0.0/+8, false",
        "10.0.0.0/08, false",          // a leading zero in the prefix length
        "10.0.0.0/00, false",
        "10.0.0.0/, false",
        "10.0.0.0, false",
        "010.0.0.0/8, false",          // a leading zero in an IPv4 part
        "10.00.0.0/16, false",
        "256.0.0.0/8, false",
        "10.0.0/8, false",
        "10.0.0.0.0/8, false",
        "10..0.0/8, false",
        ".10.0.0/8, false",
        "10.0.0.0./8, false",
        "1e.0.0.0/8, false",
        "' 10.0.0.0/8', false",
        "::/0, true",
        "fd00::/8, true",
        "2001:db8::/32, true",
        "2001:DB8::/32, true",
        "2001:db8:0:0:0:0:0:0/128, true",
        "2001:db8::1/129, false",
        "2001:db8::/032, false",
        "::1.2.3.4/128, true",         // IPv4-compatible, not mapped
        "64:ff9b::1.2.3.4/96, true",
        "::ffff:1.2.3.4/128, false",   // IPv4-mapped
        "::ffff:0102:0304/128, false", // IPv4-mapped in hex
        "::ffff:10.0.0.0/104, false",
        "::ffff:1.2.3.04/128, false",
        "fe80::1%eth0/64, false",      // zones are never part of a prefix
        "2001:db8::1::/64, false",
        "2001:db8:::/64, false",
        "1:2:3:4:5:6:7:8:9/64, false",
        "1:2:3:4:5:6:7::8/64, false",  // :: must stand for at least one group
        "1:2:3:4:5:6:7:8::/64, false",
        "12345::/16, false",
        "g::/16, false",
        "1:2:3:4:5:6:1.2.3.4/128, true",
        "1:2:3:4:5:1.2.3.4/128, false",
        "2001:db8:/32, false",
        ":2001:db8::/32, false",
        "/8, false",
        "'', false",
        "10.0.0.0/8/8, false",
    })
    void isCidrAsGoReadsIt(String text, boolean accepted) {
        assertThat(NetipPrefix.problem(text) == null).as(String.valueOf(NetipPrefix.problem(text))).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, true, true",
        "10.0.0.0/08, true, false",
        "010.0.0.0/8, false, false",
        "::ffff:10.0.0.0/104, true, true",
        "fe80::1%eth0/64, false, false",
        "10.0.0.1, false, false",
        "10.0.0.0/33, false, false",
        "2001:db8::/0128, true, false",
    })
    void parseCidrAndParsePrefixAsGoReadThem(String text, boolean parseCidr, boolean parsePrefix) {
        assertThat(NetipPrefix.parseCidrProblem(text) == null).as("ParseCIDR " + NetipPrefix.parseCidrProblem(text))
                .isEqualTo(parseCidr);
        assertThat(NetipPrefix.parsePrefixProblem(text) == null).as("ParsePrefix").isEqualTo(parsePrefix);
    }
}
