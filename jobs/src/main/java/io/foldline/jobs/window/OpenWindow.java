package io.foldline.jobs.window;

/**
 * The open window of one key: the event time of the member that opened it (its age deadline is
 * {@code openedAt + maxAge}), the earliest and latest member event times, the member count, and the
 * wall-clock time it opened (for the age metric only).
 */
public record OpenWindow(long openedAt, long minTime, long maxTime, int count, long openedWallClock) {
    static OpenWindow first(long eventTime, long wallClock) {
        return new OpenWindow(eventTime, eventTime, eventTime, 1, wallClock);
    }

    OpenWindow with(long eventTime) {
        return new OpenWindow(openedAt, Math.min(minTime, eventTime), Math.max(maxTime, eventTime), count + 1,
                openedWallClock);
    }
}
