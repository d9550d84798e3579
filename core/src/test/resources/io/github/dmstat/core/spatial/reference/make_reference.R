#!/usr/bin/env Rscript
# =============================================================================
# make_reference.R -- reference fixtures for dmstat spatial statistics (spdep)
#
# Writes, into this folder:
#   lattice_data.csv        synthetic areas A001..A122: value x, count, pop
#   lattice_edges.csv       neighbour pairs (case,from,to) of the lattice cases
#   moran_reference.csv     moran.test (randomisation TRUE/FALSE), styles W and B
#   localmoran_reference.csv localmoran (defaults: conditional, mlvar, two.sided)
#   localg_reference.csv    localG with include.self(nb), style "B" (Gi*)
#   eblocal_reference.csv   EBlocal (default and geoda = TRUE)
#   padjust_reference.csv   p.adjust "bonferroni" and "BH"
#   knn_points.csv, knn_reference.csv   knearneigh(k = 4, longlat = FALSE)
#   synthetic_polygons.geojson, poly2nb_synthetic.csv   poly2nb on a small planar set
#   poly2nb_gemeente_<year>.csv, centroids_gemeente_<year>.csv   real CBS boundaries
#     (only when the shared data folder is given as the first argument)
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/spatial/reference
#   Rscript make_reference.R /work/shared/data
#
# Determinism: set.seed(); every input CSV is written and read back before use.
# The only run-dependent content is the "# date:" comment line.
# =============================================================================
suppressPackageStartupMessages({ library(spdep); library(sf) })
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[1] else NA

VERS <- sprintf("%s, spdep %s, sf %s", R.version.string, packageVersion("spdep"), packageVersion("sf"))
RUN_DATE <- as.character(Sys.Date())
f17 <- function(x) ifelse(is.na(x) | !is.finite(x), "", sprintf("%.17g", x))
write_commented_csv <- function(comments, df, file) {
  con <- file(file, open = "w")
  writeLines(paste0("# ", c(paste("source:", VERS), paste("date:", RUN_DATE), comments)), con)
  close(con)
  suppressWarnings(write.table(df, file, sep = ",", quote = FALSE, row.names = FALSE,
                               col.names = TRUE, na = "", append = TRUE, eol = "\n"))
}
nb_pairs <- function(nb, ids) {
  from <- rep(ids, card(nb))
  to <- ids[unlist(lapply(nb, function(v) v[v > 0]))]
  data.frame(from = from, to = to, stringsAsFactors = FALSE)
}

