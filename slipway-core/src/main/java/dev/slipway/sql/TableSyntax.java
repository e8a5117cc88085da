package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the table parts of the grammar: {@code CREATE TABLE} elements, {@code ALTER TABLE} actions, column
 * definitions, table constraints and type names. Stateless; every method returns null for a shape it does not know.
 */
final class TableSyntax {
    /** Words that end a column's type and start its constraints. */
    private static final String[] COLUMN_CLAUSES = {"CONSTRAINT", "NOT", "NULL", "CHECK", "DEFAULT", "GENERATED",
        "UNIQUE", "PRIMARY", "REFERENCES", "COLLATE", "COMPRESSION", "STORAGE", "DEFERRABLE", "INITIALLY"};
    /** Words that start a table constraint rather than a column. */
    private static final String[] CONSTRAINT_STARTS = {"CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN",
        "EXCLUDE"};

    private TableSyntax() {
    }

    static SqlCommand createTable(SqlStatement statement, TokenCursor cursor, boolean temporary) {
        cursor.acceptAll("IF", "NOT", "EXISTS");
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) return null;
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        List<Token> elements = cursor.acceptGroup();
        if (elements != null) {
            for (List<Token> element : TokenCursor.splitAtCommas(elements)) {
                if (element.get(0).isAnyKeyword(CONSTRAINT_STARTS)) {
                    TableConstraint constraint = tableConstraint(new TokenCursor(element));
                    if (constraint != null) constraints.add(constraint);
                } else if (!element.get(0).isKeyword("LIKE")) {
                    ColumnDefinition column = column(new TokenCursor(element));
                    if (column != null) columns.add(column);
                }
            }
        }
        return new SqlCommand.CreateTable(statement, table, columns, constraints, temporary);
    }

    static SqlCommand alterTable(SqlStatement statement, TokenCursor cursor) {
        cursor.acceptAll("IF", "EXISTS");
        cursor.accept("ONLY");
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) return null;
        if (cursor.peek() != null && cursor.peek().isOperator("*")) cursor.next();
        List<AlterTableAction> actions = new ArrayList<>();
        for (List<Token> piece : TokenCursor.splitAtCommas(cursor.rest())) {
            actions.add(action(new TokenCursor(piece)));
        }
        return actions.isEmpty() ? null : new SqlCommand.AlterTable(statement, table, actions);
    }

    private static AlterTableAction action(TokenCursor cursor) {
        Token at = cursor.peek();
        AlterTableAction action = null;
        if (cursor.accept("ADD")) {
            action = add(at, cursor);
        } else if (cursor.accept("DROP")) {
            action = dropAction(at, cursor);
        } else if (cursor.accept("ALTER")) {
            action = alterColumn(at, cursor);
        } else if (cursor.acceptAll("VALIDATE", "CONSTRAINT")) {
            String name = cursor.acceptName();
            if (name != null) action = new AlterTableAction.ValidateConstraint(at, name);
        } else if (cursor.accept("RENAME")) {
            action = rename(at, cursor);
        } else if (cursor.acceptAll("ATTACH", "PARTITION")) {
            QualifiedName partition = cursor.acceptQualifiedName();
            if (partition != null) action = new AlterTableAction.AttachPartition(at, partition);
        } else if (cursor.acceptAll("DETACH", "PARTITION")) {
            QualifiedName partition = cursor.acceptQualifiedName();
            if (partition != null) {
                action = new AlterTableAction.DetachPartition(at, partition, cursor.accept("CONCURRENTLY"));
            }
        } else if (cursor.atAll("SET", "ACCESS", "METHOD")) {
            action = new AlterTableAction.Rewrite(at, words(cursor, 3));
        } else if (cursor.atAll("SET", "LOGGED") || cursor.atAll("SET", "UNLOGGED")
                || cursor.atAll("SET", "TABLESPACE")) {
            action = new AlterTableAction.Rewrite(at, words(cursor, 2));
        }
        if (action != null) return action;
        return new AlterTableAction.Other(at, at.upperCaseText());
    }

    private static String words(TokenCursor cursor, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count && !cursor.atEnd(); i++) {
            if (words.length() > 0) words.append(' ');
            words.append(cursor.next().upperCaseText());
        }
        return words.toString();
    }

    private static AlterTableAction add(Token at, TokenCursor cursor) {
        if (cursor.atAny(CONSTRAINT_STARTS)) {
            TableConstraint constraint = tableConstraint(cursor);
            return constraint == null ? null : new AlterTableAction.AddConstraint(at, constraint);
        }
        cursor.accept("COLUMN");
        boolean ifNotExists = cursor.acceptAll("IF", "NOT", "EXISTS");
        ColumnDefinition column = column(cursor);
        return column == null ? null : new AlterTableAction.AddColumn(at, column, ifNotExists);
    }

    private static AlterTableAction dropAction(Token at, TokenCursor cursor) {
        if (cursor.accept("CONSTRAINT")) {
            cursor.acceptAll("IF", "EXISTS");
            String name = cursor.acceptName();
            return name == null ? null : new AlterTableAction.DropConstraint(at, name);
        }
        cursor.accept("COLUMN");
        cursor.acceptAll("IF", "EXISTS");
        String column = cursor.acceptName();
        if (column == null) return null;
        return new AlterTableAction.DropColumn(at, column, cursor.accept("CASCADE"));
    }

    private static AlterTableAction alterColumn(Token at, TokenCursor cursor) {
        if (cursor.at("CONSTRAINT")) return null;
        cursor.accept("COLUMN");
        String column = cursor.acceptName();
        if (column == null) return null;
        if (cursor.acceptAll("SET", "NOT", "NULL")) return new AlterTableAction.SetNotNull(at, column);
        if (cursor.acceptAll("DROP", "NOT", "NULL")) return new AlterTableAction.DropNotNull(at, column);
        if (cursor.atAll("SET", "DEFAULT") || cursor.atAll("DROP", "DEFAULT")) {
            return new AlterTableAction.ChangeDefault(at, column);
        }
        cursor.acceptAll("SET", "DATA");
        if (!cursor.accept("TYPE")) return null;
        TypeName type = type(cursor, "USING", "COLLATE");
        if (type == null) return null;
        return new AlterTableAction.AlterColumnType(at, column, type, cursor.skipPast("USING"));
    }

    private static AlterTableAction rename(Token at, TokenCursor cursor) {
        if (cursor.accept("TO")) {
            String name = cursor.acceptName();
            return name == null ? null : new AlterTableAction.RenameTable(at, name);
        }
        if (cursor.accept("CONSTRAINT")) {
            String constraint = cursor.acceptName();
            if (constraint == null || !cursor.accept("TO")) return null;
            String name = cursor.acceptName();
            return name == null ? null : new AlterTableAction.RenameConstraint(at, constraint, name);
        }
        cursor.accept("COLUMN");
        String column = cursor.acceptName();
        if (column == null || !cursor.accept("TO")) return null;
        String name = cursor.acceptName();
        return name == null ? null : new AlterTableAction.RenameColumn(at, column, name);
    }

    /** Reads {@code name type [constraints]}; null if it does not start with a name and a type. */
    static ColumnDefinition column(TokenCursor cursor) {
        Token nameToken = cursor.acceptIdentifier();
        if (nameToken == null) return null;
        TypeName type = type(cursor, COLUMN_CLAUSES);
        if (type == null) return null;
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean check = false;
        QualifiedName references = null;
        List<Token> defaultExpression = List.of();
        ColumnDefinition.Generated generated = ColumnDefinition.Generated.NONE;
        while (!cursor.atEnd()) {
            if (cursor.accept("CONSTRAINT")) {
                cursor.acceptIdentifier();
            } else if (cursor.acceptAll("NOT", "NULL")) {
                notNull = true;
            } else if (cursor.accept("CHECK")) {
                check = true;
                cursor.acceptGroup();
            } else if (cursor.accept("DEFAULT")) {
                defaultExpression = defaultExpression(cursor);
            } else if (cursor.accept("GENERATED")) {
                generated = generated(cursor);
            } else if (cursor.accept("UNIQUE")) {
                unique = true;
            } else if (cursor.acceptAll("PRIMARY", "KEY")) {
                primaryKey = true;
                notNull = true;
            } else if (cursor.accept("REFERENCES")) {
                references = cursor.acceptQualifiedName();
                skipReferenceClauses(cursor);
            } else if (cursor.atAny("COLLATE", "COMPRESSION", "STORAGE")) {
                cursor.next();
                cursor.next();
            } else {
                cursor.skipItem();
            }
        }
        return new ColumnDefinition(nameToken, nameToken.identifier(), type, notNull, defaultExpression, generated,
                primaryKey, unique, references, check);
    }

    /** Words that end a column's default expression; one array for every token looked at. */
    private static final String[] DEFAULT_ENDS = {"CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "REFERENCES",
        "GENERATED", "DEFERRABLE", "INITIALLY", "COLLATE"};

    private static List<Token> defaultExpression(TokenCursor cursor) {
        List<Token> expression = new ArrayList<>();
        int depth = 0;
        while (!cursor.atEnd()) {
            Token token = cursor.peek();
            boolean clause = token.isAnyKeyword(DEFAULT_ENDS)
                    || cursor.atAll("NOT", "NULL") || cursor.atAll("NOT", "DEFERRABLE")
                    || token.isKeyword("NULL") && !expression.isEmpty() && !endsWithOperator(expression);
            if (depth == 0 && clause) break;
            if (token.isPunctuation("(") || token.isPunctuation("[")) depth++;
            if (token.isPunctuation(")") || token.isPunctuation("]")) depth--;
            expression.add(cursor.next());
        }
        return expression;
    }

    private static boolean endsWithOperator(List<Token> expression) {
        Token last = expression.get(expression.size() - 1);
        return last.type() == TokenType.OPERATOR || last.isKeyword("IS") || last.isKeyword("NOT");
    }

    private static ColumnDefinition.Generated generated(TokenCursor cursor) {
        if (!cursor.accept("ALWAYS")) cursor.acceptAll("BY", "DEFAULT");
        cursor.accept("AS");
        if (cursor.accept("IDENTITY")) {
            cursor.acceptGroup();
            return ColumnDefinition.Generated.IDENTITY;
        }
        cursor.acceptGroup();
        return cursor.accept("VIRTUAL") ? ColumnDefinition.Generated.VIRTUAL : ColumnDefinition.Generated.STORED;
    }

    /** Skips {@code (columns) MATCH ... ON DELETE ... ON UPDATE ...} after a referenced table. */
    private static void skipReferenceClauses(TokenCursor cursor) {
        cursor.acceptGroup();
        while (!cursor.atEnd()) {
            if (cursor.accept("MATCH")) {
                cursor.next();
            } else if (cursor.accept("ON")) {
                cursor.next();
                if (cursor.accept("SET")) {
                    cursor.next();
                    cursor.acceptGroup();
                } else if (!cursor.acceptAll("NO", "ACTION")) {
                    cursor.next();
                }
            } else {
                return;
            }
        }
    }

    /**
     * Reads a type name up to one of the stop words outside parentheses: words, modifiers in parentheses, array
     * bounds; null if there is no type.
     */
    static TypeName type(TokenCursor cursor, String... stopWords) {
        Token first = cursor.peek();
        if (first == null || !first.isIdentifier() || first.isAnyKeyword(stopWords)) return null;
        List<String> words = new ArrayList<>();
        List<String> modifiers = new ArrayList<>();
        String schema = null;
        boolean array = false;
        while (!cursor.atEnd() && !cursor.atAny(stopWords)) {
            Token token = cursor.peek();
            if (token.isIdentifier()) {
                cursor.next();
                if (cursor.atPunctuation(".") && cursor.peek(1) != null && cursor.peek(1).isIdentifier()
                        && words.isEmpty()) {
                    cursor.next();
                    schema = token.identifier();
                    continue;
                }
                if (token.isKeyword("ARRAY")) {
                    array = true;
                } else {
                    words.add(token.identifier());
                }
            } else if (token.isPunctuation("(")) {
                List<Token> group = cursor.acceptGroup();
                if (modifiers.isEmpty()) {
                    for (List<Token> modifier : TokenCursor.splitAtCommas(group)) {
                        StringBuilder text = new StringBuilder();
                        for (Token part : modifier) part.appendTo(text);
                        modifiers.add(text.toString());
                    }
                }
            } else if (token.isPunctuation("[")) {
                array = true;
                while (!cursor.atEnd() && !cursor.acceptPunctuation("]")) cursor.next();
            } else {
                break;
            }
        }
        if (words.isEmpty()) return null;
        if ("pg_catalog".equals(schema)) schema = null;
        return new TypeName(first, schema, String.join(" ", words), modifiers, array);
    }

    /** Reads a table constraint: {@code [CONSTRAINT name] CHECK | UNIQUE | PRIMARY KEY | FOREIGN KEY | EXCLUDE}. */
    static TableConstraint tableConstraint(TokenCursor cursor) {
        Token at = cursor.peek();
        String name = null;
        if (cursor.accept("CONSTRAINT")) name = cursor.acceptName();
        TableConstraint.Kind kind;
        List<String> columns = new ArrayList<>();
        List<Token> expression = List.of();
        QualifiedName references = null;
        List<String> referencedColumns = List.of();
        String usingIndex = null;
        if (cursor.accept("CHECK")) {
            kind = TableConstraint.Kind.CHECK;
            List<Token> group = cursor.acceptGroup();
            if (group != null) expression = group;
        } else if (cursor.at("UNIQUE") || cursor.atAll("PRIMARY", "KEY")) {
            kind = cursor.accept("UNIQUE") ? TableConstraint.Kind.UNIQUE : TableConstraint.Kind.PRIMARY_KEY;
            if (kind == TableConstraint.Kind.PRIMARY_KEY) cursor.acceptAll("PRIMARY", "KEY");
            if (!cursor.acceptAll("NULLS", "NOT", "DISTINCT")) cursor.acceptAll("NULLS", "DISTINCT");
            if (cursor.acceptAll("USING", "INDEX")) {
                usingIndex = cursor.acceptName();
            } else {
                columns = names(cursor.acceptGroup());
            }
        } else if (cursor.acceptAll("FOREIGN", "KEY")) {
            kind = TableConstraint.Kind.FOREIGN_KEY;
            columns = names(cursor.acceptGroup());
            if (cursor.accept("REFERENCES")) {
                references = cursor.acceptQualifiedName();
                referencedColumns = names(cursor.acceptGroup());
            }
        } else if (cursor.accept("EXCLUDE")) {
            kind = TableConstraint.Kind.EXCLUDE;
        } else if (cursor.acceptAll("NOT", "NULL")) {
            kind = TableConstraint.Kind.NOT_NULL;
            String column = cursor.acceptName();
            if (column != null) columns = List.of(column);
        } else {
            return null;
        }
        boolean notValid = false;
        while (!cursor.atEnd()) {
            if (cursor.acceptAll("NOT", "VALID")) {
                notValid = true;
            } else {
                cursor.skipItem();
            }
        }
        return new TableConstraint(at, name, kind, columns, references, referencedColumns, expression, usingIndex,
                notValid);
    }

    private static List<String> names(List<Token> group) {
        List<String> names = new ArrayList<>();
        if (group == null) return names;
        for (List<Token> element : TokenCursor.splitAtCommas(group)) {
            if (element.get(0).isIdentifier()) names.add(element.get(0).identifier());
        }
        return names;
    }
}
