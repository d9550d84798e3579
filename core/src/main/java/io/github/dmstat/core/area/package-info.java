/**
 * CBS areas: municipality, wijk and buurt codes ({@code GM}, {@code WK}, {@code BU}) and their
 * hierarchy, polygons, and the loaders for CBS key-figures (OData) and PDOK GeoJSON boundaries.
 */
package io.github.dmstat.core.area;
