/**
 * What generated typed clients are made of: a {@link dev.freshet.client.FeatureTransport} that
 * fetches features for many entities in one round trip, and the {@link
 * dev.freshet.client.FeatureValue} (value, status, event time) each typed accessor returns. This
 * module provides the HTTP transport ({@code dev.freshet.client.http}), the runtime an in-process
 * one and one over gRPC ({@code grpc://}, through {@link
 * dev.freshet.client.RemoteTransportFactory}); tests may provide their own.
 */
package dev.freshet.client;
