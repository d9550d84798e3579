/**
 * Embedded data: deterministic synthetic surveys, neighbourhoods, municipalities and intervention
 * outcomes with known truth, and published national figures; {@link
 * io.github.dmstat.datasets.Datasets} lists them.
 */
package io.github.dmstat.datasets;
