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
    UNUSED_KEY_LOWERCASE("unused-key-lowercase", "2.23", "^[Uu]nused key "),
    SPECIAL_MODE_BITS_MESSAGE("special-mode-bits-message", "2.22", "^setuid/setgid/sticky bits are not supported"),
    SYSTEMD_PATH_CONFLICT("systemd-path-conflict", "2.15", "^path conflicts with systemd unit or dropin$"),
    HARD_LINK_USER_GROUP("hard-link-user-group", "2.15", "^user/group ignored for hard link$"),
    FS_OVERWRITES_PARTITIONED_DEVICE("fs-overwrites-partitioned-device", "2.15",
            "^filesystem overwrites partitioned device$"),
    FS_WIPE_TABLE_IMPLICIT("fs-wipe-table-implicit", "2.15",
            "^device matches disk with wipeTable enabled; filesystem will be wiped$"),
    TEMPLATE_UNIT_INSTALL("template-unit-install", "2.15",
            "^template unit \".*\" for \".*\" doesn't have Install section$"),
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

    /** Whether an entry with this message may differ between 2.14 and the expectation because of this change. */
    boolean explains(String message) {
        return messages.matcher(message).find();
    }

    static Optional<Post214Change> forTag(String tag) {
        return Arrays.stream(values()).filter(c -> c.tag.equals(tag)).findFirst();
    }
}
