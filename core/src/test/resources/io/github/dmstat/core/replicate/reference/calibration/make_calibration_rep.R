#!/usr/bin/env Rscript
# =============================================================================
# make_calibration_rep.R -- reference fixtures for dmstat's CALIBRATION OF
# REPLICATE-WEIGHT designs (postStratify / rake / calibrate on svyrep.design
# objects) from R's `survey` package, R 4.2.2 / survey 4.1.1.
#
# How to rerun (takes a few seconds):
#   cd core/src/test/resources/io/github/dmstat/core/replicate/reference/calibration
#   Rscript make_calibration_rep.R
#
# Inputs (byte-identical copies, this script only reads them; when the originals
# exist the md5 sums are checked):
#   from ..  (replicate/reference):   survey_small.csv, api_clus1_stats.csv,
#       repweights_small_jkn.csv, repweights_clus1_jk1.csv, repweights_clus1_boot.csv,
#       designs_reference.csv, rscales_reference.csv
#   from ../../../calibration/reference:  margins_ps_agesex.csv, margins_rake_agesex.csv,
#       margins_cal_linear.csv, margins_cal_logit.csv
# Outputs (this folder):
#   weights_<case>.csv          calibrated full-sample and replicate weights per row
#   estimates_reference.csv     svymean / svytotal (overall and svyby) after calibration
#   cases_reference.csv         every case: design, method, R call, status, R message
#   iterations_reference.csv    per case and replicate: passes / Newton steps, convergence
#   verification_reference.csv  max relative differences survey vs plain-R re-implementation
#
# The second half of the script re-implements every algorithm of NOTES.md in plain R
# (no survey function is called there) and stops (stopifnot) unless every weight, every
# estimate and every SE agrees with survey to 1e-10 relative.
# The output is deterministic: no random numbers (the bootstrap replicate weights are read
# from the input file), no dates. Numbers are written with sprintf("%.17g").
# =============================================================================

suppressPackageStartupMessages(library(survey))
stopifnot(as.character(packageVersion("survey")) == "4.1.1",
          R.version$major == "4", R.version$minor == "2.2")
stopifnot(isFALSE(getOption("survey.replicates.mse")),
          isTRUE(getOption("survey.drop.replicates")))
invisible(Sys.setlocale("LC_COLLATE", "C"))
VERSIONS <- sprintf("%s; survey %s", R.version.string, packageVersion("survey"))

f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_ref <- function(df, file, comments) {
  con <- file(file, "wb")
  on.exit(close(con))
  writeLines(paste0("# ", comments), con, sep = "\n")
  write.table(df, con, sep = ",", quote = FALSE, row.names = FALSE, col.names = TRUE,
              na = "", eol = "\n")
}
read_ref <- function(file) read.csv(file, comment.char = "#", stringsAsFactors = FALSE)
read_margins <- function(file) { m <- read_ref(file); m$total <- as.numeric(m$total); m$level[is.na(m$level)] <- ""; m }
# element-wise relative difference; exact equality (including 0 == 0) counts as 0
reldiff <- function(a, b) {
  a <- as.numeric(a); b <- as.numeric(b)
  stopifnot(length(a) == length(b), !anyNA(a), !anyNA(b))
  d <- ifelse(a == b, 0, abs(a - b) / pmax(abs(b), abs(a)))
  max(c(d, 0))
}
TOL <- 1e-10

# ---- inputs -------------------------------------------------------------------------------
IN_REP <- c("survey_small.csv", "api_clus1_stats.csv", "repweights_small_jkn.csv",
            "repweights_clus1_jk1.csv", "repweights_clus1_boot.csv", "designs_reference.csv",
            "rscales_reference.csv")
IN_CAL <- c("margins_ps_agesex.csv", "margins_rake_agesex.csv", "margins_cal_linear.csv",
            "margins_cal_logit.csv")
stopifnot(all(file.exists(c(IN_REP, IN_CAL))))
for (f in IN_REP) if (file.exists(file.path("..", f)))
  stopifnot(unname(tools::md5sum(f)) == unname(tools::md5sum(file.path("..", f))))
for (f in IN_CAL) if (file.exists(file.path("..", "..", "..", "calibration", "reference", f)))
  stopifnot(unname(tools::md5sum(f)) ==
              unname(tools::md5sum(file.path("..", "..", "..", "calibration", "reference", f))))

