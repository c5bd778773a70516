package io.lytx.sandbox.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The spellings of one list-valued query parameter that Lytics accepts, already URL-encoded for a
 * query string: {@code a=x,y}, {@code a=[x,y]}, {@code a=x&a=y}, {@code a[]=x&a[]=y}, and for a
 * single value {@code a=x}.
 */
public final class ListSpellings {

    private ListSpellings() {
    }

    /**
     * Every spelling of a list of two or more values (four: comma, brackets, repeated, {@code []}).
     *
     * @param name   the parameter name
     * @param values the values (no commas inside)
     * @return the query strings, without {@code ?}
     */
    public static List<String> of(String name, List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(name + "=" + String.join(",", values));
        out.add(name + "=%5B" + String.join(",", values) + "%5D");
        out.add(String.join("&", values.stream().map(v -> name + "=" + v).toList()));
        out.add(String.join("&", values.stream().map(v -> name + "%5B%5D=" + v).toList()));
        return out;
    }

    /**
     * Every spelling of a one-value list: {@code a=x}, {@code a=[x]}, {@code a[]=x}.
     *
     * @param name  the parameter name
     * @param value the value
     * @return the query strings
     */
    public static List<String> single(String name, String value) {
        return List.of(name + "=" + value, name + "=%5B" + value + "%5D", name + "%5B%5D=" + value);
    }
}
