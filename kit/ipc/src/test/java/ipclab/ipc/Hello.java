package ipclab.ipc;

/** A child for the tests: echoes its arguments and stdin, and exits with the status in args[0]. */
public final class Hello {
    public static void main(String[] args) throws Exception {
        System.out.println(String.join(" ", args) + " | " + new String(System.in.readAllBytes()).strip());
        System.exit(Integer.parseInt(args[0]));
    }
}
