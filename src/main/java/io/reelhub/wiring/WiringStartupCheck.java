package io.reelhub.wiring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Validates the wiring before any bean of the hub exists (no database, no Camel route, no catalog bean), so a
 * mistake stops start-up with the whole report instead of the first exception some bean happens to throw. The
 * validated {@link Wiring} becomes the bean the delivery code reads.
 */
@Component
class WiringStartupCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private static final Logger LOG = LoggerFactory.getLogger(WiringStartupCheck.class);

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        long started = System.nanoTime();
        Wiring wiring = WiringLoader.load(environment);
        WiringReport report = WiringValidator.validate(wiring);
        if (!report.ok()) {
            throw new WiringException(report);
        }
        LOG.info("{} (checked in {} ms)", report.toText().strip(), (System.nanoTime() - started) / 1_000_000);
        beanFactory.registerSingleton("wiring", wiring);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
