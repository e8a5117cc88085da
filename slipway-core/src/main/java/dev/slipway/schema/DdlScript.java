package dev.slipway.schema;

import java.util.List;

/**
 * The DDL that turns one schema into another, as {@link SchemaDdl#between} prints it.
 *
 * @param statements the statements in the order they must run
 * @param warnings   what the statements cannot express exactly, and which tables are rebuilt to reorder their
 *                   columns (every row copied under an ACCESS EXCLUSIVE lock), one sentence each
 */
public record DdlScript(List<DdlStatement> statements, List<String> warnings) {
    /** Text above a destructive statement in {@link #text()}. */
    public static final String DESTRUCTIVE_MARK = "-- destructive: this statement discards data";
    /** The directive that makes Slipway run each statement in a transaction of its own. */
    public static final String NO_TRANSACTION = "-- slipway:no-transaction";

    /** Copies the lists. */
    public DdlScript {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** {@return whether there is nothing to run} */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** {@return whether every statement may run in one transaction} */
    public boolean transactional() {
        return statements.stream().allMatch(DdlStatement::transactional);
    }

    /**
     * {@return the script as a migration file: the warnings as comments, {@value #NO_TRANSACTION} when a statement
     * cannot share a transaction, then each statement ending with {@code ;} and a newline, with
     * {@value #DESTRUCTIVE_MARK} above each destructive one}
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String warning : warnings) text.append("-- warning: ").append(warning.replace("\n", " ")).append('\n');
        if (!transactional()) text.append(NO_TRANSACTION).append('\n');
        if (text.length() > 0 && !statements.isEmpty()) text.append('\n');
        for (DdlStatement statement : statements) {
            if (statement.destructive()) text.append(DESTRUCTIVE_MARK).append('\n');
            text.append(statement.sql()).append(";\n");
        }
        return text.toString();
    }
}
