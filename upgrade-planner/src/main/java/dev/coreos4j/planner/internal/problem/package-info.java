/**
 * Problem text shared by the planner's readers (not exported): the one-line form of a
 * {@link dev.coreos4j.problem.Problem} that snapshot, cluster and graph exceptions put in their messages.
 */
@NullMarked
package dev.coreos4j.planner.internal.problem;

import org.jspecify.annotations.NullMarked;
