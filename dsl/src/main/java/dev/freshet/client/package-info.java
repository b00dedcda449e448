/**
 * What generated typed clients are made of: a {@link dev.freshet.client.FeatureTransport} that
 * fetches features for many entities in one round trip, and the {@link
 * dev.freshet.client.FeatureValue} (value, status, event time) each typed accessor returns. The
 * runtime provides an in-process transport and an HTTP one; tests may provide their own.
 */
package dev.freshet.client;
