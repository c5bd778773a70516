package io.lytx.servlet.internal.runtime;

import io.lytx.servlet.Identity;
import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.LyticsLifecycleListener;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.ProfileResult;
import io.lytx.servlet.internal.profile.Recommender;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The plugin's own way to what the public classes keep to themselves (so that their public API names no
 * internal type): making a started {@link LyticsContext}, and the runtime a
 * {@link LyticsLifecycleListener} started. Each public class installs its accessor once, when the class
 * is initialized; {@link #started} initializes {@code LyticsContext} first, and a listener exists only
 * after its class is initialized. Thread-safe. Not for sites: internal packages may change in any release.
 */
public final class ServletAccess {

    /** Makes a started context; see {@code LyticsContext.started}. */
    @FunctionalInterface
    public interface ContextFactory {
        /**
         * @param identity     the visitor's identity, never null
         * @param pageViewId   the page-view id, never null
         * @param profile      the lookup under way; completes within the deadline, never exceptionally
         * @param deadline     the request's budget, never null
         * @param recommender  fetches recommendations on demand, never null
         * @param defaultLimit number of recommendations of {@code getRecommendations()}, 1..100
         * @return the context, never null
         */
        LyticsContext started(Identity identity, String pageViewId, CompletableFuture<ProfileResult> profile,
                              Deadline deadline, Recommender recommender, int defaultLimit);
    }

    private static volatile ContextFactory contexts;
    private static volatile Function<LyticsLifecycleListener, LyticsRuntime> runtimes;

    private ServletAccess() {
    }

    /**
     * Sets how started contexts are made; called by {@code LyticsContext} only.
     *
     * @throws IllegalStateException if set already
     */
    public static synchronized void installContexts(ContextFactory factory) {
        if (contexts != null) {
            throw new IllegalStateException("already installed");
        }
        contexts = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Sets how a listener's runtime is read; called by {@code LyticsLifecycleListener} only.
     *
     * @throws IllegalStateException if set already
     */
    public static synchronized void installRuntimes(Function<LyticsLifecycleListener, LyticsRuntime> accessor) {
        if (runtimes != null) {
            throw new IllegalStateException("already installed");
        }
        runtimes = Objects.requireNonNull(accessor, "accessor");
    }

    /**
     * A context for a handled request whose profile lookup is under way.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code defaultLimit} is not within 1..100
     */
    public static LyticsContext started(Identity identity, String pageViewId, CompletableFuture<ProfileResult> profile,
                                        Deadline deadline, Recommender recommender, int defaultLimit) {
        ContextFactory f = contexts;
        if (f == null) {
            initialize(LyticsContext.class);
            f = contexts;
        }
        return f.started(identity, pageViewId, profile, deadline, recommender, defaultLimit);
    }

    /** The runtime {@code listener} started; null before it starts and after it stops. */
    public static LyticsRuntime runtime(LyticsLifecycleListener listener) {
        Objects.requireNonNull(listener, "listener");
        return runtimes.apply(listener);
    }

    private static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