# -----------------------------------------------------------------------------
# 1. Synthetic lattice: 12 x 10 cells + 2 islands (A121, A122)
# -----------------------------------------------------------------------------
set.seed(20240611)
nr <- 10; nc <- 12; ncell <- nr * nc; n <- ncell + 2
ids <- sprintf("A%03d", 1:n)
row <- c(rep(1:nr, each = nc), NA, NA); col <- c(rep(1:nc, times = nr), NA, NA)
trend <- c(0.15 * (row[1:ncell] + col[1:ncell]), 1.5, 0.2)
x <- round(trend + rnorm(n), 6)
pop <- as.integer(round(runif(n, 200, 5000)))
count <- rpois(n, pop * exp(-6 + 0.1 * c(row[1:ncell], 3, 3)))
write.csv(data.frame(id = ids, x = sprintf("%.6f", x), count = count, pop = pop),
          "lattice_data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("lattice_data.csv", stringsAsFactors = FALSE)
stopifnot(identical(d$id, ids))

nb_rook <- cell2nb(nr, nc, type = "rook")     # cell2nb numbers cells row-major
nb_queen <- cell2nb(nr, nc, type = "queen")
add_islands <- function(nb, k) {
  out <- c(unclass(nb), rep(list(0L), k)); class(out) <- "nb"
  attr(out, "region.id") <- as.character(seq_along(out)); out
}
cases <- list(
  rook = list(nb = nb_rook, idx = 1:ncell),
  queen = list(nb = nb_queen, idx = 1:ncell),
  rook_islands = list(nb = add_islands(nb_rook, 2), idx = 1:n))
edges <- do.call(rbind, lapply(names(cases), function(cn) {
  p <- nb_pairs(cases[[cn]]$nb, ids[cases[[cn]]$idx]); cbind(case = cn, p)
}))
write_commented_csv(c("neighbour pairs (both directions) from spdep::cell2nb(10, 12, type = 'rook'|'queen');",
  "cell k (row-major, 12 columns) is id A<k>; case rook_islands adds A121 and A122 without neighbours"),
  edges, "lattice_edges.csv")

mor <- list(); lm <- list(); lg <- list(); eb <- list()
for (cn in names(cases)) {
  nb <- cases[[cn]]$nb; idx <- cases[[cn]]$idx; xi <- d$x[idx]
  for (style in c("W", "B")) {
    lw <- nb2listw(nb, style = style, zero.policy = TRUE)
    for (rnd in c(TRUE, FALSE)) {
      mt <- moran.test(xi, lw, randomisation = rnd, zero.policy = TRUE, alternative = "greater")
      mor[[length(mor) + 1]] <- data.frame(case = cn, style = style, randomisation = rnd,
        I = f17(mt$estimate[1]), expectation = f17(mt$estimate[2]), variance = f17(mt$estimate[3]),
        z = f17(mt$statistic), p_greater = f17(mt$p.value))
    }
  }
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  loc <- localmoran(xi, lw, zero.policy = TRUE)
  lm[[cn]] <- data.frame(case = cn, id = ids[idx], Ii = f17(loc[, 1]), E.Ii = f17(loc[, 2]),
    Var.Ii = f17(loc[, 3]), Z.Ii = f17(loc[, 4]), p = f17(loc[, 5]),
    quadrant = as.character(attr(loc, "quadr")$pysal))
  g <- localG(xi, nb2listw(include.self(nb), style = "B", zero.policy = TRUE), zero.policy = TRUE)
  lg[[cn]] <- data.frame(case = cn, id = ids[idx], gstar = f17(as.numeric(g)))
  e1 <- EBlocal(d$count[idx], d$pop[idx], nb, zero.policy = TRUE)
  e2 <- EBlocal(d$count[idx], d$pop[idx], nb, zero.policy = TRUE, geoda = TRUE)
  eb[[cn]] <- data.frame(case = cn, id = ids[idx], raw = f17(e1$raw), est = f17(e1$est),
    est_geoda = f17(e2$est))
}
write_commented_csv(c("moran.test(x, nb2listw(nb, style = <style>, zero.policy = TRUE), randomisation = <randomisation>,",
  "  zero.policy = TRUE, alternative = 'greater') (adjust.n = TRUE default: n excludes no-neighbour areas)",
  "tolerance: 1e-8 relative"), do.call(rbind, mor), "moran_reference.csv")
write_commented_csv(c("localmoran(x, nb2listw(nb, style = 'W', zero.policy = TRUE), zero.policy = TRUE)",
  "  defaults conditional = TRUE, mlvar = TRUE, alternative = 'two.sided'; quadrant = attr(, 'quadr')$pysal",
  "  empty Z.Ii/p: NaN in R (area without neighbours)",
  "tolerance: 1e-8 relative"), do.call(rbind, lm), "localmoran_reference.csv")
write_commented_csv(c("localG(x, nb2listw(include.self(nb), style = 'B', zero.policy = TRUE), zero.policy = TRUE) (Gi* z-scores)",
  "tolerance: 1e-8 relative"), do.call(rbind, lg), "localg_reference.csv")
write_commented_csv(c("EBlocal(count, pop, nb, zero.policy = TRUE) -> raw, est; est_geoda: same with geoda = TRUE",
  "tolerance: 1e-8 relative"), do.call(rbind, eb), "eblocal_reference.csv")

pl <- read.csv("localmoran_reference.csv", comment.char = "#")
pv <- pl$p[pl$case == "rook"]
write_commented_csv(c("p = localmoran p-values of case rook; bonferroni = p.adjust(p, 'bonferroni'); bh = p.adjust(p, 'BH')",
  "tolerance: 1e-8 relative"),
  data.frame(p = f17(pv), bonferroni = f17(p.adjust(pv, "bonferroni")), bh = f17(p.adjust(pv, "BH"))),
  "padjust_reference.csv")

# -----------------------------------------------------------------------------
# 2. k nearest neighbours on random points (no ties)
# -----------------------------------------------------------------------------
set.seed(20240612)
np <- 60
write.csv(data.frame(id = sprintf("P%02d", 1:np), x = sprintf("%.6f", runif(np, 3, 7)),
  y = sprintf("%.6f", runif(np, 50.7, 53.5))), "knn_points.csv", row.names = FALSE, quote = FALSE)
pts <- read.csv("knn_points.csv", stringsAsFactors = FALSE)
kn <- knn2nb(knearneigh(as.matrix(pts[, c("x", "y")]), k = 4, longlat = FALSE))
write_commented_csv(c("knn2nb(knearneigh(cbind(x, y), k = 4, longlat = FALSE)) on knn_points.csv (dbscan not installed: spdep C code)"),
  nb_pairs(kn, pts$id), "knn_reference.csv")

# -----------------------------------------------------------------------------
# 3. poly2nb on a small synthetic planar polygon set
# -----------------------------------------------------------------------------
sq <- function(x0, y0, s = 1) list(c(x0, y0), c(x0 + s, y0), c(x0 + s, y0 + s), c(x0, y0 + s), c(x0, y0))
ring_txt <- function(r) paste0("[", paste(sapply(r, function(p) sprintf("[%s,%s]", format(p[1]), format(p[2]))), collapse = ","), "]")
feat <- function(id, type, coords, name) sprintf('{"type":"Feature","id":"%s","properties":{"code":"%s","name":"%s"},"geometry":{"type":"%s","coordinates":%s}}', id, id, name, type, coords)
poly_txt <- function(rings) paste0("[", paste(sapply(rings, ring_txt), collapse = ","), "]")
fs <- c()
k <- 0
for (j in 0:2) for (i in 0:3) { k <- k + 1
  fs <- c(fs, feat(sprintf("S%02d", k), "Polygon", poly_txt(list(sq(i, j))), sprintf("square %d", k))) }
# a square with a hole (S13) to the right, touching S04 and S08 along x = 4
hole <- list(c(4.25, 0.25), c(4.25, 0.75), c(4.75, 0.75), c(4.75, 0.25), c(4.25, 0.25))
fs <- c(fs, feat("S13", "Polygon", poly_txt(list(list(c(4, 0), c(5, 0), c(5, 2), c(4, 2), c(4, 1), c(4, 0)), hole)), "with hole"))
# S14 fills the hole of S13 (queen and rook neighbour of S13 only)
fs <- c(fs, feat("S14", "Polygon", poly_txt(list(hole)), "in hole"))
# S15 multipolygon: one part touches S12 only at the corner (4,3), the other is far away
fs <- c(fs, feat("S15", "MultiPolygon", paste0("[", poly_txt(list(sq(4, 3))), ",", poly_txt(list(sq(8, 8))), "]"), "two parts"))
# S16 island
fs <- c(fs, feat("S16", "Polygon", poly_txt(list(sq(10, 0))), "island"))
# S17 shares a vertex within snap distance (1e-9) with S16's corner (11,1) -> queen only
fs <- c(fs, feat("S17", "Polygon", poly_txt(list(list(c(11.000000001, 1), c(12, 1), c(12, 2), c(11.000000001, 1)))), "near"))
writeLines(c('{"type":"FeatureCollection","features":[', paste(fs, collapse = ",\n"), "]}"), "synthetic_polygons.geojson")
sp <- st_read("synthetic_polygons.geojson", quiet = TRUE)
st_crs(sp) <- NA
syn <- rbind(cbind(type = "queen", nb_pairs(poly2nb(sp, row.names = sp$code), sp$code)),
             cbind(type = "rook", nb_pairs(poly2nb(sp, queen = FALSE, row.names = sp$code), sp$code)))
write_commented_csv(c("poly2nb(st_read('synthetic_polygons.geojson') with st_crs(x) <- NA, row.names = code, queen = TRUE|FALSE)",
  "  default snap = sqrt(.Machine$double.eps); areas without neighbours have no rows"), syn, "poly2nb_synthetic.csv")

# -----------------------------------------------------------------------------
# 4. poly2nb on the real CBS municipality boundaries (shared data)
# -----------------------------------------------------------------------------
if (!is.na(shared)) {
  sf_use_s2(FALSE)   # s2 rejects some generalised rings ("Loop 0 is not valid"); planar bbox candidates
  for (year in c(2023, 2024)) {
    g <- st_read(file.path(shared, sprintf("gemeente_%d.geojson", year)), quiet = TRUE)
    q <- poly2nb(g, row.names = g$statcode)
    r <- poly2nb(g, queen = FALSE, row.names = g$statcode)
    isl <- g$statcode[card(q) == 0]
    out <- rbind(cbind(type = "queen", nb_pairs(q, g$statcode)), cbind(type = "rook", nb_pairs(r, g$statcode)))
    write_commented_csv(c(sprintf("sf_use_s2(FALSE); g <- st_read('gemeente_%d.geojson'); poly2nb(g, row.names = g$statcode, queen = TRUE|FALSE)", year),
      sprintf("  %d areas; queen links %d, rook links %d; no neighbours (queen): %s", nrow(g), sum(card(q)), sum(card(r)), paste(isl, collapse = " "))),
      out, sprintf("poly2nb_gemeente_%d.csv", year))
    cen <- suppressWarnings(st_coordinates(st_centroid(st_geometry(g))))
    write_commented_csv(c("sf_use_s2(FALSE); st_coordinates(st_centroid(st_geometry(g))) (planar GEOS centroid, area-weighted)",
      "tolerance: 1e-8 relative"),
      data.frame(code = g$statcode, x = f17(cen[, 1]), y = f17(cen[, 2])), sprintf("centroids_gemeente_%d.csv", year))
  }
}
cat("done\n")
