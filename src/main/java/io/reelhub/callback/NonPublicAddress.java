package io.reelhub.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells addresses on the public internet from the ones a callback must not reach from a server: loopback, private
 * networks, link-local (cloud metadata services live at 169.254.169.254), multicast and the reserved ranges. IPv6
 * addresses that carry an IPv4 address inside are judged by that address, so {@code ::ffff:10.0.0.1} is private too.
 */
final class NonPublicAddress {

    private NonPublicAddress() {
    }

    /** What kind of non-public address this is ("loopback", "private", ...), or empty when it is public. */
    static Optional<String> kind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address v4) {
            return ipv4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return ipv6(v6.getAddress());
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("private (carrier-grade NAT)");
        }
        if (first == 192 && second == 0 && (a[2] & 0xff) == 0) {
            return Optional.of("reserved");
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("reserved (benchmarking)");
        }
        if (first >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] a) {
        if ((a[0] & 0xfe) == 0xfc) {
            return Optional.of("private (IPv6 unique local)");
        }
        boolean zeroPrefix = Arrays.equals(Arrays.copyOf(a, 12), new byte[12]);
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b && Arrays.equals(Arrays.copyOfRange(a, 4, 12), new byte[8]);
        if (zeroPrefix || nat64) {
            return kind(embeddedIpv4(a));
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return kind(embeddedIpv4(Arrays.copyOfRange(a, 2, 6)));
        }
        return Optional.empty();
    }

    private static InetAddress embeddedIpv4(byte[] address) {
        byte[] v4 = address.length == 4 ? address : Arrays.copyOfRange(address, 12, 16);
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
