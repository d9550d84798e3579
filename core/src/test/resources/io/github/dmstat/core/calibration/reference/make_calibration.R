#!/usr/bin/env Rscript
# =============================================================================
# make_calibration.R -- reference fixtures for dmstat's CALIBRATION of survey
# weights (postStratify, rake, calibrate) from R's `survey` package (Lumley),
# R 4.2.2 / survey 4.1.1.
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/calibration/reference
#   Rscript make_calibration.R
#
# Inputs (byte-identical copies of ../../survey/reference/*; the script checks
# the md5 against those originals when they are present):
#   survey_small.csv      synthetic stratified cluster sample (827 rows)
#   api_clus1_stats.csv   survey's apiclus1 (183 rows)
# Outputs (all in this folder):
#   margins_<case>.csv        population margins (long format, see README.md)
#   weights_<case>.csv        original and calibrated weight and g per row
#   estimates_reference.csv   svytotal / svymean (+ svyby) after calibration
#   gweights_reference.csv    g-weight summaries per case
#   cases_reference.csv       every case: exact R call, tolerances, iterations,
#                             R warnings / errors
#   verification_reference.csv  max relative differences between survey and
#                             the plain-R re-implementation of NOTES.md
#
# The output is deterministic (no random numbers, no dates). Every margins CSV
# is written first and read back; all population objects given to survey are
# built from the read-back files. Numbers are written with sprintf("%.17g").
# =============================================================================

suppressPackageStartupMessages(library(survey))
invisible(Sys.setlocale("LC_COLLATE", "C"))
options(survey.lonely.psu = "fail", survey.ultimate.cluster = FALSE,
        survey.adjust.domain.lonely = FALSE, stringsAsFactors = FALSE)

stopifnot(as.character(packageVersion("survey")) == "4.1.1")
VERSIONS <- sprintf("%s; survey %s", R.version.string, packageVersion("survey"))

f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

write_ref <- function(df, file, header, quote = FALSE) {
  con <- file(file, open = "w")
  writeLines(paste0("# ", header), con)
  close(con)
  suppressWarnings(write.table(df, file, sep = ",", quote = quote, row.names = FALSE,
                               col.names = TRUE, na = "", eol = "\n", append = TRUE))
}

# ---- inputs -----------------------------------------------------------------
SRC <- file.path("..", "..", "survey", "reference")
for (f in c("survey_small.csv", "api_clus1_stats.csv")) {
  if (!file.exists(f)) stopifnot(file.copy(file.path(SRC, f), f))
  if (file.exists(file.path(SRC, f)))
    stopifnot(unname(tools::md5sum(f)) == unname(tools::md5sum(file.path(SRC, f))))
}
small <- read.csv("survey_small.csv", colClasses = c(id = "integer", stratum = "character",
  psu = "character", fpc = "numeric", weight = "numeric", agegroup = "character",
  sex = "character", used = "integer"))
clus1 <- read.csv("api_clus1_stats.csv", colClasses = c(snum = "integer", dnum = "integer",
  stype = "character", pw = "numeric", fpc = "numeric", awards = "character",
  api00 = "numeric", api99 = "numeric", enroll = "numeric", meals = "numeric",
  acs_k3 = "numeric"))
stopifnot(nrow(small) == 827, nrow(clus1) == 183)

des_small <- svydesign(id = ~psu, strata = ~stratum, fpc = ~fpc, weights = ~weight,
                       nest = TRUE, data = small)
des_clus1 <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1)
DESIGN_TEXT <- c(
  small = "svydesign(id = ~psu, strata = ~stratum, fpc = ~fpc, weights = ~weight, nest = TRUE, data = survey_small)",
  clus1 = "svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = api_clus1_stats)")

# ---- population margins -----------------------------------------------------
# survey_small: invented CBS-like population by agegroup x sex, total 12 million.
# Cell c gets 12e6 * W_c * f_c / sum(W * f), rounded to thousands, where W_c is
# the sample's weighted count. The factors f_c make the population distribution
# differ from the weighted sample distribution by 5-30 % per cell.
AGE <- c("18-24", "25-34", "35-54", "55+")
cells <- expand.grid(agegroup = AGE, sex = c("F", "M"), stringsAsFactors = FALSE)
W <- mapply(function(a, s) sum(small$weight[small$agegroup == a & small$sex == s]),
            cells$agegroup, cells$sex)
