package dev.slipway.lint;

import dev.slipway.migration.Directive;
import dev.slipway.migration.MigrationName;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.NameParse;
import dev.slipway.migration.Version;
import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.SqlSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a down migration undoes: the tables and columns its up migration creates. Dropping those is what reverting
 * means, so in the down migration {@code drop-table} and {@code drop-column} findings about them are allowed, with
 * the up migration named as the reason, instead of failing every lint of a migrations folder. Dropping anything
 * else in a down migration is judged as anywhere. Immutable.
 *
 * @param upFile  the up migration, as shown to the user
 * @param tables  the tables it creates
 * @param columns the columns it adds to tables it does not create
 */
public record UndoneByDown(String upFile, List<QualifiedName> tables, List<Column> columns) {
    /** Copies the lists. */
    public UndoneByDown {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    /**
     * A column an up migration adds.
     *
     * @param table  its table
     * @param column its name
     */
    public record Column(QualifiedName table, String column) {
    }

    /**
     * {@return what {@code upSql} creates; nothing when it cannot be split (its own lint says why)}
     *
     * @param upFile the up migration, as shown to the user
     * @param upSql  its text
     */
    public static UndoneByDown of(String upFile, String upSql) {
        List<QualifiedName> tables = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        List<SqlStatement> statements;
        try {
            statements = SqlScript.parse(upSql).statements();
        } catch (SqlSyntaxException e) {
            statements = List.of();
        }
        for (SqlStatement statement : statements) {
            SqlCommand command = SqlCommand.of(statement);
            if (command instanceof SqlCommand.CreateTable create && !create.temporary()) {
                tables.add(create.table());
            } else if (command instanceof SqlCommand.AlterTable alter) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddColumn add) {
                        columns.add(new Column(alter.table(), add.column().name()));
                    }
                }
            }
        }
        return new UndoneByDown(upFile, tables, columns);
    }

    /**
     * {@return what the up migration of {@code file} creates, when {@code file} is a down migration ({@code U3__x.sql},
     * {@code 003_x.down.sql}) and its up migration of the same version is in the same folder; empty otherwise}
     *
     * @param file  a file about to be linted
     * @param shown how a path is shown to the user
     * @throws UncheckedIOException when the up migration cannot be read
     */
    public static Optional<UndoneByDown> forDownMigration(Path file, Function<Path, String> shown) {
        Path name = file.getFileName();
        Path folder = file.toAbsolutePath().getParent();
        if (name == null || folder == null) return Optional.empty();
        if (!(MigrationName.parse(name.toString()) instanceof NameParse.Migration down)
                || down.name().type() != MigrationType.UNDO) {
            return Optional.empty();
        }
        try {
            Optional<Path> up = upBeside(folder, name.toString(), down.name().version());
            if (up.isEmpty()) return Optional.empty();
            return Optional.of(of(shown.apply(up.get()), Files.readString(up.get(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the up migration of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return the up migration of {@code version} in {@code folder}: first by the name that mirrors the down's
     * ({@code V3__x.sql} for {@code U3__x.sql}, {@code 003_x.up.sql} for {@code 003_x.down.sql}), so that linting a
     * folder of many files does not list it once per down migration; else by any name with that version}
     */
    private static Optional<Path> upBeside(Path folder, String downName, Version version) throws IOException {
        String mirrored = downName.endsWith(".down.sql")
                ? downName.substring(0, downName.length() - ".down.sql".length()) + ".up.sql"
                : "V" + downName.substring(1);
        Path likely = folder.resolve(mirrored);
        if (isUpOf(likely, version) && Files.isRegularFile(likely)) return Optional.of(likely);
        try (Stream<Path> siblings = Files.list(folder)) {
            return siblings.filter(sibling -> isUpOf(sibling, version)).findFirst();
        }
    }

    private static boolean isUpOf(Path file, Version version) {
        return MigrationName.parse(file.getFileName().toString()) instanceof NameParse.Migration candidate
                && candidate.name().type() == MigrationType.VERSIONED && candidate.name().version().equals(version);
    }

    /** {@return the allowances for one statement of the down migration: none, or the rules it may break here} */
    List<Directive.Allow> allowsFor(SqlCommand command) {
        if (command instanceof SqlCommand.Drop drop && drop.kind().equals("TABLE") && !drop.names().isEmpty()
                && drop.names().stream().allMatch(this::creates)) {
            return List.of(new Directive.Allow(DropTable.INFO.id(), "the down migration of " + upFile
                    + ", which creates it"));
        }
        if (command instanceof SqlCommand.AlterTable alter) {
            List<AlterTableAction.DropColumn> drops = alter.actions().stream()
                    .filter(AlterTableAction.DropColumn.class::isInstance).map(AlterTableAction.DropColumn.class::cast)
                    .toList();
            if (!drops.isEmpty() && drops.stream().allMatch(drop -> adds(alter.table(), drop.column()))) {
                return List.of(new Directive.Allow(DropColumn.INFO.id(), "the down migration of " + upFile
                        + ", which adds it"));
            }
        }
        return List.of();
    }

    private boolean creates(QualifiedName table) {
        return tables.stream().anyMatch(created -> created.sameObject(table));
    }

    private boolean adds(QualifiedName table, String column) {
        return creates(table) || columns.stream()
                .anyMatch(added -> added.table().sameObject(table) && added.column().equals(column));
    }
}
