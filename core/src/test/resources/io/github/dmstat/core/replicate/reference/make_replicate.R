#!/usr/bin/env Rscript
# =============================================================================
# make_replicate.R -- reference fixtures for dmstat's REPLICATE-WEIGHT designs, from R's
# `survey` package (Lumley): as.svrepdesign() (JK1, JKn, bootstrap, BRR, Fay) and
# svrepdesign() with supplied replicate weights.
#
# How to rerun (R 4.2.2, survey 4.1.1):
#   cd core/src/test/resources/io/github/dmstat/core/replicate/reference
#   Rscript make_replicate.R
# The run is deterministic (fixed seeds); only the "# date:" comment lines change.
# At the end it runs check_replicate.R (plain R, no survey package), which rebuilds every
# replicate-weight matrix and every estimate/SE from the formulas in NOTES.md.
#
# Inputs (byte-identical copies of ../../survey/reference/*.csv; this script only reads them):
#   survey_small.csv, api_clus1_stats.csv, api_strat_stats.csv
# Written here:
#   survey_small_2psu.csv       2-PSU-per-stratum subset of survey_small (for BRR / Fay)
#   repweights_<design>.csv     FULL replicate weights (sampling weight x multiplier)
#   designs_reference.csv       one row per case x mse: type, scale, rho, seed, files
#   rscales_reference.csv       rscales per case and replicate
#   hadamard_sizes.csv          which Hadamard matrix brrweights() uses for 1..200 strata
#   hadamard_matrices.csv       those matrices (0/1 rows) for 1..64 strata
#   estimates_reference.csv     svymean / svytotal / svyratio, overall and svyby domains
# Numbers are written with sprintf("%.17g").
# =============================================================================

suppressPackageStartupMessages(library(survey))
stopifnot(as.character(packageVersion("survey")) == "4.1.1")
stopifnot(isFALSE(getOption("survey.replicates.mse")))   # survey's default (set in .onLoad)
stopifnot(isTRUE(getOption("survey.drop.replicates")))
stopifnot(getOption("survey.lonely.psu") == "fail")

f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_plain_csv <- function(df, file, comments = NULL) {
  con <- file(file, "wb")
  on.exit(close(con))
  if (length(comments)) writeLines(paste0("# ", comments), con, sep = "\n")
  write.table(df, con, sep = ",", quote = FALSE, row.names = FALSE,
              col.names = TRUE, na = "", eol = "\n")
}
read_ref <- function(file) read.csv(file, comment.char = "#", stringsAsFactors = FALSE)
version_line <- sprintf("%s; survey %s; date: %s", R.version.string,
                        packageVersion("survey"), format(Sys.Date()))
relerr <- function(a, b) max(abs(a - b) / pmax(abs(b), 1e-300), 0)

# ---- inputs: local byte-identical copies -----------------------------------------------------
inputs <- c("survey_small.csv", "api_clus1_stats.csv", "api_strat_stats.csv")
stopifnot(all(file.exists(inputs)))
orig <- file.path("..", "..", "survey", "reference", inputs)
if (all(file.exists(orig)))
  stopifnot(unname(tools::md5sum(inputs)) == unname(tools::md5sum(orig)))

small <- read.csv("survey_small.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("api_clus1_stats.csv", stringsAsFactors = FALSE)
strat <- read.csv("api_strat_stats.csv", stringsAsFactors = FALSE)

# 2-PSU-per-stratum subset for BRR/Fay: PSUs P1 and P2 of every stratum (6 strata x 2 PSUs).
# The subset file keeps the original text lines of survey_small.csv (header + selected rows).
small_lines <- readLines("survey_small.csv")
stopifnot(length(small_lines) == nrow(small) + 1)
con <- file("survey_small_2psu.csv", "wb")
writeLines(small_lines[c(1, 1 + which(small$psu %in% c("P1", "P2")))], con, sep = "\n")
close(con)
small2 <- read.csv("survey_small_2psu.csv", stringsAsFactors = FALSE)
stopifnot(all(table(unique(small2[, c("stratum", "psu")])$stratum) == 2))

# ---- Taylor designs --------------------------------------------------------------------------
tay <- list(
  clus1       = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1),
  clus1_nofpc = svydesign(id = ~dnum, weights = ~pw, data = clus1),
  strat       = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat),
  small       = svydesign(id = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE,
                          data = small),
  small_fpc   = svydesign(id = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc,
                          nest = TRUE, data = small),
  small2      = svydesign(id = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE,
                          data = small2))