FACT <- c(0.80, 1.12, 1.07, 1.22, 1.30, 0.93, 0.88, 0.94)  # F 18-24..55+, M 18-24..55+
cells$total <- round(12e6 * W * FACT / sum(W * FACT), -3)
stopifnot(sum(cells$total) == 12e6)
age_tot <- tapply(cells$total, cells$agegroup, sum)[AGE]
sex_tot <- tapply(cells$total, cells$sex, sum)[c("F", "M")]

mk_cat <- function(margin, variable, levels, totals)
  data.frame(margin = margin, variable = variable, level = levels, total = totals)
mk_num <- function(margin, variable, total)
  data.frame(margin = margin, variable = variable, level = "", total = total)

MARGINS <- list(
  ps_agesex = mk_cat(1, "agegroup:sex", paste(cells$agegroup, cells$sex, sep = ":"), cells$total),
  rake_agesex = rbind(mk_cat(1, "agegroup", AGE, age_tot), mk_cat(2, "sex", c("F", "M"), sex_tot)),
  # sex margins 5 % larger than the agegroup margins: inconsistent totals
  rake_inconsistent = rbind(mk_cat(1, "agegroup", AGE, age_tot),
                            mk_cat(2, "sex", c("F", "M"), round(1.05 * sex_tot, -3))),
  # infeasible: PSU label P6 occurs only in stratum S4, but P6's total (2e6)
  # exceeds S4's total (1e6)
  rake_nonconv = rbind(mk_cat(1, "stratum", paste0("S", 1:6), c(1.5, 2, 2, 1, 3, 2.5) * 1e6),
                       mk_cat(2, "psu", paste0("P", 1:6), c(2.5, 2.5, 2.5, 1.5, 1, 2) * 1e6)),
  cal_small_raking = rbind(mk_cat(1, "agegroup", AGE, age_tot), mk_cat(2, "sex", c("F", "M"), sex_tot)),
  cal_small_linear_bounded = rbind(mk_cat(1, "agegroup", AGE, age_tot), mk_cat(2, "sex", c("F", "M"), sex_tot)),
  # apipop totals as in R's ?calibrate examples
  cal_linear = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  cal_raking = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  cal_logit = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  cal_linear_bounded = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  cal_raking_bounded = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  cal_linear_boundsconst = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  # failures
  cal_linear_bounded_fail = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 3914069)),
  # mean api99 of 950 is above the sample maximum (890): impossible for positive weights
  cal_raking_infeasible = rbind(mk_cat(1, "stype", c("E", "H", "M"), c(4421, 755, 1018)), mk_num(2, "api99", 6194 * 950))
)

# R's model-matrix population vector for calibrate(): (Intercept) = sum of the
# first categorical margin, then each categorical margin's levels except the
# first (treatment contrasts, sorted levels), then numeric totals.
pop_vector <- function(m) {
  out <- c()
  first <- TRUE
  for (k in sort(unique(m$margin))) {
    mk <- m[m$margin == k, ]
    if (all(mk$level == "")) {
      out[mk$variable[1]] <- mk$total
    } else {
      o <- order(mk$level)
      mk <- mk[o, ]
      if (first) { out["(Intercept)"] <- sum(mk$total); first <- FALSE }
      for (j in seq_len(nrow(mk))[-1]) out[paste0(mk$variable[1], mk$level[j])] <- mk$total[j]
    }
  }
  out
}
pop_frames <- function(m) {  # list of data.frames (variable(s) + Freq) per margin
  lapply(sort(unique(m$margin)), function(k) {
    mk <- m[m$margin == k, ]
    vars <- strsplit(mk$variable[1], ":", fixed = TRUE)[[1]]
    lev <- do.call(rbind, strsplit(mk$level, ":", fixed = TRUE))
    df <- as.data.frame(lev, stringsAsFactors = FALSE)
    names(df) <- vars
    df$Freq <- mk$total
    df
  })
}

for (cs in names(MARGINS)) {
  m <- MARGINS[[cs]]
  pv <- pop_vector(m)
  rline <- if (startsWith(cs, "ps_")) {
    "R postStratify population: data.frame(agegroup, sex, Freq = total), one row per cell"
  } else if (startsWith(cs, "rake_")) {
    paste0("R rake population.margins: list(", paste0("data.frame(", unique(m$variable),
           ", Freq = total)", collapse = ", "), "), in margin order")
  } else paste0("R calibrate() population vector: ", paste0(names(pv), "=", f17(pv), collapse = "; "))
  write_ref(data.frame(margin = m$margin, variable = m$variable, level = m$level, total = f17(m$total)),
    paste0("margins_", cs, ".csv"),
    c(paste0("Population margins for case ", cs, " (", VERSIONS, ")"),
      "margin: 1-based margin index (rake order); variable: name, or a:b for a cross-classification;",
      "level: level label (a:b labels joined with ':'), empty for a numeric calibration variable; total: population total",
      rline))
}
MARG <- lapply(setNames(names(MARGINS), names(MARGINS)), function(cs)
  read.csv(paste0("margins_", cs, ".csv"), comment.char = "#",
           colClasses = c("integer", "character", "character", "numeric"), na.strings = "NA"))
