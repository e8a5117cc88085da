package dev.slipway.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.visitor.DefaultChangeExecListener;
import liquibase.command.CommandResults;
import liquibase.command.CommandScope;
import liquibase.command.core.AbstractUpdateCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * One measured Liquibase run in its own JVM: the {@code update} command on {@code changelog.xml}, whose
 * {@code includeAll} picks up the same SQL files as raw changesets.
 */
public final class LiquibaseChild {
    private LiquibaseChild() {
    }

    /** Runs once with the arguments described in {@link ChildContext}, then prints the report line. */
    public static void main(String[] args) {
        ChildContext context = ChildContext.fromArgs(args);
        int applied = run(context.workload(), context.dataSource(), context::phase);
        context.report(applied);
    }

    /** {@return how many changesets were applied} Liquibase's defaults, except that anonymous analytics are off. */
    static int run(Workload workload, DataSource dataSource, Phases phases) {
        // Analytics would reach for a host outside this machine at every run; nothing else is changed.
        System.setProperty("liquibase.analytics.enabled", "false");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            phases.end("connect");
            CommandResults results = Scope.child(
                    Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(workload.root())),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, Workload.CHANGELOG)
                            .execute());
            phases.end("update");
            Object listener = results.getResult(AbstractUpdateCommandStep.DEFAULT_CHANGE_EXEC_LISTENER_RESULT_KEY);
            return listener instanceof DefaultChangeExecListener executed ? executed.getDeployedChangeSets().size() : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Liquibase could not connect: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase update failed: " + e.getMessage(), e);
        }
    }
}
