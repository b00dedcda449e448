/**
 * The Freshet runtime: one package per job a user would name. {@code cli/} is the command line of
 * a feature repository's jar; {@code registry/} gives the rest of the runtime the repository's
 * generated registry.
 */
package dev.freshet.runtime;
