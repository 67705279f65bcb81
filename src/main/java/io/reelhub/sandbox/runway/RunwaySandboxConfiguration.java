package io.reelhub.sandbox.runway;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts Runway's key and version check in front of the sandbox's Runway API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxEnabled
public class RunwaySandboxConfiguration implements WebMvcConfigurer {

    private final String apiKey;

    public RunwaySandboxConfiguration(@Value("${reelhub.sandbox.runway.api-key:}") String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RunwaySandboxAuth(apiKey)).addPathPatterns("/sandbox/runway/**");
    }
}
