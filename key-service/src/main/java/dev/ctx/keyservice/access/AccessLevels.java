package dev.ctx.keyservice.access;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.ctx.schemas.confidential.ConfidentialFields;

/**
 * Which confidential fields each purpose may release: {@code access.levels}, e.g.
 * {@code settlement:amount+settlementDetails,audit:amount+pricing+settlementDetails}. A purpose without a level
 * releases nothing. Fields are joined with {@code +} (not {@code |}, which would split a Markdown table cell of the
 * README). Immutable.
 */
public final class AccessLevels {

    /** The default of {@code access.levels}. */
    public static final String DEFAULT = "settlement:amount+settlementDetails,audit:amount+pricing+settlementDetails";

    private static final String PURPOSE = "[a-z0-9][a-z0-9._-]{0,63}";

    private final Map<String, Set<String>> levels;

    private AccessLevels(Map<String, Set<String>> levels) {
        this.levels = Map.copyOf(levels);
    }

    /**
     * Parses {@code purpose:field+field,...}.
     *
     * @throws IllegalArgumentException naming the bad entry: an unknown field, a malformed purpose, a purpose twice
     */
    public static AccessLevels parse(String spec) {
        Set<String> known = Set.copyOf(ConfidentialFields.ofTransaction().names());
        Map<String, Set<String>> levels = new LinkedHashMap<>();
        for (String entry : spec.split(",", -1)) {
            String[] parts = entry.trim().split(":", -1);
            if (parts.length != 2 || !parts[0].matches(PURPOSE) || parts[1].isBlank()) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "' is not purpose:field+field");
            }
            Set<String> fields = new LinkedHashSet<>(Arrays.asList(parts[1].split("\\+", -1)));
            for (String field : fields) {
                if (!known.contains(field)) {
                    throw new IllegalArgumentException("purpose " + parts[0] + " names " + field
                            + ", not a confidential field (" + String.join(", ", known) + ")");
                }
            }
            if (levels.put(parts[0], Set.copyOf(fields)) != null) {
                throw new IllegalArgumentException("purpose " + parts[0] + " is listed twice");
            }
        }
        return new AccessLevels(levels);
    }

    /** The fields {@code purpose} releases; empty if it has no level. */
    public Set<String> fieldsFor(String purpose) {
        return levels.getOrDefault(purpose, Set.of());
    }
}
