package ipclab.timeserver;

import java.time.LocalDateTime;
import java.util.Set;

import ipclab.ipc.IpcException;
import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;

/**
 * The time server (second solution): owns a queue it created exclusively, answers each time
 * request with the local time in C's {@code asctime} form, addressed to the client that asked,
 * and removes the queue on a stop request, an error, Ctrl-C or {@code kill}.
 *
 * <pre>
 * $ ./run TimeServer --key 4242
 * time server listening on key 4242
 * time server stopped
 * </pre>
 */
public final class TimeServer {
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private TimeServer() {
    }

    public static void main(String[] argv) {
        Command.main(argv, "TimeServer [--key K]", Set.of("--key"), options -> {
            int key = options.key();
            MessageQueue mailbox;
            try {
                mailbox = MessageQueue.createExclusive(key);
            } catch (IpcException.QueueExistsException taken) {
                throw new Command.Trouble("a message queue with key " + key + " already exists (another time server?);"
                        + " if it is a leftover, remove it with: ipcrm -Q " + key);
            }
            Command.atExit(mailbox);
            System.out.println("time server listening on key " + key);
            answerUntilHalted(mailbox);
            mailbox.remove();
            System.out.println("time server stopped");
        });
    }

    private static void answerUntilHalted(MessageQueue mailbox) {
        for (Message request = mailbox.receive(-Wire.HALT); request.type() != Wire.HALT; request = mailbox.receive(-Wire.HALT)) {
            var asker = Wire.asker(request.text());
            if (asker.isEmpty()) {
                System.err.println("note: a time request names no client ('" + request.text() + "'): not answered");
                continue;
            }
            mailbox.send(Wire.answerTo(asker.getAsLong()), asctime(LocalDateTime.now()));
        }
    }

    /**
     * {@code time} as C's {@code asctime} writes it, without its newline: English names, the day
     * of the month right-aligned in two characters ({@code Sun Nov  1 09:05:03 2026}).
     */
    public static String asctime(LocalDateTime time) {
        var text = new StringBuilder(24)
                .append(WEEKDAYS[time.getDayOfWeek().ordinal()]).append(' ')
                .append(MONTHS[time.getMonthValue() - 1]).append(' ');
        if (time.getDayOfMonth() < 10) text.append(' ');
        text.append(time.getDayOfMonth()).append(' ');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        twoDigits(text, time.getSecond()).append(' ');
        return text.append(time.getYear()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
