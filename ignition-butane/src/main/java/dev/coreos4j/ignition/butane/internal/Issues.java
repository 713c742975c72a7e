package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.problem.Severity;
import java.util.ArrayList;
import java.util.List;

/** Report entries under construction, with YAML paths (or JSON paths still to be mapped back). */
public final class Issues {

    /**
     * One entry.
     *
     * @param json whether {@code path} is a path of the generated Ignition config rather than of the YAML
     * @param line an explicit position (the key of an unused key), or 0 to look the path up
     */
    public record Issue(
            Severity severity, String path, boolean json, String code, String message, int line, int column) {}

    public final List<Issue> list = new ArrayList<>();

    public void error(String path, String code, String message) {
        list.add(new Issue(Severity.ERROR, path, false, code, message, 0, 0));
    }

    public void warn(String path, String code, String message) {
        list.add(new Issue(Severity.WARNING, path, false, code, message, 0, 0));
    }

    public void at(Severity s, String path, String code, String message, int line, int column) {
        list.add(new Issue(s, path, false, code, message, line, column));
    }

    public void jsonError(String path, String code, String message) {
        list.add(new Issue(Severity.ERROR, path, true, code, message, 0, 0));
    }

    public void jsonWarn(String path, String code, String message) {
        list.add(new Issue(Severity.WARNING, path, true, code, message, 0, 0));
    }

    public boolean fatal() {
        return list.stream().anyMatch(i -> i.severity() == Severity.ERROR);
    }
}
