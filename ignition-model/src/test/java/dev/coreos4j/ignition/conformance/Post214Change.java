package dev.coreos4j.ignition.conformance;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The documented rule changes in Ignition after 2.14 (the installed {@code ignition-validate}) up to 2.26 (the release
 * coreos4j follows). A corpus case whose expectation differs from 2.14 names its changes in {@code post214}; the
 * oracle test accepts a difference only in entries whose message belongs to one of the named changes.
 */
enum Post214Change {
    /** A rename: 2.14's {@code Unused key K} reads {@code unused key K}. */
    UNUSED_KEY_LOWERCASE("unused-key-lowercase", "2.23", "^[Uu]nused key "),
    /** A rename: the context-tree warning lost its final period ({@code …Unused keys may not be reported}). */
    CONTEXT_TREE_MESSAGE("context-tree-message", "2.23", "^context tree does not match content tree at "),
    /** A rename (for spec up to 3.3.0): the setuid/setgid/sticky warning names 3.6.0. */
    SPECIAL_MODE_BITS_MESSAGE("special-mode-bits-message", "2.22", "^setuid/setgid/sticky bits are not supported"),
    SYSTEMD_PATH_CONFLICT("systemd-path-conflict", "2.15", "^path conflicts with systemd unit or dropin$"),
    HARD_LINK_USER_GROUP("hard-link-user-group", "2.15", "^user/group ignored for hard link$"),
    FS_OVERWRITES_PARTITIONED_DEVICE(
            "fs-overwrites-partitioned-device", "2.15", "^filesystem overwrites partitioned device$"),
    FS_WIPE_TABLE_IMPLICIT(
            "fs-wipe-table-implicit", "2.15", "^device matches disk with wipeTable enabled; filesystem will be wiped$"),
    TEMPLATE_UNIT_INSTALL(
            "template-unit-install", "2.15", "^template unit \".*\" for \".*\" doesn't have Install section$"),
    EXPERIMENTAL_3_4_DROPPED("experimental-3.4-dropped", "2.15", "^unsupported config version$");

    private final String tag;
    private final String since;
    private final Pattern messages;

    Post214Change(String tag, String since, String messages) {
        this.tag = tag;
        this.since = since;
        this.messages = Pattern.compile(messages);
    }

    /** The tag as written in the corpus. */
    String tag() {
        return tag;
    }

    /** The Ignition release that made the change. */
    String since() {
        return since;
    }

    private static final String OLD_BITS =
            "setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0";
    private static final String NEW_BITS =
            "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0";

    /** Whether this change only rewords a message (then it explains no added or missing entry). */
    boolean isRename() {
        return this == UNUSED_KEY_LOWERCASE || this == SPECIAL_MODE_BITS_MESSAGE || this == CONTEXT_TREE_MESSAGE;
    }

    /** 2.14's message as this change rewrites it (unchanged when the change is not a rename of it). */
    String rename(String message) {
        if (this == UNUSED_KEY_LOWERCASE && message.startsWith("Unused key ")) {
            return "unused key " + message.substring("Unused key ".length());
        }
        if (this == CONTEXT_TREE_MESSAGE
                && message.startsWith("context tree does not match content tree at ")
                && message.endsWith(" Unused keys may not be reported.")) {
            return message.substring(0, message.length() - 1);
        }
        if (this == SPECIAL_MODE_BITS_MESSAGE && message.equals(OLD_BITS)) {
            return NEW_BITS;
        }
        return message;
    }

    /**
     * Whether an entry with this message may be present on one side only (2.14 or the expectation) because of this
     * change; renames explain nothing of the kind, they are applied before comparing.
     */
    boolean explains(String message) {
        return !isRename() && messages.matcher(message).find();
    }

    static Optional<Post214Change> forTag(String tag) {
        return Arrays.stream(values()).filter(c -> c.tag.equals(tag)).findFirst();
    }
}
