package io.lytx.servlet.it.app;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * What an application with {@code metadata-complete="true"} (no fragment scanning) does: registers
 * the plugin in code, with a configuration it builds itself (here from its own {@code app.*}
 * context parameters). Calls the plugin reflectively through the web app's class loader so this
 * class does not link against the plugin (the test JVM may load it without the plugin).
 */
public class ProgrammaticSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            ClassLoader loader = context.getClassLoader();
            Class<?> configType = Class.forName("io.lytx.servlet.config.LyticsConfig", true, loader);
            Object builder = configType.getMethod("builder").invoke(null);
            java.lang.reflect.Method set = builder.getClass().getMethod("set", String.class, String.class);
            set.invoke(builder, "lytics.api.url", context.getInitParameter("app.upstream"));
            set.invoke(builder, "lytics.api.token", context.getInitParameter("app.secret"));
            set.invoke(builder, "lytics.budget.ms", "1000");
            Object config = builder.getClass().getMethod("build").invoke(builder);
            Class.forName("io.lytx.servlet.LyticsInitializer", true, loader)
                    .getMethod("register", ServletContext.class, configType)
                    .invoke(null, context, config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register the Lytics filter", e);
        }
    }
}
