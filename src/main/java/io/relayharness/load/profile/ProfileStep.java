package io.relayharness.load.profile;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;

/**
 * One step of an open-model load profile, in messages per second (each message is one Gatling
 * user). Immutable; thread-safe.
 */
public sealed interface ProfileStep {

  /** Returns how long the step lasts, in seconds. */
  double seconds();

  /** Returns how many messages the step offers. */
  double messages();

  /** Returns the Gatling injection step. */
  OpenInjectionStep toGatling();

  /** A gentle start: the rate climbs from 1 msg/s to {@code ratePerSec} over the step. */
  record WarmUp(double ratePerSec, double seconds) implements ProfileStep {
    @Override
    public double messages() {
      return (1 + ratePerSec) / 2 * seconds;
    }

    @Override
    public OpenInjectionStep toGatling() {
      return CoreDsl.rampUsersPerSec(1).to(ratePerSec).during(duration(seconds));
    }
  }

  /** A steady rate. */
  record Constant(double ratePerSec, double seconds) implements ProfileStep {
    @Override
    public double messages() {
      return ratePerSec * seconds;
    }

    @Override
    public OpenInjectionStep toGatling() {
      return CoreDsl.constantUsersPerSec(ratePerSec).during(duration(seconds));
    }
  }

  /** A linear change of rate from {@code fromPerSec} to {@code toPerSec}. */
  record Ramp(double fromPerSec, double toPerSec, double seconds) implements ProfileStep {
    @Override
    public double messages() {
      return (fromPerSec + toPerSec) / 2 * seconds;
    }

    @Override
    public OpenInjectionStep toGatling() {
      return CoreDsl.rampUsersPerSec(fromPerSec).to(toPerSec).during(duration(seconds));
    }
  }

  /**
   * A sudden jump to {@code ratePerSec} for a while (the steps around it set the rate before and
   * after, so the rise is instant, unlike a ramp).
   */
  record Spike(double ratePerSec, double seconds) implements ProfileStep {
    @Override
    public double messages() {
      return ratePerSec * seconds;
    }

    @Override
    public OpenInjectionStep toGatling() {
      return CoreDsl.constantUsersPerSec(ratePerSec).during(duration(seconds));
    }
  }

  /** {@code count} messages at once. */
  record Burst(int count) implements ProfileStep {
    @Override
    public double seconds() {
      return 0;
    }

    @Override
    public double messages() {
      return count;
    }

    @Override
    public OpenInjectionStep toGatling() {
      return CoreDsl.atOnceUsers(count);
    }
  }

  /** No messages for a while. */
  record Pause(double seconds) implements ProfileStep {
    @Override
    public double messages() {
      return 0;
    }

    @Override
    public OpenInjectionStep toGatling() {
      return CoreDsl.nothingFor(duration(seconds));
    }
  }

  private static Duration duration(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
