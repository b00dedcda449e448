package dev.freshet.runtime.registry;

/** One difference between the applied definitions and the compiled ones. */
public record Change(Action action, ObjectKey object) {

  /** What {@code apply} does to an object. */
  public enum Action {
    CREATE("Create", "Created"),
    UPDATE("Update", "Updated"),
    DELETE("Delete", "Deleted");

    private final String planned;
    private final String done;

    Action(String planned, String done) {
      this.planned = planned;
      this.done = done;
    }
  }

  /** {@code Create feature view driver_hourly_stats}, as {@code plan} prints it. */
  public String planned() {
    return action.planned + " " + object.describe();
  }

  /** {@code Created feature view driver_hourly_stats}, as {@code apply} prints it. */
  public String done() {
    return action.done + " " + object.describe();
  }
}
