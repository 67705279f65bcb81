package io.reelhub.intake.mail;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may send briefs for which project: each project lists addresses ({@code bob@studio.example}) and domains
 * ({@code studio.example}, which allows every address at exactly that domain, not its subdomains). Matching ignores
 * case. An empty list allows nobody: a mailbox reachable from the internet must never queue paid generations for
 * whoever writes to it.
 */
final class SenderAllowlist {

    private final Map<String, List<String>> byProject;

    SenderAllowlist(Map<String, List<String>> byProject) {
        this.byProject = byProject == null ? Map.of() : byProject;
    }

    /** The projects {@code sender} may send briefs for, sorted; empty when the sender is not allowed at all. */
    Set<String> projectsFor(String sender) {
        if (sender == null || sender.indexOf('@') <= 0) {
            return Set.of();
        }
        String address = sender.trim().toLowerCase(Locale.ROOT);
        String domain = address.substring(address.lastIndexOf('@') + 1);
        Set<String> projects = new TreeSet<>();
        byProject.forEach((project, senders) -> {
            for (String allowed : senders == null ? List.<String>of() : senders) {
                String entry = allowed == null ? "" : allowed.trim().toLowerCase(Locale.ROOT);
                if (entry.startsWith("@")) {
                    entry = entry.substring(1);
                }
                if (!entry.isEmpty() && (entry.equals(address) || (entry.indexOf('@') < 0 && entry.equals(domain)))) {
                    projects.add(project);
                }
            }
        });
        return Collections.unmodifiableSet(projects);
    }
}
