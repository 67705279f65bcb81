package io.reelhub.sandbox.kling;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts Kling's JWT check in front of the sandbox's Kling API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxEnabled
public class KlingSandboxConfiguration implements WebMvcConfigurer {

    private final String accessKey;
    private final String secretKey;

    public KlingSandboxConfiguration(@Value("${reelhub.sandbox.kling.access-key:}") String accessKey,
                                     @Value("${reelhub.sandbox.kling.secret-key:}") String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KlingSandboxAuth(accessKey, secretKey)).addPathPatterns("/sandbox/kling/**");
    }
}
