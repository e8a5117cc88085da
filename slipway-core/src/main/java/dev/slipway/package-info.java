/** Slipway's library facade. */
package dev.slipway;
