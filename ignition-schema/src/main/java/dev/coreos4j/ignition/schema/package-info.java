/**
 * JSON Schemas (draft-04) of every Ignition spec version and a structural pre-check against them; start at
 * {@link dev.coreos4j.ignition.schema.Schemas}. The authoritative validator stays
 * {@link dev.coreos4j.ignition.Ignition#parse(byte[])} in {@code ignition-model}.
 */
package dev.coreos4j.ignition.schema;
