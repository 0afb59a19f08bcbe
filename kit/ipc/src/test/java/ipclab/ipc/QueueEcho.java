package ipclab.ipc;

/** A child for the tests: answers each message of type 1 on the queue with type 2 and the text reversed, until "stop". */
public final class QueueEcho {
    public static void main(String[] args) {
        var queue = MessageQueue.open(Integer.parseInt(args[0]));
        while (true) {
            String text = queue.receive(1).text();
            if (text.equals("stop")) return;
            queue.send(2, new StringBuilder(text).reverse().toString());
        }
    }
}
