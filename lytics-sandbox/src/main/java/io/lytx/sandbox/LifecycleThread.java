package io.lytx.sandbox;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs the sandbox's start and stop on a thread of their own, which ends with them. Grizzly (its
 * {@code ThreadCache}), HK2 and Jersey leave per-thread caches on the thread that starts or stops a
 * server; when the sandbox is embedded in a web application, that thread is the servlet container's
 * (Tomcat's deploy and undeploy threads live on), and the caches would keep the application's
 * classes, and its class loader, alive after undeploy. Blocks the caller until the task ends, even
 * when interrupted (the interrupt is kept). Thread-safe (stateless).
 */
final class LifecycleThread {

    private LifecycleThread() {
    }

    /**
     * Runs a task on a new daemon thread named {@code name} and waits for it.
     *
     * @param name the thread's name
     * @param task what to run
     * @param <T>  the result's type
     * @return what the task returned
     * @throws RuntimeException or {@link Error}: whatever the task threw, as it threw it
     */
    static <T> T call(String name, Supplier<T> task) {
        FutureTask<T> future = new FutureTask<>(task::get);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        try {
            // join, not just get: the thread must have ended, not only its task, when the caller
            // goes on (a container looks for the application's threads right after undeploy)
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                throw new AssertionError("the task has ended", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(name + " failed", cause);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
