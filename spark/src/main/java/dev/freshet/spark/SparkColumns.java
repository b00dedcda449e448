package dev.freshet.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Columns by their exact name: Spark would read a dot as a struct field. */
final class SparkColumns {
  private SparkColumns() {}

  static Column named(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
