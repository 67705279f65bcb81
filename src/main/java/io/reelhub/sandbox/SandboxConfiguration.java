package io.reelhub.sandbox;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the sandbox provider: its settings, its folder and its bearer check. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxEnabled
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration implements WebMvcConfigurer {

    private final SandboxProperties properties;

    public SandboxConfiguration(SandboxProperties properties) {
        this.properties = properties;
    }

    @Bean
    SandboxPaths sandboxPaths(@Value("${reelhub.home:./data}") String home) {
        return new SandboxPaths(Path.of(home).resolve("sandbox").toAbsolutePath().normalize());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SandboxAuth(properties)).addPathPatterns("/sandbox/openai/**");
    }
}
