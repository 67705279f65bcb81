package io.reelhub.intake.s3;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.services.s3.S3Client;

import io.reelhub.dispatch.DispatchProperties;
import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.RejectionReport;

/**
 * The S3 intake's beans, created only when {@code reelhub.intake.s3.enabled=true} (the route {@code intake-s3} has
 * the same precondition). The route names the client explicitly ({@code amazonS3Client: "#s3IntakeClient"}), so the
 * endpoint, path style and checksum settings built here are the ones its consumer uses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "reelhub.intake.s3", name = "enabled", havingValue = "true")
class S3IntakeConfiguration {

    @Bean(destroyMethod = "close")
    S3Client s3IntakeClient(S3IntakeProperties settings) {
        settings.check();
        return settings.access().newClient();
    }

    @Bean
    S3Intake s3Intake(BriefIntake intake, RejectionReport rejections, ObjectMapper json, JdbcTemplate jdbc,
                      Clock clock, PlatformTransactionManager transactions, S3Client s3IntakeClient,
                      S3IntakeProperties settings, DispatchProperties dispatch,
                      @Value("${reelhub.brief.max-bytes:1048576}") long maxBytes) {
        return new S3Intake(intake, rejections, new QuarantineReport(json), new S3ObjectLedger(jdbc, json, clock),
                new S3IntakeBucket(s3IntakeClient), new TransactionTemplate(transactions), settings, maxBytes,
                dispatch.nodeId());
    }
}
