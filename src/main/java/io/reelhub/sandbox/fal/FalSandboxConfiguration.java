package io.reelhub.sandbox.fal;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts fal's key check in front of the sandbox's fal queue (not its media URLs, which are public). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxEnabled
public class FalSandboxConfiguration implements WebMvcConfigurer {

    private final String key;

    public FalSandboxConfiguration(@Value("${reelhub.sandbox.fal.key:}") String key) {
        this.key = key;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FalSandboxAuth(key)).addPathPatterns("/sandbox/fal/**");
    }
}
