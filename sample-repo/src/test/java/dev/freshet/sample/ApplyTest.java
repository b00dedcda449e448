package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.runtime.online.OnlineStore;
import dev.freshet.runtime.online.StoredRow;
import dev.freshet.runtime.online.ViewRead;
import dev.freshet.runtime.online.embedded.EmbeddedOnlineStore;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.JoinKeySpec;
import dev.freshet.spec.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan and apply through the command line, with the default file registry and embedded store. */
class ApplyTest {
  @TempDir Path root;
  Path repo;

  @BeforeEach
  void copyRepository() throws Exception {
    repo = DriverStats.newRepository(root.resolve("repo"));
  }

  private Cli.Result run(String... args) {
    return Cli.run(Map.of("freshet.repo-path", repo.toString()), args);
  }

  @Test
  void planListsEverythingThenApplyCreatesItThenNothingChanges() {
    String expected =
        """
        entity driver
        data source driver_events
        data source driver_stats_push_source
        data source driver_stats_source
        data source vals_to_add
        feature view driver_daily_features
        feature view driver_hourly_stats
        stream feature view driver_daily_miles_stream
        on demand feature view transformed_conv_rate
        feature service model_v1
        feature service model_v2
        feature service model_v3
        """;
    assertThat(run("plan").out())
        .isEqualTo(expected.replaceAll("(?m)^", "Create ").replace("Create \n", ""));
    assertThat(run("apply").out())
        .isEqualTo(expected.replaceAll("(?m)^", "Created ").replace("Created \n", ""));
    assertThat(run("plan").out())
        .isEqualTo("No changes to file " + repo.resolve("data/registry.json") + ".\n");
    assertThat(run("apply").out())
        .isEqualTo("No changes to file " + repo.resolve("data/registry.json") + ".\n");
  }

  @Test
  void aChangedDefinitionIsUpdatedAndADeletedViewLosesItsOnlineData() throws Exception {
    run("apply");
    // As if an earlier version of the code had a view old_stats, and model_v1 looked different.
    FeatureViewSpec old =
        new FeatureViewSpec(
            "old_stats",
            List.of("driver"),
            List.of(new JoinKeySpec("driver_id", ValueType.INT64)),
            "driver_stats_source",
            Duration.ZERO,
            true,
            List.of(new FeatureSpec("trips", ValueType.INT64, false)),
            "",
            Map.of(),
            "");
    editAppliedObjects(
        objects -> {
          objects
              .putObject("feature_view/old_stats")
              .put("name", "old_stats")
              .put("source", "driver_stats_source")
              .put("online", true)
              .set(
                  "join_keys",
                  new ObjectMapper()
                      .valueToTree(List.of(Map.of("name", "driver_id", "type", "INT64"))));
          ((ObjectNode) objects.get("feature_view/old_stats"))
              .set(
                  "features",
                  new ObjectMapper()
                      .valueToTree(
                          List.of(Map.of("name", "trips", "type", "INT64", "nullable", false))));
          ((ObjectNode) objects.get("feature_service/model_v1"))
              .put("description", "an older description");
        });
    try (OnlineStore store =
        EmbeddedOnlineStore.open(repo.resolve("data/online_store"), "driver_churn")) {
      store.write(old, List.of(row(1001L, 42L)));
      store.write(FreshetRegistry.VIEW_DRIVER_DAILY_FEATURES, List.of(row(1001L, 7f)));
    }

    assertThat(run("plan").out())
        .isEqualTo("Delete feature view old_stats\nUpdate feature service model_v1\n");
    assertThat(run("apply").out())
        .isEqualTo("Deleted feature view old_stats\nUpdated feature service model_v1\n");

    try (OnlineStore store =
        EmbeddedOnlineStore.open(repo.resolve("data/online_store"), "driver_churn")) {
      List<List<StoredRow>> read =
          store.read(
              List.of(
                  new ViewRead(old, List.of("trips"), List.of(List.of(1001L))),
                  new ViewRead(
                      FreshetRegistry.VIEW_DRIVER_DAILY_FEATURES,
                      List.of("daily_miles_driven"),
                      List.of(List.of(1001L)))));
      assertThat(read.get(0).get(0).found()).as("the deleted view's data").isFalse();
      assertThat(read.get(1).get(0).values()).as("another view's data").containsExactly(7f);
    }
    assertThat(run("plan").out()).startsWith("No changes");
  }

  private void editAppliedObjects(java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path file = repo.resolve("data/registry.json");
    ObjectNode registry = (ObjectNode) json.readTree(file.toFile());
    edit.accept((ObjectNode) registry.get("objects"));
    json.writeValue(file.toFile(), registry);
  }

  private static FeatureRow row(long driverId, Object value) {
    return new FeatureRow() {
      @Override
      public List<Object> joinKeyValues() {
        return List.of(driverId);
      }

      @Override
      public Instant eventTimestamp() {
        return Instant.parse("2022-01-01T00:00:00Z");
      }

      @Override
      public Instant createdTimestamp() {
        return null;
      }

      @Override
      public List<Object> featureValues() {
        return List.of(value);
      }
    };
  }
}
