package dev.freshet.sample.example;

import dev.freshet.client.FeatureValue;
import dev.freshet.sample.ModelV2Client;
import dev.freshet.sample.ModelV2Values;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores drivers' churn risk from model_v2's features, read from a feature server with the
 * generated typed client: no feature names as strings, no casts, and a status for every value.
 *
 * <pre>{@code
 * java -cp target/driver-features.jar dev.freshet.sample.example.ChurnScorer http://localhost:6566 1001 1002
 * }</pre>
 */
public final class ChurnScorer {
  private final ModelV2Client features;

  public ChurnScorer(ModelV2Client features) {
    this.features = features;
  }

  /** A toy model: low conversion and acceptance rates mean a driver may leave. */
  public List<String> score(List<Long> drivers) {
    List<String> lines = new ArrayList<>();
    for (ModelV2Values driver : features.getAll(drivers)) {
      FeatureValue<Float> conv = driver.convRate();
      FeatureValue<Float> acc = driver.accRate();
      if (!conv.isPresent() || !acc.isPresent()) {
        lines.add(
            driver.driverId()
                + ": no score (conv_rate "
                + conv.status()
                + ", acc_rate "
                + acc.status()
                + ")");
        continue;
      }
      double risk = 1.0 - (conv.value() + acc.value()) / 2.0;
      lines.add(
          String.format(
              java.util.Locale.ROOT,
              "%d: churn risk %.2f (features as of %s)",
              driver.driverId(),
              risk,
              conv.eventTimestamp()));
    }
    return lines;
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: ChurnScorer FEATURE_SERVER_URL DRIVER_ID...");
      System.exit(2);
    }
    List<Long> drivers = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      drivers.add(Long.parseLong(args[i]));
    }
    new ChurnScorer(ModelV2Client.remote(URI.create(args[0])))
        .score(drivers)
        .forEach(System.out::println);
  }
}
