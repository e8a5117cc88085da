package dev.slipway.schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects statements into phases that run in dependency order, and warnings, while {@link SchemaDdl} walks the two
 * models. Not thread-safe; lives for one {@link SchemaDdl#between} call.
 */
final class DdlPlan {
    /** The phases, in the order their statements run. */
    enum Phase {
        PRELUDE,
        DROP_VIEWS,
        DROP_TABLE_PARTS,
        DROP_FOREIGN_KEYS,
        DROP_CONSTRAINTS,
        DROP_TABLES,
        DROP_REPLACED_ROUTINES,
        SCHEMAS,
        EXTENSIONS,
        TYPES,
        SEQUENCES,
        ROUTINES,
        CREATE_TABLES,
        ALTER_TABLES,
        ADD_CONSTRAINTS,
        ADD_INDEXES,
        ADD_FOREIGN_KEYS,
        LATE_ROUTINES,
        VIEWS,
        TRIGGERS_AND_POLICIES,
        OWNERSHIP,
        COMMENTS,
        GRANTS,
        DROP_ROUTINES,
        DROP_SEQUENCES,
        DROP_TYPES,
        DROP_EXTENSIONS,
        DROP_SCHEMAS
    }

    private final Map<Phase, List<DdlStatement>> phases = new EnumMap<>(Phase.class);
    private final Set<String> warnings = new LinkedHashSet<>();

    void add(Phase phase, String sql) {
        add(phase, DdlStatement.of(sql));
    }

    void add(Phase phase, DdlStatement statement) {
        phases.computeIfAbsent(phase, p -> new ArrayList<>()).add(statement);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    boolean has(Phase phase) {
        return phases.containsKey(phase);
    }

    DdlScript script() {
        List<DdlStatement> statements = new ArrayList<>();
        for (Phase phase : Phase.values()) statements.addAll(phases.getOrDefault(phase, List.of()));
        return new DdlScript(statements, List.copyOf(warnings));
    }
}
