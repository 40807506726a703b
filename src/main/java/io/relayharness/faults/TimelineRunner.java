package io.relayharness.faults;

import io.relayharness.observe.FaultEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fires a scenario's timeline steps at their offsets from the start, undoes each {@code for} window
 * at its end, pairs undo steps ({@code proxy-up}, {@code start}, {@code unpause}) with the windows
 * they end, and records a {@link FaultEvent} per fault. Steps due at the same time run in file
 * order, ends of windows before new steps. A failed action is recorded (detail starting with {@code
 * FAILED:}) and the timeline goes on. Thread-safe: steps run on the scheduler's thread, the
 * accessors may be called from any thread.
 */
public final class TimelineRunner implements AutoCloseable {

  private final List<Tick> plan;
  private final FaultTarget target;
  private final FaultScheduler scheduler;
  private final List<EventRecord> events = new ArrayList<>();
  private final List<OpenWindow> open = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<FaultScheduler.Scheduled> pending = new ArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Object tickLock = new Object();
  private long originEpochMs = -1;
  private int cursor;
  private boolean closed;

  /** One thing to do at an offset: apply a step, or end its {@code for} window. */
  private record Tick(long atMs, boolean end, TimelineStep step) {}

  /** A window that is open: the step, its undo and its event. */
  private record OpenWindow(TimelineStep step, Undo undo, EventRecord event) {}

  /** A fault event being recorded; the end is filled in when the window closes. */
  private static final class EventRecord {
    final long startEpochMs;
    final String action;
    final String target;
    final String detail;
    final String name;
    Long endEpochMs;
    Long appliedEpochMs;
    Long restoringEpochMs;

    EventRecord(long startEpochMs, String action, String target, String detail, String name) {
      this.startEpochMs = startEpochMs;
      this.action = action;
      this.target = target;
      this.detail = detail;
      this.name = name;
    }

    FaultEvent toEvent() {
      // Only an apply or undo that took time is worth its own field.
      Long applied =
          appliedEpochMs == null || appliedEpochMs == startEpochMs ? null : appliedEpochMs;
      Long restoring =
          restoringEpochMs == null || restoringEpochMs.equals(endEpochMs) ? null : restoringEpochMs;
      return new FaultEvent(
          startEpochMs, endEpochMs, action, target, detail, name, applied, restoring);
    }
  }

  /**
   * Creates a runner; nothing happens before {@link #start()}.
   *
   * @param steps the timeline, in any order
   * @param target the topology the actions change
   * @param scheduler the clock and timer (the runner does not close it)
   */
  public TimelineRunner(List<TimelineStep> steps, FaultTarget target, FaultScheduler scheduler) {
    this.target = target;
    this.scheduler = scheduler;
    List<Tick> ticks = new ArrayList<>();
    for (TimelineStep step : steps) {
      ticks.add(new Tick(step.atMs(), false, step));
      if (step.forMs() != null) {
        ticks.add(new Tick(step.endMs(), true, step));
      }
    }
    ticks.sort(
        Comparator.comparingLong(Tick::atMs)
            .thenComparing(t -> !t.end())
            .thenComparingInt(t -> t.step().index()));
    this.plan = List.copyOf(ticks);
  }

  /** Starts the timeline now: offsets count from this moment. */
  public void start() {
    start(scheduler.nowEpochMs());
  }

  /** Starts the timeline with offsets counted from {@code originEpochMs}. */
  public synchronized void start(long originEpochMs) {
    if (this.originEpochMs >= 0) {
      throw new IllegalStateException("timeline already started");
    }
    this.originEpochMs = originEpochMs;
    if (plan.isEmpty()) {
      finished.countDown();
      return;
    }
    Set<Long> times = new HashSet<>();
    for (Tick tick : plan) {
      if (times.add(tick.atMs())) {
        pending.add(scheduler.schedule(originEpochMs + tick.atMs(), this::runDue));
      }
    }
  }

  /** Runs every tick that is due, in plan order. */
  private void runDue() {
    synchronized (tickLock) {
      while (true) {
        Tick tick;
        synchronized (this) {
          long nowMs = scheduler.nowEpochMs() - originEpochMs;
          if (closed || cursor >= plan.size() || plan.get(cursor).atMs() > nowMs) {
            break;
          }
          tick = plan.get(cursor++);
        }
        if (tick.end()) {
          endWindow(tick.step());
        } else {
          fire(tick.step());
        }
      }
      synchronized (this) {
        if (cursor >= plan.size()) {
          finished.countDown();
        }
      }
    }
  }

