package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.ColumnDefinition;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TypeName;
import java.util.ArrayList;
import java.util.List;

/** The column types a statement declares, for the rules about choosing types. Stateless. */
final class DeclaredColumns {
    private DeclaredColumns() {
    }

    /**
     * A column type a statement declares.
     *
     * @param table  the table
     * @param column the column
     * @param type   its type, new or changed to
     */
    record Declared(QualifiedName table, String column, TypeName type) {
        /** {@return {@code table.column}} */
        String name() {
            return table + "." + column;
        }
    }

    /** {@return the types of {@code CREATE TABLE} columns, added columns and columns changed to a new type} */
    static List<Declared> of(SqlCommand command) {
        List<Declared> declared = new ArrayList<>();
        if (command instanceof SqlCommand.CreateTable create) {
            for (ColumnDefinition column : create.columns()) {
                declared.add(new Declared(create.table(), column.name(), column.type()));
            }
        } else if (command instanceof SqlCommand.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddColumn add) {
                    declared.add(new Declared(alter.table(), add.column().name(), add.column().type()));
                } else if (action instanceof AlterTableAction.AlterColumnType change) {
                    declared.add(new Declared(alter.table(), change.column(), change.type()));
                }
            }
        }
        return declared;
    }

    /** {@return the columns a statement adds to an existing table or creates with a new one} */
    static List<ColumnDefinition> added(SqlCommand.AlterTable alter) {
        List<ColumnDefinition> added = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddColumn add) added.add(add.column());
        }
        return added;
    }
}
