package dev.slipway.testkit;

import dev.slipway.embedded.PostgresServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a fresh, empty {@link TestDatabase} per test class on one shared server per run.
 * <p>Test methods and constructors receive it as a parameter; {@link PostgresServer} can be injected too.
 * The database is dropped after the class; the server stops when the JVM ends.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == TestDatabase.class) return database;
        if (type == PostgresServer.class) return database.server();
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    private static TestDatabase database(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, key -> {
            PostgresVersion version = testClass.getAnnotation(PostgresVersion.class);
            int major = version == null ? PostgresServers.defaultMajor() : version.value();
            return new DroppedAfterwards(PostgresServers.newDatabase(major, testClass.getSimpleName()));
        }, DroppedAfterwards.class).database();
    }

    /** Stored per class so JUnit closes it when the class is done. */
    private record DroppedAfterwards(TestDatabase database)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            database.server().dropDatabase(database.name());
        }
    }
}
