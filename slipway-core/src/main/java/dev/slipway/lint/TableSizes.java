package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import java.util.Optional;

/** Where the linter learns how big a table is; offline there is no such knowledge ({@link #NONE}). */
@FunctionalInterface
public interface TableSizes {
    /** Knows no table: the linter judges statements alone. */
    TableSizes NONE = table -> Optional.empty();

    /**
     * {@return the live size of the table, if it exists and is known}
     * @param table the table as a statement names it; unqualified names resolve as the server's search path would
     */
    Optional<TableSize> of(QualifiedName table);
}
