package ipclab.queues;

/**
 * A piece of work a {@link ProcessPool} runs in a worker process: the kit's answer to the
 * function the course passes to {@code Pool.map}. Java cannot send a lambda to another JVM, so a
 * pool is given the task's class name; every worker loads the class, makes one instance with its
 * public no-argument constructor, and calls {@link #apply} for each input it is handed.
 *
 * <pre>{@code
 * public class Square implements Task {
 *     public String apply(String input) {
 *         long n = Long.parseLong(input);
 *         return Long.toString(n * n);
 *     }
 * }
 * List<String> squares = pool.map(Square.class.getName(), List.of("1", "2", "3"));  // [1, 4, 9]
 * }</pre>
 *
 * <p>Inputs and results are text, as they travel through message queues. An exception thrown by
 * {@code apply} is reported to the caller as a {@link TaskFailedException}. Given: do not change.
 */
public interface Task {
    String apply(String input) throws Exception;
}
