package dev.freshet.processor.base;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Every name the processor derives or generates, so that users can predict them. */
public final class Naming {
  private Naming() {}

  /**
   * The snake_case of a Java name: {@code DriverHourlyStats} to {@code driver_hourly_stats}, {@code
   * HTTPRequestCount} to {@code http_request_count}. A run of digits starts a word ({@code spend7d}
   * to {@code spend_7d}, {@code top10Items} to {@code top_10_items}) unless it follows a one-letter
   * word, which keeps it ({@code ModelV1} to {@code model_v1}, {@code p99Latency} to {@code
   * p99_latency}); lower-case letters right after the digits stay with them ({@code 7d}).
   */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 8);
    int wordStart = 0;
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      char previous = i > 0 ? javaName.charAt(i - 1) : '_';
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit = Character.isLowerCase(previous) || Character.isDigit(previous);
        boolean endsAcronym =
            Character.isUpperCase(previous)
                && i + 1 < javaName.length()
                && Character.isLowerCase(javaName.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('_');
          wordStart = i;
        }
        out.append(Character.toLowerCase(c));
      } else if (Character.isDigit(c)) {
        boolean afterLongerWord = Character.isLetter(previous) && i - wordStart > 1;
        if (afterLongerWord) {
          out.append('_');
          wordStart = i;
        }
        out.append(c);
      } else {
        if (c == '_') {
          wordStart = i + 1;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The camelCase of a snake_case name, for generated parameters and accessors: {@code conv_rate}
   * to {@code convRate}, {@code spend_7d} to {@code spend7d}, {@code model_v1} to {@code modelV1}.
   * The result is always a Java identifier: a keyword gets a trailing {@code _} ({@code class_}),
   * and a name that would start with a digit, or be empty, a leading one ({@code _7d}).
   */
  public static String camelCase(String snakeName) {
    StringBuilder out = new StringBuilder(snakeName.length() + 1);
    boolean upperNext = false;
    for (char c : snakeName.toCharArray()) {
      if (c == '_') {
        upperNext = out.length() > 0;
      } else if (upperNext) {
        out.append(Character.toUpperCase(c));
        upperNext = false;
      } else {
        out.append(out.length() == 0 ? Character.toLowerCase(c) : c);
      }
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
      out.insert(0, '_');
    }
    String name = out.toString();
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /** {@code driver_hourly_stats} to {@code DRIVER_HOURLY_STATS}, for registry constants. */
  public static String constantCase(String snakeName) {
    return snakeName.toUpperCase(Locale.ROOT);
  }

  /** The registry's constant of an entity: {@code ENTITY_DRIVER}. */
  public static String entityConstant(String name) {
    return "ENTITY_" + constantCase(name);
  }

  /**
   * The registry's constant of a file, push or Kafka source: {@code SOURCE_DRIVER_STATS_SOURCE}.
   */
  public static String dataSourceConstant(String name) {
    return "SOURCE_" + constantCase(name);
  }

  /** The registry's constant of a feature view: {@code VIEW_DRIVER_HOURLY_STATS}. */
  public static String featureViewConstant(String name) {
    return "VIEW_" + constantCase(name);
  }

  /** The registry's constant of a stream feature view: {@code STREAM_VIEW_DRIVER_DAILY_MILES}. */
  public static String streamFeatureViewConstant(String name) {
    return "STREAM_VIEW_" + constantCase(name);
  }

  /** The registry's constant of a feature service: {@code SERVICE_MODEL_V1}. */
  public static String featureServiceConstant(String name) {
    return "SERVICE_" + constantCase(name);
  }

  /** The simple name of a definition, nested names joined with {@code _}. */
  public static String flatSimpleName(TypeElement definition) {
    return String.join("_", ClassName.get(definition).simpleNames());
  }

  /** The registry's constant of an on-demand view: {@code ON_DEMAND_VIEW_TRANSFORMED_CONV_RATE}. */
  public static String onDemandViewConstant(String name) {
    return "ON_DEMAND_VIEW_" + constantCase(name);
  }

  public static ClassName transform(TypeElement onDemandView) {
    return sibling(onDemandView, "Transform");
  }

  public static ClassName rowRecord(TypeElement featureView) {
    return sibling(featureView, "Row");
  }

  public static ClassName materializer(TypeElement featureView) {
    return sibling(featureView, "Materializer");
  }

  public static ClassName client(TypeElement definition) {
    return sibling(definition, "Client");
  }

  public static ClassName values(TypeElement definition) {
    return sibling(definition, "Values");
  }

  public static ClassName trainingRow(TypeElement definition) {
    return sibling(definition, "TrainingRow");
  }

  /** The record of one entity's join key values, nested in a client with a composite key. */
  public static ClassName clientKey(ClassName client) {
    return client.nestedClass("Key");
  }

  /** A client's record of one entity row's join keys and request fields. */
  public static ClassName clientRow(ClassName client) {
    return client.nestedClass("Row");
  }

  /**
   * The parameter holding many entities' keys: {@code driverIds} for one join key, {@code keys} (of
   * the client's {@code Key} record) for several.
   */
  public static String keysParameter(List<String> joinKeys) {
    return joinKeys.size() == 1 ? camelCase(joinKeys.get(0)) + "s" : "keys";
  }

  /**
   * A feature's accessor in a client's records: {@code convRate}, or {@code hourlyStatsConvRate}
   * (after the view's name in the service) when a join key or another selected feature {@code
   * clashes} with it.
   */
  public static String featureAccessor(String projection, String feature, boolean clashes) {
    return camelCase(clashes ? projection + "_" + feature : feature);
  }

  /**
   * The registry of a repository whose definitions are in {@code definitionPackages}: {@code
   * FreshetRegistry}, in the longest package that holds every one of them.
   */
  public static ClassName registry(List<String> definitionPackages) {
    String common = null;
    for (String name : definitionPackages) {
      if (common == null) {
        common = name;
      } else {
        while (!(name.equals(common) || name.startsWith(common + ".")) && !common.isEmpty()) {
          int dot = common.lastIndexOf('.');
          common = dot < 0 ? "" : common.substring(0, dot);
        }
      }
    }
    return ClassName.get(common == null ? "" : common, "FreshetRegistry");
  }

  /**
   * A project name in Feast's form, lower-case letters, digits and underscores, not starting with
   * an underscore: {@code my-features} to {@code my_features}, {@code Driver Churn} to {@code
   * driver_churn}. Each run of other characters becomes one underscore and leading underscores go;
   * empty when nothing is left.
   */
  public static String projectName(String given) {
    return given.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceFirst("^_+", "");
  }

  /**
   * The project of a repository whose registry is in {@code registryPackage} when no name is given:
   * the snake_case of the package's last segment ({@code com.acme.riderFeatures} to {@code
   * rider_features}), as a {@link #projectName}; empty for the unnamed package.
   */
  public static String defaultProject(String registryPackage) {
    String last = registryPackage.substring(registryPackage.lastIndexOf('.') + 1);
    return projectName(snakeCase(last));
  }

  private static ClassName sibling(TypeElement definition, String suffix) {
    return ClassName.get(
        ClassName.get(definition).packageName(), flatSimpleName(definition) + suffix);
  }
}
