package dev.slipway.lint;

import dev.slipway.migration.Directive;
import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.TableConstraint;
import dev.slipway.sql.Token;
import dev.slipway.sql.TransactionControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is known at one statement of a migration: the server version, live table sizes, the tables and constraints
 * the statements before it created, and how Slipway will group the statements into transactions (one transaction
 * for the file unless it says {@code -- slipway:no-transaction}, manages its own transactions, or holds a statement
 * that cannot run in one; then statement by statement and block by block, as the runner does).
 * <p>Not thread-safe: the {@link Linter} moves one context through one run, statement by statement.
 */
public final class LintContext {
    private final String file;
    private final LintOptions options;
    private final List<QualifiedName> newTables;
    private final List<QualifiedName> newIndexes = new ArrayList<>();
    private final List<NotValidConstraint> notValid = new ArrayList<>();
    private final List<String[]> validNotNullChecks = new ArrayList<>();
    private int[] transactionOf = new int[0];
    private boolean[] inExplicitBlock = new boolean[0];
    private int index = -1;
    private boolean blockOpen;
    private Token openBlock;
    private Directive.Batch batch;
    private SqlCommand declaredOf;
    private List<DeclaredColumns.Declared> declared = List.of();

    LintContext(String file, LintOptions options, List<QualifiedName> newTables) {
        this.file = file;
        this.options = options;
        this.newTables = newTables;
    }

    /** Works out the transactions the runner will use for these statements. */
    void layout(List<SqlStatement> statements, boolean noTransaction) {
        transactionOf = new int[statements.size()];
        inExplicitBlock = new boolean[statements.size()];
        boolean oneTransaction = !noTransaction;
        for (SqlStatement statement : statements) {
            if (statement.transactionControl() != TransactionControl.NONE
                    || statement.cannotRunInTransaction(options.pgMajor())) {
                oneTransaction = false;
            }
        }
        if (oneTransaction) return;
        int transaction = 0;
        boolean block = false;
        for (int i = 0; i < statements.size(); i++) {
            TransactionControl control = statements.get(i).transactionControl();
            if (control == TransactionControl.BEGIN) {
                if (!block) transaction++;
                block = true;
            } else if (control != TransactionControl.NONE) {
                if (!block) transaction++;
                block = false;
            } else if (!block) {
                transaction++;
            }
            transactionOf[i] = transaction;
            inExplicitBlock[i] = block && control == TransactionControl.NONE;
        }
    }

    /** Moves to statement {@code i}, with its own batch directive if it has one. */
    void enter(int i, Directive.Batch statementBatch) {
        index = i;
        batch = statementBatch;
    }