# Replicate designs made by as.svrepdesign. `wfile` = design whose weight file is shared.
specs <- list(
  list(design = "clus1_jk1",       taylor = "clus1",       type = "JK1",       rho = 0,
       seed = NA, wfile = "clus1_jk1", data = "api_clus1_stats.csv", idcol = "snum",
       strata = "", psu = "dnum", fpc = "fpc", weight = "pw"),
  list(design = "clus1_jk1_nofpc", taylor = "clus1_nofpc", type = "JK1",       rho = 0,
       seed = NA, wfile = "clus1_jk1", data = "api_clus1_stats.csv", idcol = "snum",
       strata = "", psu = "dnum", fpc = "", weight = "pw"),
  list(design = "clus1_boot",      taylor = "clus1",       type = "bootstrap", rho = 0,
       seed = 20260611, wfile = "clus1_boot", data = "api_clus1_stats.csv", idcol = "snum",
       strata = "", psu = "dnum", fpc = "fpc", weight = "pw"),
  list(design = "strat_jkn",       taylor = "strat",       type = "JKn",       rho = 0,
       seed = NA, wfile = "strat_jkn", data = "api_strat_stats.csv", idcol = "snum",
       strata = "stype", psu = "", fpc = "fpc", weight = "pw"),
  list(design = "small_jkn",       taylor = "small",       type = "JKn",       rho = 0,
       seed = NA, wfile = "small_jkn", data = "survey_small.csv", idcol = "id",
       strata = "stratum", psu = "psu", fpc = "", weight = "weight"),
  list(design = "small_jkn_fpc",   taylor = "small_fpc",   type = "JKn",       rho = 0,
       seed = NA, wfile = "small_jkn", data = "survey_small.csv", idcol = "id",
       strata = "stratum", psu = "psu", fpc = "fpc", weight = "weight"),
  list(design = "small_boot",      taylor = "small",       type = "bootstrap", rho = 0,
       seed = 20260615, wfile = "small_boot", data = "survey_small.csv", idcol = "id",
       strata = "stratum", psu = "psu", fpc = "", weight = "weight"),
  list(design = "small_brr",       taylor = "small2",      type = "BRR",       rho = 0,
       seed = NA, wfile = "small_brr", data = "survey_small_2psu.csv", idcol = "id",
       strata = "stratum", psu = "psu", fpc = "", weight = "weight"),
  list(design = "small_fay",       taylor = "small2",      type = "Fay",       rho = 0.3,
       seed = NA, wfile = "small_fay", data = "survey_small_2psu.csv", idcol = "id",
       strata = "stratum", psu = "psu", fpc = "", weight = "weight"))

make_as <- function(sp, mse) {
  d <- tay[[sp$taylor]]
  if (!is.na(sp$seed)) set.seed(sp$seed)
  if (sp$type == "bootstrap")
    as.svrepdesign(d, type = "bootstrap", replicates = 50, mse = mse)
  else if (sp$type == "Fay")
    as.svrepdesign(d, type = "Fay", fay.rho = sp$rho, mse = mse)
  else as.svrepdesign(d, type = sp$type, mse = mse)
}

full_weights <- function(rd) {
  # R stores as.svrepdesign replicate weights as MULTIPLIERS (combined.weights = FALSE,
  # compressed to one row per PSU); the analysis weights are multiplier x pweights.
  stopifnot(!rd$combined.weights)
  m <- as.matrix(rd$repweights)
  stopifnot(nrow(m) == length(rd$pweights))
  fw <- weights(rd, "analysis")
  stopifnot(identical(unname(fw), unname(m * rd$pweights)))
  unname(fw)
}

