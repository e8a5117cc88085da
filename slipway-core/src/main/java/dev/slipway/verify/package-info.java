/**
 * {@code slipway verify}: after a deploy, is the database what it should be? The revision is the expected one,
 * the user's smoke queries ({@code checks/*.sql} and {@code V3__x.check.sql} next to a migration) find nothing
 * wrong, and the built-in integrity checks pass: no invalid index, no constraint left NOT VALID, no sequence behind
 * its column, no orphaned row along a declared logical foreign key, no table that lost rows since the snapshot.
 * <p>Everything here reads only: each query runs in a read-only transaction with a statement timeout. The
 * {@link dev.slipway.verify.Verifier} runs {@link dev.slipway.verify.VerifyCheck}s; other modules (schema drift)
 * add theirs through {@link dev.slipway.verify.VerifyOptions#withCheck}.
 */
package dev.slipway.verify;