small <- read.csv("survey_small.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("api_clus1_stats.csv", stringsAsFactors = FALSE)
stopifnot(nrow(small) == 827, nrow(clus1) == 183, sum(is.na(small$used)) == 23, !anyNA(clus1$api00))
designs_ref <- read_ref("designs_reference.csv")
rscales_ref <- read_ref("rscales_reference.csv")

# ---- replicate designs: svrepdesign on the exported FULL replicate weights ------------------
DES <- list(
  small_jkn  = list(source = "small_jkn_sup",  data = small, datafile = "survey_small.csv",
                    idcol = "id",   wfile = "repweights_small_jkn.csv"),
  clus1_jk1  = list(source = "clus1_jk1_sup",  data = clus1, datafile = "api_clus1_stats.csv",
                    idcol = "snum", wfile = "repweights_clus1_jk1.csv"),
  clus1_boot = list(source = "clus1_boot_sup", data = clus1, datafile = "api_clus1_stats.csv",
                    idcol = "snum", wfile = "repweights_clus1_boot.csv"))
for (k in names(DES)) {
  sp <- DES[[k]]
  rw <- read_ref(sp$wfile)
  stopifnot(identical(rw$id, sp$data[[sp$idcol]]),
            identical(names(rw)[-(1:2)], paste0("rep", seq_len(ncol(rw) - 2))))
  drow <- designs_ref[designs_ref$case == sp$source & !designs_ref$mse, ]
  stopifnot(nrow(drow) == 1, drow$combined_weights)
  DES[[k]]$dat <- cbind(sp$data, rw[, -1])      # data + w + rep1..repR
  DES[[k]]$d <- rw$w                           # full-sample starting weights
  DES[[k]]$D <- unname(as.matrix(rw[, -(1:2)])) # replicate starting weights (n x R)
  DES[[k]]$type <- drow$type
  DES[[k]]$scale <- drow$scale
  DES[[k]]$rscales <- rscales_ref$rscale[rscales_ref$case == sp$source]
  stopifnot(length(DES[[k]]$rscales) == ncol(DES[[k]]$D), drow$replicates == ncol(DES[[k]]$D))
}
mk_design <- function(k, mse, combined = TRUE) {
  sp <- DES[[k]]
  dat <- sp$dat
  if (!combined) {       # same design stored as multipliers (for the combined.weights check)
    M <- ifelse(sp$D == 0, 0, sp$D / sp$d)
    dat[, paste0("rep", seq_len(ncol(M)))] <- M
  }
  svrepdesign(data = dat, repweights = "rep[0-9]+", weights = ~w, type = sp$type,
              scale = sp$scale, rscales = sp$rscales, combined.weights = combined, mse = mse)
}

# ---- population margins (read back from the copied files) ---------------------------------
m_ps <- read_margins("margins_ps_agesex.csv")
parts <- strsplit(m_ps$level, ":", fixed = TRUE)
stopifnot(all(m_ps$variable == "agegroup:sex"))
POP_PS <- data.frame(agegroup = vapply(parts, `[`, "", 1), sex = vapply(parts, `[`, "", 2),
                     Freq = m_ps$total, stringsAsFactors = FALSE)
m_rk <- read_margins("margins_rake_agesex.csv")
stopifnot(identical(unique(m_rk$variable), c("agegroup", "sex")))
POP_RAKE <- list(
  data.frame(agegroup = m_rk$level[m_rk$margin == 1], Freq = m_rk$total[m_rk$margin == 1],
             stringsAsFactors = FALSE),
  data.frame(sex = m_rk$level[m_rk$margin == 2], Freq = m_rk$total[m_rk$margin == 2],
             stringsAsFactors = FALSE))
pop_vector <- function(m) {   # model-matrix order: (Intercept), non-first sorted levels, numerics
  out <- c(`(Intercept)` = sum(m$total[m$margin == 1]))
  for (k in sort(unique(m$margin))) {
    mk <- m[m$margin == k, ]
    if (all(mk$level == "")) out[mk$variable[1]] <- mk$total
    else {
      o <- order(mk$level)
      lv <- mk$level[o][-1]; tt <- mk$total[o][-1]
      out[paste0(mk$variable[1], lv)] <- tt
    }
  }
  out
}
POP_LIN <- pop_vector(read_margins("margins_cal_linear.csv"))
POP_LOGIT <- pop_vector(read_margins("margins_cal_logit.csv"))
stopifnot(identical(POP_LIN, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)),
          identical(POP_LOGIT, POP_LIN))

RAKE_CONTROL <- list(maxit = 100, epsilon = 1e-11)
EPS <- 1e-12; MAXIT <- 100