for (cs in names(MARG)) MARG[[cs]]$level[is.na(MARG[[cs]]$level)] <- ""

# ---- cases ------------------------------------------------------------------
RAKE_CONTROL <- list(maxit = 100, epsilon = 1e-11, verbose = FALSE)
CAL_EPS <- 1e-12
CAL_MAXIT <- 100

CASES <- list(
  ps_agesex = list(data = "small", method = "postStratify",
    call = "postStratify(des, ~agegroup + sex, population = data.frame(agegroup, sex, Freq))",
    run = function(m) postStratify(des_small, ~agegroup + sex, pop_frames(m)[[1]])),
  rake_agesex = list(data = "small", method = "rake", maxit = 100, epsilon = 1e-11,
    call = "rake(des, list(~agegroup, ~sex), list(pop_agegroup, pop_sex), control = list(maxit = 100, epsilon = 1e-11, verbose = FALSE))",
    run = function(m) rake(des_small, list(~agegroup, ~sex), pop_frames(m), control = RAKE_CONTROL)),
  rake_inconsistent = list(data = "small", method = "rake", maxit = 100, epsilon = 1e-11,
    call = "rake(des, list(~agegroup, ~sex), list(pop_agegroup, pop_sex_5pct_larger), control = list(maxit = 100, epsilon = 1e-11, verbose = FALSE))",
    run = function(m) rake(des_small, list(~agegroup, ~sex), pop_frames(m), control = RAKE_CONTROL)),
  rake_nonconv = list(data = "small", method = "rake", maxit = 10, epsilon = 1,
    call = "rake(des, list(~stratum, ~psu), list(pop_stratum, pop_psu))   # default control = list(maxit = 10, epsilon = 1)",
    run = function(m) rake(des_small, list(~stratum, ~psu), pop_frames(m))),
  cal_small_raking = list(data = "small", method = "calibrate", calfun = "raking",
    formula = ~agegroup + sex, bounds = c(-Inf, Inf), bounds_const = FALSE,
    call = "calibrate(des, ~agegroup + sex, pop, calfun = \"raking\", epsilon = 1e-12, maxit = 100)"),
  cal_small_linear_bounded = list(data = "small", method = "calibrate", calfun = "linear",
    formula = ~agegroup + sex, bounds = c(0.8, 1.2), bounds_const = FALSE,
    call = "calibrate(des, ~agegroup + sex, pop, calfun = \"linear\", bounds = c(0.8, 1.2), epsilon = 1e-12, maxit = 100)"),
  cal_linear = list(data = "clus1", method = "calibrate", calfun = "linear",
    formula = ~stype + api99, bounds = c(-Inf, Inf), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop)   # linear, no bounds: closed form (regcalibrate)"),
  cal_raking = list(data = "clus1", method = "calibrate", calfun = "raking",
    formula = ~stype + api99, bounds = c(-Inf, Inf), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop, calfun = \"raking\", epsilon = 1e-12, maxit = 100)"),
  cal_logit = list(data = "clus1", method = "calibrate", calfun = "logit",
    formula = ~stype + api99, bounds = c(0.7, 1.7), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop, calfun = \"logit\", bounds = c(0.7, 1.7), epsilon = 1e-12, maxit = 100)"),
  cal_linear_bounded = list(data = "clus1", method = "calibrate", calfun = "linear",
    formula = ~stype + api99, bounds = c(0.6, 1.6), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop, calfun = \"linear\", bounds = c(0.6, 1.6), epsilon = 1e-12, maxit = 100)"),
  cal_raking_bounded = list(data = "clus1", method = "calibrate", calfun = "raking",
    formula = ~stype + api99, bounds = c(0.6, 1.6), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop, calfun = \"raking\", bounds = c(0.6, 1.6), epsilon = 1e-12, maxit = 100)"),
  cal_linear_boundsconst = list(data = "clus1", method = "calibrate", calfun = "linear",
    formula = ~stype + api99, bounds = c(21, 54), bounds_const = TRUE,
    call = "calibrate(des, ~stype + api99, pop, calfun = \"linear\", bounds = c(21, 54), bounds.const = TRUE, epsilon = 1e-12, maxit = 100)"),
  cal_linear_bounded_fail = list(data = "clus1", method = "calibrate", calfun = "linear",
    formula = ~stype + api99, bounds = c(0.6, 1.4), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop, calfun = \"linear\", bounds = c(0.6, 1.4), epsilon = 1e-12, maxit = 100)"),
  cal_raking_infeasible = list(data = "clus1", method = "calibrate", calfun = "raking",
    formula = ~stype + api99, bounds = c(-Inf, Inf), bounds_const = FALSE,
    call = "calibrate(des, ~stype + api99, pop_api99_950, calfun = \"raking\", epsilon = 1e-12, maxit = 100)")
)
for (cs in names(CASES)) if (CASES[[cs]]$method == "calibrate") local({
  cc <- CASES[[cs]]
  CASES[[cs]]$run <<- function(m) {
    des <- if (cc$data == "small") des_small else des_clus1
    pop <- pop_vector(m)
    if (cc$calfun == "linear" && all(cc$bounds == c(-Inf, Inf)))
      calibrate(des, cc$formula, pop)
    else
      calibrate(des, cc$formula, pop, calfun = cc$calfun, bounds = cc$bounds,
                bounds.const = cc$bounds_const, epsilon = CAL_EPS, maxit = CAL_MAXIT)
  }
})

