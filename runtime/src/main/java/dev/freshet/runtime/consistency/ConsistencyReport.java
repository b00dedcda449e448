package dev.freshet.runtime.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a consistency check found, per feature of the service: how many logged rows it compared, how
 * many of them the rebuilt row matches, exactly or within the tolerance, and why the others differ.
 *
 * @param tolerance the absolute difference within which two float or double values agree
 */
public record ConsistencyReport(
    String featureService, long loggedRows, double tolerance, List<FeatureResult> features) {

  /** Why a rebuilt value differs from the served one. */
  public enum Cause {
    /**
     * The offline store has a newer row than the one served, as of the request's time: written
     * offline after the request (a push, a backfill), or not yet materialized when it was served.
     */
    NEWER_OFFLINE("newer row offline", true),
    /**
     * The served row is newer than any the offline store has as of the request's time: pushed
     * online only, or a stream window served before it closed and reached the offline store.
     */
    NEWER_ONLINE("newer row online", true),
    /** Served past the view's ttl (OUTSIDE_MAX_AGE), where training data has null. */
    PAST_TTL("served past ttl", true),
    /** The same row, by event time, with another value: nothing explains it. */
    UNEXPLAINED("unexplained", false);

    private final String label;
    private final boolean expected;

    Cause(String label, boolean expected) {
      this.label = label;
      this.expected = expected;
    }

    public String label() {
      return label;
    }

    /** Whether the difference is one the docs list as expected. */
    public boolean expected() {
      return expected;
    }
  }

  /** One logged row whose rebuilt value differs. */
  public record Example(
      Map<String, Object> entity, String loggedAt, Object served, Object rebuilt, Cause cause) {}

  /**
   * One feature's comparison.
   *
   * @param withinTolerance rows that agree within the tolerance, the exact ones included
   * @param servedNullOnly rows where the served value is null and the rebuilt one is not
   * @param rebuiltNullOnly the other way round
   * @param byCause the differing rows by cause
   * @param worst the differing rows with the largest differences, nulls first
   */
  public record FeatureResult(
      String feature,
      long compared,
      long exact,
      long withinTolerance,
      long servedNullOnly,
      long rebuiltNullOnly,
      Map<Cause, Long> byCause,
      List<Example> worst) {

    public double exactRate() {
      return compared == 0 ? 1 : (double) exact / compared;
    }

    public double withinToleranceRate() {
      return compared == 0 ? 1 : (double) withinTolerance / compared;
    }

    /**
     * The share of rows that agree, within the tolerance; with {@code strict} false, rows that
     * differ for an expected cause count as agreeing.
     */
    public double agreementRate(boolean strict) {
      if (compared == 0) {
        return 1;
      }
      long agreeing = withinTolerance;
      if (!strict) {
        for (Map.Entry<Cause, Long> cause : byCause.entrySet()) {
          if (cause.getKey().expected()) {
            agreeing += cause.getValue();
          }
        }
      }
      return (double) agreeing / compared;
    }
  }

  /** The terminal's table: one line per feature, then the worst examples of each. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "feature service %s: %,d logged rows rebuilt by point-in-time retrieval at their"
                + " request's time; tolerance %s%n",
            featureService,
            loggedRows,
            tolerance));
    int width = Math.max(7, features.stream().mapToInt(f -> f.feature().length()).max().orElse(0));
    String format = "%-" + width + "s  %8s  %7s  %9s  %11s  %12s  %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "feature",
            "rows",
            "exact",
            "within",
            "null served",
            "null rebuilt",
            "differing, by cause"));
    for (FeatureResult f : features) {
      StringBuilder causes = new StringBuilder();
      f.byCause()
          .forEach(
              (cause, count) -> {
                if (count > 0) {
                  causes.append(causes.length() == 0 ? "" : ", ").append(cause.label());
                  causes.append(' ').append(count);
                }
              });
      out.append(
          String.format(
              Locale.ROOT,
              format,
              f.feature(),
              String.format(Locale.ROOT, "%,d", f.compared()),
              percent(f.exactRate()),
              percent(f.withinToleranceRate()),
              f.servedNullOnly(),
              f.rebuiltNullOnly(),
              causes.length() == 0 ? "none" : causes));
    }
    for (FeatureResult f : features) {
      if (f.worst().isEmpty()) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%nworst rows of %s:%n", f.feature()));
      for (Example example : f.worst()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s at %s: served %s, rebuilt %s (%s)%n",
                example.entity(),
                example.loggedAt(),
                example.served(),
                example.rebuilt(),
                example.cause().label()));
      }
    }
    return out.toString();
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * rate);
  }

  /** The report as JSON, for a CI or a deployment to read. */
  public String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("feature_service", featureService);
    root.put("logged_rows", loggedRows);
    root.put("tolerance", tolerance);
    ArrayNode list = root.putArray("features");
    for (FeatureResult f : features) {
      ObjectNode node = list.addObject();
      node.put("feature", f.feature());
      node.put("compared", f.compared());
      node.put("exact", f.exact());
      node.put("exact_rate", f.exactRate());
      node.put("within_tolerance", f.withinTolerance());
      node.put("within_tolerance_rate", f.withinToleranceRate());
      node.put("null_served_only", f.servedNullOnly());
      node.put("null_rebuilt_only", f.rebuiltNullOnly());
      ObjectNode causes = node.putObject("differing_by_cause");
      f.byCause()
          .forEach((cause, count) -> causes.put(cause.name().toLowerCase(Locale.ROOT), count));
      ArrayNode worst = node.putArray("worst");
      for (Example example : f.worst()) {
        ObjectNode row = worst.addObject();
        row.set("entity", mapper.valueToTree(example.entity()));
        row.put("logged_at", example.loggedAt());
        row.set("served", mapper.valueToTree(example.served()));
        row.set("rebuilt", mapper.valueToTree(example.rebuilt()));
        row.put("cause", example.cause().name().toLowerCase(Locale.ROOT));
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