# ---- cases ----------------------------------------------------------------------------------
CASES <- list(
  ps_agesex = list(design = "small_jkn", method = "postStratify", margins = "margins_ps_agesex.csv",
    call = "postStratify(des, ~agegroup + sex, data.frame(agegroup, sex, Freq = total))",
    run = function(des) postStratify(des, ~agegroup + sex, POP_PS)),
  rake_agesex = list(design = "small_jkn", method = "rake", margins = "margins_rake_agesex.csv",
    call = "rake(des, list(~agegroup, ~sex), list(data.frame(agegroup, Freq), data.frame(sex, Freq)), control = list(maxit = 100, epsilon = 1e-11))",
    run = function(des, verbose = FALSE)
      rake(des, list(~agegroup, ~sex), POP_RAKE,
           control = c(RAKE_CONTROL, list(verbose = verbose)))),
  cal_linear = list(design = "clus1_jk1", method = "calibrate linear (unbounded: regcalibrate)",
    margins = "margins_cal_linear.csv",
    call = "calibrate(des, ~stype + api99, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069), epsilon = 1e-12, maxit = 100, compress = FALSE)",
    run = function(des, verbose = FALSE)
      calibrate(des, ~stype + api99, POP_LIN, epsilon = EPS, maxit = MAXIT, compress = FALSE)),
  cal_linear_compressNA = list(design = "clus1_jk1", method = "calibrate linear (unbounded: regcalibrate)",
    margins = "margins_cal_linear.csv",
    call = "calibrate(des, ~stype + api99, <as cal_linear>, epsilon = 1e-12, maxit = 100)  [default compress = NA]",
    run = function(des, verbose = FALSE)
      calibrate(des, ~stype + api99, POP_LIN, epsilon = EPS, maxit = MAXIT)),
  cal_logit = list(design = "clus1_boot", method = "calibrate logit bounds (0.7, 1.7)",
    margins = "margins_cal_logit.csv", bounds = c(0.7, 1.7),
    call = "calibrate(des, ~stype + api99, <as cal_linear>, calfun = \"logit\", bounds = c(0.7, 1.7), epsilon = 1e-12, maxit = 100, compress = FALSE)",
    run = function(des, verbose = FALSE)
      calibrate(des, ~stype + api99, POP_LOGIT, calfun = "logit", bounds = c(0.7, 1.7),
                epsilon = EPS, maxit = MAXIT, compress = FALSE, verbose = verbose)),
  cal_logit_wide = list(design = "clus1_boot", method = "calibrate logit bounds (0.4, 4)",
    margins = "margins_cal_logit.csv", bounds = c(0.4, 4),
    call = "calibrate(des, ~stype + api99, <as cal_linear>, calfun = \"logit\", bounds = c(0.4, 4), epsilon = 1e-12, maxit = 100, compress = FALSE)",
    run = function(des, verbose = FALSE)
      calibrate(des, ~stype + api99, POP_LOGIT, calfun = "logit", bounds = c(0.4, 4),
                epsilon = EPS, maxit = MAXIT, compress = FALSE, verbose = verbose)))
# Edge cases (errors): a category that is empty in some replicate. cc = "X" for the rows of PSU
# S1/P1 (deleted in JKn replicate 1), else sex; cc2 = 1 for those rows, else 0.
with_cc <- function(des) {
  x <- des$variables$stratum == "S1" & des$variables$psu == "P1"
  des$variables$cc <- ifelse(x, "X", des$variables$sex)
  des$variables$cc2 <- as.numeric(x)
  des
}
POP_CC <- data.frame(cc = c("F", "M", "X"), Freq = c(6e6, 5e6, 1e6), stringsAsFactors = FALSE)
POP_CC2 <- c(`(Intercept)` = 12e6, cc2 = 1e6)
CASES <- c(CASES, list(
  ps_empty_replicate_cell = list(design = "small_jkn", method = "postStratify (edge: cell empty in a replicate)",
    margins = "inline: cc = F 6e6; M 5e6; X 1e6 (X = rows of S1/P1)",
    call = "postStratify(des, ~cc, data.frame(cc = c('F', 'M', 'X'), Freq = c(6e6, 5e6, 1e6)))",
    run = function(des) postStratify(with_cc(des), ~cc, POP_CC)),
  rake_empty_replicate_cell = list(design = "small_jkn", method = "rake (edge: cell empty in a replicate)",
    margins = "inline: cc as ps_empty_replicate_cell; agegroup from margins_rake_agesex.csv",
    call = "rake(des, list(~cc, ~agegroup), list(<cc>, <agegroup>), control = list(maxit = 100, epsilon = 1e-11))",
    run = function(des) rake(with_cc(des), list(~cc, ~agegroup), list(POP_CC, POP_RAKE[[1]]),
                             control = RAKE_CONTROL)),
  cal_linear_empty_replicate_cell = list(design = "small_jkn", method = "calibrate linear (edge: category empty in a replicate)",
    margins = "inline: (Intercept) = 12e6; cc2 = 1e6",
    call = "calibrate(des, ~cc2, c(`(Intercept)` = 12e6, cc2 = 1e6), compress = FALSE)",
    run = function(des) calibrate(with_cc(des), ~cc2, POP_CC2, compress = FALSE)),
  cal_raking_empty_replicate_cell = list(design = "small_jkn", method = "calibrate raking (edge: category empty in a replicate)",
    margins = "inline: (Intercept) = 12e6; cc2 = 1e6",
    call = "calibrate(des, ~cc2, c(`(Intercept)` = 12e6, cc2 = 1e6), calfun = 'raking', epsilon = 1e-12, maxit = 100, compress = FALSE)",
    run = function(des) calibrate(with_cc(des), ~cc2, POP_CC2, calfun = "raking", epsilon = EPS,
                                  maxit = MAXIT, compress = FALSE))))
OK_CASES <- c("ps_agesex", "rake_agesex", "cal_linear", "cal_logit_wide")

run_capture <- function(expr) {   # value or error, warnings, printed output (kept on error too)
  warns <- character(0)
  tc <- textConnection("out_lines", "w", local = TRUE)
  sink(tc)
  val <- tryCatch(withCallingHandlers(expr,
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) structure(list(msg = conditionMessage(e)), class = "rerror"))
  sink()
  close(tc)
  list(value = val, warnings = warns, output = out_lines)
}

