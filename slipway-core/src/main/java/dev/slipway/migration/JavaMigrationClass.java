package dev.slipway.migration;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;

/**
 * A Java migration found by a scan: its name and its class. Instances are made only when it runs.
 *
 * @param name         the type, version and description, from the class name or the class's {@code version()}
 * @param type         the class
 * @param placeholders the placeholder values it sees while it runs ({@link MigrationContext#placeholders()})
 */
public record JavaMigrationClass(MigrationName name, Class<? extends JavaMigration> type, Placeholders placeholders)
        implements ResolvedMigration {

    /** Checks every part is present. */
    public JavaMigrationClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(placeholders, "placeholders");
    }

    /** A Java migration that sees no placeholders. */
    public JavaMigrationClass(MigrationName name, Class<? extends JavaMigration> type) {
        this(name, type, Placeholders.none());
    }

    /** {@return the class name, which is how messages and the history name a Java migration} */
    @Override
    public String location() {
        return type.getName();
    }

    /** {@return whether the class overrides {@link JavaMigration#down}, which makes it its own down migration} */
    public boolean hasDown() {
        return overridesDown(type);
    }

    /**
     * {@return a new instance, made with the class's no-argument constructor}
     *
     * @throws MigrationException naming the class if it cannot be made
     */
    public JavaMigration newInstance() {
        return instantiate(type);
    }

    /**
     * Works out the name of a Java migration class: from its {@code version()} and {@code description()} when it
     * overrides them (which needs an instance), else from its simple name.
     *
     * @return the migration it is, or why it cannot be one
     */
    static NameParse resolve(Class<? extends JavaMigration> type) {
        NameParse byClassName = MigrationName.parseClassName(type.getSimpleName(), type.getName());
        if (!overrides(type, "version") && !overrides(type, "description")) {
            if (byClassName instanceof NameParse.NotAMigration) {
                return new NameParse.Malformed("a Java migration needs a class name like V3__Backfill_names or a "
                        + "version() method");
            }
            return byClassName;
        }
        MigrationType migrationType = byClassName instanceof NameParse.Migration migration
                ? migration.name().type()
                : MigrationType.VERSIONED;
        Version version;
        String description;
        try {
            JavaMigration instance = instantiate(type);
            version = migrationType == MigrationType.REPEATABLE ? null : instance.version();
            description = instance.description();
        } catch (MigrationException e) {
            return new NameParse.Malformed(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return new NameParse.Malformed("its version() or description() failed: " + e);
        }
        if (migrationType != MigrationType.REPEATABLE && version == null) {
            return new NameParse.Malformed("version() returned null; return the migration's version");
        }
        if (description == null) return new NameParse.Malformed("description() returned null");
        return new NameParse.Migration(new MigrationName(migrationType, version, description, type.getName()));
    }

    /** {@return the name a class's simple name gives, if it is one} */
    static Optional<MigrationName> nameFromClassName(Class<?> type) {
        NameParse parse = MigrationName.parseClassName(type.getSimpleName(), type.getName());
        return parse instanceof NameParse.Migration migration ? Optional.of(migration.name()) : Optional.empty();
    }

    /** {@return whether a class overrides {@code down}} */
    static boolean overridesDown(Class<?> type) {
        try {
            return type.getMethod("down", MigrationContext.class).getDeclaringClass() != JavaMigration.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("JavaMigration declares down(MigrationContext)", e);
        }
    }

    /** {@return why the class cannot be instantiated, if it cannot}, found without running any of its code */
    static Optional<String> whyNotInstantiable(Class<?> type) {
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of("it is an inner class; make it static or a top-level class");
        }
        try {
            type.getDeclaredConstructor();
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of("it has no no-argument constructor; add one");
        }
    }

    private static boolean overrides(Class<?> type, String method) {
        try {
            return type.getMethod(method).getDeclaringClass() != JavaMigration.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("JavaMigration declares " + method + "()", e);
        }
    }

    private static JavaMigration instantiate(Class<? extends JavaMigration> type) {
        Optional<String> why = whyNotInstantiable(type);
        if (why.isPresent()) throw new MigrationException("cannot create " + type.getName() + ": " + why.get());
        try {
            Constructor<? extends JavaMigration> constructor = type.getDeclaredConstructor();
            // Package-private migration classes are common and harmless; do not insist on public.
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new MigrationException("cannot create " + type.getName() + ": its constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new MigrationException("cannot create " + type.getName() + ": " + e, e);
        }
    }
}
