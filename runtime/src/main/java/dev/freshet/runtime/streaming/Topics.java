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
  /** Partitions of a topic created here: the unit of parallelism of the ingestion. */
  static final int PARTITIONS = 3;

  private Topics() {}

  /**
   * @return the topics that were created
   * @throws IllegalArgumentException when no broker answers within 30 s
   */
  static List<String> ensure(String bootstrapServers, Set<String> topics) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    List<String> created = new ArrayList<>();
    try (Admin admin = Admin.create(properties)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String topic : topics) {
        if (existing.contains(topic)) {
          continue;
        }
        try {
          admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
          created.add(topic);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalArgumentException("cannot create topic " + topic + " at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalArgumentException("cannot list the topics at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalArgumentException("no Kafka broker answered at " + bootstrapServers + " within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return created;
  }
}
