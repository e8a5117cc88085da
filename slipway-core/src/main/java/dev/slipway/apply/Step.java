package dev.slipway.apply;

import dev.slipway.migration.JavaMigration;
import dev.slipway.migration.MigrationName;
import dev.slipway.sql.KeysetBatch;
import dev.slipway.sql.Token;
import dev.slipway.sql.TokenType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A unit of a migration that either completes together with its history record or not at all.
 * <p>A migration that can run in one transaction is a single {@link InTransaction} step. One that cannot (a
 * concurrent index build, {@code VACUUM}, its own {@code BEGIN}/{@code COMMIT} blocks, {@code no-transaction}) is
 * several steps, recorded one by one, so a re-run resumes and never repeats a completed step.
 */
sealed interface Step {
    /** Statements that run in one transaction together with the row that records them. */
    record InTransaction(List<PlannedStatement> statements) implements Step {
        public InTransaction {
            statements = List.copyOf(statements);
        }
    }

    /** A statement that cannot run inside a transaction; judged by the catalog if a run was cut off during it. */
    record Alone(PlannedStatement statement) implements Step {
    }

    /**
     * An {@code UPDATE} or {@code DELETE} under {@code -- slipway:batch}: one transaction per range of keys, each
     * recording the last key it reached, so a re-run resumes after the last committed batch.
     */
    record Batched(PlannedStatement statement, KeysetBatch batch) implements Step {
    }

    /** A Java migration's {@code up} or {@code down}. */
    record JavaCall(JavaMigration migration, MigrationName name, boolean up, boolean inTransaction,
            Map<String, String> placeholders) implements Step {
    }

    /**
     * {@return a checksum of the statements of the first {@code count} steps and of where each step ends} A run that
     * resumes a partly applied migration compares it with the one recorded, to know the steps that ran are unchanged.
     */
    static int checksumOf(List<Step> steps, int count) {
        CRC32 crc = new CRC32();
        for (Step step : steps.subList(0, Math.min(count, steps.size()))) {
            if (step instanceof InTransaction t) {
                t.statements().forEach(statement -> update(crc, statement.statement().text()));
            } else if (step instanceof Alone a) {
                update(crc, a.statement().statement().text());
            } else if (step instanceof Batched b) {
                update(crc, b.statement().statement().text());
                update(crc, b.statement().batch().toString());
            } else if (step instanceof JavaCall call) {
                update(crc, call.migration().getClass().getName());
            } else {
                throw new AssertionError(step);
            }
            crc.update(1);
        }
        return (int) crc.getValue();
    }

    /**
     * {@return a checksum of what the statements say, blind to whitespace, comments (directives included) and the case
     * of keywords and unquoted names, or null when a step is a Java call} Two versions of a file edited only in those
     * ways have the same one, whatever their steps, so {@code repair} can tell such an edit from a changed statement.
     */
    static Integer statementsChecksum(List<Step> steps) {
        CRC32 crc = new CRC32();
        for (Step step : steps) {
            List<PlannedStatement> statements;
            if (step instanceof InTransaction t) {
                statements = t.statements();
            } else if (step instanceof Alone a) {
                statements = List.of(a.statement());
            } else if (step instanceof Batched b) {
                statements = List.of(b.statement());
            } else {
                return null;
            }
            for (PlannedStatement statement : statements) {
                for (Token token : statement.statement().tokens()) {
                    update(crc, token.type() == TokenType.WORD ? token.upperCaseText() : token.text());
                }
                crc.update(1);
            }
        }
        return (int) crc.getValue();
    }

    private static void update(CRC32 crc, String text) {
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        crc.update(0);
    }

    /** {@return the line where the step starts, for messages; 0 for Java} */
    static int firstLine(Step step) {
        if (step instanceof InTransaction t) return t.statements().isEmpty() ? 0 : t.statements().get(0).where().line();
        if (step instanceof Alone a) return a.statement().where().line();
        if (step instanceof Batched b) return b.statement().where().line();
        if (step instanceof JavaCall) return 0;
        throw new AssertionError(step);
    }
}