run_case <- function(cs) {
  msgs <- character(0)
  res <- tryCatch(withCallingHandlers(CASES[[cs]]$run(MARG[[cs]]),
    warning = function(w) { msgs <<- c(msgs, paste0("warning: ", conditionMessage(w)))
                            invokeRestart("muffleWarning") },
    message = function(m) { msgs <<- c(msgs, paste0("message: ", sub("\n$", "", conditionMessage(m))))
                            invokeRestart("muffleMessage") }),
    error = function(e) { msgs <<- c(msgs, paste0("error: ", conditionMessage(e))); NULL })
  list(design = res, messages = gsub("\n", "\\\\n", msgs))
}
RESULTS <- lapply(setNames(names(CASES), names(CASES)), run_case)

# ---- plain-R re-implementation of NOTES.md (no survey calls) ----------------
# design pieces
ri_des <- list(
  small = list(d = small$weight, strata = small$stratum,
               psu = paste(small$stratum, small$psu), fpc = small$fpc, data = small),
  clus1 = list(d = clus1$pw, strata = rep("1", nrow(clus1)),
               psu = as.character(clus1$dnum), fpc = clus1$fpc, data = clus1))

# postStratify: w_i <- w_i * N_c / sum_{j in c} w_j
ri_poststratify <- function(w, cell, totals) {   # totals named by cell label
  W <- tapply(w, cell, sum)
  w * (totals[cell] / W[cell])
}
# rake: passes of postStratify over the margins, R's stopping rule
ri_rake <- function(w0, margins, totals, maxit, epsilon) {
  cross <- interaction(margins, drop = FALSE, lex.order = TRUE)
  tab <- function(w) tapply(w, cross, sum, default = 0)
  eps <- if (epsilon < 1) epsilon * sum(w0) else epsilon
  w <- w0; old <- tab(w); iter <- 0; converged <- FALSE; passes <- 0
  while (iter < maxit) {
    psw <- list()
    for (k in seq_along(margins)) {
      w <- ri_poststratify(w, margins[[k]], totals[[k]])
      psw[[k]] <- w
    }
    passes <- passes + 1
    new <- tab(w)
    if (max(abs(old - new)) < eps) { converged <- TRUE; break }
    old <- new; iter <- iter + 1
  }
  list(w = w, psw = psw, passes = passes, converged = converged)
}
# calibration functions F(u) = g - 1 and derivative
CALFUN <- list(
  linear = list(Fm1 = function(u, L, U) pmin(pmax(u + 1, L), U) - 1,
                dF  = function(u, L, U) as.numeric(u < U - 1 & u > L - 1)),
  raking = list(Fm1 = function(u, L, U) pmin(pmax(exp(u), L), U) - 1,
                dF  = function(u, L, U) ifelse(u < U - 1 & u > L - 1, exp(u), 0)),
  logit  = list(Fm1 = function(u, L, U) {
                  stopifnot(all(is.finite(c(L, U))))
                  A <- (U - L) / ((U - 1) * (1 - L)); e <- exp(A * u)
                  (L * (U - 1) + U * (1 - L) * e) / (U - 1 + (1 - L) * e) - 1 },
                dF  = function(u, L, U) {
                  A <- (U - L) / ((U - 1) * (1 - L)); e <- exp(A * u)
                  A * (U - 1) * (1 - L) * (U - L) * e / (U - 1 + (1 - L) * e)^2 }))
