package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Choices;

import java.util.Locale;

/**
 * The release channel of the Network Policy API CRDs installed in the cluster ({@code netpol.networkPolicyApiChannel}):
 * {@code standard} by default, the stricter one; {@code experimental} adds the {@code nodes} and {@code domainNames}
 * peers and named ports of the AdminNetworkPolicy.
 */
public enum CrdChannel {
    STANDARD, EXPERIMENTAL;

    /** As the parameter and the CRDs' directories spell it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for any other word, naming the words allowed */
    public static CrdChannel parse(String text) {
        return Choices.parse(CrdChannel.class, text, "a Network Policy API channel");
    }
}
