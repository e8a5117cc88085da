package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.Map;

/**
 * An installed extension. The objects it created are not part of the model: the extension stands for them.
 *
 * @param extensionName its name, e.g. {@code pgcrypto}
 * @param version       the installed version
 * @param schema        the schema it was installed into
 */
public record Extension(String extensionName, String version, String schema) implements SchemaObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.EXTENSION;
    }

    @Override
    public String name() {
        return PgIdentifiers.quote(extensionName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("version", version).put("schema", schema).build();
    }
}
