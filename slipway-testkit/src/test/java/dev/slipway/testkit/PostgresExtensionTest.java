package dev.slipway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.embedded.PostgresServer;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

    @Test
    void givesEachClassAnEmptyDatabaseOnTheDefaultVersion(TestDatabase db) throws SQLException {
        assertThat(db.queryString("select current_database()")).isEqualTo(db.name());
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isZero();
        assertThat(db.queryLong("select current_setting('server_version_num')::int / 10000"))
                .isEqualTo(PostgresServers.defaultMajor());
    }

    @Test
    void injectsTheServerTheDatabaseLivesOn(TestDatabase db, PostgresServer server) throws SQLException {
        assertThat(server).isSameAs(db.server());
        assertThat(db.queryLong("select current_setting('port')::int")).isEqualTo(server.port());
    }

    @Test
    void recreateEmptiesTheDatabase(TestDatabase db) throws SQLException {
        db.execute("create table leftover(id int)");
        db.recreate();
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isZero();
    }
}
