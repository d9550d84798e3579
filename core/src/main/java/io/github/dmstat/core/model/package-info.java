/**
 * The vocabulary of the Drug Monitor: substances, recall periods (lifetime, last year, last
 * month), target groups and the indicators they make.
 */
package io.github.dmstat.core.model;
