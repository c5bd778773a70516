package io.lytx.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public API of one module, read from its compiled classes by reflection, and the check that it is
 * the one committed in the module's {@code api/public-api.txt}. Each published module has a test that
 * calls {@link #check}; a change of the API that nobody meant (a new public method, a changed
 * signature, a class made public) then fails {@code mvn verify} until the listing is updated in the
 * same commit.
 *
 * <p>The API is every public class, interface, enum, record and annotation outside packages that have
 * an {@code internal} segment, and whose enclosing classes are public too; of each, its public
 * constructors, methods and fields, and its protected ones when the class is not final (a subclass
 * can use them). Each is one line with its full generic signature; the lines are sorted.
 *
 * <p>Not thread-safe; meant for one test at a time. Loads classes without initializing them.
 */
public final class PublicApi {

    /** The system property that makes {@link #check} rewrite the committed listing instead of failing. */
    public static final String UPDATE_PROPERTY = "lytx.api.update";

    /** The listing's path inside the module. */
    public static final String LISTING = "api/public-api.txt";

    private static final Pattern INTERNAL = Pattern.compile("\\b[a-z][\\w]*(?:\\.[a-z_][\\w]*)*\\.internal\\.[\\w.$]+");

    private PublicApi() {
    }

    /**
     * Compares the public API of the classes compiled with {@code anchor} (the module's
     * {@code target/classes}) under {@code basePackage} with the committed listing of the module at
     * {@code moduleDir}, and checks that no public signature names a type of an {@code internal}
     * package.
     *
     * @throws AssertionError when the listing differs (the message holds a diff and says how to accept
     *                        the change) or when a signature names an internal type (the message lists them)
     */
    public static void check(Class<?> anchor, String basePackage, Path moduleDir) {
        List<String> actual = listing(anchor, basePackage);
        List<String> leaks = new ArrayList<>();
        for (String line : actual) {
            Matcher m = INTERNAL.matcher(line);
            if (m.find()) {
                leaks.add(m.group() + "  in  " + line);
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("The public API names types of internal packages, which a site cannot rely on."
                    + " Return or accept a public type, or make the member non-public:\n  " + String.join("\n  ", leaks));
        }
        Path file = moduleDir.resolve(LISTING);
        List<String> committed = read(file);
        if (committed.equals(actual)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, actual);
            return;
        }
        throw new AssertionError("The public API of " + basePackage + " is not the one committed in " + LISTING
                + ". If the change is deliberate, rewrite the listing with\n"
                + "  mvn -pl <module> -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                + UPDATE_PROPERTY + "=true\n"
                + "and commit it with the change (and a CHANGELOG line). Otherwise make the new member non-public"
                + " or move it to an internal package.\n"
                + diff(committed, actual));
    }

    /** The module's directory: Maven's {@code basedir} property, else the working directory. */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** The sorted lines of the public API of the classes beside {@code anchor} under {@code basePackage}. */
    public static List<String> listing(Class<?> anchor, String basePackage) {
        Path root = classesRoot(anchor);
        TreeSet<String> lines = new TreeSet<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(root.resolve(basePackage.replace('.', '/')))) {
            names = files.map(p -> root.relativize(p).toString())
                    .filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : names) {
            if (name.contains(".internal.") || name.endsWith(".internal")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
            if (visible(type)) {
                describe(type, lines);
            }
        }
        return List.copyOf(lines);
    }

    private static Path classesRoot(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean visible(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static void describe(Class<?> type, TreeSet<String> lines) {
        String name = type.getName();
        StringBuilder header = new StringBuilder(type.toGenericString());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class
                && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        var interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            header.append(type.isInterface() ? " extends " : " implements ");
            for (int i = 0; i < interfaces.length; i++) {
                header.append(i == 0 ? "" : ", ").append(interfaces[i].getTypeName());
            }
        }
        lines.add(name + " " + header);
        boolean subclassable = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (shown(c, subclassable)) {
                lines.add(name + " " + c.toGenericString());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge() && shown(m, subclassable)) {
                lines.add(name + " " + m.toGenericString());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (!f.isSynthetic() && shown(f, subclassable)) {
                lines.add(name + " " + f.toGenericString());
            }
        }
    }

    private static boolean shown(Member member, boolean subclassable) {
        int mod = member.getModifiers();
        return Modifier.isPublic(mod) || (subclassable && Modifier.isProtected(mod));
    }

    private static List<String> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A unified-style diff of two sorted listings: {@code -} lines are committed but no longer in the
     * classes, {@code +} lines are in the classes but not committed.
     */
    static String diff(List<String> committed, List<String> actual) {
        StringBuilder out = new StringBuilder("--- " + LISTING + " (committed)\n+++ compiled classes\n");
        int i = 0;
        int j = 0;
        while (i < committed.size() || j < actual.size()) {
            int c = i == committed.size() ? 1 : j == actual.size() ? -1 : committed.get(i).compareTo(actual.get(j));
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                out.append('-').append(committed.get(i++)).append('\n');
            } else {
                out.append('+').append(actual.get(j++)).append('\n');
            }
        }
        return out.toString();
    }
}
