package dev.slipway.schema;

import dev.slipway.testkit.PostgresVersion;

/** {@link EveryKindTest} on PostgreSQL 17: the catalog queries work there and name the same differences. */
@PostgresVersion(17)
class EveryKindOn17Test extends EveryKindTest {
}
