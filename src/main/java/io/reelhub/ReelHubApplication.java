package io.reelhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReelHubApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReelHubApplication.class, args);
    }
}
