package dev.slipway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated migration files for the lint benchmark: realistic mixes of the statements both linters judge (tables,
 * indexes, columns, constraints, renames, type changes, drops, backfills) and statements they pass through
 * (functions with dollar-quoted bodies, views, inserts, comments), some safe and some not, on tables created in the
 * same file or assumed to exist. The same seed gives the same files.
 */
final class LintWorkload {
    private static final String[] EXISTING = {"users", "accounts", "orders", "invoices", "events", "payments",
        "sessions", "products", "shipments", "audit_log"};
    private static final String[] COLUMNS = {"status", "note", "email", "total", "region", "score", "tier",
        "external_id", "owner_id", "label", "priority", "source"};
    private static final String[] TYPES = {"text", "varchar(64)", "varchar(255)", "integer", "bigint", "smallint",
        "boolean", "timestamp", "timestamptz", "char(2)", "jsonb", "numeric(12, 2)", "uuid", "date"};

    private final Random random;
    private final List<String> created = new ArrayList<>();
    private int counter;

    private LintWorkload(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes {@code count} files {@code V00001__change.sql}, ... into {@code dir}.
     *
     * @return the total size in bytes
     */
    static long write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        LintWorkload workload = new LintWorkload(seed);
        long bytes = 0;
        for (int i = 1; i <= count; i++) {
            byte[] file = workload.file(i).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(String.format("V%05d__change.sql", i)), file);
            bytes += file.length;
        }
        return bytes;
    }

    private String file(int number) {
        created.clear();
        StringBuilder sql = new StringBuilder();
        boolean block = random.nextInt(10) == 0;
        boolean noTransaction = !block && random.nextInt(8) == 0;
        if (noTransaction) sql.append("-- slipway:no-transaction\n");
        sql.append("-- change ").append(number).append(": ").append(pick(COLUMNS)).append(" for ")
                .append(pick(EXISTING)).append("\n");
        if (block) sql.append("BEGIN;\n");
        int statements = 2 + random.nextInt(6);
        for (int i = 0; i < statements; i++) {
            sql.append(statement(noTransaction)).append("\n");
        }
        if (block && random.nextInt(6) != 0) sql.append("COMMIT;\n");
        return sql.toString();
    }

    private String statement(boolean noTransaction) {
        int kind = random.nextInt(100);
        String table = existing();
        String column = pick(COLUMNS);
        if (kind < 14) return createTable();
        if (kind < 22) return createIndex(noTransaction);
        if (kind < 34) return addColumn(table, column);
        if (kind < 38) return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL;";
        if (kind < 41) {
            String check = table + "_" + column + "_nn";
            return "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column
                    + " IS NOT NULL) NOT VALID;\nALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";";
        }
        if (kind < 45) {
            return "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_fk FOREIGN KEY (" + column
                    + ") REFERENCES " + existing() + " (id)" + (random.nextBoolean() ? " NOT VALID" : "") + ";";
        }
        if (kind < 47) return "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + table + "_" + column + "_fk;";
        if (kind < 50) {
            return random.nextBoolean()
                    ? "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_key UNIQUE (" + column
                    + ");"
                    : "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_key UNIQUE USING INDEX "
                    + table + "_" + column + "_idx;";
        }
        if (kind < 53) {
            return "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_check CHECK (" + column
                    + " <> '')" + (random.nextBoolean() ? " NOT VALID" : "") + ";";
        }
        if (kind < 56) {
            return random.nextBoolean()
                    ? "ALTER TABLE " + table + " RENAME COLUMN " + column + " TO " + column + "_old;"
                    : "ALTER TABLE " + table + " RENAME TO " + table + "_v2;";
        }
        if (kind < 59) return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + pick(TYPES) + ";";
        if (kind < 62) return "ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + column + ";";
        if (kind < 63) return "DROP TABLE IF EXISTS " + table + "_legacy;";
        if (kind < 66) {
            return "DROP INDEX " + (noTransaction && random.nextBoolean() ? "CONCURRENTLY " : "") + "IF EXISTS "
                    + table + "_" + column + "_idx;";
        }
        if (kind < 72) {
            return random.nextInt(4) == 0 ? "UPDATE " + table + " SET " + column + " = 'x';"
                    : "UPDATE " + table + " SET " + column + " = 'x', updated_at = now() WHERE " + column + " IS NULL;";
        }
        if (kind < 74) {
            return random.nextBoolean() ? "DELETE FROM " + table + " WHERE created_at < now() - interval '90 days';"
                    : "DELETE FROM " + table + "_tmp;";
        }
        if (kind < 75) return "TRUNCATE " + table + "_staging" + (random.nextBoolean() ? " CASCADE" : "") + ";";
        if (kind < 81) {
            return "INSERT INTO " + table + " (" + column + ", note) VALUES ('a', 'it''s fine; really'),"
                    + " ('b', E'tab\\t');";
        }
        if (kind < 86) return function(table, column);
        if (kind < 89) return "COMMENT ON TABLE " + table + " IS 'holds the " + column + " of each " + table + "';";
        if (kind < 92) {
            return "CREATE OR REPLACE VIEW " + table + "_" + column + "_v AS\n    SELECT id, " + column + " FROM "
                    + table + " WHERE " + column + " IS NOT NULL;";
        }
        if (kind < 93) return random.nextBoolean() ? "VACUUM FULL " + table + ";" : "CLUSTER " + table + ";";
        if (kind < 95) return "REINDEX " + (random.nextBoolean() ? "TABLE " : "INDEX ") + table + ";";
        if (kind < 96) return "ALTER TABLE " + table + " DETACH PARTITION " + table + "_2019;";
        if (kind < 97) {
            return random.nextBoolean() ? "CREATE DOMAIN " + column + "_code AS text CHECK (VALUE ~ '^[A-Z]+$');"
                    : "ALTER DOMAIN " + column + "_code ADD CONSTRAINT " + column + "_len CHECK (length(VALUE) < 9);";
        }
        if (kind < 98) return "ALTER TYPE " + column + "_kind ADD VALUE '" + pick(COLUMNS) + "';";
        return "/* keep the old rows for a month */\nSELECT count(*) FROM " + table + ";";
    }

    private String createTable() {
        String name = "t" + (++counter) + "_" + pick(COLUMNS);
        created.add(name);
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (\n    id ");
        sql.append(switch (random.nextInt(4)) {
            case 0 -> "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
            case 1 -> "serial PRIMARY KEY";
            case 2 -> "bigserial PRIMARY KEY";
            default -> "uuid PRIMARY KEY DEFAULT gen_random_uuid()";
        });
        int columns = 2 + random.nextInt(5);
        for (int i = 0; i < columns; i++) {
            sql.append(",\n    ").append(COLUMNS[(i + counter) % COLUMNS.length]).append(' ').append(pick(TYPES));
            if (random.nextInt(3) == 0) sql.append(" NOT NULL");
            if (random.nextInt(4) == 0) sql.append(" DEFAULT now()");
        }
        if (random.nextBoolean()) sql.append(",\n    owner_id bigint REFERENCES ").append(existing()).append(" (id)");
        sql.append(",\n    created_at ").append(random.nextBoolean() ? "timestamptz" : "timestamp")
                .append(" NOT NULL DEFAULT now()\n);");
        return sql.toString();
    }

    private String createIndex(boolean noTransaction) {
        String table = !created.isEmpty() && random.nextBoolean() ? created.get(created.size() - 1) : existing();
        String column = pick(COLUMNS);
        boolean concurrently = noTransaction ? random.nextInt(4) != 0 : random.nextInt(10) == 0;
        return "CREATE " + (random.nextInt(6) == 0 ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + "IF NOT EXISTS " + table + "_" + column + "_idx ON " + table + " (" + column + ");";
    }

    private String addColumn(String table, String column) {
        String type = pick(TYPES);
        String rest = switch (random.nextInt(8)) {
            case 0 -> " NOT NULL";
            case 1 -> " NOT NULL DEFAULT ''";
            case 2 -> " DEFAULT now()";
            case 3 -> " DEFAULT gen_random_uuid()";
            case 4 -> " DEFAULT 0";
            default -> "";
        };
        return "ALTER TABLE " + table + " ADD COLUMN " + column + "_" + (++counter) + " " + type + rest + ";";
    }

    private String function(String table, String column) {
        return "CREATE OR REPLACE FUNCTION " + table + "_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
                + "BEGIN\n    NEW.updated_at := now();  -- keep ; and 'quotes' inside the body\n"
                + "    IF NEW." + column + " IS NULL THEN NEW." + column + " := 'none'; END IF;\n"
                + "    RETURN NEW;\nEND;\n$fn$;";
    }

    private String existing() {
        return pick(EXISTING);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
