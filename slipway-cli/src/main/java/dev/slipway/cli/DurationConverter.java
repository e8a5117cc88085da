package dev.slipway.cli;

import dev.slipway.SlipwayException;
import dev.slipway.config.ConfigException;
import dev.slipway.config.Durations;
import java.time.Duration;

/** Reads durations given as flags ({@code 500ms}, {@code 3s}, {@code 2m}). */
final class DurationConverter {
    private DurationConverter() {
    }

    static Duration parse(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (ConfigException e) {
            throw SlipwayException.badInput(e.getMessage(), option, "give a duration such as 500ms, 3s or 2m");
        }
    }
}
