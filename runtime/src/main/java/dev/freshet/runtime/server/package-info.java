/**
 * The feature server process, on top of the jobs it exposes: its bootstrap ({@link
 * dev.freshet.runtime.server.FeatureServer}: apply, materialize, ingestion, schedules, listen), its
 * transports (Micronaut's routes, a Netty handler of its own for reads, and Feast's gRPC API in
 * {@code grpc/}, a {@link dev.freshet.runtime.server.SideTransport}), access rules (roles and
 * tokens, checked on the route), and the mapping of every failure to its {@link
 * dev.freshet.runtime.error.ErrorKind} and status. Nothing below it imports it.
 */
package dev.freshet.runtime.server;
