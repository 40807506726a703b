package io.relayharness.load.profile;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.ArrayList;
import java.util.List;

/**
 * An open-model load profile: a sequence of warm-up, constant, ramp, spike, burst and pause steps
 * in messages per second, mapped to Gatling's {@link OpenInjectionStep}s.
 *
 * <pre>{@code
 * LoadProfile.builder().warmUp(50, 10).constant(200, 60).spike(1000, 5).constant(200, 30).build();
 * }</pre>
 *
 * Immutable; thread-safe.
 */
public final class LoadProfile {

  private final List<ProfileStep> steps;

  private LoadProfile(List<ProfileStep> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a load profile needs at least one step");
    }
    this.steps = List.copyOf(steps);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the steps in order. */
  public List<ProfileStep> steps() {
    return steps;
  }

  /** Returns the Gatling injection steps, in order. */
  public List<OpenInjectionStep> toGatling() {
    List<OpenInjectionStep> out = new ArrayList<>(steps.size());
    for (ProfileStep step : steps) {
      out.add(step.toGatling());
    }
    return out;
  }

  /**
   * Returns the injection duration in seconds (the run lasts until the last message is decided).
   */
  public double durationSeconds() {
    return steps.stream().mapToDouble(ProfileStep::seconds).sum();
  }

  /** Returns about how many messages the profile offers (Gatling rounds per step). */
  public double expectedMessages() {
    return steps.stream().mapToDouble(ProfileStep::messages).sum();
  }

  @Override
  public String toString() {
    return "LoadProfile" + steps;
  }

  /** Builds a {@link LoadProfile}; each method adds one step. Not thread-safe. */
  public static final class Builder {
    private final List<ProfileStep> steps = new ArrayList<>();

    private Builder() {}

    /** Climbs from 1 msg/s to {@code ratePerSec} over {@code seconds}. */
    public Builder warmUp(double ratePerSec, double seconds) {
      return add(
          new ProfileStep.WarmUp(positive("ratePerSec", ratePerSec), positive("seconds", seconds)));
    }

    /** Holds {@code ratePerSec} for {@code seconds}. */
    public Builder constant(double ratePerSec, double seconds) {
      return add(
          new ProfileStep.Constant(
              positive("ratePerSec", ratePerSec), positive("seconds", seconds)));
    }

    /** Changes linearly from {@code fromPerSec} to {@code toPerSec} over {@code seconds}. */
    public Builder ramp(double fromPerSec, double toPerSec, double seconds) {
      return add(
          new ProfileStep.Ramp(
              notNegative("fromPerSec", fromPerSec),
              notNegative("toPerSec", toPerSec),
              positive("seconds", seconds)));
    }

    /** Jumps to {@code ratePerSec} for {@code seconds}. */
    public Builder spike(double ratePerSec, double seconds) {
      return add(
          new ProfileStep.Spike(positive("ratePerSec", ratePerSec), positive("seconds", seconds)));
    }

    /** Sends {@code count} messages at once. */
    public Builder burst(int count) {
      return add(new ProfileStep.Burst((int) positive("count", count)));
    }

    /** Sends nothing for {@code seconds}. */
    public Builder pause(double seconds) {
      return add(new ProfileStep.Pause(positive("seconds", seconds)));
    }

    /** Returns the profile. */
    public LoadProfile build() {
      return new LoadProfile(steps);
    }

    private Builder add(ProfileStep step) {
      steps.add(step);
      return this;
    }

    private static double positive(String key, double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(key + " must be > 0, was " + value);
      }
      return value;
    }

    private static double notNegative(String key, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(key + " must be >= 0, was " + value);
      }
      return value;
    }
  }
}
