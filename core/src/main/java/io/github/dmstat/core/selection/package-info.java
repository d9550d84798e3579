/**
 * Transparent selection of areas: composite indices of scaled indicators, eligibility rules (such
 * as the 80,000-inhabitant floor), named inclusions and exclusions, an explanation for every
 * area, and the uncertainty of the ranks.
 */
package io.github.dmstat.core.selection;
