package io.github.netpol.model.semantics;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTest {

    @Test
    void ipv4IsDottedDecimalWithLeadingZerosReadAsDecimal() {
        assertThat(IpAddress.parse("10.0.0.1")).hasValue(new IpAddress(true, BigInteger.valueOf((10L << 24) + 1)));
        assertThat(IpAddress.parse("010.0.0.01")).hasValue(new IpAddress(true, BigInteger.valueOf((10L << 24) + 1)));
        assertThat(IpAddress.parse("10.0.0")).isEmpty();
        assertThat(IpAddress.parse("10.0.0.1 ")).isEmpty();
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Address() {
        assertThat(IpAddress.parse("::ffff:10.0.0.1")).isEqualTo(IpAddress.parse("10.0.0.1"));
        assertThat(IpAddress.parse("::ffff:a00:1")).isEqualTo(IpAddress.parse("10.0.0.1"));
        assertThat(IpAddress.parse("2001:db8::1")).hasValueSatisfying(a -> assertThat(a.ipv4()).isFalse());
    }

    @Test
    void neverResolvesNames() {
        assertThat(IpAddress.parse("localhost")).isEmpty();
        assertThat(IpAddress.parse("example.com")).isEmpty();
        assertThat(IpAddress.parse("fe80::1%eth0")).isEmpty();
        assertThat(IpAddress.parse(null)).isEmpty();
    }
}
