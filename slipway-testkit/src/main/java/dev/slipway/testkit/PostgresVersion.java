package dev.slipway.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test class on a given PostgreSQL major version instead of {@link PostgresServers#defaultMajor()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface PostgresVersion {
    /** {@return the major version, e.g. 16} */
    int value();
}
