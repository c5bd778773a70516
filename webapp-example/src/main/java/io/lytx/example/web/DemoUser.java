package io.lytx.example.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A demo account of the login page. The three users exist as profiles in the sandbox's demo data
 * (with first names); against a real Lytics they are just emails. Immutable.
 *
 * @param id        the form value, never null
 * @param firstName the first name shown on the login page, never null
 * @param email     the identity the library sends to Lytics ({@code lytics.identity.field=email}), never null
 * @param story     one line about the profile, never null
 */
public record DemoUser(String id, String firstName, String email, String story) {

    /** The demo users, in the order the login page lists them. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("ada", "Ada", "ada@example.org", "six visits, reads finance"),
            new DemoUser("grace", "Grace", "grace@example.org", "one visit, one gardening article"),
            new DemoUser("linus", "Linus", "linus@example.org", "three visits, reads photography"));

    /**
     * @throws NullPointerException if a component is null (the message names it)
     */
    public DemoUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(story, "story");
    }

    /**
     * Same id, names, email and story. Written out, like {@link #hashCode()} and {@link #toString()}:
     * a user is kept in the session, and the methods a record generates are linked through
     * {@code java.lang.runtime.ObjectMethods}, whose JDK-wide cache on JDK 17 (JDK-8078641) keeps the
     * last record class linked, and with it the example's class loader after undeploy.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DemoUser u && id.equals(u.id) && firstName.equals(u.firstName) && email.equals(u.email)
                && story.equals(u.story);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, firstName, email, story);
    }

    @Override
    public String toString() {
        return "DemoUser[" + id + "]";
    }

    /**
     * The demo user with that id.
     *
     * @param id the form value; null gives empty
     * @return the user, or empty when there is none
     */
    public static Optional<DemoUser> byId(String id) {
        return ALL.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** For JSP EL. */
    public String getId() {
        return id;
    }

    /** For JSP EL. */
    public String getFirstName() {
        return firstName;
    }

    /** For JSP EL. */
    public String getEmail() {
        return email;
    }

    /** For JSP EL. */
    public String getStory() {
        return story;
    }
}
