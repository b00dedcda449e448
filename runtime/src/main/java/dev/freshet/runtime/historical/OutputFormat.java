package dev.freshet.runtime.historical;

import java.nio.file.Path;
import java.util.Locale;

/** How a retrieval's result is written to a file. */
public enum OutputFormat {
  PARQUET,
  /** With a header line; times in UTC. */
  CSV;

  /** The format a file name asks for by its ending. */
  public static OutputFormat of(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    throw new HistoricalRequestException(path + ": write the result to a .parquet or a .csv file");
  }
}
