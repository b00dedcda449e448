/**
 * Feast's gRPC API beside HTTP, in the same process, roles and tokens: {@code
 * feast.serving.ServingService} and {@code feast.serving.GrpcFeatureServer} (the messages generated
 * from {@code src/main/proto}), answered through the same read path as {@code POST
 * /get-online-features} ({@link dev.freshet.runtime.serving.OnlineFeatures}) and the same pushes
 * ({@link dev.freshet.runtime.push.Pushes}); every failure a gRPC status of its {@link
 * dev.freshet.runtime.error.ErrorKind} ({@link GrpcStatuses}). docs/grpc-api.md says how to call
 * it.
 */
package dev.freshet.runtime.server.grpc;
