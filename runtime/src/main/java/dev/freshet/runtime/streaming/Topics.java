package dev.freshet.runtime.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a stream needs when they are missing, with the partitions the event emitter
 * gives them, so that the ingestion, the emitter and the dead-letter topic can start in any order.
 */
final class Topics {
  /**
   * Partitions of a topic created here unless told otherwise: the unit of parallelism of the
   * ingestion.
   */
  static final int PARTITIONS = 3;

  private Topics() {}

  /** {@link #ensure(String, Set, int)} with {@link #PARTITIONS}. */
  static List<String> ensure(String bootstrapServers, Set<String> topics) {
    return ensure(bootstrapServers, topics, PARTITIONS);
  }

  /**
   * Creates those of {@code topics} that are missing with {@code partitions} partitions.
   *
   * @return the topics that were created
   * @throws IllegalArgumentException when no broker answers within 30 s
   */
  static List<String> ensure(String bootstrapServers, Set<String> topics, int partitions) {
    List<String> created = new ArrayList<>();
    try (Admin admin = admin(bootstrapServers)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String topic : topics) {
        if (existing.contains(topic)) {
          continue;
        }
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
              .all()
              .get(30, TimeUnit.SECONDS);
          created.add(topic);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalArgumentException(
                "cannot create topic "
                    + topic
                    + " at "
                    + bootstrapServers
                    + ": "
                    + e.getCause().getMessage(),
                e);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalArgumentException(
          "cannot list the topics at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalArgumentException(
          "no Kafka broker answered at " + bootstrapServers + " within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return created;
  }

  /** How many partitions {@code topic} has. */
  static int partitions(String bootstrapServers, String topic) {
    try (Admin admin = admin(bootstrapServers)) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    } catch (ExecutionException e) {
      throw new IllegalArgumentException(
          "cannot describe topic "
              + topic
              + " at "
              + bootstrapServers
              + ": "
              + e.getCause().getMessage(),
          e);
    } catch (TimeoutException e) {
      throw new IllegalArgumentException(
          "no Kafka broker answered at " + bootstrapServers + " within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Admin admin(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    return Admin.create(properties);
  }
}
