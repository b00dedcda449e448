package dev.freshet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.runtime.cli.FreshetMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code list} prints the sample's definitions from the generated registry. */
class ListCommandTest {

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(FreshetMain.run(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listPrintsEveryDefinition() {
    String out = run("list");

    assertThat(out)
        .contains("Entities (1)\n  driver ")
        .contains("join keys driver_id INT64 -- driver id")
        .contains("Data sources (4)")
        .contains(
            "vals_to_add                request\n                             val_to_add INT64\n")
        .contains(
            "driver_stats_source        file, data/driver_stats.parquet, timestamp event_timestamp, created created")
        .contains("driver_stats_push_source   push, batch source driver_stats_source")
        .contains("driver_events              kafka, topic drivers, JSON")
        .contains("Feature views (2)")
        .contains(
            "driver_hourly_stats        entities driver; source driver_stats_source; ttl 100000d; online; materialized 1h; tags production=True")
        .contains("conv_rate FLOAT, acc_rate FLOAT, miles_driven FLOAT")
        .contains(
            "driver_daily_features      entities driver; source driver_stats_push_source; ttl 100000d; online")
        .contains("Stream feature views (1)")
        .contains("daily_miles_driven = SUM(miles_driven) over 1d every 1h")
        .contains("On-demand feature views (1)")
        .contains(
            "transformed_conv_rate      computed from driver_hourly_stats, vals_to_add (request)\n"
                + "                             conv_rate_plus_val1 DOUBLE, conv_rate_plus_val2 DOUBLE\n")
        .contains("Feature services (3)")
        .contains("model_v1                   driver_hourly_stats: conv_rate\n")
        .contains(
            "model_v2                   driver_hourly_stats: conv_rate, acc_rate, miles_driven\n")
        .contains(
            "model_v3                   driver_hourly_stats: conv_rate; transformed_conv_rate:"
                + " conv_rate_plus_val1, conv_rate_plus_val2\n");
  }

  @Test
  void helpNamesTheListCommand() {
    assertThat(run("--help")).contains("Commands:").contains("list");
  }
}
