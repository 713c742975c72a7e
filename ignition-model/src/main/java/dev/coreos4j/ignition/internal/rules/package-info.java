/**
 * Ignition's validation rules (not exported), split by section as coreos/ignition's {@code config/v3_*&#47;types}
 * files are: one enum of rules per section ({@link dev.coreos4j.ignition.internal.rules.FileRule}, {@link
 * dev.coreos4j.ignition.internal.rules.PartitionRule}, {@link dev.coreos4j.ignition.internal.rules.SystemdRule}, …),
 * each constant an {@link dev.coreos4j.ignition.internal.rules.IgnitionRule} with its stable code, severity and
 * Ignition's message, and one class of checks per section ({@link dev.coreos4j.ignition.internal.rules.FileRules},
 * …) that {@link dev.coreos4j.ignition.internal.rules.Validation} runs in Ignition's walk order.
 *
 * <p>A new rule goes into the enum of its section and is emitted by that section's checks; no code is ever derived
 * from message text. Checks are pure functions of the model value and spec version. Nothing here accepts or returns
 * {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.internal.rules;

import org.jspecify.annotations.NullMarked;