  private void fire(TimelineStep step) {
    FaultAction action = step.action();
    long startEpochMs = scheduler.nowEpochMs();
    String detail = step.name() == null ? action.detail() : step.name() + ": " + action.detail();
    Undo undo;
    try {
      undo = action.apply(target);
    } catch (RuntimeException e) {
      recordFailure(step, startEpochMs, e);
      return;
    }
    recordApplied(step, startEpochMs, detail, undo);
  }

  private synchronized void recordFailure(TimelineStep step, long startEpochMs, Exception e) {
    FaultAction action = step.action();
    errors.add("step " + step.index() + " (" + step.label() + ") failed: " + e.getMessage());
    EventRecord failed =
        new EventRecord(
            startEpochMs, action.name(), action.scope().name(), "FAILED: " + e, step.name());
    failed.endEpochMs = startEpochMs;
    events.add(failed);
  }

  private synchronized void recordApplied(
      TimelineStep step, long startEpochMs, String detail, Undo undo) {
    FaultAction action = step.action();
    EventRecord event =
        new EventRecord(startEpochMs, action.name(), action.scope().name(), detail, step.name());
    event.appliedEpochMs = scheduler.nowEpochMs();
    events.add(event);
    if (action.opensWindow()) {
      open.add(new OpenWindow(step, undo, event));
      return;
    }
    boolean closedAny = action.closes().map(closes -> closeMatching(closes, action)).orElse(false);
    if (closedAny) {
      events.remove(event);
    } else if (action.closes().isEmpty()) {
      event.endEpochMs = scheduler.nowEpochMs();
    }
  }

  /** Ends open windows of action {@code closes} whose workers {@code by} covers. */
  private boolean closeMatching(String closes, FaultAction by) {
    boolean any = false;
    long nowEpochMs = scheduler.nowEpochMs();
    for (OpenWindow w : List.copyOf(open)) {
      if (w.step().action().name().equals(closes)
          && by.scope().workers().containsAll(w.step().action().scope().workers())) {
        open.remove(w);
        w.event().endEpochMs = nowEpochMs;
        any = true;
      }
    }
    return any;
  }

  /** Undoes the window a step opened, if it is still open. */
  private void endWindow(TimelineStep step) {
    OpenWindow window;
    synchronized (this) {
      window = open.stream().filter(w -> w.step() == step).findFirst().orElse(null);
      if (window == null) {
        return;
      }
      open.remove(window);
    }
    undo(window);
  }

  /** Runs a removed window's undo (outside the state lock) and records its end. */
  private void undo(OpenWindow w) {
    synchronized (this) {
      w.event().restoringEpochMs = scheduler.nowEpochMs();
    }
    String error = null;
    try {
      w.undo().run(target);
    } catch (RuntimeException e) {
      error = "undo of step " + w.step().index() + " (" + w.step().label() + ") failed: " + e;
    }
    synchronized (this) {
      if (error != null) {
        errors.add(error);
      }
      w.event().endEpochMs = scheduler.nowEpochMs();
    }
  }

  /** Returns the events so far (open windows have a null end). */
  public synchronized List<FaultEvent> events() {
    return events.stream().map(EventRecord::toEvent).toList();
  }

  /** Returns the time spans of the named steps so far. */
  public synchronized List<FaultWindow> windows() {
    return events.stream()
        .filter(e -> e.name != null && !e.detail.startsWith("FAILED:"))
        .map(e -> new FaultWindow(e.name, e.startEpochMs, e.endEpochMs))
        .toList();
  }

  /** Returns the faults in effect, e.g. {@code one-down (proxy-down worker1)}, or {@code none}. */
  public synchronized String currentFault() {
    if (open.isEmpty()) {
      return "none";
    }
    return String.join(", ", open.stream().map(w -> w.step().label()).toList());
  }

  /** Returns the failures of actions and undos so far. */
  public synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  /** Waits until every step and window end has run; returns false on timeout. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Cancels what has not run yet and undoes every open window, latest first. */
  public void restoreAll() {
    synchronized (this) {
      closed = true;
      pending.forEach(FaultScheduler.Scheduled::cancel);
      pending.clear();
    }
    synchronized (tickLock) {
      List<OpenWindow> toUndo;
      synchronized (this) {
        toUndo = new ArrayList<>(open);
        open.clear();
      }
      for (int i = toUndo.size() - 1; i >= 0; i--) {
        undo(toUndo.get(i));
      }
    }
    finished.countDown();
  }

  /** Same as {@link #restoreAll()}; safe to call more than once. */
  @Override
  public void close() {
    restoreAll();
  }
}
