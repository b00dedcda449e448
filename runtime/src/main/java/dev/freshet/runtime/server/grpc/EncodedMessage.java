package dev.freshet.runtime.server.grpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A protobuf message already written into its bytes ({@link GrpcAnswers}), which gRPC sends as they
 * are: its length known up front, drained into the call's buffers in one write.
 */
record EncodedMessage(byte[] bytes) {
  static final MethodDescriptor.Marshaller<EncodedMessage> MARSHALLER =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(EncodedMessage message) {
          return new Stream(message.bytes());
        }

        @Override
        public EncodedMessage parse(InputStream stream) {
          try {
            return new EncodedMessage(stream.readAllBytes());
          } catch (IOException e) {
            throw new IllegalArgumentException("cannot read a message", e);
          }
        }
      };

  private static final class Stream extends ByteArrayInputStream implements KnownLength, Drainable {
    Stream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
