package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a statement's tokens into a {@link SqlCommand}. Recognises shapes, not the whole grammar: anything it does not
 * recognise, or cannot make sense of, becomes {@link SqlCommand.Unclassified}. Stateless.
 */
final class CommandClassifier {
    /** Object kinds of {@code DROP} that take two words. */
    private static final List<String> TWO_WORD_KINDS = List.of("MATERIALIZED VIEW", "FOREIGN TABLE", "EVENT TRIGGER",
            "TEXT SEARCH", "ACCESS METHOD", "FOREIGN DATA", "USER MAPPING");

    private CommandClassifier() {
    }

    static SqlCommand classify(SqlStatement statement) {
        SqlCommand command;
        try {
            command = read(statement);
        } catch (RuntimeException e) {
            // A shape we misread must never stop a lint run: the statement passes through unjudged.
            command = null;
        }
        return command != null ? command : new SqlCommand.Unclassified(statement);
    }

    private static SqlCommand read(SqlStatement statement) {
        TransactionControl control = statement.transactionControl();
        if (control != TransactionControl.NONE) return new SqlCommand.Transaction(statement, control);
        TokenCursor cursor = new TokenCursor(statement.tokens());
        if (cursor.at("WITH")) skipWithClause(cursor);
        if (cursor.accept("CREATE")) return create(statement, cursor);
        if (cursor.accept("ALTER")) return alter(statement, cursor);
        if (cursor.accept("DROP")) return drop(statement, cursor);
        if (cursor.accept("TRUNCATE")) return truncate(statement, cursor);
        if (cursor.accept("UPDATE")) return update(statement, cursor);
        if (cursor.acceptAll("DELETE", "FROM")) return delete(statement, cursor);
        if (cursor.acceptAll("INSERT", "INTO")) return insert(statement, cursor);
        if (cursor.accept("VACUUM")) return vacuum(statement, cursor);
        if (cursor.accept("CLUSTER")) return cluster(statement, cursor);
        if (cursor.accept("REINDEX")) return reindex(statement, cursor);
        if (cursor.acceptAll("REFRESH", "MATERIALIZED", "VIEW")) {
            boolean concurrently = cursor.accept("CONCURRENTLY");
            QualifiedName view = cursor.acceptQualifiedName();
            return view == null ? null : new SqlCommand.RefreshMaterializedView(statement, view, concurrently);
        }
        if (cursor.accept("LOCK")) return lock(statement, cursor);
        return null;
    }

    /** Skips {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query) [, ...]}. */
    private static void skipWithClause(TokenCursor cursor) {
        cursor.accept("WITH");
        cursor.accept("RECURSIVE");
        do {
            cursor.acceptIdentifier();
            cursor.acceptGroup();
            cursor.accept("AS");
            cursor.accept("NOT");
            cursor.accept("MATERIALIZED");
            cursor.acceptGroup();
        } while (cursor.acceptPunctuation(","));
    }

    private static SqlCommand create(SqlStatement statement, TokenCursor cursor) {
        cursor.acceptAll("OR", "REPLACE");
        boolean unique = cursor.accept("UNIQUE");
        if (cursor.accept("INDEX")) return createIndex(statement, cursor, unique);
        if (unique) return null;
        boolean temporary = false;
        while (cursor.atAny("GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED")) {
            temporary |= cursor.atAny("TEMPORARY", "TEMP");
            cursor.next();
        }
        if (cursor.accept("TABLE")) return TableSyntax.createTable(statement, cursor, temporary);
        if (cursor.accept("DOMAIN")) {
            QualifiedName domain = cursor.acceptQualifiedName();
            return domain == null ? null
                    : new SqlCommand.CreateDomain(statement, domain, domainConstrained(cursor));
        }
        return null;
    }

    /** {@return whether a domain definition ahead declares CHECK or NOT NULL (a DEFAULT NULL is no constraint)} */
    private static boolean domainConstrained(TokenCursor cursor) {
        while (!cursor.atEnd()) {
            if (cursor.at("CHECK") || cursor.atAll("NOT", "NULL")) return true;
            cursor.skipItem();
        }
        return false;
    }

