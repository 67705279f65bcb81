package io.reelhub.wiring;

import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

import io.reelhub.catalog.CatalogException;
import io.reelhub.catalog.ModelCatalog;

/**
 * The model catalog as the hub would load it ({@code reelhub.catalog.location}), or why it cannot be loaded, with
 * the catalog file's lines so that its problems can be reported where they are written.
 *
 * @param name    how reports name the catalog file
 * @param catalog the catalog, or null when it has problems
 * @param error   the catalog's own report of its problems, or null
 * @param file    the catalog file's lines, or null when it is not a file on disk
 */
record CatalogLoad(String name, ModelCatalog catalog, CatalogException error, YamlFile file) {

    static CatalogLoad from(String location, Path configDir) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        String name = location;
        YamlFile file = null;
        try {
            if (resource.isFile()) {
                Path path = resource.getFile().toPath().toAbsolutePath().normalize();
                name = path.startsWith(configDir) ? configDir.relativize(path).toString() : path.toString();
                file = YamlFile.read(path, name);
            }
        } catch (java.io.IOException notAFile) {
            // reported below when the catalog itself cannot be read
        }
        try {
            return new CatalogLoad(name, new ModelCatalog(resource), null, file);
        } catch (CatalogException e) {
            return new CatalogLoad(name, null, e, file);
        } catch (RuntimeException e) {
            return new CatalogLoad(name, null, new CatalogException(name, List.of(String.valueOf(e.getMessage()))),
                    file);
        }
    }
}
