package dev.freshet.spec;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the name a user probably meant, for "did you mean" hints in compile errors and in the
 * runtime's error messages.
 */
public final class Suggestions {
  /** Beyond this many names, listing them all says less than saying none. */
  private static final int LISTED = 10;

  private Suggestions() {}

  /** The candidate closest to {@code name}, if one is close enough to be a likely typo. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance =
          distance(
              name.toLowerCase(java.util.Locale.ROOT),
              candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance
          || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerated = Math.max(2, name.length() / 3);
    return bestDistance <= tolerated ? Optional.ofNullable(best) : Optional.empty();
  }

  /** " Did you mean X?" or nothing. */
  public static String hint(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " Did you mean " + c + "?").orElse("");
  }

  /** "; did you mean 'X'?" or nothing, for messages that go on after a clause. */
  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  /**
   * "{@code kind} 'name' does not exist", then the name the user probably meant or, when none is
   * close, the names there are (up to {@value #LISTED}): one wording for every unknown name in the
   * runtime's errors, whichever request or command it came in.
   */
  public static String doesNotExist(String kind, String name, Collection<String> known) {
    String hint = didYouMean(name, known);
    if (hint.isEmpty() && !known.isEmpty() && known.size() <= LISTED) {
      hint = "; the " + kind + "s are " + String.join(", ", new TreeSet<>(known));
    }
    return kind + " '" + name + "' does not exist" + hint;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