designs_rows <- list(); rscale_rows <- list(); rep_as <- list(); rep_sup <- list()
weight_files <- list()
for (sp in specs) {
  a0 <- make_as(sp, FALSE)
  a1 <- make_as(sp, TRUE)
  stopifnot(identical(as.matrix(a0$repweights), as.matrix(a1$repweights)),
            isFALSE(a0$mse), isTRUE(a1$mse), identical(a0$type, sp$type))
  raw <- read.csv(sp$data, stringsAsFactors = FALSE)
  fw <- full_weights(a0)
  nrep <- ncol(fw)
  wf <- sprintf("repweights_%s.csv", sp$wfile)
  if (sp$wfile == sp$design) {
    out <- data.frame(id = raw[[sp$idcol]], w = f17(a0$pweights), stringsAsFactors = FALSE)
    for (r in seq_len(nrep)) out[[paste0("rep", r)]] <- f17(fw[, r])
    write_plain_csv(out, wf, c(
      sprintf("Replicate weights of design %s: as.svrepdesign(type = \"%s\"%s) of %s", sp$design,
              sp$type, switch(sp$type, bootstrap = sprintf(", replicates = 50) after set.seed(%d",
                                                           sp$seed),
                              Fay = sprintf(", fay.rho = %g", sp$rho), ""), sp$data),
      local({
        users <- vapply(Filter(function(z) z$wfile == sp$wfile, specs), `[[`, "", "design")
        sprintf("used by design%s: %s%s", if (length(users) > 1) "s" else "",
                paste(users, collapse = ", "),
                if (length(users) > 1) " (for JK the fpc changes only scale/rscales, not the weights)" else "")
      }),
      version_line,
      sprintf("id = input column %s (same row order as %s); w = sampling weight as R stores it (1/(1/%s))",
              sp$idcol, sp$data, sp$weight),
      "rep1..repR = FULL replicate weights (w x multiplier), i.e. weights(design, \"analysis\"); R itself stores multipliers",
      "written with %.17g"))
    weight_files[[sp$wfile]] <- fw
  } else {
    # shared file (fpc changes only scale/rscales, not the weights)
    stopifnot(identical(fw, weight_files[[sp$wfile]]))
  }
  # --- supplied-weights design read back from the CSV ---
  rw <- read_ref(wf)
  stopifnot(identical(rw$id, raw[[sp$idcol]]))
  dat <- cbind(raw, rw[, -1])
  stopifnot(max(abs(as.matrix(rw[, grep("^rep[0-9]+$", names(rw))]) - fw)) == 0,
            identical(rw$w, unname(a0$pweights)))
  mk_sup <- function(mse) {
    if (sp$type %in% c("BRR"))
      svrepdesign(data = dat, repweights = "rep[0-9]+", weights = ~w, type = "BRR",
                  rscales = a0$rscales, mse = mse, combined.weights = TRUE)
    else if (sp$type == "Fay")
      svrepdesign(data = dat, repweights = "rep[0-9]+", weights = ~w, type = "Fay",
                  rho = sp$rho, rscales = a0$rscales, mse = mse, combined.weights = TRUE)
    else
      svrepdesign(data = dat, repweights = "rep[0-9]+", weights = ~w, type = sp$type,
                  scale = a0$scale, rscales = a0$rscales, mse = mse, combined.weights = TRUE)
  }
  s0 <- mk_sup(FALSE); s1 <- mk_sup(TRUE)
  stopifnot(isTRUE(all.equal(s0$scale, a0$scale, tolerance = 1e-15)),
            isTRUE(all.equal(s0$rscales, a0$rscales, tolerance = 1e-15)),
            isFALSE(s0$mse), isTRUE(s1$mse), s0$combined.weights)
  cas <- paste0(sp$design, "_as"); csu <- paste0(sp$design, "_sup")
  rep_as[[cas]] <- list(d = list(`FALSE` = a0, `TRUE` = a1), sp = sp)
  rep_sup[[csu]] <- list(d = list(`FALSE` = s0, `TRUE` = s1), sp = sp)
  for (cc in list(list(case = cas, origin = "as.svrepdesign", d = a0),
                  list(case = csu, origin = "svrepdesign", d = s0))) {
    for (mse in c(FALSE, TRUE)) {
      designs_rows[[length(designs_rows) + 1]] <- data.frame(
        case = cc$case, design = sp$design, origin = cc$origin, type = sp$type,
        mse = mse, data = sp$data, id = sp$idcol, weight = sp$weight, strata = sp$strata,
        psu = sp$psu, fpc = sp$fpc, repweights_file = wf,
        combined_weights = cc$d$combined.weights, replicates = nrep,
        scale = f17(cc$d$scale), rho = f17(if (sp$type == "Fay") sp$rho else NA),
        seed = ifelse(is.na(sp$seed), "", sprintf("%d", sp$seed)),
        stringsAsFactors = FALSE)
    }
    rscale_rows[[length(rscale_rows) + 1]] <- data.frame(
      case = cc$case, replicate = seq_len(nrep), rscale = f17(cc$d$rscales),
      stringsAsFactors = FALSE)
  }
}
designs_df <- do.call(rbind, designs_rows)
write_plain_csv(designs_df, "designs_reference.csv", c(
  "One row per case x mse. case = <design>_as (as.svrepdesign of a Taylor design; R stores multipliers,",
  "combined.weights = FALSE) or <design>_sup (svrepdesign on the exported FULL weights, combined.weights = TRUE).",
  "strata/psu/fpc/weight/id name columns of `data`; empty strata = unstratified, empty psu = elements are PSUs,",
  "empty fpc = no fpc. scale = design$scale; rscales are in rscales_reference.csv; rho only for Fay.",
  "seed: set.seed(seed) immediately before as.svrepdesign(type = \"bootstrap\", replicates = 50).",
  "variance = scale * sum_r rscale_r * (theta_r - centre)^2, centre = mean of replicates (mse = FALSE) or full estimate (mse = TRUE)",
  version_line))
