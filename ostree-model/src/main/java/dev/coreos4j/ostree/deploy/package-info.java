/**
 * OSTree deployments: the pure deployment-list state machine ({@link dev.coreos4j.ostree.deploy.DeploymentList})
 * with libostree's ordering and retention rules and rpm-ostree's rollback, and an on-disk sysroot
 * ({@link dev.coreos4j.ostree.deploy.Sysroot}) laid out as libostree writes it.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Everything in the model ({@link dev.coreos4j.ostree.deploy.DeploymentList},
 *       {@link dev.coreos4j.ostree.deploy.Deployment}, {@link dev.coreos4j.ostree.deploy.KernelArgs},
 *       {@link dev.coreos4j.ostree.deploy.DeployOptions}, …) is an immutable value and thread-safe; transitions never
 *       touch a disk and return a new list or a typed refusal ({@link dev.coreos4j.ostree.deploy.Transition}, with a
 *       {@link dev.coreos4j.ostree.deploy.Refusal}). Expected refusals (a held lock, an unknown stateroot, a failed
 *       /etc merge) are results, never exceptions.
 *   <li>Caller mistakes (an invalid stateroot name, a negative serial, a broken invariant of a value) throw
 *       {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException}, naming the argument;
 *       disk faults and inconsistent sysroots throw {@link java.io.IOException}, naming the file.
 *   <li>{@link dev.coreos4j.ostree.deploy.Sysroot} is a facade over package-private parts split as libostree splits
 *       ostree's src/libostree/ostree-sysroot*.c (reading the list, BLS entries, the deployment writer, the bootloader
 *       writer, kernel installation, origin files, cleanup); every write is crash-safe: the bootloader swap is the one
 *       visible change. A {@code Sysroot} is not thread-safe; writers serialise on the sysroot lock.
 *   <li>Null is never a valid argument or result unless a parameter, component or return type is marked
 *       {@link org.jspecify.annotations.Nullable}; absent results are {@link java.util.Optional} return values, never
 *       {@code Optional} parameters.
 * </ul>
 */
@NullMarked
package dev.coreos4j.ostree.deploy;

import org.jspecify.annotations.NullMarked;