# Moore-Penrose pseudo-inverse by SVD; singular values <= 256 * eps * d_max
# are treated as zero (what MASS::ginv(, tol = 256 * .Machine$double.eps) does)
pinv <- function(A) {
  s <- svd(A)
  keep <- s$d > 256 * .Machine$double.eps * s$d[1]
  s$v[, keep, drop = FALSE] %*% (t(s$u[, keep, drop = FALSE]) / s$d[keep])
}
# Newton iteration (grake)
ri_grake <- function(X, d, Tpop, calfun, L, U, epsilon, maxit) {
  cf <- CALFUN[[calfun]]
  t0 <- colSums(X * d)
  ratios <- Tpop / t0
  scale <- if (min(ratios) > 20) mean(ratios) else 1
  ww <- d * scale; t0 <- t0 * scale
  eta <- rep(0, ncol(X)); u <- drop(X %*% eta)
  iter <- 1; steps <- 0; converged <- FALSE
  repeat {
    Tm <- crossprod(X * ww * cf$dF(u, L, U), X)
    misfit <- Tpop - t0 - colSums(X * ww * cf$Fm1(u, L, U))
    deta <- drop(pinv(Tm) %*% misfit)
    eta <- eta + deta; u <- drop(X %*% eta); steps <- steps + 1
    g <- 1 + cf$Fm1(u, L, U); der <- cf$dF(u, L, U)
    while (iter < maxit && any(!is.finite(g), !is.finite(der))) {
      iter <- iter + 1; deta <- deta / 2; eta <- eta - deta
      u <- drop(X %*% eta); g <- 1 + cf$Fm1(u, L, U); der <- cf$dF(u, L, U)
    }
    misfit <- Tpop - t0 - colSums(X * ww * cf$Fm1(u, L, U))
    if (all(abs(misfit) / (1 + abs(Tpop)) < epsilon)) { converged <- TRUE; break }
    iter <- iter + 1
    if (iter > maxit) break
  }
  list(g = g * scale, scale = scale, steps = steps, converged = converged,
       achieved = max(abs(misfit) / (1 + abs(Tpop))))
}
# model matrix with treatment contrasts, built by hand
ri_X <- function(data, m) {
  cols <- list(`(Intercept)` = rep(1, nrow(data)))
  for (k in sort(unique(m$margin))) {
    mk <- m[m$margin == k, ]
    v <- mk$variable[1]
    if (all(mk$level == "")) cols[[v]] <- as.numeric(data[[v]])
    else for (l in sort(mk$level)[-1]) cols[[paste0(v, l)]] <- as.numeric(data[[v]] == l)
  }
  do.call(cbind, cols)
}
ri_calibrate <- function(cs) {
  cc <- CASES[[cs]]; D <- ri_des[[cc$data]]; m <- MARG[[cs]]
  X <- ri_X(D$data, m); Tpop <- pop_vector(m); d <- D$d
  if (cc$method == "postStratify") {
    pf <- pop_frames(m)[[1]]
    tot <- setNames(pf$Freq, paste(pf$agegroup, pf$sex))
    cell <- paste(D$data$agegroup, D$data$sex)
    w <- ri_poststratify(d, cell, tot)
    Xc <- outer(cell, sort(unique(cell)), "==") + 0
    return(list(w = w, steps = list(list(type = "proj", X = Xc, d = d, w = w)),
                iterations = NA, converged = TRUE, scale = NA))
  }
  if (cc$method == "rake") {
    pf <- pop_frames(m)
    vars <- sapply(pf, function(p) names(p)[1])
    margins <- lapply(vars, function(v) D$data[[v]])
    totals <- lapply(pf, function(p) setNames(p$Freq, p[[1]]))
    r <- ri_rake(d, margins, totals, cc$maxit, cc$epsilon)
    return(list(w = r$w, steps = list(list(type = "rake", margins = margins, psw = r$psw)),
                iterations = r$passes, converged = r$converged, scale = NA))
  }
  if (cc$calfun == "linear" && all(cc$bounds == c(-Inf, Inf))) {   # closed form
    lam <- solve(crossprod(X * d, X), Tpop - colSums(X * d))
    g <- drop(1 + X %*% lam)
    return(list(w = d * g, steps = list(list(type = "proj", X = X, d = d, w = d * g)),
                iterations = 0, converged = TRUE, scale = NA))
  }
  L <- cc$bounds[1]; U <- cc$bounds[2]
  if (cc$bounds_const) { L <- ifelse(d > 0, L / d, L); U <- ifelse(d > 0, U / d, U) }
  r <- ri_grake(X, d, Tpop, cc$calfun, L, U, CAL_EPS, CAL_MAXIT)
  list(w = d * r$g, steps = list(list(type = "proj", X = X, d = d, w = d * r$g)),
       iterations = r$steps, converged = r$converged, scale = r$scale, achieved = r$achieved)
}
# variance of a total whose per-row influence values are x (0 outside the domain)
ri_var <- function(x, D, steps) {
  for (st in steps) {
    if (st$type == "proj") {            # postStratify and calibrate (GREG residuals)
      u <- x / st$w
      b <- solve(crossprod(st$X * st$d, st$X), crossprod(st$X * st$d, u))
      x <- x - st$w * drop(st$X %*% b)
    } else {                            # rake: 10 backfitting sweeps, unweighted cell means
      for (sweep in 1:10) for (k in seq_along(st$margins)) {
        psw <- st$psw[[k]]
        x <- x - psw * ave(x / psw, st$margins[[k]])
      }
    }
  }
  v <- 0
  for (h in unique(D$strata)) {
    i <- D$strata == h
    z <- tapply(x[i], D$psu[i], sum)
    n <- length(z); N <- D$fpc[i][1]
    v <- v + (N - n) / N * n / (n - 1) * sum((z - mean(z))^2)
  }
  v
}
ri_estimates <- function(w, steps, D, y, dom) {
  ok <- dom & !is.na(y)
  wd <- ifelse(ok, w, 0); yy <- ifelse(ok, y, 0)
  tot <- sum(wd * yy); Nd <- sum(wd); mu <- tot / Nd
  c(total = tot, total_se = sqrt(ri_var(wd * yy, D, steps)),
    mean = mu, mean_se = sqrt(ri_var(wd * (yy - mu) / Nd, D, steps)))
}