write_plain_csv(do.call(rbind, rscale_rows), "rscales_reference.csv", c(
  "rscales (per-replicate multipliers of the squared deviations) of every case; replicate r = column rep<r>",
  version_line))

# ---- Hadamard matrices used by brrweights ----------------------------------------------------
# paley()'s built-in prime list is exactly the primes p = 3 (mod 4) with 3 <= p <= 7919
sp_list <- eval(body(survey:::paley)[[3]][[3]])
is_prime <- function(p) p > 1 && all(p %% seq_len(floor(sqrt(p)))[-1] != 0)
stopifnot(identical(as.numeric(sp_list),
                    as.numeric(Filter(function(p) p %% 4 == 3 && is_prime(p), 3:7919))))
stopifnot(identical(survey:::hadamard.sizes, c(4, 16, 28, 36)))
hs <- do.call(rbind, lapply(1:200, function(n) {
  H <- hadamard(n)
  data.frame(nstrata = n, size = nrow(H), stringsAsFactors = FALSE)
}))
write_plain_csv(hs, "hadamard_sizes.csv", c(
  "survey:::hadamard(nstrata): the 0/1 matrix brrweights uses for nstrata (pseudo-)strata; replicates = size",
  "the construction rules are in NOTES.md; matrices for nstrata <= 64 are in hadamard_matrices.csv",
  version_line))
hm <- do.call(rbind, lapply(unique(hs$size[hs$nstrata <= 64]), function(sz) {
  n <- min(hs$nstrata[hs$size == sz])
  H <- hadamard(n)
  data.frame(size = sz, row = seq_len(sz),
             bits = apply(H, 1, function(r) paste(r, collapse = "")), stringsAsFactors = FALSE)
}))
pre <- do.call(rbind, lapply(survey:::hadamard.list, function(H)
  data.frame(size = nrow(H), row = seq_len(nrow(H)),
             bits = apply(H, 1, function(r) paste(r, collapse = "")), stringsAsFactors = FALSE)))
pre$size <- paste0("base", pre$size)
write_plain_csv(rbind(pre, hm), "hadamard_matrices.csv", c(
  "0/1 Hadamard matrices of survey 4.1.1. size = baseN: the four built-in matrices (survey:::hadamard.list,",
  "N = 4, 16, 28, 36); size = N: hadamard(nstrata) for every nstrata <= 64 with that size (see hadamard_sizes.csv).",
  "bits = row `row` as a string of 0/1 characters (column 1 first). BRR replicate r uses column r; row 1 is never used,",
  "row k+1 belongs to the k-th stratum in sorted stratum-label order.",
  version_line))

# ---- R's random numbers (for porting the bootstrap; base R only) -----------------------------
stopifnot(identical(RNGkind(), c("Mersenne-Twister", "Inversion", "Rejection")))
rng_rows <- list()
add_rng <- function(seed, sequence, n, size, replace, values)
  rng_rows[[length(rng_rows) + 1]] <<- data.frame(seed = seed, sequence = sequence, n = n,
    size = size, replace = replace, index = seq_along(values), value = f17(values),
    stringsAsFactors = FALSE)
