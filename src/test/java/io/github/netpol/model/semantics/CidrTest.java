package io.github.netpol.model.semantics;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CIDRs as the API server ({@code ParseCIDRSloppy}) and Go's {@code IPNet} read them; IPv4-mapped IPv6 forms are
 * the IPv4 networks they map, as {@code IPNet.Contains} and {@code IPNet.String} treat them.
 */
class CidrTest {

    @Test
    void ipv4WithHostBitsMeansTheMaskedNetwork() {
        Cidr c = parse("10.1.2.3/8");
        assertThat(c.isIpv4()).isTrue();
        assertThat(c.prefix()).isEqualTo(8);
        assertThat(c.hostBitsSet()).isTrue();
        assertThat(c.canonical()).isEqualTo("10.0.0.0/8");
        assertThat(c.first()).isEqualTo(BigInteger.valueOf(10L << 24));
        assertThat(c.last()).isEqualTo(BigInteger.valueOf((11L << 24) - 1));
        assertThat(c.size()).isEqualTo(BigInteger.ONE.shiftLeft(24));
        assertThat(parse("10.0.0.0/8").hostBitsSet()).isFalse();
    }

    @Test
    void ipv6() {
        Cidr c = parse("2001:db8::1/32");
        assertThat(c.isIpv4()).isFalse();
        assertThat(c.bits()).isEqualTo(128);
        assertThat(c.hostBitsSet()).isTrue();
        assertThat(c.canonical()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(parse("::/0").size()).isEqualTo(BigInteger.ONE.shiftLeft(128));
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4NetworkItMaps() {
        Cidr c = parse("::ffff:10.0.0.0/104");
        assertThat(c.isIpv4()).isTrue();
        assertThat(c.ipv4Mapped()).isTrue();
        assertThat(c.prefix()).isEqualTo(8);
        assertThat(c.writtenPrefix()).isEqualTo(104);
        assertThat(c.canonical()).isEqualTo("10.0.0.0/8");
        assertThat(c.display()).isEqualTo("::ffff:10.0.0.0/104 (10.0.0.0/8)");
        assertThat(c.contains(parse("10.1.0.0/16"))).isTrue();
        assertThat(c.overlaps(parse("10.255.0.0/16"))).isTrue();
        assertThat(parse("::ffff:a00:0/104")).isEqualTo(new Cidr("::ffff:a00:0/104", true, c.network(), 8, false, true, 104));
        assertThat(parse("::ffff:0.0.0.0/96").prefix()).isZero();
    }

    @Test
    void aMappedAddressWithAPrefixShorterThan96IsAnIpv6Network() {
        // masking clears part of the ffff, so the network is no longer a mapped address
        Cidr c = parse("::ffff:10.0.0.0/80");
        assertThat(c.isIpv4()).isFalse();
        assertThat(c.ipv4Mapped()).isFalse();
        assertThat(c.network()).isZero();
        assertThat(c.hostBitsSet()).isTrue();
    }

    @Test
    void exceptsAreJudgedAsTheApiServerDoes() {
        assertThat(parse("10.0.0.0/8").admitsExcept(parse("10.1.0.0/16"))).isTrue();
        assertThat(parse("10.0.0.0/8").admitsExcept(parse("10.0.0.0/8"))).isFalse();
        assertThat(parse("10.0.0.0/8").admitsExcept(parse("11.0.0.0/16"))).isFalse();
        assertThat(parse("10.0.0.0/8").admitsExcept(parse("2001:db8::/32"))).isFalse();
        // Contains reads the mapped except as IPv4; its written prefix 112 is longer than 8
        assertThat(parse("10.0.0.0/8").admitsExcept(parse("::ffff:10.1.0.0/112"))).isTrue();
        // the written prefix 104 is not shorter than 16, whatever the containment
        assertThat(parse("::ffff:10.0.0.0/104").admitsExcept(parse("10.1.0.0/16"))).isFalse();
        assertThat(parse("::ffff:10.0.0.0/104").admitsExcept(parse("::ffff:10.1.0.0/112"))).isTrue();
    }

    @Test
    void acceptsWhatGoAcceptsAndNothingElse() {
        assertThat(Cidr.parse("010.000.0.1/8")).hasValueSatisfying(c -> assertThat(c.canonical()).isEqualTo("10.0.0.0/8"));
        assertThat(Cidr.parse("10.0.0.0/0008")).hasValueSatisfying(c -> assertThat(c.prefix()).isEqualTo(8));
        assertThat(Cidr.parse("10.0.0.0/32")).isPresent();
        for (String bad : new String[] {"10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/+8", "10.0.0.0/-1", "10.0.0.0/ 8",
                "10.0.0/8", "10.0.0.256/8", "10.0.0.0.0/8", "2001:db8::/129", "2001:zz8::/32", "localhost/8", "", "/8"}) {
            assertThat(Cidr.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Cidr.parse(null)).isEmpty();
    }

    private static Cidr parse(String text) {
        return Cidr.parse(text).orElseThrow(() -> new AssertionError("does not parse: " + text));
    }
}
