package dev.slipway;

import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ConnectionSpecException;
import dev.slipway.db.Environment;

/** One side of {@link Slipway#diff}: a live database, or the schema the migration files produce. */
public sealed interface SchemaSource {
    /** The word that names the migrations on the command line ({@code --to migrations}). */
    String MIGRATIONS_WORD = "migrations";

    /** {@return the source for messages, never with a password} */
    String describe();

    /**
     * {@return the migrations for the word {@value #MIGRATIONS_WORD}, else the database a URL names}
     *
     * @param text        {@value #MIGRATIONS_WORD}, a libpq URI, a JDBC URL or a keyword/value string
     * @param option      where the text came from, for messages ({@code --from})
     * @param environment PG* variables and the password file that complete a URL
     * @throws SlipwayException with {@link ExitStatus#USAGE} for an empty or malformed URL
     */
    static SchemaSource parse(String text, String option, Environment environment) {
        if (text == null || text.isBlank()) {
            throw SlipwayException.badInput(option + " is empty", option, "give a database URL or the word "
                    + MIGRATIONS_WORD);
        }
        if (text.strip().equals(MIGRATIONS_WORD)) return new Migrations();
        try {
            return new Database(ConnectionSpec.resolve(text.strip(), environment), option);
        } catch (ConnectionSpecException e) {
            throw SlipwayException.badInput(e.getMessage(), option, "give a database URL such as"
                    + " postgresql://user@host:5432/db, or the word " + MIGRATIONS_WORD);
        }
    }

    /**
     * A live database, read as it is.
     *
     * @param spec   where and as whom to connect
     * @param option where it was named, for messages ({@code --from}); may be empty
     */
    record Database(ConnectionSpec spec, String option) implements SchemaSource {
        @Override
        public String describe() {
            return spec.redacted();
        }
    }

    /** The schema every migration file produces on an empty database, built in a scratch database. */
    record Migrations() implements SchemaSource {
        @Override
        public String describe() {
            return "the migrations";
        }
    }
}
