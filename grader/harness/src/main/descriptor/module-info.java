/**
 * The test harness the grader starts in a sandboxed JVM: runs the selected tests with the JUnit
 * Platform Launcher and reports each result on a signed channel. It exports and opens nothing, so
 * the student's classes (on the classpath) cannot reach its state by reflection.
 */
module ipclab.grader.harness {
    requires org.junit.platform.launcher;
}
