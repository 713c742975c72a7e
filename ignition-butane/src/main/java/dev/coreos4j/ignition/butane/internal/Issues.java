package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.problem.Severity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Report entries under construction, with YAML paths (or JSON paths of the generated config still to be mapped
 * back). Every entry comes from a {@link ButaneRule}, or relays a problem Ignition found with its own rule's code.
 */
public final class Issues {

    /**
     * One entry.
     *
     * @param severity how bad it is
     * @param path the dotted YAML path ({@code $.storage.files.0.mode}), or the generated config's when {@code json};
     *     null when unknown
     * @param json whether {@code path} is a path of the generated Ignition config rather than of the YAML
     * @param code the code of the rule that found it
     * @param message the message
     * @param line an explicit position (the key of an unused key), or 0 to look the path up
     * @param column the column of that position
     */
    public record Issue(
            Severity severity, @Nullable String path, boolean json, String code, String message, int line, int column) {

        /** An entry of {@code rule} at {@code path} and an explicit position. */
        static Issue of(ButaneRule rule, String path, String message, int line, int column) {
            return new Issue(rule.severity(), path, false, rule.code(), message, line, column);
        }
    }

    public final List<Issue> list = new ArrayList<>();

    /** {@code rule} broken at YAML {@code path}, with the rule's message. */
    public void add(@Nullable String path, ButaneRule rule) {
        add(path, rule, rule.text());
    }

    /** {@code rule} broken at YAML {@code path}, with {@code message}. */
    public void add(@Nullable String path, ButaneRule rule, String message) {
        list.add(new Issue(rule.severity(), path, false, rule.code(), message, 0, 0));
    }

    /** {@code rule} broken at YAML {@code path} with an explicit position. */
    public void at(ButaneRule rule, String path, String message, int line, int column) {
        list.add(Issue.of(rule, path, message, line, column));
    }

    /** {@code rule} broken at {@code path} of the generated Ignition config. */
    public void addJson(String path, ButaneRule rule) {
        list.add(new Issue(rule.severity(), path, true, rule.code(), rule.text(), 0, 0));
    }

    /** A problem Ignition's own rules found (in an embedded or the generated config), relayed with its code. */
    public void relay(Severity severity, String path, boolean json, String code, String message) {
        list.add(new Issue(severity, path, json, code, message, 0, 0));
    }

    public boolean fatal() {
        return list.stream().anyMatch(i -> i.severity() == Severity.ERROR);
    }
}
