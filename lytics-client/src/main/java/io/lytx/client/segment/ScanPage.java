package io.lytx.client.segment;

import io.lytx.client.entity.ProfileFields;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a scan.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param profiles the profiles on the page
 * @param next     the cursor of the next page, empty at the end
 * @param total    the total Lytics reported, when it did
 */
public record ScanPage(List<ProfileFields> profiles, Optional<String> next, OptionalLong total) {
}
