package io.reelhub.sandbox.fal;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;

/**
 * The public key of the sandbox's fal webhooks, where fal's REST host serves its own
 * ({@code /.well-known/jwks.json}); no key needed, as at fal.
 */
@RestController
@ConditionalOnSandboxEnabled
public class FalJwksController {

    private final FalWebhookSigner signer;

    public FalJwksController(FalWebhookSigner signer) {
        this.signer = signer;
    }

    @GetMapping("/sandbox/fal-rest/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return signer.jwks();
    }
}
