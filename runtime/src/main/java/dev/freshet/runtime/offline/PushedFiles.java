package dev.freshet.runtime.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where rows pushed to the offline store land: a new Parquet file per push, next to the batch
 * source's file ({@code driver_stats-pushed-20261127T120000123Z-1a2b3c4d.parquet} beside {@code
 * driver_stats.parquet}) or inside its directory. Readers of the source read these files too.
 */
public final class PushedFiles {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private PushedFiles() {}

  /** The files pushed for the source file at {@code source}, oldest first; none for a directory. */
  public static List<Path> of(Path source) {
    if (Files.isDirectory(source)
        || source.getParent() == null
        || !Files.isDirectory(source.getParent())) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(source.getParent(), prefix(source) + "*.parquet")) {
      siblings.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  /** A new file name for one push, unique even for pushes in the same millisecond. */
  public static Path next(Path source, Instant now) {
    String name =
        prefix(source)
            + STAMP.format(now)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + ".parquet";
    return Files.isDirectory(source) ? source.resolve(name) : source.resolveSibling(name);
  }

  private static String prefix(Path source) {
    if (Files.isDirectory(source)) {
      return "pushed-";
    }
    String file = source.getFileName().toString();
    String stem =
        file.endsWith(".parquet") ? file.substring(0, file.length() - ".parquet".length()) : file;
    return stem + "-pushed-";
  }
}
