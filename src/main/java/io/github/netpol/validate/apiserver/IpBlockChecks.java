package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.github.netpol.load.JsonPointer;
import io.github.netpol.model.semantics.Cidr;

import java.util.List;
import java.util.Optional;

/**
 * ipBlock: a required, parseable cidr; every except a parseable strict subset of it ({@link Cidr#admitsExcept}).
 * Like the API server's {@code GetWarningsForCIDR}, a cidr with host bits set or in the IPv4-mapped IPv6 form is
 * accepted with a warning that names what it means.
 */
final class IpBlockChecks {

    private IpBlockChecks() {
    }

    static void check(IPBlock block, String pointer, FindingSink sink) {
        String text = block.getCidr();
        if (text == null || text.isEmpty()) {
            sink.error(FindingCode.MISSING_CIDR, pointer, "ipBlock needs a cidr, e.g. cidr: 203.0.113.0/24.");
            return;
        }
        Optional<Cidr> cidr = parsed(text, pointer + "/cidr", "cidr", sink);
        List<String> excepts = block.getExcept() == null ? List.of() : block.getExcept();
        for (int i = 0; i < excepts.size(); i++) {
            String at = JsonPointer.child(pointer + "/except", i);
            String exceptText = excepts.get(i) == null ? "" : excepts.get(i);
            Optional<Cidr> except = parsed(exceptText, at, "except entry", sink);
            if (cidr.isPresent() && except.isPresent() && !cidr.get().admitsExcept(except.get())) {
                String why = cidr.get().isIpv4() != except.get().isIpv4() ? " (it is of the other IP family)" : "";
                sink.error(FindingCode.EXCEPT_NOT_SUBSET, at, "except " + exceptText + " must be a strict subset of cidr "
                        + text + why + "; remove it or fix the range.");
            }
        }
    }

    private static Optional<Cidr> parsed(String text, String pointer, String what, FindingSink sink) {
        Optional<Cidr> cidr = Cidr.parse(text);
        if (cidr.isEmpty()) {
            sink.error(FindingCode.INVALID_CIDR, pointer, "The " + what + " '" + text
                    + "' is not a valid CIDR; write an address and a prefix length, e.g. 10.0.0.0/16 or 2001:db8::/32.");
        } else if (cidr.get().hostBitsSet()) {
            sink.warning(FindingCode.NON_CANONICAL_CIDR, pointer, "The " + what + " '" + text + "' has bits set beyond the prefix "
                    + "and means " + cidr.get().canonical() + "; write that instead.");
        } else if (cidr.get().ipv4Mapped()) {
            sink.warning(FindingCode.NON_CANONICAL_CIDR, pointer, "The " + what + " '" + text + "' is an IPv4-mapped IPv6 form "
                    + "and means the IPv4 network " + cidr.get().canonical() + "; write that instead.");
        }
        return cidr;
    }
}
