package io.relayharness.faultproxy.internal;

import io.relayharness.faultproxy.toxics.NoopToxic;
import io.relayharness.faultproxy.toxics.StreamChunk;
import io.relayharness.faultproxy.toxics.Toxic;
import io.relayharness.faultproxy.toxics.ToxicStub;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One toxic's place in one link (Go's ToxicStub), with its own thread. Each time it starts running
 * it draws the toxicity once: below it, the toxic acts; otherwise the stage passes data through.
 * All fields are guarded by the link's lock; the toxic-facing methods are called from the stage's
 * own thread only.
 */
final class Stage implements ToxicStub {

  private final Link link;
  final ToxicEntry entry;
  ChunkQueue input;
  ChunkQueue output;

  /** Set by a controller: the running toxic must return. */
  boolean interruptRequested;

  /** True while the stage should be (or is) running its toxic. */
  boolean running = true;

  /** The stub closed its output: the stream after this stage has ended. */
  boolean closed;

  /** Taken out of the chain: the thread exits. */
  boolean removed;

  private Object state;

  Stage(Link link, ToxicEntry entry, ChunkQueue input, ChunkQueue output) {
    this.link = link;
    this.entry = entry;
    this.input = input;
    this.output = output;
  }

  /** The stage thread: run the toxic, wait for a restart, run it again, until closed or removed. */
  void runLoop() {
    link.lock.lock();
    try {
      while (true) {
        while (!running) {
          if (link.dead || closed || removed) {
            return;
          }
          link.changed.await();
        }
        if (link.dead || removed) {
          return;
        }
        Toxic toxic =
            ThreadLocalRandom.current().nextFloat() < entry.toxicity
                ? entry.toxic
                : NoopToxic.INSTANCE;
        link.lock.unlock();
        try {
          toxic.pipe(this);
        } catch (LinkClosedException e) {
          return;
        } finally {
          link.lock.lock();
          running = false;
          interruptRequested = false;
          link.changed.signalAll();
        }
        if (closed) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running = false;
      link.changed.signalAll();
      link.lock.unlock();
    }
  }

  @Override
  public StreamChunk receive() {
    return receive(Long.MAX_VALUE);
  }

  @Override
  public StreamChunk receive(long deadlineNanos) {
    link.lock.lock();
    try {
      while (true) {
        if (link.dead) {
          throw new LinkClosedException();
        }
        if (interruptRequested) {
          return StreamChunk.INTERRUPTED;
        }
        StreamChunk chunk = input.poll();
        if (chunk != null) {
          link.changed.signalAll();
          return chunk;
        }
        if (input.isClosed()) {
          return null;
        }
        if (deadlineNanos == Long.MAX_VALUE) {
          link.changed.await();
        } else {
          long left = deadlineNanos - System.nanoTime();
          if (left <= 0) {
            return StreamChunk.TIMED_OUT;
          }
          link.changed.awaitNanos(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkClosedException();
    } finally {
      link.lock.unlock();
    }
  }

  @Override
  public void send(StreamChunk chunk) {
    link.lock.lock();
    try {
      while (true) {
        if (link.dead) {
          throw new LinkClosedException();
        }
        ChunkQueue out = output;
        // Never block while interrupted: the controller waits for this toxic to return.
        if (out.hasRoom() || interruptRequested) {
          out.add(chunk);
          link.changed.signalAll();
          return;
        }
        link.changed.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkClosedException();
    } finally {
      link.lock.unlock();
    }
  }

  @Override
  public boolean sleepUntil(long deadlineNanos) {
    link.lock.lock();
    try {
      while (true) {
        if (link.dead) {
          throw new LinkClosedException();
        }
        if (interruptRequested) {
          return false;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        link.changed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkClosedException();
    } finally {
      link.lock.unlock();
    }
  }

  @Override
  public void sleepUninterruptibly(long durationNanos) {
    long deadline = System.nanoTime() + durationNanos;
    link.lock.lock();
    try {
      while (!link.dead) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        link.changed.awaitNanos(left);
      }
      throw new LinkClosedException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkClosedException();
    } finally {
      link.lock.unlock();
    }
  }

  @Override
  public void close() {
    link.lock.lock();
    try {
      if (!closed) {
        closed = true;
        output.close();
        link.changed.signalAll();
      }
    } finally {
      link.lock.unlock();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T state(Supplier<T> initial) {
    if (state == null) {
      state = initial.get();
    }
    return (T) state;
  }

  /** Waits (lock held) until the stage's toxic returned; false if the stub is closed. */
  boolean interrupt() throws InterruptedException {
    if (closed || link.dead) {
      return false;
    }
    interruptRequested = true;
    link.changed.signalAll();
    while (running && !link.dead) {
      link.changed.await(50, TimeUnit.MILLISECONDS);
    }
    interruptRequested = false;
    return !closed && !link.dead;
  }

  /** Starts the toxic again (lock held): a new toxicity draw, current parameters. */
  void restart() {
    running = true;
    link.changed.signalAll();
  }
}
