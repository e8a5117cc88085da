package dev.slipway.cli;

import dev.slipway.SlipwayException;
import dev.slipway.migration.Version;

/** Reads versions given on the command line. */
final class Versions {
    private Versions() {
    }

    static Version parse(String where, String text) {
        try {
            return Version.parse(text.startsWith("V") || text.startsWith("v") ? text.substring(1) : text);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.badInput(e.getMessage(), where, "give a version such as 3 or 1.2");
        }
    }
}
