package dev.slipway.lint;

import dev.slipway.config.ClosestName;
import dev.slipway.migration.Directive;
import dev.slipway.migration.ScriptDirectives;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Judges migration files with every rule of the {@link Rules catalogue}. Each file is read, judged and let go, so
 * linting many files needs no more memory than linting the largest.
 * <pre>{@code
 * FileReport report = Linter.of(LintOptions.defaults().withPgMajor(15)).lint("V3__add_index.sql", sql);
 * }</pre>
 * <p>Immutable and thread-safe: files may be linted in parallel.
 */
public final class Linter {
    private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column).thenComparing(Finding::rule);

    private final LintOptions options;
    private final List<Rule> rules;

    private Linter(LintOptions options, List<Rule> rules) {
        this.options = Objects.requireNonNull(options, "options");
        this.rules = List.copyOf(rules);
    }

    /** {@return a linter with every rule} */
    public static Linter of(LintOptions options) {
        return new Linter(options, Rules.all());
    }

    /** {@return the options this linter judges with} */
    public LintOptions options() {
        return options;
    }

    /**
     * Lints one file on its own.
     *
     * @param file the file as shown to the user, for positions
     * @param sql  its text
     * @return the findings; never throws for a file it cannot read, which is a {@code sql-syntax} finding instead
     */
    public FileReport lint(String file, String sql) {
        return lint(file, sql, new ArrayList<>(), null);
    }

    /**
     * Lints a down migration: dropping the tables and columns its up migration creates is what reverting means, so
     * those {@code drop-table} and {@code drop-column} findings come out allowed, naming the up migration.
     *
     * @param file   the down migration as shown to the user
     * @param sql    its text
     * @param undone what its up migration creates
     * @return the findings
     */
    public FileReport lintDown(String file, String sql, UndoneByDown undone) {
        return lint(file, sql, new ArrayList<>(), undone);
    }

    /**
     * Lints files that run one after another, such as the pending migrations of a plan: a table created by an
     * earlier file counts as new in the later ones.
     *
     * @param files the files in the order they run
     * @return a report per file, in the same order
     */
    public List<FileReport> lintInOrder(List<Source> files) {
        List<QualifiedName> created = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        for (Source source : files) {
            reports.add(lint(source.file(), source.sql(), created, null));
        }
        return reports;
    }

    private FileReport lint(String file, String sql, List<QualifiedName> created, UndoneByDown undone) {
        SqlScript script;
        try {
            script = SqlScript.parse(sql);
        } catch (SqlSyntaxException e) {
            RuleInfo info = FileRules.SQL_SYNTAX;
            return new FileReport(file, List.of(new Finding(info.id(), info.severity(), file, e.line(), e.column(),
                    e.getMessage(), info.fix(), null)));
        }
        List<Finding> findings = new ArrayList<>();
        ScriptDirectives directives = ScriptDirectives.read(file, script,
                problem -> findings.add(directiveFinding(file, problem.where().line(), problem.problem())));
        checkAllowedRules(file, directives, findings);
        List<SqlStatement> statements = script.statements();
        LintContext context = new LintContext(file, options, created);
        context.layout(statements, directives.fileWide(Directive.NoTransaction.class).isPresent());
        for (int i = 0; i < statements.size(); i++) {
            SqlCommand command = SqlCommand.of(statements.get(i));
            context.enter(i, directives.ownOf(i, Directive.Batch.class).orElse(null));
            List<Directive.Allow> allows = directives.allows(i);
            if (undone != null) {
                List<Directive.Allow> reverting = undone.allowsFor(command);
                if (!reverting.isEmpty()) {
                    allows = new ArrayList<>(allows);
                    allows.addAll(reverting);
                }
            }
            // indexed loops: almost every rule finds nothing, and an iterator per rule and statement is most of
            // what linting thousands of files allocates
            for (int r = 0; r < rules.size(); r++) {
                addAll(findings, rules.get(r).check(command, context), allows);
            }
            context.record(command);
        }
        List<Directive.Allow> fileAllows = statements.isEmpty() ? List.of() : directives.allows(0);
        for (int r = 0; r < rules.size(); r++) {
            addAll(findings, rules.get(r).atEnd(context), fileAllows);
        }
        findings.sort(BY_POSITION);
        return new FileReport(file, findings);
    }

    private static void addAll(List<Finding> findings, List<Finding> found, List<Directive.Allow> allows) {
        for (int i = 0; i < found.size(); i++) {
            findings.add(allowIfAsked(found.get(i), allows));
        }
    }

    private static Finding allowIfAsked(Finding finding, List<Directive.Allow> allows) {
        for (int i = 0; i < allows.size(); i++) {
            Directive.Allow allow = allows.get(i);
            if (allow.rule().equals(finding.rule())) return finding.allow(allow.reason());
        }
        return finding;
    }

    /** An allow directive for a rule that does not exist would silently hide nothing: say so. */
    private static void checkAllowedRules(String file, ScriptDirectives directives, List<Finding> findings) {
        List<ScriptDirectives.Placed> placed = new ArrayList<>(directives.fileWide());
        directives.byStatement().forEach(placed::addAll);
        for (ScriptDirectives.Placed p : placed) {
            if (p.directive() instanceof Directive.Allow allow && Rules.info(allow.rule()).isEmpty()) {
                String suggestion = ClosestName.closest(allow.rule(), Rules.ids())
                        .map(known -> " (did you mean '" + known + "'?)").orElse("");
                findings.add(directiveFinding(file, p.where().line(), "'-- slipway:allow " + allow.rule()
                        + "' names no lint rule" + suggestion + "; the rules are listed in docs/rules"));
            }
        }
    }

    private static Finding directiveFinding(String file, int line, String message) {
        RuleInfo info = FileRules.INVALID_DIRECTIVE;
        return new Finding(info.id(), info.severity(), file, Math.max(line, 1), 1, message, info.fix(), null);
    }

    /**
     * A file to lint.
     *
     * @param file the file as shown to the user
     * @param sql  its text
     */
    public record Source(String file, String sql) {
        /** Checks both are present. */
        public Source {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sql, "sql");
        }
    }
}
