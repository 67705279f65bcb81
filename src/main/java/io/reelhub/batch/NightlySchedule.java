package io.reelhub.batch;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * Which night is due. Quartz fires the cron while the hub runs; a night missed while it was down is found here at
 * start-up: the latest fire time not after now, if it is after the schedule was first armed.
 */
final class NightlySchedule {

    private final CronExpression cron;
    private final ZoneId zone;

    NightlySchedule(String cron, ZoneId zone) {
        try {
            this.cron = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("reelhub.batch.cron '" + cron + "' is not a Quartz cron: "
                    + e.getMessage(), e);
        }
        this.cron.setTimeZone(TimeZone.getTimeZone(zone));
        this.zone = zone;
    }

    /** The latest scheduled fire at or before {@code now} and after {@code armedAt}, if any. */
    Optional<Instant> latestFire(Instant armedAt, Instant now) {
        Instant latest = null;
        // start a little before the arming so that a fire at the arming instant itself is not counted
        Date next = cron.getTimeAfter(Date.from(armedAt));
        while (next != null && !next.toInstant().isAfter(now)) {
            latest = next.toInstant();
            next = cron.getTimeAfter(next);
        }
        return Optional.ofNullable(latest);
    }

    LocalDate businessDate(Instant fire) {
        return fire.atZone(zone).toLocalDate();
    }
}
