package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SenderAllowlistTest {

    private final SenderAllowlist allowlist = new SenderAllowlist(Map.of(
            "acme-spring", List.of("acme.example", "Boss@Studio.example"),
            "acme-summer", List.of("@acme.example")));

    @Test
    void aDomainAllowsEveryAddressAtExactlyThatDomain() {
        assertThat(allowlist.projectsFor("anyone@ACME.example")).containsExactly("acme-spring", "acme-summer");
        assertThat(allowlist.projectsFor("anyone@mail.acme.example")).isEmpty();
        assertThat(allowlist.projectsFor("anyone@notacme.example")).isEmpty();
    }

    @Test
    void anAddressAllowsOnlyThatAddress() {
        assertThat(allowlist.projectsFor("boss@studio.example")).containsExactly("acme-spring");
        assertThat(allowlist.projectsFor("intern@studio.example")).isEmpty();
    }

    @Test
    void nobodyIsAllowedByAnEmptyListOrWithoutAnAddress() {
        assertThat(new SenderAllowlist(Map.of()).projectsFor("boss@studio.example")).isEmpty();
        assertThat(allowlist.projectsFor(null)).isEmpty();
        assertThat(allowlist.projectsFor("acme.example")).isEmpty();
    }
}
