package dev.coreos4j.planner;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A weekly maintenance window in a time zone, like Zincati's {@code periodic} strategy: on each of {@code days}, from
 * {@code start} local time for {@code lengthMinutes} real minutes. Windows may run past midnight and past the end of
 * the week. On a DST gap a start that does not exist moves forward by the gap; on an overlap the earlier offset wins.
 *
 * @param days          the days the window starts on (non-empty)
 * @param start         local start time
 * @param lengthMinutes length in minutes, 1 to 10080
 * @param timeZone      the zone {@code start} and {@code days} are read in
 * @param pools         the pools it governs; empty means every pool
 */
public record MaintenanceWindow(
        Set<DayOfWeek> days, LocalTime start, int lengthMinutes, ZoneId timeZone, SortedSet<String> pools) {

    public MaintenanceWindow {
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a maintenance window needs at least one day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        Objects.requireNonNull(start, "start");
        if (lengthMinutes < 1 || lengthMinutes > 7 * 24 * 60) {
            throw new IllegalArgumentException("lengthMinutes must be 1 to 10080, got " + lengthMinutes);
        }
        Objects.requireNonNull(timeZone, "timeZone");
        pools = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(pools, "pools")));
    }

    /** Whether this window governs {@code pool}. */
    public boolean governs(String pool) {
        return pools.isEmpty() || pools.contains(pool);
    }

    /** Whether {@code t} lies inside an occurrence of this window (start inclusive, end exclusive). */
    public boolean contains(Instant t) {
        for (Instant s : starts(t)) {
            if (!s.isAfter(t) && t.isBefore(s.plus(Duration.ofMinutes(lengthMinutes)))) {
                return true;
            }
        }
        return false;
    }

    /** The earliest occurrence start {@code >= t}, or null when there is none. */
    public @Nullable Instant nextStart(Instant t) {
        Instant best = null;
        for (Instant s : starts(t)) {
            if (!s.isBefore(t) && (best == null || s.isBefore(best))) {
                best = s;
            }
        }
        return best;
    }

    /** Occurrence starts from 8 days before to 8 days after {@code t}'s local date: enough for any length. */
    private List<Instant> starts(Instant t) {
        LocalDate d0 = t.atZone(timeZone).toLocalDate();
        List<Instant> out = new java.util.ArrayList<>();
        for (int k = -8; k <= 8; k++) {
            LocalDate d = d0.plusDays(k);
            if (days.contains(d.getDayOfWeek())) {
                out.add(ZonedDateTime.of(d, start, timeZone).toInstant());
            }
        }
        return out;
    }

    /** Whether {@code pool} may be disrupted at {@code t}: no window governs it, or one of those contains t. */
    public static boolean open(List<MaintenanceWindow> windows, String pool, Instant t) {
        boolean governed = false;
        for (MaintenanceWindow w : windows) {
            if (w.governs(pool)) {
                governed = true;
                if (w.contains(t)) {
                    return true;
                }
            }
        }
        return !governed;
    }

    /** The earliest instant {@code >= t} at which {@code pool} may be disrupted, or null when no window ever opens. */
    public static @Nullable Instant nextOpen(List<MaintenanceWindow> windows, String pool, Instant t) {
        if (open(windows, pool, t)) {
            return t;
        }
        Instant best = null;
        for (MaintenanceWindow w : windows) {
            if (w.governs(pool)) {
                Instant s = w.nextStart(t);
                if (s != null && (best == null || s.isBefore(best))) {
                    best = s;
                }
            }
        }
        return best;
    }
}
