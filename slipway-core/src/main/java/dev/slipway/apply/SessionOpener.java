package dev.slipway.apply;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new session to the target database; the caller closes it. */
@FunctionalInterface
public interface SessionOpener {
    /** {@return a new connection in autocommit mode} */
    Connection open() throws SQLException;
}
