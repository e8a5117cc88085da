package dev.slipway.schema;

import dev.slipway.testkit.PostgresVersion;

/** {@link EveryKindTest} on PostgreSQL 12: the catalog queries work there and name the same differences. */
@PostgresVersion(12)
class EveryKindOn12Test extends EveryKindTest {
}
