package dev.slipway.migration;

import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directives of one SQL script, each attached to what it applies to. Directives in the comments above the first
 * statement apply to the whole file ({@code no-transaction}, {@code lock-timeout}, {@code statement-timeout},
 * {@code allow}); above any other statement they apply to that statement only; {@code batch} always applies to the
 * statement directly below it. The runner and the linter both read directives through this one class, so they agree
 * on where each applies.
 * <p>Immutable.
 *
 * @param fileWide    the directives that apply to the whole file
 * @param byStatement for each statement of the script, in order, the directives that apply to it alone
 */
public record ScriptDirectives(List<Placed> fileWide, List<List<Placed>> byStatement) {

    /** Copies the lists. */
    public ScriptDirectives {
        fileWide = List.copyOf(fileWide);
        byStatement = byStatement.stream().map(List::copyOf).toList();
    }

    /**
     * A directive and the comment it was read from.
     *
     * @param directive the directive
     * @param where     the file and line of its comment
     */
    public record Placed(Directive directive, SourcePosition where) {
    }

    /**
     * Reads the directives of a script, stopping at the first mistake.
     *
     * @param file   the file as shown to the user, for positions
     * @param script the parsed script
     * @return the directives
     * @throws MigrationFormatException for an unknown or malformed directive, {@code no-transaction} below the first
     *                                  statement, or {@code batch} above anything but an {@code UPDATE} or
     *                                  {@code DELETE}
     */
    public static ScriptDirectives of(String file, SqlScript script) {
        return read(file, script, problem -> {
            throw problem;
        });
    }

    /**
     * Reads the directives of a script, handing each mistake to {@code problems} and leaving that comment out, so a
     * linter can report every mistake of a file at once.
     *
     * @param file     the file as shown to the user, for positions
     * @param script   the parsed script
     * @param problems receives each mistake (see {@link #of(String, SqlScript)})
     * @return the directives that could be read
     */
    public static ScriptDirectives read(String file, SqlScript script, Consumer<MigrationFormatException> problems) {
        List<Placed> fileWide = new ArrayList<>();
        List<List<Placed>> byStatement = new ArrayList<>();
        List<SqlStatement> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            List<Placed> own = new ArrayList<>();
            for (Token comment : statement.leadingComments()) {
                SourcePosition where = new SourcePosition(file, comment.line());
                try {
                    Optional<Directive> parsed = Directive.parse(comment.text(), where);
                    if (parsed.isEmpty()) continue;
                    Directive directive = parsed.get();
                    check(directive, i == 0, statement, where);
                    boolean header = i == 0 && !(directive instanceof Directive.Batch);
                    (header ? fileWide : own).add(new Placed(directive, where));
                } catch (MigrationFormatException e) {
                    problems.accept(e);
                }
            }
            byStatement.add(own);
        }
        return new ScriptDirectives(fileWide, byStatement);
    }

    private static void check(Directive directive, boolean header, SqlStatement statement, SourcePosition where) {
        if (directive instanceof Directive.NoTransaction && !header) {
            throw new MigrationFormatException("'-- slipway:no-transaction' applies to a whole file and must stand"
                    + " above its first statement", where);
        }
        if (directive instanceof Directive.Batch) {
            List<String> verb = statement.keywords(1);
            if (verb.isEmpty() || !(verb.get(0).equals("UPDATE") || verb.get(0).equals("DELETE"))) {
                throw new MigrationFormatException("'-- slipway:batch' must stand directly above an UPDATE or DELETE"
                        + " statement", where);
            }
        }
    }

    /** {@return the file-wide directive of this type, if the file has one (the last one wins)} */
    public <T extends Directive> Optional<T> fileWide(Class<T> type) {
        return last(fileWide, type);
    }

    /**
     * {@return the directive of this type above statement {@code index} itself, if any (the last one wins)}
     * @param index the statement's index in the script
     */
    public <T extends Directive> Optional<T> ownOf(int index, Class<T> type) {
        return last(byStatement.get(index), type);
    }

    /**
     * {@return the {@code allow} directives that apply to statement {@code index}: the file's and its own}
     * @param index the statement's index in the script
     */
    public List<Directive.Allow> allows(int index) {
        List<Directive.Allow> allows = new ArrayList<>();
        for (Placed placed : fileWide) {
            if (placed.directive() instanceof Directive.Allow allow) allows.add(allow);
        }
        for (Placed placed : byStatement.get(index)) {
            if (placed.directive() instanceof Directive.Allow allow) allows.add(allow);
        }
        return allows;
    }

    private static <T extends Directive> Optional<T> last(List<Placed> placed, Class<T> type) {
        T found = null;
        for (Placed p : placed) {
            if (type.isInstance(p.directive())) found = type.cast(p.directive());
        }
        return Optional.ofNullable(found);
    }
}
