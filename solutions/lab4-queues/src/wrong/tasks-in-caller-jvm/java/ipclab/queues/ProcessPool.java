package ipclab.queues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A "pool" that runs every task itself, in the caller's JVM, one after the other: it starts no
 * process and uses no queue.
 */
public final class ProcessPool implements AutoCloseable {
    public static final int MAX_WORKERS = 16;

    public ProcessPool(int workers) {
        if (workers < 1 || workers > MAX_WORKERS) throw new IllegalArgumentException("1 to 16 workers, not " + workers);
    }

    public List<String> map(String taskClass, List<String> inputs) {
        var results = new ArrayList<String>();
        imapUnordered(taskClass, inputs).forEachRemaining(results::add);
        return results;
    }

    public Iterator<String> imapUnordered(String taskClass, List<String> inputs) {
        Task task;
        try {
            task = Class.forName(taskClass).asSubclass(Task.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no task class " + taskClass, e);
        }
        var remaining = inputs.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return remaining.hasNext();
            }

            @Override
            public String next() {
                if (!remaining.hasNext()) throw new NoSuchElementException();
                String input = remaining.next();
                try {
                    return task.apply(input);
                } catch (Exception e) {
                    throw new TaskFailedException(input, e.toString());
                }
            }
        };
    }

    @Override
    public void close() {
    }
}