RES <- list()       # per case: R's calibrated weights (n x (1+R)), designs
case_rows <- list()
for (cn in names(CASES)) {
  cs <- CASES[[cn]]
  des0 <- mk_design(cs$design, FALSE)
  r0 <- run_capture(cs$run(des0))
  ok <- !inherits(r0$value, "rerror")
  stopifnot(ok == (cn %in% OK_CASES))
  msg <- c(if (!ok) paste("ERROR:", r0$value$msg), if (length(r0$warnings)) paste("WARNING:", r0$warnings))
  case_rows[[cn]] <- data.frame(case = cn, design = cs$design, source_case = DES[[cs$design]]$source,
    data = DES[[cs$design]]$datafile, repweights_file = DES[[cs$design]]$wfile,
    type = DES[[cs$design]]$type, replicates = ncol(DES[[cs$design]]$D),
    scale = f17(DES[[cs$design]]$scale), method = cs$method, margins_file = cs$margins,
    r_call = gsub(",", ";", cs$call), status = if (ok) "ok" else "error",
    r_message = gsub("[\r\n]+", " ", gsub(",", ";", paste(msg, collapse = " | "))),
    weights_file = if (ok) sprintf("weights_%s.csv", cn) else "", stringsAsFactors = FALSE)
  if (!ok) next
  cal0 <- r0$value
  r1 <- run_capture(cs$run(mk_design(cs$design, TRUE)))
  cal1 <- r1$value
  rnc <- run_capture(cs$run(mk_design(cs$design, FALSE, combined = FALSE)))
  calnc <- rnc$value
  stopifnot(length(r0$warnings) == 0, length(r1$warnings) == 0, length(rnc$warnings) == 0)
  W0 <- cbind(unname(weights(cal0, "sampling")), unname(weights(cal0, "analysis")))
  W1 <- cbind(unname(weights(cal1, "sampling")), unname(weights(cal1, "analysis")))
  Wnc <- cbind(unname(weights(calnc, "sampling")), unname(weights(calnc, "analysis")))
  # mse does not affect the weights; scale / rscales / mse / type are carried over unchanged
  stopifnot(identical(W0, W1), isFALSE(cal0$mse), isTRUE(cal1$mse),
            identical(cal0$scale, des0$scale), identical(cal0$rscales, des0$rscales),
            identical(cal0$type, des0$type), isTRUE(cal0$combined.weights))
  # the combined.weights = FALSE storage gives the same analysis weights
  stopifnot(reldiff(Wnc, W0) < 1e-12, isFALSE(calnc$combined.weights))
  RES[[cn]] <- list(W = W0, cal = list(`FALSE` = cal0, `TRUE` = cal1), nc_diff = reldiff(Wnc, W0))
}
cases_df <- do.call(rbind, case_rows)
for (v in names(cases_df)) if (is.character(cases_df[[v]])) cases_df[[v]] <- gsub(",", ";", cases_df[[v]])

# ---- R's iteration counts (from survey's verbose output) ------------------------------------
# rake: one table printed before the loop and one per pass
rk <- run_capture(CASES$rake_agesex$run(mk_design("small_jkn", FALSE), verbose = TRUE))
R_RAKE_PASSES <- sum(grepl("^agegroup", rk$output)) - 1L
# grake: calibrate(verbose = TRUE) prints the misfit vector once per Newton step (a line with
# the column names), '[1] "Step halving"' per halving, and 'replicate =  r' before replicate r
count_grake <- function(lines) {
  blk <- cumsum(grepl("^replicate = ", lines))
  data.frame(replicate = sort(unique(blk)),
             steps = tapply(grepl("(Intercept)", lines, fixed = TRUE), blk, sum),
             halvings = tapply(grepl("Step halving", lines, fixed = TRUE), blk, sum))
}
lw <- run_capture(CASES$cal_logit_wide$run(mk_design("clus1_boot", FALSE), verbose = TRUE))
R_LOGIT_WIDE_STEPS <- count_grake(lw$output)
lf <- run_capture(CASES$cal_logit$run(mk_design("clus1_boot", FALSE), verbose = TRUE))
stopifnot(inherits(lf$value, "rerror"))
R_LOGIT_FAIL_AT <- max(count_grake(lf$output)$replicate)   # replicate where calibrate() stopped
# cal_logit: every replicate run through survey's own grake (what calibrate() would do for each)
mm_clus1 <- model.matrix(~stype + api99, clus1)
stopifnot(identical(colnames(mm_clus1), names(POP_LOGIT)))
R_LOGIT_FAIL <- do.call(rbind, lapply(0:ncol(DES$clus1_boot$D), function(r) {
  ww <- if (r == 0) DES$clus1_boot$d else DES$clus1_boot$D[, r]
  z <- run_capture(survey:::grake(mm_clus1, ww, survey:::cal.logit, bounds = list(lower = 0.7, upper = 1.7),
                                  population = POP_LOGIT, epsilon = EPS, verbose = TRUE, maxit = MAXIT))
  st <- if (inherits(z$value, "rerror")) "error_NaN" else if (length(z$warnings)) "not_converged" else "converged"
  eps <- if (st == "not_converged") as.numeric(sub("^Failed to converge: eps=([^ ]+) in.*$", "\\1", z$warnings)) else NA
  data.frame(replicate = r, status = st, steps = sum(grepl("(Intercept)", z$output, fixed = TRUE)),
             halvings = sum(grepl("Step halving", z$output, fixed = TRUE)), eps = eps,
             message = if (st == "error_NaN") z$value$msg else if (length(z$warnings)) z$warnings else "",
             stringsAsFactors = FALSE)
}))

