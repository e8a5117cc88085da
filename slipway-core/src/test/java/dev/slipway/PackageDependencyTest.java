package dev.slipway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the library's packages point one way, down the list of DESIGN.md: a package imports only
 * packages below it. The facade's {@code SlipwayException} and {@code ExitStatus} depend on nothing and may be thrown
 * from every package, so they do not count as a dependency on the facade. Packages of Slipway's other modules
 * ({@code dev.slipway.embedded}) are libraries to core, like PgJDBC, and sit in no layer.
 */
class PackageDependencyTest {
    /** Top to bottom; each may import only those after it. {@code sql} and {@code db} are leaves. */
    private static final List<String> LAYERS = List.of("dev.slipway", "deploy", "verify", "backup", "sandbox",
            "apply", "lint", "schema", "history", "migration", "sql", "config", "db");
    private static final Map<String, Set<String>> LEAVES = Map.of("sql", Set.of(), "db", Set.of());
    private static final Set<String> FREE_TO_USE = Set.of("dev.slipway.SlipwayException", "dev.slipway.ExitStatus");
    private static final Set<String> OTHER_MODULES = Set.of("dev.slipway.embedded");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?(dev\\.slipway(?:\\.[a-z]+)*)\\.([A-Z]\\w*)", Pattern.MULTILINE);

    @Test
    void importsPointDownTheLayers() throws IOException {
        Path sources = Path.of("src/main/java/dev/slipway");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String layer = layerOf(sources.relativize(file.getParent()).toString());
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String target = imports.group(1);
                    if (FREE_TO_USE.contains(target + "." + imports.group(2))) continue;
                    if (OTHER_MODULES.stream().anyMatch(module -> isWithin(target, module))) continue;
                    String targetLayer = layerOf(target.equals("dev.slipway") ? ""
                            : target.substring("dev.slipway.".length()));
                    if (targetLayer.equals(layer)) continue;
                    boolean down = LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer);
                    boolean leafImports = LEAVES.containsKey(layer);
                    if (!down || leafImports) {
                        violations.add(sources.relativize(file) + " (" + layer + ") imports " + target + "."
                                + imports.group(2) + " (" + targetLayer + ")");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageIsInTheLayerList() throws IOException {
        Set<String> packages = new TreeSet<>();
        Path sources = Path.of("src/main/java/dev/slipway");
        try (Stream<Path> dirs = Files.walk(sources)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(sources))
                    .forEach(d -> packages.add(layerOf(sources.relativize(d).toString())));
        }
        assertThat(LAYERS).containsAll(packages);
    }

    private static boolean isWithin(String pkg, String module) {
        return pkg.equals(module) || pkg.startsWith(module + ".");
    }

    /** {@code apply/internal} belongs to {@code apply}; the root folder is the facade. */
    private static String layerOf(String relativeFolder) {
        if (relativeFolder.isEmpty()) return "dev.slipway";
        return relativeFolder.replace('\\', '/').split("/")[0];
    }
}
