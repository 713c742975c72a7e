/**
 * OSTree deployments: the pure deployment-list state machine ({@link dev.coreos4j.ostree.deploy.DeploymentList})
 * with libostree's ordering and retention rules and rpm-ostree's rollback, and an on-disk sysroot
 * ({@link dev.coreos4j.ostree.deploy.Sysroot}) laid out as libostree writes it.
 *
 * <p>Everything in the model is an immutable value; transitions return a new list or a typed refusal
 * ({@link dev.coreos4j.ostree.deploy.Transition}).
 */
package dev.coreos4j.ostree.deploy;
