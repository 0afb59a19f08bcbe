package ipclab.timeserver;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a time server's answer against the test's own clock: the answer must be in C
 * {@code asctime} form and lie between the moment the test asked and the moment it got it (the
 * same machine's clock, read in the server's time zone), give or take the second that asctime
 * drops.
 */
final class TestClock {
    static final Pattern ASCTIME = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + " ( [1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] [0-9]{4}");
    private static final DateTimeFormatter PARSER = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;
    private final LocalDateTime start;

    private TestClock(ZoneId zone) {
        this.zone = zone;
        this.start = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    }

    /** Starts the interval now, in the zone the server runs in. */
    static TestClock startNow(String zone) {
        return new TestClock(ZoneId.of(zone));
    }

    /** Asserts the answer is asctime text for a moment between the start and now. */
    void assertAnswered(String answer) {
        LocalDateTime end = LocalDateTime.now(zone).plusSeconds(1);
        assertThat(answer).as("the time server's answer, in C asctime form without newline").matches(ASCTIME);
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(answer, PARSER);
        } catch (DateTimeParseException e) {
            throw new AssertionError("'" + answer + "' is not a real date (does the day of the week match the date?)", e);
        }
        assertThat(time).as("the time in the answer '%s' (the test's clock in %s says between %s and %s)",
                answer, zone, start, end).isBetween(start, end);
    }
}
