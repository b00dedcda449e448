/**
 * The definitions of a feature repository as plain data, and the small contracts generated code
 * implements: {@link dev.freshet.spec.FeatureRegistry} (every definition, found at run time through
 * {@link java.util.ServiceLoader}), {@link dev.freshet.spec.FeatureRow} and {@link
 * dev.freshet.spec.Materializer} (source records to typed rows, without reflection). Each
 * definition's record has a builder that names its parts, which the generated registry uses.
 */
package dev.freshet.spec;
