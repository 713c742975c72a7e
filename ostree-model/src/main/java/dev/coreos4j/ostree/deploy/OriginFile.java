package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's {@code .origin} keyfile, as libostree writes it beside the deployment directory: {@code [origin]}
 * with {@code refspec=} or {@code container-image-reference=}, and {@code [libostree-transient] pinned=true} for a
 * pinned deployment. Also the reader of GLib keyfile groups that the staged state shares.
 *
 * @param origin what the deployment follows
 * @param pinned whether {@code [libostree-transient] pinned=true} is set
 */
record OriginFile(Origin origin, boolean pinned) {

    /**
     * Reads an origin file.
     *
     * @throws NoSuchFileException when it is missing
     * @throws IOException when {@code [origin]} names neither a refspec nor an image
     */
    static OriginFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing origin file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, String> origin = keys(text, "origin");
        Map<String, String> transient_ = keys(text, "libostree-transient");
        String refspec = origin.get("refspec");
        String image = origin.get("container-image-reference");
        Origin o;
        if (refspec != null) {
            o = Origin.ofRefspec(refspec);
        } else if (image != null) {
            o = Origin.ofContainerImage(image);
        } else {
            throw new IOException(file + ": [origin] has neither refspec nor container-image-reference");
        }
        return new OriginFile(o, "true".equals(transient_.get("pinned")));
    }

    /** Writes a fresh origin file atomically. */
    static void write(Path file, Origin origin, boolean pinned) throws IOException {
        StringBuilder sb = new StringBuilder("[origin]\n");
        if (origin.refspec() != null) {
            sb.append("refspec=").append(origin.refspec()).append('\n');
        } else {
            sb.append("container-image-reference=")
                    .append(origin.containerImageReference())
                    .append('\n');
        }
        if (pinned) {
            sb.append("\n[libostree-transient]\npinned=true\n");
        }
        Fs.writeAtomically(file, sb.toString());
    }

    /**
     * Sets or removes {@code [libostree-transient] pinned=true} keeping the rest of the file, as GLib's keyfile
     * does for libostree: unpinning leaves the (then empty) group behind.
     */
    static void rewritePinned(Path file, boolean pinned) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int header = lines.indexOf("[libostree-transient]");
        if (header >= 0) {
            int end = header + 1;
            while (end < lines.size() && !lines.get(end).startsWith("[")) {
                end++;
            }
            for (int i = end - 1; i > header; i--) {
                if (lines.get(i).strip().startsWith("pinned=")) {
                    lines.remove(i);
                }
            }
            if (pinned) {
                lines.add(header + 1, "pinned=true");
            }
        } else if (pinned) {
            lines.add("");
            lines.add("[libostree-transient]");
            lines.add("pinned=true");
        }
        Fs.writeAtomically(file, String.join("\n", lines) + "\n");
    }

    /** The keys of {@code [group]} in a GLib keyfile. */
    static Map<String, String> keys(String text, String group) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                in = t.substring(1, t.length() - 1).equals(group);
            } else if (in && !t.startsWith("#")) {
                int eq = t.indexOf('=');
                if (eq > 0) {
                    out.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }
}
