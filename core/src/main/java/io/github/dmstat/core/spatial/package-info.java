/**
 * Spatial statistics: neighbours from polygons (queen, rook), k nearest neighbours and edge
 * lists; global and local Moran's I, Getis–Ord Gi*, multiple-testing corrections; checked against
 * R spdep.
 */
package io.github.dmstat.core.spatial;