for (seed in c(1L, 20260611L, 20260615L)) {
  set.seed(seed)
  st <- as.numeric(.Random.seed[3:626]); st <- ifelse(st < 0, st + 2^32, st)
  add_rng(seed, "mt_state", "", "", "", st)
  set.seed(seed); add_rng(seed, "runif", "", 10, "", runif(10))
  for (a in list(c(15, 15, 0), c(6, 6, 1), c(757, 15, 0), c(70000, 5, 1))) {
    set.seed(seed)
    add_rng(seed, "sample.int", a[1], a[2], a[3] == 1, sample.int(a[1], a[2], a[3] == 1))
  }
}
write_plain_csv(do.call(rbind, rng_rows), "rng_reference.csv", c(
  "Base-R random numbers (RNGkind Mersenne-Twister / Inversion / Rejection) for porting the bootstrap RNG.",
  "Every sequence starts from a fresh set.seed(seed). mt_state: the 624 state words mt[0..623] (unsigned) right after",
  "set.seed (mti = 624); runif: runif(size); sample.int: sample.int(n, size, replace). Algorithm: NOTES.md (appendix).",
  version_line))

# ---- estimates -------------------------------------------------------------------------------
api_vars <- c("api00", "enroll", "acs_k3")
api_ratios <- list(c("api00", "api99"), c("acs_k3", "enroll"))
stat_spec <- function(sp) {
  if (grepl("^api", sp$data)) {
    by_list <- list("", "awards", "stype")
    s <- list()
    for (v in api_vars) for (st in c("mean", "total")) for (b in by_list)
      s[[length(s) + 1]] <- list(statistic = st, variable = v, denominator = "", by = b)
    for (rr in api_ratios) for (b in by_list)
      s[[length(s) + 1]] <- list(statistic = "ratio", variable = rr[1], denominator = rr[2], by = b)
    # acs_k3 is missing for every H and M school in both files: those domains have no
    # observations, so acs_k3 x stype is left out.
    Filter(function(x) !(x$by == "stype" && (x$variable == "acs_k3")), s)
  } else {
    s <- list()
    for (st in c("mean", "total")) for (b in list("", "sex", "agegroup+sex"))
      s[[length(s) + 1]] <- list(statistic = st, variable = "used", denominator = "", by = b)
    s
  }
}

na_reps <- character(0)
count_na <- function(reps) paste(which(is.na(reps)), collapse = " ")
one_estimate <- function(x, d) {
  # direct call on an (already subset) design, returning estimate, se and the number of
  # replicates that were NA (dropped by svrVar)
  fv <- as.formula(paste0("~", x$variable))
  r <- withCallingHandlers(
    if (x$statistic == "mean") svymean(fv, d, na.rm = TRUE, return.replicates = TRUE)
    else if (x$statistic == "total") svytotal(fv, d, na.rm = TRUE, return.replicates = TRUE)
    else svyratio(fv, as.formula(paste0("~", x$denominator)), d, na.rm = TRUE,
                  return.replicates = TRUE),
    warning = function(w) if (grepl("replicates gave NA", conditionMessage(w)))
      invokeRestart("muffleWarning"))
  if (x$statistic == "ratio")
    list(est = unname(drop(r$ratio)), se = unname(sqrt(drop(r$var))), nna = count_na(r$replicates))
  else list(est = unname(coef(r)), se = unname(SE(r)), nna = count_na(r$replicates))
}

