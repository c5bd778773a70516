package io.lytx.sandbox.filterql;

import java.util.Map;
import java.util.Objects;

/**
 * {@code INCLUDE slug}: the profile is a member of another segment, as answered by
 * {@link EvalContext#isMember(String, Map)}.
 *
 * @param slug the segment slug
 */
record IncludeExpr(String slug) implements Expr {

    IncludeExpr {
        Objects.requireNonNull(slug, "slug");
    }

    @Override
    public Truth truth(Map<String, Object> profile, EvalContext ctx) {
        Checks.evalArgs(profile, ctx);
        return Truth.of(ctx.isMember(slug, profile));
    }

    @Override
    public String toQl() {
        return "INCLUDE " + QlText.name(slug);
    }
}
