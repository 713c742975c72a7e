package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    static MaintenanceWindow window(Set<DayOfWeek> days, String start, int minutes, ZoneId zone) {
        return new MaintenanceWindow(days, LocalTime.parse(start), minutes, zone, new TreeSet<>());
    }

    @Test
    void contains_wrapsMidnight() {
        MaintenanceWindow w = window(Set.of(DayOfWeek.MONDAY), "23:00", 120, UTC);
        assertThat(w.contains(Instant.parse("2026-03-02T23:30:00Z"))).isTrue();
        assertThat(w.contains(Instant.parse("2026-03-03T00:59:59Z"))).isTrue();
        assertThat(w.contains(Instant.parse("2026-03-03T01:00:00Z"))).isFalse();
        assertThat(w.contains(Instant.parse("2026-03-02T22:59:59Z"))).isFalse();
    }

    @Test
    void contains_wrapsTheWeek() {
        MaintenanceWindow w = window(Set.of(DayOfWeek.SUNDAY), "22:00", 240, UTC);
        assertThat(w.contains(Instant.parse("2026-03-02T01:30:00Z"))).isTrue(); // Monday 01:30
        assertThat(w.nextStart(Instant.parse("2026-03-02T03:00:00Z"))).isEqualTo(Instant.parse("2026-03-08T22:00:00Z"));
    }

    @Test
    void timeZone_isRespectedAcrossADstGap() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29 is the spring-forward Sunday in Berlin: 02:30 does not exist and becomes 03:30 CEST (01:30Z)
        MaintenanceWindow w = window(Set.of(DayOfWeek.SUNDAY), "02:30", 60, berlin);
        assertThat(w.nextStart(Instant.parse("2026-03-28T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // the week before, 02:30 CET is 01:30Z as well; the week after, 02:30 CEST is 00:30Z
        assertThat(w.nextStart(Instant.parse("2026-03-30T00:00:00Z"))).isEqualTo(Instant.parse("2026-04-05T00:30:00Z"));
    }

    @Test
    void open_isTrueForPoolsNoWindowGoverns() {
        MaintenanceWindow w = new MaintenanceWindow(
                Set.of(DayOfWeek.MONDAY), LocalTime.NOON, 60, UTC, new TreeSet<>(Set.of("worker")));
        Instant t = Instant.parse("2026-03-03T00:00:00Z");
        assertThat(MaintenanceWindow.open(List.of(w), "infra", t)).isTrue();
        assertThat(MaintenanceWindow.open(List.of(w), "worker", t)).isFalse();
        assertThat(MaintenanceWindow.nextOpen(List.of(w), "worker", t))
                .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void constructor_rejectsEmptyDaysAndBadLengths() {
        assertThatIllegalArgumentException().isThrownBy(() -> window(Set.of(), "01:00", 10, UTC));
        assertThatIllegalArgumentException().isThrownBy(() -> window(Set.of(DayOfWeek.MONDAY), "01:00", 0, UTC));
        assertThatIllegalArgumentException().isThrownBy(() -> window(Set.of(DayOfWeek.MONDAY), "01:00", 10081, UTC));
    }

    /** §4.9.44: window arithmetic agrees with a weekly-minutes reference (Zincati's model) in UTC. */
    @Property(tries = 500)
    void contains_agreesWithWeeklyMinuteArithmetic(
            @ForAll DayOfWeek day,
            @ForAll @IntRange(max = 1439) int start,
            @ForAll @IntRange(min = 1, max = 10080) int length,
            @ForAll @IntRange(max = 4 * 10080) int offset) {
        MaintenanceWindow w =
                new MaintenanceWindow(Set.of(day), LocalTime.ofSecondOfDay(start * 60L), length, UTC, new TreeSet<>());
        Instant monday = Instant.parse("2026-03-02T00:00:00Z");
        Instant t = monday.plusSeconds(offset * 60L);
        int startOfWeek = (day.getValue() - 1) * 1440 + start;
        int minuteOfWeek = offset % 10080;
        boolean expected = Math.floorMod(minuteOfWeek - startOfWeek, 10080) < length;
        assertThat(w.contains(t)).isEqualTo(expected);
        Instant next = w.nextStart(t);
        assertThat(next).isAfterOrEqualTo(t);
        assertThat(w.contains(next)).isTrue();
        assertThat(next.atOffset(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(day);
        assertThat(Math.floorMod(next.getEpochSecond() / 60 - t.getEpochSecond() / 60, 10080L))
                .isEqualTo((long) Math.floorMod(startOfWeek - minuteOfWeek, 10080));
    }
}
