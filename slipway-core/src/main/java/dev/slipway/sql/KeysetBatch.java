package dev.slipway.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@code UPDATE} or {@code DELETE} cut into keyset batches: the same statement with a range of its table's key
 * added to its {@code WHERE}, so each batch touches only the rows whose key lies in one range, and the ranges,
 * taken in key order, cover the table once. The statement itself is not rewritten otherwise.
 * <p>Only the plain shapes are accepted: {@code UPDATE [ONLY] t [[AS] a] SET ... [FROM ...] [WHERE ...]
 * [RETURNING ...]} and {@code DELETE FROM [ONLY] t [[AS] a] [USING ...] [WHERE ...] [RETURNING ...]}, without
 * {@code WITH} and {@code WHERE CURRENT OF}, and not assigning the key itself. Immutable.
 */
public final class KeysetBatch {
    private final QualifiedName table;
    private final String keyColumn;
    private final String qualifiedKey;
    private final String text;
    /** Where the range goes: after this offset of {@link #text} (just after {@code WHERE}, or where one is added). */
    private final int insertAt;
    /** The start of the existing condition, or -1 when the statement has no {@code WHERE}. */
    private final int conditionStart;
    /** The end of the existing condition, or -1 when the statement has no {@code WHERE}. */
    private final int conditionEnd;

    private KeysetBatch(QualifiedName table, String keyColumn, String qualifiedKey, String text, int insertAt,
            int conditionStart, int conditionEnd) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.qualifiedKey = qualifiedKey;
        this.text = text;
        this.insertAt = insertAt;
        this.conditionStart = conditionStart;
        this.conditionEnd = conditionEnd;
    }

    /**
     * Reads {@code statement} for batching by {@code key}.
     *
     * @param key the key column as the directive names it; an unquoted name is folded to lower case
     * @throws IllegalArgumentException with what is wrong when the statement cannot be batched
     */
    public static KeysetBatch of(SqlStatement statement, String key) {
        String keyColumn = columnName(Objects.requireNonNull(key, "key"));
        List<Token> tokens = new ArrayList<>();
        for (Token token : statement.tokens()) {
            if (token.isSignificant()) tokens.add(token);
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isPunctuation(";")) tokens.remove(tokens.size() - 1);
        TokenCursor cursor = new TokenCursor(tokens);
        if (cursor.at("WITH")) {
            throw new IllegalArgumentException("a batched statement cannot start with WITH; move the common table"
                    + " expression into a subquery");
        }
        boolean update = cursor.accept("UPDATE");
        if (!update && !cursor.acceptAll("DELETE", "FROM")) {
            throw new IllegalArgumentException("'-- slipway:batch' needs an UPDATE or DELETE below it");
        }
        cursor.accept("ONLY");
        QualifiedName table = cursor.acceptQualifiedName();
        if (table == null) throw new IllegalArgumentException("no table after " + (update ? "UPDATE" : "DELETE FROM"));
        if (cursor.peek() != null && cursor.peek().isOperator("*")) cursor.next();
        String alias = null;
        if (cursor.accept("AS")) {
            alias = cursor.acceptName();
        } else if (!cursor.atAny("SET", "USING") && !cursor.at("WHERE") && !cursor.at("RETURNING")
                && cursor.peek() != null && cursor.peek().isIdentifier()) {
            alias = cursor.acceptName();
        }
        if (update) refuseKeyAssignment(statement, keyColumn);
        int start = statement.startOffset();
        int where = -1;
        int returning = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(") || token.isPunctuation("[")) depth++;
            if (token.isPunctuation(")") || token.isPunctuation("]")) depth = Math.max(0, depth - 1);
            if (depth != 0) continue;
            if (token.isKeyword("WHERE") && where < 0) where = i;
            if (token.isKeyword("RETURNING")) returning = i;
        }
        if (where >= 0 && where + 2 < tokens.size() && tokens.get(where + 1).isKeyword("CURRENT")
                && tokens.get(where + 2).isKeyword("OF")) {
            throw new IllegalArgumentException("WHERE CURRENT OF cannot be batched");
        }
        String text = statement.text();
        int end = tokens.get(tokens.size() - 1).endOffset() - start;
        String qualifiedKey = quote(alias != null ? alias : table.name()) + "." + quote(keyColumn);
        if (where >= 0) {
            if (where + 1 >= tokens.size() || where + 1 == returning) {
                throw new IllegalArgumentException("WHERE without a condition");
            }
            int conditionEnd = returning > where ? tokens.get(returning - 1).endOffset() - start : end;
            return new KeysetBatch(table, keyColumn, qualifiedKey, text, tokens.get(where).endOffset() - start,
                    tokens.get(where + 1).offset() - start, conditionEnd);
        }
        int insertAt = returning >= 0 ? tokens.get(returning - 1).endOffset() - start : end;
        return new KeysetBatch(table, keyColumn, qualifiedKey, text, insertAt, -1, -1);
    }

    /** {@return the column the directive names, spelled as the catalog stores it (folded, or unquoted)} */
    private static String columnName(String key) {
        List<Token> tokens = SqlLexer.tokenize(key.strip());
        if (tokens.size() != 1 || !tokens.get(0).isIdentifier()) {
            throw new IllegalArgumentException("the batch key must name one column, not '" + key + "'");
        }
        return tokens.get(0).identifier();
    }

    private static void refuseKeyAssignment(SqlStatement statement, String keyColumn) {
        if (SqlCommand.of(statement) instanceof SqlCommand.Update update
                && update.assignments().stream().anyMatch(a -> a.target().equals(keyColumn))) {
            throw new IllegalArgumentException("the UPDATE assigns the batch key " + keyColumn + "; batch by a key"
                    + " it leaves alone");
        }
    }

    /** {@return the table the statement changes} */
    public QualifiedName table() {
        return table;
    }

    /** {@return the key column, as the catalog spells it} */
    public String keyColumn() {
        return keyColumn;
    }

    /**
     * {@return the query for the upper end of the next batch: the largest of the next {@code size} keys after
     * {@code after} (null: from the first), as text; it returns null when no key is left}
     */
    public String nextBoundQuery(String after, int size) {
        String key = quote(keyColumn);
        return "select max(k)::text from (select " + key + " as k from " + table + (after == null ? ""
                : " where " + key + " > " + literal(after)) + " order by " + key + " limit " + size + ") batch";
    }

    /** {@return the statement limited to the keys above {@code after} (null: from the first) up to {@code upTo}} */
    public String batch(String after, String upTo) {
        String range = (after == null ? "" : qualifiedKey + " > " + literal(after) + " and ") + qualifiedKey + " <= "
                + literal(upTo);
        if (conditionEnd < 0) {
            return text.substring(0, insertAt) + " where " + range + text.substring(insertAt);
        }
        return text.substring(0, insertAt) + " (" + text.substring(conditionStart, conditionEnd) + ") and " + range
                + text.substring(conditionEnd);
    }

    /** {@return a string literal the server reads as the key's type; keys come from the server as text} */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
