/**
 * Disclosure control: reliability rules (NCHS, NSDUH, none) that flag or suppress an estimate
 * before any output, so that a suppressed cell has no value to show.
 */
package io.github.dmstat.core.disclosure;
