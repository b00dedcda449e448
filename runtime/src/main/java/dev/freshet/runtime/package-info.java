/**
 * The Freshet runtime: one package per job a user would name, in floors (docs/architecture.md).
 * {@code cli/} is the command line of a feature repository's jar and {@code server/} the feature
 * server process; under them the jobs: {@code serving/} (online reads), {@code push/}, {@code
 * materialize/}, {@code historical/}, {@code streaming/}, {@code scheduling/}, {@code logging/};
 * under those the stores ({@code online/}, {@code offline/}, {@code registry/}) and what every
 * floor shares ({@code json/}, {@code error/}, {@code config/}, {@code time/}).
 */
package dev.freshet.runtime;
