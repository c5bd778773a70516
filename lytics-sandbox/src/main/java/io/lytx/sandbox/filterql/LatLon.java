package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A point on Earth in degrees. Immutable.
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
record LatLon(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** {@code "lat,lon"} text; null when malformed or out of range. */
    static LatLon parse(String text) {
        int comma = text.indexOf(',');
        if (comma < 0) {
            return null;
        }
        return of(Values.parseNumber(text.substring(0, comma)), Values.parseNumber(text.substring(comma + 1)));
    }

    /** A location read from a profile value ({@code "lat,lon"}, {@code [lat, lon]}, a lat/lon map); null otherwise. */
    static LatLon of(Object value) {
        if (value instanceof String s) {
            return parse(s);
        }
        if (value instanceof List<?> list && list.size() == 2) {
            return of(Values.toNumber(list.get(0)), Values.toNumber(list.get(1)));
        }
        if (value instanceof Map<?, ?> map) {
            Object lat = map.containsKey("lat") ? map.get("lat") : map.get("latitude");
            Object lon = map.containsKey("lon") ? map.get("lon") : map.containsKey("lng") ? map.get("lng") : map.get("longitude");
            return of(Values.toNumber(lat), Values.toNumber(lon));
        }
        return null;
    }

    private static LatLon of(BigDecimal lat, BigDecimal lon) {
        if (lat == null || lon == null) {
            return null;
        }
        double la = lat.doubleValue();
        double lo = lon.doubleValue();
        return Math.abs(la) <= 90 && Math.abs(lo) <= 180 ? new LatLon(la, lo) : null;
    }

    /** Great-circle (haversine) distance in kilometres. */
    double kilometresTo(LatLon other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
