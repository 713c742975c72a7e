package dev.coreos4j.cli.ignition;

import java.io.IOException;
import java.io.InputStream;

/** Reads a config argument: a file path, or {@code -} for standard input. */
final class Inputs {
    private Inputs() {
    }

    static byte[] read(String name, InputStream stdin) throws IOException {
        return dev.coreos4j.cli.InputFiles.read(name, stdin);
    }

    /** A JSON string literal. */
    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
