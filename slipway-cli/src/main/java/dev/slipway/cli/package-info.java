/** The command line: parses, calls the library, renders. */
package dev.slipway.cli;