    /** Remembers what a statement created or changed, after the rules judged it. */
    void record(SqlCommand command) {
        if (command instanceof SqlCommand.CreateTable create) {
            newTables.add(create.table());
        } else if (command instanceof SqlCommand.CreateIndex create && create.name() != null
                && isNew(create.table())) {
            newIndexes.add(new QualifiedName(create.table().schema(), create.name()));
        } else if (command instanceof SqlCommand.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                recordAction(alter.table(), action);
            }
        } else if (command instanceof SqlCommand.Transaction transaction) {
            if (transaction.control() == TransactionControl.BEGIN && !blockOpen) {
                blockOpen = true;
                openBlock = transaction.statement().tokens().get(0);
            } else if (transaction.control() != TransactionControl.BEGIN) {
                blockOpen = false;
                openBlock = null;
            }
        }
    }

    private void recordAction(QualifiedName table, AlterTableAction action) {
        if (action instanceof AlterTableAction.AddConstraint add) {
            TableConstraint constraint = add.constraint();
            if (constraint.notValid()) {
                notValid.add(new NotValidConstraint(table, constraint, transactionOf[index]));
            } else if (constraint.notNullCheckColumn() != null) {
                validNotNullChecks.add(new String[] {table.name(), constraint.notNullCheckColumn()});
            }
        } else if (action instanceof AlterTableAction.ValidateConstraint validate) {
            for (NotValidConstraint added : notValid) {
                if (added.table().sameObject(table) && validate.constraint().equals(added.constraint().name())
                        && added.constraint().notNullCheckColumn() != null) {
                    validNotNullChecks.add(new String[] {table.name(), added.constraint().notNullCheckColumn()});
                }
            }
        } else if (action instanceof AlterTableAction.RenameTable rename && isNew(table)) {
            newTables.add(new QualifiedName(table.schema(), rename.newName()));
        }
    }

    /** {@return the file being linted, as shown to the user} */
    public String file() {
        return file;
    }

    /** {@return the major version of the server the migration will run on} */
    public int pgMajor() {
        return options.pgMajor();
    }

    /** {@return whether an earlier statement of this migration created the table, so it holds no rows others use} */
    public boolean isNew(QualifiedName table) {
        for (int i = 0; i < newTables.size(); i++) {
            if (newTables.get(i).sameObject(table)) return true;
        }
        return false;
    }

    /** {@return whether an earlier statement of this migration created the index, on a table it created too} */
    public boolean isNewIndex(QualifiedName index) {
        for (int i = 0; i < newIndexes.size(); i++) {
            if (newIndexes.get(i).sameObject(index)) return true;
        }
        return false;
    }

    /**
     * {@return the column types {@code command} declares} Worked out once per statement for the six rules about
     * types, which would otherwise each build the same list.
     */
    List<DeclaredColumns.Declared> declaredColumns(SqlCommand command) {
        if (command != declaredOf) {
            declared = DeclaredColumns.of(command);
            declaredOf = command;
        }
        return declared;
    }

    /** {@return the live size of a table, when linting against a database} */
    public Optional<TableSize> size(QualifiedName table) {
        return options.sizes().of(table);
    }

    /** {@return from how many rows a table counts as large} */
    public long largeTableRows() {
        return options.largeTableRows();
    }

    /** {@return the batch directive above the current statement, if any} */
    public Optional<Directive.Batch> batch() {
        return Optional.ofNullable(batch);
    }

    /** {@return whether the current statement stands inside a {@code BEGIN ... COMMIT} block of the file} */
    public boolean inExplicitBlock() {
        return inExplicitBlock[index];
    }

    /** {@return whether a {@code BEGIN} of the file is still open before the current statement} */
    public boolean blockOpen() {
        return blockOpen;
    }

    /** {@return the {@code BEGIN} still open, if any} */
    public Optional<Token> openBlock() {
        return Optional.ofNullable(openBlock);
    }

    /**
     * {@return whether an earlier statement in the same transaction as the current one added this constraint
     * {@code NOT VALID}}
     */
    public boolean addedNotValidInThisTransaction(QualifiedName table, String constraint) {
        for (NotValidConstraint added : notValid) {
            if (added.table().sameObject(table) && constraint.equals(added.constraint().name())
                    && added.transaction() == transactionOf[index]) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return whether an earlier statement left a valid {@code CHECK (column IS NOT NULL)} on the table, which lets
     * PostgreSQL 12+ set {@code NOT NULL} without scanning}
     */
    public boolean hasValidNotNullCheck(QualifiedName table, String column) {
        for (String[] check : validNotNullChecks) {
            if (check[0].equals(table.name()) && check[1].equals(column)) return true;
        }
        return false;
    }

    /** {@return a finding of the rule at the token, with the rule's own fix} */
    public Finding finding(RuleInfo rule, Token at, String message) {
        return finding(rule, at, message, rule.fix());
    }

    /** {@return a finding of the rule at the token} */
    public Finding finding(RuleInfo rule, Token at, String message, String fix) {
        return new Finding(rule.id(), rule.severity(), file, at.line(), at.column(), message, fix, null);
    }

    /** A constraint added {@code NOT VALID}, and in which of the file's transactions. */
    private record NotValidConstraint(QualifiedName table, TableConstraint constraint, int transaction) {
    }
}