# ---- estimates after calibration ------------------------------------------------------------
EST_SPEC <- list(small_jkn = list(var = "used", by = "sex"),
                 clus1_jk1 = list(var = "api00", by = "stype"),
                 clus1_boot = list(var = "api00", by = "stype"))
r_estimates <- function(des, label, k) {
  v <- EST_SPEC[[k]]$var; b <- EST_SPEC[[k]]$by
  fy <- as.formula(paste0("~", v)); fb <- as.formula(paste0("~", b))
  rows <- list()
  for (st in c("mean", "total")) {
    FUN <- if (st == "mean") svymean else svytotal
    e <- FUN(fy, des, na.rm = TRUE)
    rows[[length(rows) + 1]] <- data.frame(case = label, statistic = st, variable = v, by = "",
      group = "", estimate = unname(coef(e)), se = unname(SE(e)), stringsAsFactors = FALSE)
    sb <- svyby(fy, fb, des, FUN, na.rm = TRUE)
    rows[[length(rows) + 1]] <- data.frame(case = label, statistic = st, variable = v, by = b,
      group = as.character(sb[[b]]), estimate = unname(coef(sb)), se = unname(SE(sb)),
      stringsAsFactors = FALSE)
    # svyby == FUN on the domain subset design
    for (gi in seq_len(nrow(sb))) {
      ed <- FUN(fy, des[des$variables[[b]] == sb[[b]][gi], ], na.rm = TRUE)
      stopifnot(reldiff(coef(ed), coef(sb)[gi]) < 1e-14, reldiff(SE(ed), SE(sb)[gi]) < 1e-12)
    }
  }
  do.call(rbind, rows)
}
est <- list()
for (k in names(DES)) est[[paste0("none_", k)]] <- r_estimates(mk_design(k, FALSE), paste0("none_", k), k)
for (cn in OK_CASES) {
  k <- CASES[[cn]]$design
  est[[cn]] <- r_estimates(RES[[cn]]$cal$`FALSE`, cn, k)
  est[[paste0(cn, "_mse")]] <- r_estimates(RES[[cn]]$cal$`TRUE`, paste0(cn, "_mse"), k)
}
est_df <- do.call(rbind, est)
rownames(est_df) <- NULL

# =============================================================================================
# PLAIN-R RE-IMPLEMENTATION (no survey function below this line)
# =============================================================================================
# -- postStratify one weight vector w to cell totals N (cells: integer code per row) --
ps_one <- function(w, cell, N) w * (N / rowsum(w, cell, reorder = TRUE)[, 1])[cell]
# -- rake: full sample decides the number of passes; replicates follow in lockstep --
my_rake <- function(d, D, margins, tabvars, control) {
  eps <- if (control$epsilon < 1) control$epsilon * sum(d) else control$epsilon
  tab <- function(w) {
    t <- as.vector(tapply(w, tabvars, sum)); t[is.na(t)] <- 0
    t * (sum(w) / sum(t))
  }
  W <- cbind(d, D); told <- tab(d); iter <- 0; conv <- FALSE; delta <- NA
  while (iter < control$maxit) {
    for (m in margins) W <- apply(W, 2, ps_one, cell = m$cell, N = m$N)
    tnew <- tab(W[, 1]); delta <- max(abs(told - tnew))
    if (delta < eps) { conv <- TRUE; break }
    told <- tnew; iter <- iter + 1
  }
  list(W = W, passes = iter + conv, converged = conv, delta = delta, eps = eps)
}
# -- calibration functions (same arithmetic as survey's cal.linear / cal.logit) --
CF <- list(
  linear = list(Fm1 = function(u, L, U) pmin(pmax(u + 1, L), U) - 1,
                dF = function(u, L, U) as.numeric(u < U - 1 & u > L - 1)),
  logit = list(Fm1 = function(u, L, U) {
                 A <- (U - L) / ((U - 1) * (1 - L)); e <- exp(A * u)
                 (L * (U - 1) + U * (1 - L) * e) / (U - 1 + (1 - L) * e) - 1 },
               dF = function(u, L, U) {
                 A <- (U - L) / ((U - 1) * (1 - L)); e <- exp(A * u)
                 U * (1 - L) * e * A / (U - 1 + (1 - L) * e) -
                   ((L * (U - 1) + U * (1 - L) * e) * ((1 - L) * e * A)) / (U - 1 + (1 - L) * e)^2 }))
