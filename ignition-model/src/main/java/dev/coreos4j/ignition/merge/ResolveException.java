package dev.coreos4j.ignition.merge;

import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;

/**
 * A referenced config could not be fetched, verified, decompressed or parsed, the references form a cycle, or they
 * nest too deep. Each report entry's path is the JSON path of the reference inside the config that holds it, and its
 * message names the URL and the chain of URLs that led to it.
 */
public class ResolveException extends IgnitionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a one-line summary
     * @param report  the reasons; never null
     */
    public ResolveException(String message, Report report) {
        super(message, report);
    }
}
