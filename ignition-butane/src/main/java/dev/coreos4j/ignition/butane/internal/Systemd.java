package dev.coreos4j.ignition.butane.internal;

/** go-systemd's {@code unit.UnitNamePathEscape}, which names Butane's generated mount and swap units. */
public final class Systemd {
    private Systemd() {}

    private static final String ALLOWED = ":_.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static String pathEscape(String path) {
        String clean = GoPath.clean(path);
        if (clean.equals("/")) {
            return "-";
        }
        String trimmed = clean.replaceAll("^/+|/+$", "");
        StringBuilder e = new StringBuilder();
        boolean inSlashes = false;
        boolean start = true;
        byte[] bytes = trimmed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte x : bytes) {
            int c = x & 0xFF;
            if (c == '/') {
                inSlashes = true;
                continue;
            } else if (inSlashes) {
                e.append('-');
                inSlashes = false;
            }
            if (c < 128 && ALLOWED.indexOf(c) >= 0 && !(start && c == '.')) {
                e.append((char) c);
            } else {
                e.append(String.format("\\x%02x", c));
            }
            start = false;
        }
        return e.toString();
    }
}
