package io.reelhub.social;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one HTTP client the scheduler connectors share, with the timeouts of {@code reelhub.social}. */
@Configuration(proxyBeanMethods = false)
class SocialConfiguration {

    @Bean
    SchedulerHttp schedulerHttp(SocialProperties properties) {
        return new SchedulerHttp(properties.connectTimeout(), properties.requestTimeout());
    }
}