pinv <- function(H, tol = 256 * .Machine$double.eps) {   # Moore-Penrose via SVD
  s <- svd(H); pos <- s$d > max(tol * s$d[1], 0)
  if (all(pos)) s$v %*% (1 / s$d * t(s$u))
  else if (!any(pos)) matrix(0, ncol(H), nrow(H))
  else s$v[, pos, drop = FALSE] %*% ((1 / s$d[pos]) * t(s$u[, pos, drop = FALSE]))
}
# -- Newton calibration of one weight vector (grake); returns g and diagnostics --
my_grake <- function(X, w, cf, L, U, Tpop, eps, maxit) {
  Fm1 <- CF[[cf]]$Fm1; dF <- CF[[cf]]$dF
  st <- colSums(X * w); eta <- rep(0, ncol(X)); u <- drop(X %*% eta)
  g <- 1 + Fm1(u, L, U); dd <- dF(u, L, U)
  iter <- 1; steps <- 0; halv <- 0; s <- 1
  sc <- Tpop / st
  if (min(sc) > 20) { s <- mean(sc); w <- w * s; st <- st * s }
  repeat {
    H <- crossprod(X * w * dd, X)
    m <- Tpop - st - colSums(X * w * Fm1(u, L, U))
    de <- pinv(H) %*% m
    eta <- eta + de; u <- drop(X %*% eta); g <- 1 + Fm1(u, L, U); dd <- dF(u, L, U)
    steps <- steps + 1
    while (iter < maxit && any(!is.finite(g), !is.finite(dd))) {
      iter <- iter + 1; halv <- halv + 1
      de <- de / 2; eta <- eta - de; u <- drop(X %*% eta); g <- 1 + Fm1(u, L, U); dd <- dF(u, L, U)
    }
    m <- Tpop - st - colSums(X * w * Fm1(u, L, U))
    crit <- abs(m) / (1 + abs(Tpop))
    ok <- all(crit < eps)
    if (is.na(ok)) return(list(g = g * s, status = "error_NaN", steps = steps, halvings = halv, eps = NA))
    if (ok) return(list(g = g * s, status = "converged", steps = steps, halvings = halv, eps = max(crit)))
    iter <- iter + 1
    if (iter > maxit) return(list(g = g * s, status = "not_converged", steps = steps, halvings = halv, eps = max(crit)))
  }
}
# -- unbounded linear calibration (regcalibrate): closed form per weight vector --
my_reg <- function(X, w, Tpop) {
  lam <- solve(crossprod(X * sqrt(w)), Tpop - colSums(X * w))
  drop(1 + X %*% lam)
}
# -- replicate variance --
my_se <- function(theta, thetar, scale, rscales, mse) {
  keep <- !is.na(thetar)
  centre <- if (mse) theta else mean(thetar[keep & rscales > 0])
  sqrt(scale * sum(rscales[keep] * (thetar[keep] - centre)^2))
}

verif <- list()
add_verif <- function(case, quantity, n, maxrel) {
  stopifnot(maxrel < TOL)
  verif[[length(verif) + 1]] <<- data.frame(case = case, quantity = quantity, n_values = n,
    max_rel_diff = sprintf("%.3g", maxrel), stringsAsFactors = FALSE)
}
MY <- list(); iter_rows <- list()

# postStratify: every column (full sample and each replicate) to the same cell counts
sp <- DES$small_jkn
cellkey <- paste(small$agegroup, small$sex, sep = ":")
ps_levels <- sort(unique(cellkey))
stopifnot(setequal(ps_levels, paste(POP_PS$agegroup, POP_PS$sex, sep = ":")))
ps_cell <- match(cellkey, ps_levels)
ps_N <- POP_PS$Freq[match(ps_levels, paste(POP_PS$agegroup, POP_PS$sex, sep = ":"))]
MY$ps_agesex <- apply(cbind(sp$d, sp$D), 2, ps_one, cell = ps_cell, N = ps_N)

# rake
mg <- lapply(POP_RAKE, function(p) {
  v <- names(p)[1]; lv <- sort(unique(small[[v]])); stopifnot(setequal(lv, p[[v]]))
  list(cell = match(small[[v]], lv), N = p$Freq[match(lv, p[[v]])])
})
rk_my <- my_rake(sp$d, sp$D, mg, list(factor(small$agegroup), factor(small$sex)), RAKE_CONTROL)
stopifnot(rk_my$converged, rk_my$passes == R_RAKE_PASSES)
MY$rake_agesex <- rk_my$W
iter_rows[[length(iter_rows) + 1]] <- data.frame(case = "rake_agesex", replicate = 0,
  iterations = rk_my$passes, halvings = "", status = "converged", criterion = f17(rk_my$delta),
  stringsAsFactors = FALSE)
for (r in seq_len(ncol(sp$D))) {   # diagnostic: replicate margin misfit after the last pass
  wr <- rk_my$W[, r + 1]
  mis <- max(unlist(lapply(mg, function(m) abs(rowsum(wr, m$cell, reorder = TRUE)[, 1] - m$N) / m$N)))
  iter_rows[[length(iter_rows) + 1]] <- data.frame(case = "rake_agesex", replicate = r,
    iterations = rk_my$passes, halvings = "", status = "not_tested", criterion = f17(mis),
    stringsAsFactors = FALSE)
}

