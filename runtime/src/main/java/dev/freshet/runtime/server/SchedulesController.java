package dev.freshet.runtime.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.runtime.scheduling.MaterializationScheduler;
import dev.freshet.runtime.scheduling.MaterializationScheduler.ViewHistory;
import dev.freshet.runtime.scheduling.ScheduledRun;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code GET /schedules}: whether this server runs scheduled materialization, and per scheduled
 * view its schedule, next run and latest runs (newest first).
 */
@Controller
public class SchedulesController {
  private static final JsonFactory JSON = new JsonFactory();

  private final MaterializationScheduler scheduler;

  public SchedulesController(MaterializationScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Guarded(AccessRules.Access.MANAGE)
  @Get(uri = "/schedules", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> schedules() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeBooleanField("enabled", scheduler.running());
      out.writeArrayFieldStart("views");
      for (ViewHistory view : scheduler.history()) {
        out.writeStartObject();
        out.writeStringField("view", view.view());
        out.writeStringField("schedule", view.schedule());
        out.writeStringField("next_run", text(view.nextRun()));
        out.writeArrayFieldStart("runs");
        for (ScheduledRun run : view.runs()) {
          out.writeStartObject();
          out.writeStringField("started", text(run.started()));
          out.writeStringField("finished", text(run.finished()));
          out.writeStringField("outcome", run.outcome());
          out.writeNumberField("entities_written", run.entitiesWritten());
          out.writeStringField("error", run.error());
          out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.ok(bytes.toByteArray()).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String text(Instant time) {
    return time == null ? null : time.toString();
  }
}
