package dev.freshet.runtime.server;

import dev.freshet.runtime.config.ServingConfig;
import dev.freshet.runtime.config.ServingConfig.Role;
import dev.freshet.runtime.error.ErrorKind;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may call what: a read server refuses writes and a push server refuses reads with 403 naming
 * the role; a configured token is required as {@code Authorization: Bearer <token>} (the scheme in
 * any case; 401 otherwise), compared in constant time and never logged. Asked by {@link
 * AccessFilter} for every request Micronaut routes, with the {@link Guarded} access of the route it
 * matched, and by {@link DirectOnlineFeatures} for the reads it answers itself.
 */
@Singleton
public class AccessRules {
  /** Why a request is refused, as its response says it. */
  public record Refusal(ErrorKind kind, String message) {}

  /** What an endpoint gives access to: which roles answer it and which token it needs. */
  public enum Access {
    /** Feature values: roles all and read, the read token. */
    READ,
    /** Pushes and materialization: roles all and push, the write token. */
    WRITE,
    /** Operating the server (/metrics, /schedules): every role, the management token. */
    MANAGE
  }

  private final Role role;
  private final byte[] readToken;
  private final byte[] writeToken;
  private final byte[] managementToken;

  public AccessRules(ServingConfig config) {
    this.role = config.getRole();
    this.readToken = bytes(config.getReadToken());
    this.writeToken = bytes(config.getWriteToken());
    this.managementToken = bytes(config.getManagementToken());
  }

  /**
   * Whether a request with this {@code Authorization} header may see what the server's health
   * details name (store paths, addresses, errors): with the management token, or the read token
   * when there is no management token.
   */
  public boolean mayOperate(@Nullable String authorization) {
    byte[] token = managementToken != null ? managementToken : readToken;
    return token != null && MessageDigest.isEqual(token, digest(bearer(authorization)));
  }

  /**
   * Null when a request for {@code endpoint}, which gives {@code access} (null: an open endpoint),
   * may go on with this {@code Authorization} header. {@code endpoint} is the route's own path,
   * never the request's spelling of it.
   */
  @Nullable
  public Refusal check(@Nullable Access access, String endpoint, @Nullable String authorization) {
    if (access == null) {
      return null;
    }
    if (access == Access.MANAGE) {
      return managementToken == null || mayOperate(authorization)
          ? null
          : new Refusal(
              ErrorKind.UNAUTHORIZED,
              endpoint + " needs the header Authorization: Bearer <management token>");
    }
    boolean read = access == Access.READ;
    boolean write = access == Access.WRITE;
    if (role == Role.INGEST) {
      return forbidden(
          "this server has role ingest; it runs stream ingestion and answers /health and /metrics, not "
              + endpoint);
    }
    if (read && role == Role.PUSH) {
      return forbidden(
          "this server has role push; it answers /push and /materialize*, not " + endpoint);
    }
    if (write && role == Role.READ) {
      return forbidden(
          "this server has role read; it answers /get-online-features and /get-historical-features, not "
              + endpoint);
    }
    byte[] token = read ? readToken : writeToken;
    if (token != null && !MessageDigest.isEqual(token, digest(bearer(authorization)))) {
      return new Refusal(
          ErrorKind.UNAUTHORIZED, endpoint + " needs the header Authorization: Bearer <token>");
    }
    return null;
  }

  private static Refusal forbidden(String message) {
    return new Refusal(ErrorKind.FORBIDDEN, message);
  }

  private static final String BEARER = "Bearer ";

  /**
   * The token of an {@code Authorization: Bearer <token>} header, empty for any other header. The
   * scheme name is case-insensitive (RFC 9110 section 11.1), so {@code bearer} and {@code BEARER}
   * are {@code Bearer}; the token is what follows its one space, compared exactly.
   */
  private static byte[] bearer(@Nullable String header) {
    return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8)
        : new byte[0];
  }

  /** Tokens are compared as SHA-256 digests: constant time, whatever their lengths. */
  private static byte[] bytes(String token) {
    return token == null || token.isEmpty() ? null : digest(token.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] digest(byte[] token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
