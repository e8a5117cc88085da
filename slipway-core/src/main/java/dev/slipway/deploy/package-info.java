/**
 * The deploy pipeline: the whole runbook as one run. Preflight, plan gate, confirmation, backup, row-count
 * snapshot, hooks, migrate, verify; on a failure after the database was touched, the environment's rollback policy.
 * The steps themselves are the library's ({@link dev.slipway.deploy.DeploySteps}); this package orders them and
 * decides what a failure means.
 */
package dev.slipway.deploy;
