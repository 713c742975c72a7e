/**
 * The {@code coreos4j} command: {@link dev.coreos4j.cli.Main} parses the arguments with picocli and dispatches
 * through {@link dev.coreos4j.cli.CoreosCommand} to one subcommand package per library ({@code ignition},
 * {@code butane}, {@code ostree}, {@code admin}, {@code container}, {@code plan}, {@code snapshot}) and the
 * {@code demo}. A command parses its arguments, calls a library, and formats the result; it holds no domain logic.
 *
 * <p>Contracts shared by every command: the exit codes of {@link dev.coreos4j.cli.ExitCode} (0 success, 1 invalid
 * content, 2 usage errors and unreadable files); every input file goes through {@link dev.coreos4j.cli.InputFiles}
 * (a size limit, strict UTF-8); every JSON document is written by {@code dev.coreos4j.cli.output.JsonOut} with
 * Jackson, never by string concatenation; problems print as {@code dev.coreos4j.cli.output.ProblemOutput} shows
 * them. Nothing here is API: the packages are the command's implementation.
 *
 * <p>Null policy: every package of the CLI is {@code @NullMarked}; picocli injects the {@code @Option},
 * {@code @Parameters}, {@code @Spec}, {@code @Mixin} and {@code @ParentCommand} fields before {@code call()} runs
 * (the build tells NullAway so); an optional option without a default is {@code @Nullable}.
 */
@NullMarked
package dev.coreos4j.cli;

import org.jspecify.annotations.NullMarked;
