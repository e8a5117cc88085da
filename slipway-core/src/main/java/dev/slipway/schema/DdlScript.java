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
     * {@return the script as a migration file: the warnings as comments, then each statement ending with {@code ;}
     * and a newline, with {@value #DESTRUCTIVE_MARK} above each destructive one}
     * <p>A script that adds enum labels and then goes on is written as two {@code BEGIN; ... COMMIT;} blocks: the
     * first ends with the last {@code ADD VALUE}, since a label added in a transaction cannot be used before that
     * transaction commits (PostgreSQL 12 and later allow {@code ADD VALUE} in a transaction block otherwise). Slipway
     * runs such a file block by block, so each block stays all-or-nothing, and a table rebuilt after the labels were
     * added is never left half done.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String warning : warnings) text.append("-- warning: ").append(warning.replace("\n", " ")).append('\n');
        if (text.length() > 0 && !statements.isEmpty()) text.append('\n');
        int lastAddedLabel = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (!statements.get(i).transactional()) lastAddedLabel = i;
        }
        boolean blocks = lastAddedLabel >= 0 && lastAddedLabel < statements.size() - 1;
        if (blocks) text.append("BEGIN;\n");
        for (int i = 0; i < statements.size(); i++) {
            DdlStatement statement = statements.get(i);
            if (statement.destructive()) text.append(DESTRUCTIVE_MARK).append('\n');
            text.append(statement.sql()).append(";\n");
            if (blocks && i == lastAddedLabel) text.append("COMMIT;\n\nBEGIN;\n");
        }
        if (blocks) text.append("COMMIT;\n");
        return text.toString();
    }
}