est_rows <- list()
for (cl in list(rep_as, rep_sup)) for (cs in names(cl)) for (mse in c("FALSE", "TRUE")) {
  d <- cl[[cs]]$d[[mse]]; sp <- cl[[cs]]$sp
  for (x in stat_spec(sp)) {
    fv <- as.formula(paste0("~", x$variable))
    if (x$by == "") {
      o <- one_estimate(x, d)
      est <- o$est; se <- o$se; grp <- ""; nna <- o$nna
    } else {
      byv <- strsplit(x$by, "+", fixed = TRUE)[[1]]
      fb <- as.formula(paste0("~", x$by))
      r <- withCallingHandlers(
        if (x$statistic == "mean") svyby(fv, fb, d, svymean, na.rm = TRUE)
        else if (x$statistic == "total") svyby(fv, fb, d, svytotal, na.rm = TRUE)
        else svyby(fv, fb, d, svyratio, denominator = as.formula(paste0("~", x$denominator)),
                   na.rm = TRUE),
        warning = function(w) if (grepl("replicates gave NA", conditionMessage(w)))
          invokeRestart("muffleWarning"))
      est <- unname(coef(r)); se <- unname(SE(r))
      lev <- as.data.frame(r)[, byv, drop = FALSE]
      grp <- apply(lev, 1, function(z) paste0(byv, "=", z, collapse = ";"))
      # svyby on a replicate design = the statistic on design[rows of the domain, ]
      nna <- character(length(grp))
      for (g in seq_along(grp)) {
        keep <- Reduce(`&`, lapply(byv, function(b) d$variables[[b]] == lev[g, b]))
        o <- one_estimate(x, d[keep, ])
        stopifnot(relerr(o$est, est[g]) < 1e-13, relerr(o$se, se[g]) < 1e-12)
        nna[g] <- o$nna
      }
    }
    for (g in seq_along(grp)) if (nna[g] != "")
      na_reps <- c(na_reps, sprintf("%s mse=%s %s %s%s %s: replicate(s) %s NaN, dropped",
                                    cs, mse, x$statistic, x$variable,
                                    if (x$denominator != "") paste0("/", x$denominator) else "",
                                    if (grp[g] == "") "overall" else grp[g], nna[g]))
    est_rows[[length(est_rows) + 1]] <- data.frame(
      case = cs, type = sp$type, mse = mse, statistic = x$statistic, variable = x$variable,
      denominator = x$denominator, by = x$by, group = grp, estimate = f17(est), se = f17(se),
      stringsAsFactors = FALSE)
  }
}
est_df <- do.call(rbind, est_rows)
stopifnot(!any(est_df$estimate == "" | est_df$se == "" | grepl("NaN|Inf", paste(est_df$estimate, est_df$se))))

# as.svrepdesign (multipliers) vs svrepdesign (full weights read back): same numbers up to rounding
ka <- est_df[grepl("_as$", est_df$case), ]; ks <- est_df[grepl("_sup$", est_df$case), ]
stopifnot(identical(sub("_as$", "", ka$case), sub("_sup$", "", ks$case)),
          identical(ka$group, ks$group))
as_vs_sup <- c(estimate = relerr(as.numeric(ks$estimate), as.numeric(ka$estimate)),
               se = relerr(as.numeric(ks$se), as.numeric(ka$se)))
stopifnot(all(as_vs_sup < 1e-12))

write_plain_csv(est_df, "estimates_reference.csv", c(
  "Replicate-weight designs of designs_reference.csv: svymean / svytotal (na.rm = TRUE) of `variable`, svyratio(variable / denominator, na.rm = TRUE)",
  "overall (by empty) and by domain: svyby(~variable, ~by, design, FUN, na.rm = TRUE) = FUN on design[domain rows, ]; group = by=level[;by2=level2]",
  "se = sqrt(scale * sum_r rscale_r * (theta_r - centre)^2); centre = mean of the replicate estimates (mse = FALSE) or the full-sample estimate (mse = TRUE)",
  "replicates whose estimate is NaN (domain has zero weight in that replicate) are dropped (rscale removed, scale unchanged):",
  if (length(na_reps)) paste0("  ", na_reps) else "  none",
  sprintf("as.svrepdesign vs supplied full weights: max relative difference %.3g (estimate), %.3g (se)",
          as_vs_sup[1], as_vs_sup[2]),
  "acs_k3 x stype is absent: acs_k3 is missing for every H and M school (both api files), so those domains are empty",
  version_line, "tolerance 1e-8 relative"))

cat("cases:", length(unique(est_df$case)), " estimate rows:", nrow(est_df), "\n")
cat("as vs supplied max rel diff:", format(as_vs_sup), "\n")
cat("NA replicates:\n"); cat(paste0("  ", na_reps, "\n"), sep = "")

# ---- independent check (plain R, no survey package) ------------------------------------------
rc <- system2(file.path(R.home("bin"), "Rscript"), "check_replicate.R")
stopifnot(rc == 0)
