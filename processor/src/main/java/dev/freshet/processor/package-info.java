/**
 * The Freshet annotation processor. It reads a feature repository's definitions ({@code model/}),
 * checks them and reports each mistake on the user's line ({@code validation/}), against their
 * sources' files too where it can read them at compile time ({@code data/}), then writes the
 * registry, row records, materializers and typed clients ({@code writing/}). {@code step/} runs
 * these in order; {@code base/} holds what they share.
 */
package dev.freshet.processor;