    private static SqlCommand createIndex(SqlStatement statement, TokenCursor cursor, boolean unique) {
        boolean concurrently = cursor.accept("CONCURRENTLY");
        cursor.acceptAll("IF", "NOT", "EXISTS");
        String name = cursor.at("ON") ? null : cursor.acceptName();
        if (!cursor.accept("ON")) return null;
        cursor.accept("ONLY");
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) return null;
        if (cursor.accept("USING")) cursor.next();
        List<String> columns = new ArrayList<>();
        List<Token> elements = cursor.acceptGroup();
        if (elements != null) {
            for (List<Token> element : TokenCursor.splitAtCommas(elements)) {
                boolean call = element.size() > 1 && element.get(1).isPunctuation("(");
                if (!element.get(0).isIdentifier() || call) {
                    columns.clear();
                    break;
                }
                columns.add(element.get(0).identifier());
            }
        }
        if (cursor.aheadAtTopLevel("WHERE")) columns.clear();
        return new SqlCommand.CreateIndex(statement, name, table, unique, concurrently, columns);
    }

    private static SqlCommand alter(SqlStatement statement, TokenCursor cursor) {
        if (cursor.accept("TABLE")) return TableSyntax.alterTable(statement, cursor);
        if (cursor.accept("TYPE")) {
            QualifiedName type = cursor.acceptQualifiedName();
            if (type == null || !cursor.acceptAll("ADD", "VALUE")) return null;
            return new SqlCommand.AddEnumValue(statement, type,
                    cursor.aheadAtTopLevel("BEFORE") || cursor.aheadAtTopLevel("AFTER"));
        }
        if (cursor.accept("DOMAIN")) {
            QualifiedName domain = cursor.acceptQualifiedName();
            if (domain == null) return null;
            boolean adds = cursor.accept("ADD");
            return new SqlCommand.AlterDomain(statement, domain, adds, adds && notValidAhead(cursor));
        }
        return null;
    }

    private static boolean notValidAhead(TokenCursor cursor) {
        while (!cursor.atEnd()) {
            if (cursor.acceptAll("NOT", "VALID")) return true;
            cursor.skipItem();
        }
        return false;
    }

    private static SqlCommand drop(SqlStatement statement, TokenCursor cursor) {
        if (cursor.accept("INDEX")) {
            boolean concurrently = cursor.accept("CONCURRENTLY");
            cursor.acceptAll("IF", "EXISTS");
            List<QualifiedName> names = names(cursor);
            return names.isEmpty() ? null : new SqlCommand.DropIndex(statement, names, concurrently);
        }
        Token first = cursor.next();
        if (first == null || first.type() != TokenType.WORD) return null;
        String kind = first.upperCaseText();
        Token second = cursor.peek();
        if (second != null && second.type() == TokenType.WORD
                && TWO_WORD_KINDS.contains(kind + " " + second.upperCaseText())) {
            kind = kind + " " + cursor.next().upperCaseText();
        }
        cursor.acceptAll("IF", "EXISTS");
        List<QualifiedName> names = names(cursor);
        if (names.isEmpty()) return null;
        boolean cascade = false;
        while (!cursor.atEnd()) {
            cascade |= cursor.at("CASCADE");
            cursor.skipItem();
        }
        return new SqlCommand.Drop(statement, kind, names, cascade);
    }

    /** Reads {@code name [, name ...]}, each optionally qualified and followed by {@code *} or a parameter list. */
    private static List<QualifiedName> names(TokenCursor cursor) {
        List<QualifiedName> names = new ArrayList<>();
        do {
            cursor.accept("ONLY");
            QualifiedName name = cursor.acceptQualifiedName();
            if (name == null) break;
            names.add(name);
            if (cursor.peek() != null && cursor.peek().isOperator("*")) cursor.next();
            cursor.acceptGroup();
        } while (cursor.acceptPunctuation(","));
        return names;
    }

    private static SqlCommand truncate(SqlStatement statement, TokenCursor cursor) {
        cursor.accept("TABLE");
        List<QualifiedName> tables = names(cursor);
        if (tables.isEmpty()) return null;
        boolean cascade = false;
        while (!cursor.atEnd()) {
            cascade |= cursor.at("CASCADE");
            cursor.next();
        }
        return new SqlCommand.Truncate(statement, tables, cascade);
    }

    private static SqlCommand update(SqlStatement statement, TokenCursor cursor) {
        cursor.accept("ONLY");
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) return null;
        if (cursor.peek() != null && cursor.peek().isOperator("*")) cursor.next();
        if (!cursor.at("SET")) {
            cursor.accept("AS");
            cursor.acceptIdentifier();
        }
        if (!cursor.accept("SET")) return null;
        List<Token> setList = new ArrayList<>();
        int depth = 0;
        while (!cursor.atEnd()) {
            Token token = cursor.peek();
            if (depth == 0 && token.isAnyKeyword("FROM", "WHERE", "RETURNING")) break;
            if (token.isPunctuation("(") || token.isPunctuation("[")) depth++;
            if (token.isPunctuation(")") || token.isPunctuation("]")) depth--;
            setList.add(cursor.next());
        }
        List<SqlCommand.Assignment> assignments = assignments(setList);
        boolean hasWhere = cursor.skipPast("WHERE");
        return new SqlCommand.Update(statement, table, assignments, hasWhere);
    }

    /** Reads the targets of a {@code SET} list: {@code a = 1, b.x = 2, c[1] = 3, (d, e) = (4, 5)}. */
    private static List<SqlCommand.Assignment> assignments(List<Token> setList) {
        List<SqlCommand.Assignment> assignments = new ArrayList<>();
        for (List<Token> item : TokenCursor.splitAtCommas(setList)) {
            if (item.get(0).isPunctuation("(")) {
                int depth = 0;
                List<Token> targets = new ArrayList<>();
                for (Token token : item) {
                    if (token.isPunctuation("(")) depth++;
                    if (token.isPunctuation(")") && --depth == 0) break;
                    if (depth >= 1 && !(depth == 1 && token.isPunctuation("("))) targets.add(token);
                }
                for (List<Token> target : TokenCursor.splitAtCommas(targets)) {
                    assignments.add(assignment(target));
                }
            } else {
                assignments.add(assignment(item));
            }
        }
        assignments.removeIf(a -> a == null);
        return assignments;
    }

    private static SqlCommand.Assignment assignment(List<Token> target) {
        if (target.isEmpty() || !target.get(0).isIdentifier()) return null;
        StringBuilder text = new StringBuilder(target.get(0).identifier());
        for (int i = 1; i < target.size() && !target.get(i).isOperator("="); i++) {
            Token token = target.get(i);
            text.append(token.isIdentifier() ? token.identifier() : token.text());
        }
        return new SqlCommand.Assignment(target.get(0), text.toString());
    }

    private static SqlCommand delete(SqlStatement statement, TokenCursor cursor) {
        cursor.accept("ONLY");
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) return null;
        return new SqlCommand.Delete(statement, table, cursor.skipPast("WHERE"));
    }

    private static SqlCommand insert(SqlStatement statement, TokenCursor cursor) {
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) return null;
        if (cursor.accept("AS")) cursor.acceptIdentifier();
        List<SqlCommand.Assignment> columns = new ArrayList<>();
        List<Token> group = cursor.atAny("SELECT", "VALUES", "DEFAULT", "OVERRIDING") ? null : cursor.acceptGroup();
        if (group != null && !group.isEmpty() && !group.get(0).isAnyKeyword("SELECT", "WITH", "VALUES")) {
            for (List<Token> column : TokenCursor.splitAtCommas(group)) {
                SqlCommand.Assignment target = assignment(column);
                if (target != null) columns.add(target);
            }
        }
        return new SqlCommand.Insert(statement, table, columns);
    }

    private static SqlCommand vacuum(SqlStatement statement, TokenCursor cursor) {
        boolean full = false;
        List<Token> options = cursor.acceptGroup();
        if (options != null) {
            for (List<Token> option : TokenCursor.splitAtCommas(options)) {
                if (option.get(0).isKeyword("FULL")) full = option.size() == 1 || !isFalse(option.get(1));
            }
        }
        while (cursor.atAny("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE")) {
            full |= cursor.at("FULL");
            cursor.next();
        }
        List<QualifiedName> tables = names(cursor);
        return new SqlCommand.Vacuum(statement, full, tables);
    }

    private static boolean isFalse(Token value) {
        String text = value.type() == TokenType.STRING && value.text().startsWith("'")
                ? value.text().substring(1, value.text().length() - 1) : value.text();
        return text.equals("0") || PgIdentifiers.sameKeyword(text, "false") || PgIdentifiers.sameKeyword(text, "off");
    }

    private static SqlCommand cluster(SqlStatement statement, TokenCursor cursor) {
        cursor.accept("VERBOSE");
        cursor.acceptGroup();
        if (cursor.atEnd()) return new SqlCommand.Cluster(statement, null);
        QualifiedName first = cursor.acceptQualifiedName();
        if (first == null) return null;
        // the pre-8.3 form CLUSTER index ON table names the table second
        if (cursor.accept("ON")) {
            QualifiedName table = cursor.acceptQualifiedName();
            return table == null ? null : new SqlCommand.Cluster(statement, table);
        }
        return new SqlCommand.Cluster(statement, first);
    }

    private static SqlCommand reindex(SqlStatement statement, TokenCursor cursor) {
        boolean concurrently = false;
        List<Token> options = cursor.acceptGroup();
        if (options != null) {
            for (List<Token> option : TokenCursor.splitAtCommas(options)) {
                if (option.get(0).isKeyword("CONCURRENTLY")) {
                    concurrently = option.size() == 1 || !isFalse(option.get(1));
                }
            }
        }
        Token kind = cursor.next();
        if (kind == null || !kind.isAnyKeyword("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM")) return null;
        concurrently |= cursor.accept("CONCURRENTLY");
        QualifiedName target = cursor.acceptQualifiedName();
        return new SqlCommand.Reindex(statement, kind.upperCaseText(), target, concurrently);
    }

    private static SqlCommand lock(SqlStatement statement, TokenCursor cursor) {
        cursor.accept("TABLE");
        List<QualifiedName> tables = names(cursor);
        if (tables.isEmpty()) return null;
        LockMode mode = LockMode.ACCESS_EXCLUSIVE;
        if (cursor.accept("IN")) {
            StringBuilder words = new StringBuilder();
            while (!cursor.atEnd() && !cursor.at("MODE")) {
                words.append(cursor.next().text()).append(' ');
            }
            mode = LockMode.ofSql(words.toString());
        }
        return new SqlCommand.LockTable(statement, tables, mode);
    }
}
