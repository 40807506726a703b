package io.relayharness.scenario;

/** One step of the offered load; steps run one after another. Implementations are immutable. */
public sealed interface LoadStep {

  /** Returns the step's length in seconds. */
  int seconds();

  /** Returns the highest rate of the step, in messages per second. */
  double peakRatePerSec();

  /** Returns the number of messages the step offers. */
  double messages();

  /** A constant rate. */
  record Constant(double ratePerSec, int seconds) implements LoadStep {
    @Override
    public double peakRatePerSec() {
      return ratePerSec;
    }

    @Override
    public double messages() {
      return ratePerSec * seconds;
    }
  }

  /** A linear ramp from one rate to another. */
  record Ramp(double fromRatePerSec, double toRatePerSec, int seconds) implements LoadStep {
    @Override
    public double peakRatePerSec() {
      return Math.max(fromRatePerSec, toRatePerSec);
    }

    @Override
    public double messages() {
      return (fromRatePerSec + toRatePerSec) / 2 * seconds;
    }
  }

  /** A burst at a high rate (a constant step the report marks as a spike). */
  record Spike(double ratePerSec, int seconds) implements LoadStep {
    @Override
    public double peakRatePerSec() {
      return ratePerSec;
    }

    @Override
    public double messages() {
      return ratePerSec * seconds;
    }
  }
}
