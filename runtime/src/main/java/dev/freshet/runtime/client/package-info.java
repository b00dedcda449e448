/**
 * Transports for the generated typed clients that need the runtime: {@link GrpcRemoteTransport}, a
 * feature server's Feast gRPC API through the messages generated from {@code src/main/proto}. The
 * in-process transport is {@link dev.freshet.runtime.serving.InProcessTransport}; HTTP's, which
 * needs only the client module, {@link dev.freshet.client.http.RemoteTransport}.
 */
package dev.freshet.runtime.client;