# calibrate linear (unbounded): closed form on every column
X1 <- cbind(1, clus1$stype == "H", clus1$stype == "M", clus1$api99)
stopifnot(max(abs(X1 - unname(mm_clus1))) == 0)
sp <- DES$clus1_jk1
W <- cbind(sp$d, sp$D)
MY$cal_linear <- W * apply(W, 2, function(w) my_reg(X1, w, unname(POP_LIN)))

# calibrate logit: Newton per column, eta started at 0 for every replicate
for (cn in c("cal_logit_wide", "cal_logit")) {
  sp <- DES$clus1_boot; W <- cbind(sp$d, sp$D); b <- CASES[[cn]]$bounds
  fits <- lapply(seq_len(ncol(W)), function(j)
    my_grake(X1, W[, j], "logit", b[1], b[2], unname(POP_LOGIT), EPS, MAXIT))
  st <- data.frame(replicate = seq_len(ncol(W)) - 1,
    steps = vapply(fits, `[[`, 0, "steps"), halvings = vapply(fits, `[[`, 0, "halvings"),
    status = vapply(fits, `[[`, "", "status"), eps = vapply(fits, `[[`, 0, "eps"),
    stringsAsFactors = FALSE)
  if (cn == "cal_logit_wide") {
    stopifnot(all(st$status == "converged"),
              identical(as.numeric(st$steps), as.numeric(R_LOGIT_WIDE_STEPS$steps)),
              identical(as.numeric(st$halvings), as.numeric(R_LOGIT_WIDE_STEPS$halvings)))
    MY[[cn]] <- W * sapply(fits, `[[`, "g")
  } else {
    stopifnot(identical(st$status, R_LOGIT_FAIL$status),
              identical(as.numeric(st$steps), as.numeric(R_LOGIT_FAIL$steps)) || { print(cbind(st, R_LOGIT_FAIL)); FALSE },
              identical(as.numeric(st$halvings), as.numeric(R_LOGIT_FAIL$halvings)),
              st$status[1] == "converged",
              min(which(st$status[-1] == "error_NaN")) == R_LOGIT_FAIL_AT)
    nc <- st$status == "not_converged"
    add_verif(cn, "eps of non-converged replicates (R warning; 15 digits)", sum(nc),
              reldiff(signif(st$eps[nc], 15), R_LOGIT_FAIL$eps[nc]))
  }
  iter_rows[[length(iter_rows) + 1]] <- data.frame(case = cn, replicate = st$replicate,
    iterations = st$steps, halvings = st$halvings, status = st$status, criterion = f17(st$eps),
    stringsAsFactors = FALSE)
}

# compare weights
for (cn in OK_CASES) {
  stopifnot(identical(dim(MY[[cn]]), dim(RES[[cn]]$W)))
  add_verif(cn, "full-sample weight w", nrow(MY[[cn]]), reldiff(MY[[cn]][, 1], RES[[cn]]$W[, 1]))
  add_verif(cn, "replicate weights rep1..repR", length(MY[[cn]][, -1]),
            reldiff(MY[[cn]][, -1], RES[[cn]]$W[, -1]))
  add_verif(cn, "combined.weights = FALSE storage vs TRUE (survey vs survey)", length(MY[[cn]]),
            RES[[cn]]$nc_diff)
}

# estimates and SEs from the re-implemented weights
my_est <- function(W, y, dom, statistic) {
  dom <- dom & !is.na(y)                       # na.rm = TRUE: NA rows leave the estimate
  W <- W[dom, , drop = FALSE]; y <- y[dom]
  th <- if (statistic == "total") colSums(W * y) else colSums(W * y) / colSums(W)
  list(theta = th[1], thetar = th[-1])
}
check_est <- function(label, W, k, mse) {
  e <- est_df[est_df$case == label, ]
  sp <- DES[[k]]; y <- sp$data[[EST_SPEC[[k]]$var]]; bv <- sp$data[[EST_SPEC[[k]]$by]]
  mine <- t(vapply(seq_len(nrow(e)), function(i) {
    dom <- if (e$by[i] == "") rep(TRUE, length(y)) else bv == e$group[i]
    z <- my_est(W, y, dom, e$statistic[i])
    c(z$theta, my_se(z$theta, z$thetar, sp$scale, sp$rscales, mse))
  }, numeric(2)))
  add_verif(label, "estimates", nrow(e), reldiff(mine[, 1], e$estimate))
  add_verif(label, "SEs", nrow(e), reldiff(mine[, 2], e$se))
}
for (k in names(DES)) check_est(paste0("none_", k), cbind(DES[[k]]$d, DES[[k]]$D), k, FALSE)
for (cn in OK_CASES) {
  check_est(cn, MY[[cn]], CASES[[cn]]$design, FALSE)
  check_est(paste0(cn, "_mse"), MY[[cn]], CASES[[cn]]$design, TRUE)
}
# optional: the uncalibrated rows agree with ../estimates_reference.csv (source cases, mse = FALSE)
if (file.exists(file.path("..", "estimates_reference.csv"))) {
  old <- read_ref(file.path("..", "estimates_reference.csv"))
  for (k in names(DES)) {
    e <- est_df[est_df$case == paste0("none_", k), ]
    o <- old[old$case == DES[[k]]$source & !old$mse & old$variable == EST_SPEC[[k]]$var &
             old$denominator %in% c(NA, "") & old$by %in% c(NA, "", EST_SPEC[[k]]$by), ]
    key_o <- paste(o$statistic, ifelse(is.na(o$group), "", sub("^.*=", "", o$group)))
    key_e <- paste(e$statistic, e$group)
    stopifnot(nrow(o) == nrow(e), setequal(key_o, key_e))
    m <- match(key_e, key_o)
    stopifnot(reldiff(e$estimate, o$estimate[m]) < 1e-14, reldiff(e$se, o$se[m]) < 1e-13)
  }
}
verif_df <- do.call(rbind, verif)
iter_df <- do.call(rbind, iter_rows)

