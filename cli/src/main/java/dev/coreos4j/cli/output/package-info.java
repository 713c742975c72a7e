/**
 * The CLI's output formats shared by every command: {@link dev.coreos4j.cli.output.JsonOut} (the one JSON
 * writer, Jackson's streaming generator, pretty or compact) and {@link dev.coreos4j.cli.output.ProblemOutput} (a
 * {@code dev.coreos4j.problem.Problem} as text or as a JSON object). Stateless and thread-safe.
 */
@NullMarked
package dev.coreos4j.cli.output;

import org.jspecify.annotations.NullMarked;
