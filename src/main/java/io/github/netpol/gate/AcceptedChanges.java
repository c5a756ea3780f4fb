package io.github.netpol.gate;

import io.github.netpol.finding.Finding;

import java.util.List;
import java.util.Optional;

/** The accepted-changes file as read, with the problems found in it (errors make the check fail). */
public record AcceptedChanges(List<AcceptedChange> entries, List<Finding> problems) {

    public AcceptedChanges {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public static AcceptedChanges none() {
        return new AcceptedChanges(List.of(), List.of());
    }

    public Optional<AcceptedChange> find(String findingId) {
        return entries.stream().filter(e -> e.id().equals(findingId)).findFirst();
    }
}