# ---- reference values -------------------------------------------------------
OUTCOMES <- list(small = "used", clus1 = c("api00", "enroll"))
BYS <- list(small = c("sex", "stratum"), clus1 = c("stype", "awards"))

survey_estimates <- function(cs, des, data) {
  rows <- list()
  for (v in OUTCOMES[[data]]) {
    fv <- as.formula(paste0("~", v))
    for (stat in c("total", "mean")) {
      FUN <- if (stat == "total") svytotal else svymean
      e <- FUN(fv, des, na.rm = TRUE)
      rows[[length(rows) + 1]] <- data.frame(case = cs, statistic = stat, variable = v, by = "",
        group = "", estimate = unname(coef(e)), se = unname(SE(e)))
      for (b in BYS[[data]]) {
        e <- svyby(fv, as.formula(paste0("~", b)), des, FUN, na.rm = TRUE)
        rows[[length(rows) + 1]] <- data.frame(case = cs, statistic = stat, variable = v, by = b,
          group = as.character(e[[b]]), estimate = unname(coef(e)), se = unname(SE(e)))
      }
    }
  }
  do.call(rbind, rows)
}

est_rows <- list(survey_estimates("none_small", des_small, "small"),
                 survey_estimates("none_clus1", des_clus1, "clus1"))
g_rows <- list(); case_rows <- list(); ver_rows <- list()
TOL_AT <- 1e-9; TOL_NEAR <- 1e-3
relmax <- function(a, b) max(abs(a - b) / pmax(abs(b), 1e-300))

