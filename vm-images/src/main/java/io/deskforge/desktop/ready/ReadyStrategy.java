package io.deskforge.desktop.ready;

import java.time.Duration;

/**
 * Decides when a launched application is ready for input. See {@link Ready} for the common ones;
 * an app declares its readiness in one line with them.
 */
public interface ReadyStrategy {

  /** What the strategy waits for, in words, for the timeout message. */
  String describe();

  /** A fresh condition for one launch, so that stateful ones (idle timers) start over. */
  Condition newCondition();

  /** Waits until ready; throws naming the desktop and what never happened. */
  default void waitUntilReady(ReadyTarget target, Duration timeout) {
    Ready.await(this, target, timeout);
  }

  /** Asked repeatedly until it says ready or the time is up. */
  @FunctionalInterface
  interface Condition {
    boolean isReady(ReadyTarget target);

    /**
     * For a condition of several in turn ({@link Ready#allOf}), the one it is still waiting for, in
     * words; null for a condition that is one thing. The timeout message names it.
     */
    default String pending() {
      return null;
    }
  }
}
