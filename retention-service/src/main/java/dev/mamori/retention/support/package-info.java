/**
 * Plumbing this module needed that the platform does not have yet: row-indexed batch problems and appending many
 * audit events in one statement. Written here to be moved into the platform module (see the module report);
 * nothing in this package is specific to retention.
 */
package dev.mamori.retention.support;