# =============================================================================================
# WRITE
# =============================================================================================
for (cn in OK_CASES) {
  cs <- CASES[[cn]]; sp <- DES[[cs$design]]; W <- RES[[cn]]$W
  out <- data.frame(id = sp$data[[sp$idcol]], w = f17(W[, 1]), stringsAsFactors = FALSE)
  for (r in seq_len(ncol(W) - 1)) out[[paste0("rep", r)]] <- f17(W[, r + 1])
  write_ref(out, sprintf("weights_%s.csv", cn), c(
    sprintf("Case %s: %s of design %s (%s, %d replicates, scale %s) built by svrepdesign() from %s + %s",
            cn, cs$method, cs$design, sp$type, ncol(sp$D), f17(sp$scale), sp$datafile, sp$wfile),
    sprintf("R call: %s; margins: %s", cs$call, cs$margins),
    sprintf("id = input column %s (row order of %s); w = calibrated full-sample weight = weights(des, \"sampling\")",
            sp$idcol, sp$datafile),
    "rep1..repR = calibrated FULL replicate weights = weights(des, \"analysis\"); scale/rscales/mse unchanged by calibration",
    VERSIONS, "written with %.17g"))
}
est_out <- est_df
est_out$estimate <- f17(est_out$estimate); est_out$se <- f17(est_out$se)
write_ref(est_out, "estimates_reference.csv", c(
  "svymean / svytotal after calibration of replicate-weight designs: by empty = whole sample; by = sex / stype:",
  "na.rm = TRUE: rows with NA variable are dropped (used has 23 NA, api00 none); svyby(~variable, ~by, des, FUN, na.rm = TRUE) = FUN on the rows of the domain (design[rows, ]).",
  "case = calibration case (weights_<case>.csv, design built with mse = FALSE); <case>_mse = the same calibrated weights, design built with mse = TRUE;",
  "none_<design> = the uncalibrated design (repweights_*.csv) for comparison.",
  "se = sqrt(scale * sum_r rscale_r * (theta_r - centre)^2), centre = mean of the replicate estimates (mse = FALSE) or the full-sample estimate (mse = TRUE)",
  VERSIONS))
write_ref(cases_df, "cases_reference.csv", c(
  "Every case: design (svrepdesign(data; repweights = \"rep[0-9]+\"; weights = ~w; type; scale; rscales; combined.weights = TRUE; mse = FALSE)",
  "with type/scale/rscales of source_case in designs_reference.csv / rscales_reference.csv), calibration method, R call (commas shown as ';'),",
  "status ok / error, R's error or warning message. Cases with status error have no weights or estimates.",
  VERSIONS))
write_ref(iter_df, "iterations_reference.csv", c(
  "Iteration diagnostics per case and replicate (replicate 0 = full sample); from the plain-R re-implementation, checked against survey's verbose output.",
  "rake_agesex: iterations = raking passes (the full sample decides; every replicate gets the same passes); replicate 0: criterion = max |table change| of the last pass",
  "  (converged when < 1e-11 * sum(w)); replicates: status not_tested, criterion = max relative margin misfit |sum_c w_r - N_c| / N_c after the last pass (diagnostic only).",
  "cal_logit*: iterations = Newton steps, halvings = step halvings (R's counter iter = steps + halvings when converged or NaN, maxit + 1 when not converged);",
  "  criterion = max_k |misfit_k| / (1 + |T_k|) at exit (empty for error_NaN);",
  "  status converged / not_converged (R: warning only for a replicate, the non-converged g is kept) / error_NaN (R: error 'missing value where TRUE/FALSE needed').",
  "  cal_logit: survey's calibrate() stops with that error at the first error_NaN replicate; the later rows show what each replicate alone gives.",
  VERSIONS))
write_ref(verif_df, "verification_reference.csv", c(
  "Max relative difference |a - b| / max(|a|, |b|) between survey and the plain-R re-implementation of NOTES.md (stopifnot < 1e-10),",
  "plus survey's own combined.weights = FALSE vs TRUE agreement.",
  VERSIONS))

cat("R rake passes:", R_RAKE_PASSES, "\n")
cat("cal_logit: calibrate() stops at replicate", R_LOGIT_FAIL_AT, "; statuses:\n")
print(table(R_LOGIT_FAIL$status))
print(verif_df, row.names = FALSE)
cat("done\n")
