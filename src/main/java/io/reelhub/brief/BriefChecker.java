package io.reelhub.brief;

import io.reelhub.catalog.ModelCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one door every brief comes through, whichever channel brought it (folder, S3, email, REST): parse, check
 * against the catalog, lint the prompt and plan the generations, reporting every problem in one answer.
 */
@Component
public class BriefChecker {

    public static final String DEFAULT_MODEL = "veo-3.1";

    private final BriefParser parser;
    private final BriefValidator validator;
    private final PromptLinter linter;

    /**
     * @param maxBytes     {@code reelhub.brief.max-bytes}: the largest brief file accepted
     * @param defaultModel {@code reelhub.brief.default-model}: the model for briefs that name none
     * @param routing      {@code reelhub.routing}: the {@code model: auto} routing table
     */
    @Autowired
    public BriefChecker(ModelCatalog catalog,
                        @Value("${reelhub.brief.max-bytes:" + BriefParser.DEFAULT_MAX_BYTES + "}") long maxBytes,
                        @Value("${reelhub.brief.default-model:" + DEFAULT_MODEL + "}") String defaultModel,
                        @Value("${reelhub.catalog.remap-retired-projects:}") java.util.Set<String> remapProjects,
                        RoutingProperties routing) {
        this(new BriefParser(maxBytes),
                new BriefValidator(catalog, routing.router(), defaultModel,
                        new BriefPlanner(catalog, new PromptCompiler()), remapProjects),
                new PromptLinter());
    }

    public BriefChecker(ModelCatalog catalog, long maxBytes, String defaultModel) {
        this(catalog, maxBytes, defaultModel, java.util.Set.of());
    }

    public BriefChecker(ModelCatalog catalog, long maxBytes, String defaultModel, java.util.Set<String> remapProjects) {
        this(catalog, maxBytes, defaultModel, remapProjects, new RoutingProperties(null, null));
    }

    /** With the defaults: 1 MiB, {@value #DEFAULT_MODEL}, the built-in routing table. */
    public BriefChecker(ModelCatalog catalog) {
        this(catalog, BriefParser.DEFAULT_MAX_BYTES, DEFAULT_MODEL);
    }

    public BriefChecker(BriefParser parser, BriefValidator validator, PromptLinter linter) {
        this.parser = parser;
        this.validator = validator;
        this.linter = linter;
    }

    /**
     * @param content  the raw bytes as received
     * @param fileName the file or object name, or null; used to tell JSON from YAML and to derive a missing id
     */
    public BriefCheck check(byte[] content, String fileName) {
        String sha256 = sha256(content == null ? new byte[0] : content);
        BriefReport report = parser.parse(content, fileName);
        List<Problem> errors = new ArrayList<>(report.errors());
        List<Problem> warnings = new ArrayList<>(report.warnings());
        if (!report.ok()) {
            return new BriefCheck(null, List.of(), errors, warnings, sha256);
        }
        Brief brief = report.brief();
        BriefValidation validation = validator.validate(brief);
        errors.addAll(validation.errors());
        warnings.addAll(validation.warnings());
        warnings.addAll(linter.lint(brief.prompt(), brief.shots()));
        return new BriefCheck(brief, validation.plan(), errors, warnings, sha256);
    }

    /**
     * For channels that know a body's size before reading it: a body over the limit is refused with its real size
     * and never read into memory.
     *
     * @param prefix at most the first {@code maxBytes + 1} bytes, used for the content hash only
     */
    public BriefCheck checkSized(byte[] prefix, long size, String fileName) {
        if (size <= parser.maxBytes()) {
            return check(prefix, fileName);
        }
        return new BriefCheck(null, List.of(), List.of(BriefText.tooLarge(size, parser.maxBytes())), List.of(),
                sha256(prefix));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
