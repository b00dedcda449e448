package dev.freshet.runtime.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry in PostgreSQL, shared by every process of a deployment (as the reference scenario's
 * SQL registry). Its two tables are created on first use.
 */
public final class SqlRegistryStore implements RegistryStore {
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS freshet_objects (
        project    TEXT NOT NULL,
        object_key TEXT NOT NULL,
        definition TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (project, object_key));
      CREATE TABLE IF NOT EXISTS freshet_intervals (
        project      TEXT NOT NULL,
        feature_view TEXT NOT NULL,
        start_ts     TIMESTAMPTZ NOT NULL,
        end_ts       TIMESTAMPTZ NOT NULL,
        recorded_at  TIMESTAMPTZ NOT NULL);
      CREATE INDEX IF NOT EXISTS freshet_intervals_view ON freshet_intervals (project, feature_view);
      ALTER TABLE freshet_intervals ADD COLUMN IF NOT EXISTS online_store TEXT NOT NULL DEFAULT '';
      """;

  private final String url;
  private final String username;
  private final String password;
  private final String project;
  private boolean schemaReady;

  public SqlRegistryStore(String url, String username, String password, String project) {
    if (url == null || url.isBlank()) {
      throw new RegistryException(
          "freshet.registry.type is sql but freshet.registry.url is not set; give a JDBC URL such as"
              + " jdbc:postgresql://localhost:5432/freshet");
    }
    this.url = url;
    this.username = username;
    this.password = password;
    this.project = project;
  }

  @Override
  public Map<String, String> appliedObjects() {
    return query(
        connection -> {
          Map<String, String> objects = new TreeMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT object_key, definition FROM freshet_objects WHERE project = ?")) {
            select.setString(1, project);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                objects.put(rows.getString(1), rows.getString(2));
              }
            }
          }
          return objects;
        });
  }

  @Override
  public void replaceObjects(Map<String, String> objects) {
    query(
        connection -> {
          connection.setAutoCommit(false);
          try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM freshet_objects WHERE project = ?");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO freshet_objects (project, object_key, definition, applied_at) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, project);
            delete.executeUpdate();
            Timestamp now = Timestamp.from(Instant.now());
            for (Map.Entry<String, String> object : objects.entrySet()) {
              insert.setString(1, project);
              insert.setString(2, object.getKey());
              insert.setString(3, object.getValue());
              insert.setTimestamp(4, now);
              insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
          } catch (SQLException e) {
            connection.rollback();
            throw e;
          }
          return null;
        });
  }

  @Override
  public List<Interval> intervals(String view, String store) {
    return query(
        connection -> {
          List<Interval> intervals = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT start_ts, end_ts FROM freshet_intervals"
                      + " WHERE project = ? AND feature_view = ? AND online_store = ?"
                      + " ORDER BY end_ts, start_ts")) {
            select.setString(1, project);
            select.setString(2, view);
            select.setString(3, store);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                intervals.add(
                    new Interval(
                        rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant()));
              }
            }
          }
          return intervals;
        });
  }

  @Override
  public void recordInterval(String view, String store, Interval interval) {
    query(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO freshet_intervals"
                      + " (project, feature_view, online_store, start_ts, end_ts, recorded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, project);
            insert.setString(2, view);
            insert.setString(3, store);
            insert.setTimestamp(4, Timestamp.from(interval.start()));
            insert.setTimestamp(5, Timestamp.from(interval.end()));
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void forgetView(String view) {
    query(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM freshet_intervals WHERE project = ? AND feature_view = ?")) {
            delete.setString(1, project);
            delete.setString(2, view);
            delete.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public String describe() {
    return "sql " + url.replaceAll("password=[^&]*", "password=***");
  }

  @Override
  public void close() {}

  /**
   * A PostgreSQL session-level advisory lock on the hash of project and name, held by a connection
   * of its own until closed; a process that dies releases it with its connection.
   */
  @Override
  public Optional<RegistryLock> tryLock(String name) {
    long key = lockKey(project + "/" + name);
    try {
      Connection connection = DriverManager.getConnection(url, username, password);
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        statement.setLong(1, key);
        try (ResultSet result = statement.executeQuery()) {
          if (result.next() && result.getBoolean(1)) {
            return Optional.of(() -> release(connection, key));
          }
        }
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      throw new RegistryException(
          "cannot take the lock "
              + name
              + " in the registry at "
              + describe()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void release(Connection connection, long key) {
    try (connection;
        PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.execute();
    } catch (SQLException e) {
      // Closing the connection ends the session, which releases the lock anyway.
    }
  }

  /** 64 bits of the name's SHA-256: advisory locks are keyed by a bigint. */
  private static long lockKey(String name) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(digest).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T query(Work<T> work) {
    try (Connection connection = DriverManager.getConnection(url, username, password)) {
      if (!schemaReady) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(SCHEMA);
        }
        schemaReady = true;
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new RegistryException(
          "cannot use the registry at " + describe() + ": " + e.getMessage(), e);
    }
  }
}
