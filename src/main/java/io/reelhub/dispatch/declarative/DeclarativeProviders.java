package io.reelhub.dispatch.declarative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.reelhub.dispatch.ProviderCalls;
import io.reelhub.dispatch.LocalServer;
import io.reelhub.dispatch.OutputDownload;
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.ProviderSource;
import io.reelhub.dispatch.VideoProvider;
import io.reelhub.dispatch.WireModels;

/**
 * Every {@code *.provider.yaml} in the connectors folder, read and checked at start-up: a broken file stops the hub
 * with the file and its problems. A file whose credential variable is unset is checked but not used, as a built-in
 * protocol without its key is not configured; the catalog's entry under the file's name routes models to it.
 */
@Component
class DeclarativeProviders implements ProviderSource {

    private static final Logger LOG = LoggerFactory.getLogger(DeclarativeProviders.class);

    private final List<VideoProvider> providers = new ArrayList<>();

    DeclarativeProviders(@Value("${reelhub.providers.declarative.location:connectors}") String location,
                         Environment environment, WireModels wireModels, LocalServer local, ProviderHttp http,
                         ObjectMapper json) {
        Path folder = Path.of(location);
        if (!Files.isDirectory(folder)) {
            return;
        }
        ProviderFileReader reader = new ProviderFileReader();
        for (Path path : files(folder)) {
            ProviderFileReader.Checked checked = reader.read(path);
            String credential = environment.getProperty(checked.file().credentialEnv(), "");
            if (credential.isBlank()) {
                LOG.info("Provider file {} is valid; provider '{}' is off until {} is set", path.getFileName(),
                        checked.name(), checked.file().credentialEnv());
                continue;
            }
            String baseUrl = environment.resolveRequiredPlaceholders(checked.file().baseUrl());
            providers.add(new DeclarativeProvider(checked, local.baseUrl(baseUrl), credential,
                    wireModels.on(checked.name()), new ProviderCalls(checked.name(), http, json),
                    new OutputDownload(checked.name(), http)));
            LOG.info("Provider '{}' configured from {}", checked.name(), path.getFileName());
        }
    }

    @Override
    public List<VideoProvider> providers() {
        return List.copyOf(providers);
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ProviderFileReader.SUFFIX)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list provider files in " + folder, e);
        }
    }
}
