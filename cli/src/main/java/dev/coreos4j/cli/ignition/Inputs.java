package dev.coreos4j.cli.ignition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a config argument: a file path, or {@code -} for standard input. */
final class Inputs {
    private Inputs() {}

    static byte[] read(String name, InputStream stdin) throws IOException {
        return dev.coreos4j.cli.InputFiles.read(name, stdin);
    }

    /** Whether the argument names a directory (standard input never does). */
    static boolean isDirectory(String name) {
        try {
            return !name.equals("-") && Files.isDirectory(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * The error Go's {@code os.ReadFile(name)} would give, as {@code ignition-validate} prints it after
     * {@code couldn't read config: } ({@code open X: no such file or directory}, {@code read X: is a directory}, …).
     */
    static String goReadError(String name, Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.NotDirectoryException) {
            return "open " + name + ": "
                    + (e instanceof java.nio.file.NotDirectoryException
                            ? "not a directory"
                            : "no such file or directory");
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "open " + name + ": permission denied";
        }
        if (e instanceof java.nio.file.InvalidPathException) {
            return "open " + name + ": invalid argument";
        }
        if (!name.equals("-") && Files.isDirectory(Path.of(name))) {
            return "read " + name + ": is a directory";
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return (name.equals("-") ? "read /dev/stdin: " : "open " + name + ": ") + why;
    }
}
