package dev.slipway.apply;

import java.time.Instant;

/**
 * A session that held a lock the runner waited for.
 *
 * @param pid         its backend process id
 * @param user        its database user
 * @param application its application name
 * @param state       its state, e.g. {@code idle in transaction}
 * @param xactStart   when its transaction started, or null
 * @param query       the start of its current or last query
 */
public record Blocker(int pid, String user, String application, String state, Instant xactStart, String query) {

    /** {@return a one-line description for messages} */
    public String describe() {
        return "pid " + pid + " (user " + user + ", application '" + application + "', " + state
                + (xactStart == null ? "" : ", in a transaction since " + xactStart) + ", query: " + query.strip()
                + ")";
    }
}
