package io.lytx.sandbox.domain;

import io.lytx.client.internal.ListParams;
import io.lytx.sandbox.http.ApiError;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/**
 * Reads query parameters the way every domain resource does: list parameters in all five
 * spellings (through the shared {@link ListParams}), bounded integers and Lytics booleans, with a
 * 400 naming the parameter on a bad value. Stateless and thread-safe.
 */
public final class RequestParams {

    private RequestParams() {
    }

    /**
     * A list parameter in any of the five spellings ({@code a=1,2}, {@code a=[1,2]},
     * {@code a=1&a=2}, {@code a[]=1&a[]=2}, {@code a=1}).
     *
     * @param uriInfo the request; not null
     * @param name    the parameter name, without brackets
     * @return the values in order, without duplicates; empty when absent
     */
    public static List<String> list(UriInfo uriInfo, String name) {
        return ListParams.parse(uriInfo.getQueryParameters(), name);
    }

    /**
     * An integer parameter.
     *
     * @param value the raw value; null or blank gives {@code dflt}
     * @param name  the parameter name, for the error message
     * @param dflt  the default
     * @param min   the smallest accepted value
     * @param max   the largest value; larger values are capped to it
     * @return the value
     * @throws ApiError 400 when the value is not an integer or below {@code min}
     */
    public static int intParam(String value, String name, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "parameter " + name + " must be an integer, was '" + value + "'");
        }
        if (v < min) {
            throw new ApiError(400, "parameter " + name + " must be >= " + min + ", was " + v);
        }
        return Math.min(v, max);
    }

    /**
     * A boolean parameter: {@code true/t/1/yes} or {@code false/f/0/no}, case-insensitive.
     *
     * @param value the raw value; null or blank gives {@code dflt}
     * @param name  the parameter name, for the error message
     * @param dflt  the default
     * @return the value
     * @throws ApiError 400 when the value is not a boolean
     */
    public static boolean bool(String value, String name, boolean dflt) {
        Boolean b = optionalBool(value, name);
        return b == null ? dflt : b;
    }

    /**
     * A boolean parameter that may be absent.
     *
     * @param value the raw value; null or blank gives null
     * @param name  the parameter name, for the error message
     * @return the value, or null when absent
     * @throws ApiError 400 when the value is not a boolean
     */
    public static Boolean optionalBool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes":
                return Boolean.TRUE;
            case "false", "f", "0", "no":
                return Boolean.FALSE;
            default:
                throw new ApiError(400, "parameter " + name + " must be true or false, was '" + value + "'");
        }
    }
}
