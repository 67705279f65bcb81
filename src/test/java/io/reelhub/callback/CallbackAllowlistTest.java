package io.reelhub.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which callback URLs the hub calls: hosts by pattern, then addresses after DNS, with no network in the test. */
class CallbackAllowlistTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.215.14",
            "a.b.studio.example", "93.184.215.15",
            "rebound.example.com", "127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "lan.example.com", "192.168.1.20");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.containsKey(host) ? DNS.get(host) : literal(host);
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private static String literal(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return host;
        }
        throw new UnknownHostException(host);
    }

    private final CallbackAllowlist allowlist = new CallbackAllowlist(
            List.of("hooks.example.com", "*.studio.example", "*.example.com", "10.0.0.1", "::1"), false,
            CallbackAllowlistTest::resolve);

    private Optional<String> refusal(String url) {
        return allowlist.refusal(URI.create(url));
    }

    @Test
    void anAllowedHostThatResolvesToAPublicAddressIsAccepted() {
        assertThat(refusal("https://hooks.example.com/reelhub")).isEmpty();
        assertThat(refusal("https://a.b.studio.example/x")).isEmpty();
    }

    @Test
    void aWildcardCoversSubdomainsButNotTheDomainItselfOrLookalikes() {
        assertThat(CallbackAllowlist.matches("*.studio.example", "a.studio.example")).isTrue();
        assertThat(CallbackAllowlist.matches("*.studio.example", "studio.example")).isFalse();
        assertThat(CallbackAllowlist.matches("*.studio.example", "evilstudio.example")).isFalse();
        assertThat(CallbackAllowlist.matches("*", "anything.example")).isTrue();
    }

    @Test
    void aHostOffTheListIsRefusedNamingTheListButNotThePath() {
        assertThat(refusal("https://evil.test/hook?token=s3cret")).get().asString()
                .contains("'evil.test' is not allowed", "hooks.example.com", "*.studio.example")
                .doesNotContain("s3cret");
    }

    @Test
    void anEmptyListTurnsCallbacksOff() {
        CallbackAllowlist none = new CallbackAllowlist(List.of(), false, CallbackAllowlistTest::resolve);
        assertThat(none.refusal(URI.create("https://hooks.example.com/"))).get().asString()
                .contains("reelhub.callbacks.allowed-hosts is empty");
    }

    @Test
    void anAllowedNameThatResolvesToAPrivateAddressIsRefusedWithTheAddress() {
        assertThat(refusal("https://rebound.example.com/")).get().asString()
                .contains("127.0.0.1", "loopback");
        assertThat(refusal("https://metadata.example.com/")).get().asString().contains("link-local");
        assertThat(refusal("https://lan.example.com/")).get().asString().contains("192.168.1.20", "private");
        assertThat(refusal("http://10.0.0.1/")).get().asString().contains("private");
        assertThat(refusal("http://[::1]:8080/")).get().asString().contains("loopback");
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(refusal("https://gone.example.com/")).get().asString().contains("does not resolve");
    }

    @Test
    void allowPrivateLetsALocalReceiverThrough() {
        CallbackAllowlist local = new CallbackAllowlist(List.of("127.0.0.1"), true, CallbackAllowlistTest::resolve);
        assertThat(local.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.8.8", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255",
            "198.18.0.1", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1",
            "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"})
    void nonPublicAddressesAreRecognised(String address) throws Exception {
        assertThat(NonPublicAddress.kind(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "64:ff9b::808:808"})
    void publicAddressesAreNot(String address) throws Exception {
        assertThat(NonPublicAddress.kind(InetAddress.getByName(address))).as(address).isEmpty();
    }
}