for (cs in names(CASES)) {
  cc <- CASES[[cs]]; res <- RESULTS[[cs]]; D <- ri_des[[cc$data]]
  des0 <- if (cc$data == "small") des_small else des_clus1
  ids <- if (cc$data == "small") small$id else clus1$snum
  ri <- ri_calibrate(cs)
  d <- D$d
  cal_ok <- !is.null(res$design)
  # --- cases_reference row
  scale <- if (!is.na(ri$scale) && ri$scale != 1) ri$scale else NA
  case_rows[[cs]] <- data.frame(case = cs, data = cc$data, design = DESIGN_TEXT[[cc$data]],
    method = cc$method, call = cc$call,
    calfun = if (is.null(cc$calfun)) "" else cc$calfun,
    bounds_lower = if (is.null(cc$bounds)) "" else f17(cc$bounds[1]),
    bounds_upper = if (is.null(cc$bounds)) "" else f17(cc$bounds[2]),
    bounds_const = if (is.null(cc$bounds_const)) "" else toupper(cc$bounds_const),
    epsilon = if (cc$method == "rake") f17(cc$epsilon) else if (cc$method == "calibrate" &&
      !(cc$calfun == "linear" && all(cc$bounds == c(-Inf, Inf)))) f17(CAL_EPS) else "",
    maxit = if (cc$method == "rake") cc$maxit else if (cc$method == "calibrate" &&
      !(cc$calfun == "linear" && all(cc$bounds == c(-Inf, Inf)))) CAL_MAXIT else "",
    grake_scale = f17(scale), iterations = ifelse(is.na(ri$iterations), "", ri$iterations),
    converged = toupper(ri$converged),
    outcome = if (!cal_ok) "error" else if (length(res$messages)) "warning" else "ok",
    messages = paste(res$messages, collapse = " | "))
  # re-implementation must fail where R fails, with the same final misfit
  if (!cal_ok) {
    stopifnot(!ri$converged)
    eps_r <- as.numeric(sub(".*eps=([-+0-9.eE]+) in.*", "\\1", grep("eps=", res$messages, value = TRUE)))
    ver_rows[[length(ver_rows) + 1]] <- data.frame(case = cs,
      quantity = "failure eps in R's warning (15 digits)", max_rel_diff = relmax(ri$achieved, eps_r))
    next
  }
  stopifnot(ri$converged == !any(grepl("did not converge|Failed to converge", res$messages)))
  des <- res$design
  wcal <- 1 / des$prob
  g <- wcal / d
  write_ref(data.frame(id = ids, weight_original = f17(d), weight_calibrated = f17(wcal), g = f17(g)),
    paste0("weights_", cs, ".csv"),
    c(paste0("Calibrated weights for case ", cs, " (", VERSIONS, "); call: ", cc$call),
      paste0("design: ", DESIGN_TEXT[[cc$data]], "; margins: margins_", cs, ".csv"),
      paste0("id: ", if (cc$data == "small") "survey_small.csv id" else "api_clus1_stats.csv snum",
             "; weight_original: design weight d; weight_calibrated: 1/prob after calibration; g = weight_calibrated / weight_original")))
  # --- g summaries; effective bounds on the g scale (x grake scale, / d for bounds.const)
  if (cc$method == "calibrate" && any(is.finite(cc$bounds))) {
    sc <- if (is.na(scale)) 1 else scale
    Lg <- cc$bounds[1] * sc; Ug <- cc$bounds[2] * sc
    if (cc$bounds_const) { Lg <- Lg / d; Ug <- Ug / d }
    Lg <- rep_len(Lg, length(g)); Ug <- rep_len(Ug, length(g))
    at_l <- abs(g - Lg) <= TOL_AT * abs(Lg); at_u <- abs(g - Ug) <= TOL_AT * abs(Ug)
    nr_l <- abs(g - Lg) <= TOL_NEAR * abs(Lg); nr_u <- abs(g - Ug) <= TOL_NEAR * abs(Ug)
    effL <- if (cc$bounds_const) paste0("weight>=", f17(cc$bounds[1] * sc)) else f17(Lg[1])
    effU <- if (cc$bounds_const) paste0("weight<=", f17(cc$bounds[2] * sc)) else f17(Ug[1])
  } else {
    at_l <- at_u <- nr_l <- nr_u <- rep(FALSE, length(g)); effL <- effU <- ""
  }
  g_rows[[cs]] <- data.frame(case = cs, n = length(g), sum_original = f17(sum(d)),
    sum_calibrated = f17(sum(wcal)), min_g = f17(min(g)), max_g = f17(max(g)),
    min_weight = f17(min(wcal)), max_weight = f17(max(wcal)),
    lower_bound = effL, upper_bound = effU,
    n_at_lower = sum(at_l), n_at_upper = sum(at_u),
    n_near_lower = sum(nr_l), n_near_upper = sum(nr_u))
  # --- estimates (survey)
  est <- survey_estimates(cs, des, cc$data)
  est_rows[[length(est_rows) + 1]] <- est
  # --- verification against the re-implementation
  ver_rows[[length(ver_rows) + 1]] <- data.frame(case = cs, quantity = "calibrated weights",
    max_rel_diff = relmax(ri$w, wcal))
  mine <- t(sapply(seq_len(nrow(est)), function(r) {
    e <- est[r, ]
    dom <- if (e$by == "") rep(TRUE, length(d)) else D$data[[e$by]] == e$group
    ri_estimates(ri$w, ri$steps, D, D$data[[e$variable]], dom)[
      if (e$statistic == "total") c("total", "total_se") else c("mean", "mean_se")]
  }))
  ver_rows[[length(ver_rows) + 1]] <- data.frame(case = cs,
    quantity = c("estimates", "standard errors"),
    max_rel_diff = c(relmax(mine[, 1], est$estimate), relmax(mine[, 2], est$se)))
}
# uncalibrated designs through the same variance code (no projection step)
for (dn in c("small", "clus1")) {
  est <- est_rows[[if (dn == "small") 1 else 2]]; D <- ri_des[[dn]]
  mine <- t(sapply(seq_len(nrow(est)), function(r) {
    e <- est[r, ]
    dom <- if (e$by == "") rep(TRUE, length(D$d)) else D$data[[e$by]] == e$group
    ri_estimates(D$d, list(), D, D$data[[e$variable]], dom)[
      if (e$statistic == "total") c("total", "total_se") else c("mean", "mean_se")]
  }))
  ver_rows[[length(ver_rows) + 1]] <- data.frame(case = paste0("none_", dn),
    quantity = c("estimates", "standard errors"),
    max_rel_diff = c(relmax(mine[, 1], est$estimate), relmax(mine[, 2], est$se)))
}
VER <- do.call(rbind, ver_rows)
print(VER, digits = 3)
stopifnot(all(VER$max_rel_diff < 1e-10))

