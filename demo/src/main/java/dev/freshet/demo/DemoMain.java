package dev.freshet.demo;

import dev.freshet.runtime.cli.FreshetMain;
import java.util.List;

/** The entry point of the demo jar: every command of the runnable jar, and {@code demo}. */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return FreshetMain.run(List.of(DemoCommand.class), args);
  }
}
