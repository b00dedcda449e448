package dev.freshet.runtime.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.HashMap;
import java.util.Map;

/** {@code freshet.scheduling.*}: materialization of views on the schedules they declare. */
@ConfigurationProperties("freshet.scheduling")
public class SchedulingConfig {
  private boolean enabled;
  private Map<String, String> schedules = new HashMap<>();
  private int historySize = 20;

  /** Whether {@code serve} runs {@code materialize-incremental} for each view on its schedule. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Schedules by view name, overriding (or adding to) those the definitions declare, e.g. {@code
   * freshet.scheduling.schedules.driver_hourly_stats: 5m}; an empty one turns a view's off.
   */
  public Map<String, String> getSchedules() {
    return schedules;
  }

  public void setSchedules(Map<String, String> schedules) {
    this.schedules = schedules;
  }

  /** How many runs per view {@code GET /schedules} shows. */
  public int getHistorySize() {
    return historySize;
  }

  public void setHistorySize(int historySize) {
    this.historySize = historySize;
  }
}