# Extra check: survey's own rake variance vs. the GREG variance of the same
# weights (calibrate raking to the same margins): weights agree, SEs differ.
cmp_w <- relmax(1 / RESULTS$rake_agesex$design$prob, 1 / RESULTS$cal_small_raking$design$prob)
cat("rake vs calibrate(raking) weights, max rel diff:", cmp_w, "\n")
stopifnot(cmp_w < 1e-10)

# ---- write reference CSVs ---------------------------------------------------
EST <- do.call(rbind, est_rows)
EST$estimate <- f17(EST$estimate); EST$se <- f17(EST$se)
write_ref(EST, "estimates_reference.csv", c(
  paste0("Estimates after calibration (", VERSIONS, "); generated by make_calibration.R"),
  "statistic total: svytotal(~variable, des, na.rm = TRUE); mean: svymean(~variable, des, na.rm = TRUE)",
  "by non-empty: svyby(~variable, ~by, des, svytotal|svymean, na.rm = TRUE), one row per group (sorted levels)",
  "des = the calibrated design of `case` (cases_reference.csv); none_small / none_clus1 = uncalibrated designs",
  "variables: survey_small used (0/1, NA rows dropped by na.rm); api_clus1 api00 and enroll",
  "Domain rows keep their calibration: out-of-domain rows get weight 0 in the estimate but still enter the calibration residual step (NOTES.md)",
  "Tolerance: 1e-8 relative; numbers written with %.17g"))

G <- do.call(rbind, g_rows)
write_ref(G, "gweights_reference.csv", c(
  paste0("g-weight summaries per case (", VERSIONS, "); g = calibrated weight / design weight"),
  "lower_bound / upper_bound: bound on g actually applied by R (user bound x grake scale, see NOTES.md); weight>=x / weight<=x for bounds.const (bound on the calibrated weight); empty = no bounds",
  "n_at_lower / n_at_upper: rows with |g - bound| <= 1e-9 * |bound| (on the g scale; for bounds.const the per-row g bound is the weight bound / design weight)",
  "n_near_lower / n_near_upper: same with relative tolerance 1e-3",
  "sum_original / sum_calibrated: sums of design and calibrated weights"))

CASESDF <- do.call(rbind, case_rows)
write_ref(CASESDF, "cases_reference.csv", c(
  paste0("Calibration cases (", VERSIONS, "); every field quoted (calls and messages contain commas)"),
  "design: the svydesign call; call: the calibration call (des = design, pop = vector/data frames from margins_<case>.csv)",
  "epsilon / maxit: tolerances passed to R (rake: control$epsilon, relative to the pre-raking weight sum when < 1; calibrate: epsilon, maxit)",
  "grake_scale: factor by which calibrate rescaled the weights before iterating (empty = no rescaling)",
  "iterations: rake = passes over all margins; calibrate = Newton steps (0 = closed form); empty for postStratify",
  "outcome: ok / warning (design returned) / error (no design returned); messages: R warnings, messages and errors, ' | '-separated"),
  quote = TRUE)

VERD <- VER; VERD$max_rel_diff <- sprintf("%.3g", VER$max_rel_diff)
write_ref(VERD, "verification_reference.csv", c(
  paste0("Max relative difference between survey (", VERSIONS, ") and the plain-R re-implementation of NOTES.md in make_calibration.R"),
  "stopifnot(all(max_rel_diff < 1e-10)) holds; relative difference = |ours - survey| / |survey|"))
cat("done\n")
