package dev.cellguard.arc.local.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MutatingCallThrottleTest {

    final AtomicLong nanos = new AtomicLong();
    final MutatingCallThrottle throttle = new MutatingCallThrottle(3, nanos::get);

    @Test
    void admitsUpToTheLimitWithinOneSecond() {
        assertThat(throttle.tryAcquire()).isTrue();
        assertThat(throttle.tryAcquire()).isTrue();
        assertThat(throttle.tryAcquire()).isTrue();
        assertThat(throttle.tryAcquire()).isFalse();
    }

    @Test
    void slidesTheWindowCallByCall() {
        throttle.tryAcquire();
        nanos.set(400_000_000L);
        throttle.tryAcquire();
        throttle.tryAcquire();

        nanos.set(999_999_999L);
        assertThat(throttle.tryAcquire()).as("first call still inside the window").isFalse();
        nanos.set(1_000_000_000L);
        assertThat(throttle.tryAcquire()).as("first call left the window").isTrue();
        assertThat(throttle.tryAcquire()).isFalse();
    }

    @Test
    void refusedCallsDoNotCount() {
        for (int i = 0; i < 10; i++) {
            throttle.tryAcquire();
        }
        nanos.set(1_000_000_000L);

        assertThat(throttle.tryAcquire()).isTrue();
    }

    @Test
    void resetForgetsRecentCalls() {
        for (int i = 0; i < 3; i++) {
            throttle.tryAcquire();
        }
        throttle.reset();

        assertThat(throttle.tryAcquire()).isTrue();
    }

    @Test
    void zeroMeansUnlimited() {
        var unlimited = new MutatingCallThrottle(0, nanos::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.tryAcquire()).isTrue();
        }
        assertThatThrownBy(() -> new MutatingCallThrottle(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
