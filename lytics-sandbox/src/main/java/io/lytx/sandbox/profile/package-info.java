/**
 * User profiles built from events: identity resolution and stitching, attribute merging, visits,
 * content affinities ({@code lytics_content}, see {@link io.lytx.sandbox.profile.ContentAffinity})
 * and visited documents ({@code hashedurls}); {@link io.lytx.sandbox.profile.ProfileRenderer}
 * writes profiles with Lytics' wire quirks.
 */
package io.lytx.sandbox.profile;
