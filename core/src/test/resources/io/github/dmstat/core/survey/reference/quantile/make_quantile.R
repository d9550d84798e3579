#!/usr/bin/env Rscript
# =============================================================================
# make_quantile.R -- reference fixtures for dmstat's design-based quantiles, from R's
# `survey` package (Lumley): svyquantile() for survey.design2 objects, survey 4.1.1 defaults
# (qrule = "math", interval.type = "mean", alpha = 0.05, df = degf(design)).
#
# Reads (byte-identical copies of ../survey_amounts.csv, ../api_strat_stats.csv,
# ../api_clus1_stats.csv, kept in this folder so the fixtures are self-contained).
#
# Writes, into this folder:
#   quantile_reference.csv      svyquantile / svyby(svyquantile): estimate, CI, se
#   quantile_intermediate.csv   the intermediate quantities of the algorithm (weighted CDF at
#                               the estimate, its SE, df, t quantile, probability band, ...)
#   qrule_reference.csv         survey:::qrule_math / _school / _hf7 on small vectors (knife
#                               edges, first-record quirk, zero weights, ties)
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/survey/reference/quantile
#   Rscript make_quantile.R
#
# The script re-implements the algorithm of NOTES.md in plain R (the re-implementation calls
# no svyquantile, svymean, svyby, degf, confint or qrule function; cumulative weights are exact
# sums rounded to double, as NOTES.md prescribes) and stops unless every reference number agrees
# with survey's to 1e-10 relative (NaN where survey gives NaN). It also checks svyby against
# svyquantile on subset(design, domain). No random numbers are used: output is deterministic
# apart from the "# date:" lines.
# =============================================================================

suppressPackageStartupMessages(library(survey))

TOL <- 1e-10
f17 <- function(x) ifelse(is.nan(x), "NaN", ifelse(is.na(x), "", sprintf("%.17g", x)))
fpar <- function(x) format(x, digits = 15)          # probabilities / levels: shortest exact form

# ---- inputs (local byte-identical copies) ----------------------------------
inputs <- c("survey_amounts.csv", "api_strat_stats.csv", "api_clus1_stats.csv")
for (f in inputs) {
  stopifnot(file.exists(f))
  up <- file.path("..", f)
  if (file.exists(up) && unname(tools::md5sum(up)) != unname(tools::md5sum(f)))
    warning(f, " differs from ../", f, ": copy it again (cp ../", f, " .) and rerun")
}
strat <- read.csv("api_strat_stats.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("api_clus1_stats.csv", stringsAsFactors = FALSE)
amounts <- read.csv("survey_amounts.csv", stringsAsFactors = FALSE, na.strings = "")

# ---- designs ---------------------------------------------------------------
# psu_key / strata_key: the Java-side identification of PSUs and strata (PSUs nested in strata)
designs <- list(
  strat = list(data = "api_strat_stats.csv", df = strat, weight = "pw", strata = "stype", psu = "", fpc = "fpc",
               lonely = "fail",
               des = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat)),
  clus1 = list(data = "api_clus1_stats.csv", df = clus1, weight = "pw", strata = "", psu = "dnum", fpc = "fpc",
               lonely = "fail",
               des = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1)),
  amounts_cluster = list(data = "survey_amounts.csv", df = amounts, weight = "weight", strata = "stratum", psu = "psu",
               fpc = "", lonely = "adjust",
               des = svydesign(id = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = amounts)))

# ---- what is estimated -------------------------------------------------------
QS <- c(0.1, 0.25, 0.5, 0.75, 0.9)
job <- function(design, variable, by, qrule = NULL, interval = NULL, level = 0.95)
  list(design = design, variable = variable, by = by, qrule = qrule, interval = interval, level = level)
jobs <- list(
  # survey 4.1.1 defaults (qrule and interval.type NOT passed)
  job("amounts_cluster", "amount", c("", "region", "sex")),
  job("amounts_cluster", "days",   c("", "region", "sex")),
  job("strat", "api00",  c("", "awards")),
  job("strat", "acs_k3", c("", "awards")),
  job("strat", "api00", "stype"),    # equal weights per stratum: knife edges, first-record quirk
  job("clus1", "enroll", c("", "stype")),
  # level 0.90 (alpha = 0.10)
  job("amounts_cluster", "amount", c("", "sex"), level = 0.90),
  # non-default quantile rules
  job("clus1", "enroll", c("", "stype"), qrule = "school"),
  job("amounts_cluster", "days", c("", "sex"), qrule = "hf7"),
  # non-default interval
  job("strat", "api00", c("", "awards"), interval = "beta"),
  # hf7 is continuous in p, so this pins down the beta band exactly (incl. nrow() with zero weights)
  job("amounts_cluster", "amount", c("", "sex"), qrule = "hf7", interval = "beta"))

# defaults really are math / mean / 0.05 in this survey version
fm <- formals(getS3method("svyquantile", "survey.design"))
stopifnot(eval(fm$qrule)[1] == "math", eval(fm$interval.type)[1] == "mean", fm$alpha == 0.05, is.null(fm$df),
          !isTRUE(getOption("survey.adjust.domain.lonely")), !isTRUE(getOption("survey.ultimate.cluster")))

# ---- plain re-implementation (NOTES.md) ------------------------------------
# Cumulative sums: survey uses R's cumsum()/sum(), which accumulate in 80-bit extended precision and
# round each result to double. Exact accumulation rounded to double reproduces that (Java: BigDecimal,
# or a double-double/TwoSum accumulator as here); plain left-to-right double sums do NOT at knife edges.
csum <- function(w) {
  hi <- 0; lo <- 0; out <- numeric(length(w))
  for (i in seq_along(w)) {
    s <- hi + w[i]; bp <- s - hi; e <- (hi - (s - bp)) + (w[i] - bp)   # TwoSum: s + e == hi + w[i]
    lo <- lo + e; hi <- s + lo; lo <- lo - (hi - s)                     # renormalise, hi = rounded sum
    out[i] <- hi
  }
  out
}
csum_naive <- function(w) Reduce(`+`, w, accumulate = TRUE)         # plain double sums (for the report)

# sorted positive-weight records of the analysed rows; stable sort: ties keep file order
wcdf <- function(x, w, sumfun = csum) {
  keep <- w != 0
  x <- x[keep]; w <- w[keep]
  o <- order(x, method = "radix")                       # radix = stable
  list(x = x[o], w = w[o], C = sumfun(w[o]))
}
q_step <- function(s, p, school = FALSE) {               # qrule "math" (= hf1) and "school" (= hf2)
  n <- length(s$x); W <- s$C[n]
  le <- which(s$C <= p * W)
  pos <- if (length(le)) max(le) else 1L                 # survey quirk: 1 when no C_k <= pW
  nxt <- min(pos + 1L, n)
  if (p - s$C[pos] / W == 0) {
    if (school) (s$x[pos] + s$x[nxt]) / 2 else s$x[pos]
  } else s$x[nxt]
}
q_hf7 <- function(s, p) {                                # qrule "hf7"
  n <- length(s$x)
  pk <- c(0, s$C[-n]) / s$C[n - 1]
  if (p < pk[1]) return(s$x[1])
  if (p > pk[n]) return(s$x[n])
  i <- 1L; j <- n
  while (i < j - 1L) { m <- (i + j) %/% 2L; if (p < pk[m]) j <- m else i <- m }
  if (p == pk[j]) return(s$x[j])
  if (p == pk[i]) return(s$x[i])
  s$x[i] + (s$x[j] - s$x[i]) * ((p - pk[i]) / (pk[j] - pk[i]))
}
qrule_fun <- function(name) switch(name, math = function(s, p) q_step(s, p),
                                   school = function(s, p) q_step(s, p, school = TRUE), hf7 = q_hf7)

# variance of the weighted mean of indicator I over the analysed rows `use` of the FULL data
# (rows outside `use` contribute zero; n_h = PSUs of stratum h in the full design)
mean_var <- function(I, w, use, strata, psu, N, lonely) {
  wu <- ifelse(use, w, 0)
  W <- sum(wu)
  phat <- sum(wu * I) / W
  z <- ifelse(use, wu * (I - phat) / W, 0)
  V <- 0
  for (h in unique(strata)) {
    rows <- strata == h
    t <- as.vector(tapply(z[rows], factor(psu[rows]), sum))  # all PSUs of h, zero if not used
    nh <- length(t)
    f <- if (is.null(N)) 1 else (N[rows][1] - nh) / N[rows][1]
    if (f < 1e-7) next
    if (nh > 1) {
      V <- V + f * nh / (nh - 1) * sum((t - mean(t))^2)
    } else {
      if (lonely != "adjust") stop("lonely PSU in stratum ", h)
      V <- V + f * sum(t^2)                               # adjust: centred at 0 (grand mean)
    }
  }
  list(phat = phat, var = V, W = W)
}

my_quantile <- function(dd, use, v, p, qrule, interval, level, invert = TRUE, sumfun = csum) {
  dat <- dd$df
  x <- dat[[v]]; w <- dat[[dd$weight]]
  if (invert) w <- 1 / (1 / w)                           # survey keeps 1/prob = 1/(1/w)
  strata <- if (dd$strata == "") rep("1", nrow(dat)) else as.character(dat[[dd$strata]])
  psu <- if (dd$psu == "") as.character(seq_len(nrow(dat))) else paste(strata, dat[[dd$psu]])
  N <- if (dd$fpc == "") NULL else dat[[dd$fpc]]
  use <- use & !is.na(x)
  alpha <- 1 - level
  s <- wcdf(x[use], w[use], sumfun)
  rule <- qrule_fun(qrule)
  qhat <- rule(s, p)
  pos <- use & w > 0
  df <- length(unique(psu[pos])) - length(unique(strata[pos]))
  I <- ifelse(use, as.numeric(x <= qhat), 0)
  mv <- mean_var(I, w, use, strata, psu, N, dd$lonely)
  se_p <- sqrt(mv$var)
  tcrit <- qt(1 - alpha / 2, df)
  neff <- NA_real_
  if (interval == "mean") {
    pl <- mv$phat - tcrit * se_p
    pu <- mv$phat + tcrit * se_p
  } else {                                               # beta
    neff <- mv$phat * (1 - mv$phat) / mv$var
    neff <- neff * (qt(alpha / 2, sum(use) - 1) / qt(alpha / 2, df))^2
    pl <- qbeta(alpha / 2, neff * mv$phat, neff * (1 - mv$phat) + 1)
    pu <- qbeta(1 - alpha / 2, neff * mv$phat + 1, neff * (1 - mv$phat))
  }
  lo <- if (is.na(pl) || pl < 0) NaN else rule(s, pl)
  up <- if (is.na(pu) || pu > 1) NaN else rule(s, pu)
  n <- length(s$x)
  ties <- sum(s$x == qhat)
  below <- if (any(s$x < qhat)) s$C[max(which(s$x < qhat))] / s$C[n] else 0
  at <- if (any(s$x <= qhat)) s$C[max(which(s$x <= qhat))] / s$C[n] else 0
  list(estimate = qhat, ci_lower = lo, ci_upper = up, se = (up - lo) / (2 * tcrit),
       n_rows = sum(use), n_used = n, df = df, weight_sum = s$C[n], tie_records = ties,
       cdf_below = below, cdf_at = at, p_hat = mv$phat, se_p = se_p, tcrit = tcrit, n_eff = neff,
       p_lower = pl, p_upper = pu,
       knife_edge = any(abs(s$C - p * s$C[n]) <= 1e-12 * s$C[n]),
       first_record_quirk = qrule %in% c("math", "school") &&
         any(c(p, pl, pu) >= 0 & c(p, pl, pu) < s$C[1] / s$C[n], na.rm = TRUE),
       hf7_tie_sensitive = FALSE)
}

# ---- survey's values ---------------------------------------------------------
call_svyq <- function(j, fml, des, ...) {
  args <- list(fml, des, quantiles = QS, na.rm = TRUE, ci = TRUE, ...)
  if (!is.null(j$qrule)) args$qrule <- j$qrule
  if (!is.null(j$interval)) args$interval.type <- j$interval
  if (j$level != 0.95) args$alpha <- 1 - j$level
  args
}

ref <- list(); inter <- list(); maxrel <- 0; maxrel_cols <- c(estimate = 0, ci_lower = 0, ci_upper = 0, se = 0)
svyby_checked <- 0; n_bad_raw <- 0; n_bad_naive <- 0
relerr <- function(a, b) {
  if (is.nan(b) || is.nan(a)) { if (!(is.nan(a) && is.nan(b))) return(Inf) else return(0) }
  if (b == 0) abs(a) else abs(a - b) / abs(b)
}
for (j in jobs) {
  dd <- designs[[j$design]]
  options(survey.lonely.psu = dd$lonely)
  dat <- dd$df
  qrule <- if (is.null(j$qrule)) "math" else j$qrule
  interval <- if (is.null(j$interval)) "mean" else j$interval
  fml <- as.formula(paste0("~", j$variable))
  for (by in j$by) {
    if (by == "") {
      groups <- ""
    } else {
      groups <- sort(unique(dat[[by]][!is.na(dat[[by]])]))
      sb <- do.call(svyby, c(list(fml, as.formula(paste0("~", by)), dd$des, svyquantile),
                             call_svyq(j, NULL, NULL)[-(1:2)], list(vartype = c("se", "ci"))))
      stopifnot(identical(as.character(sb[[by]]), groups))
    }
    for (g in groups) {
      inside <- if (by == "") rep(TRUE, nrow(dat)) else (!is.na(dat[[by]]) & dat[[by]] == g)
      sub <- if (by == "") dd$des else dd$des[inside, ]   # == subset(design, by == g)
      r <- do.call(svyquantile, call_svyq(j, fml, sub))[[1]]
      if (by != "") {
        # svyby(..., svyquantile) must equal svyquantile on subset(design, domain)
        sub2 <- eval(bquote(subset(dd$des, .(as.name(by)) == .(g))))
        r2 <- do.call(svyquantile, call_svyq(j, fml, sub2))[[1]]
        stopifnot(identical(unname(r), unname(r2)))
        k <- which(sb[[by]] == g)
        for (qi in seq_along(QS)) {
          sfx <- paste0(j$variable, ".", QS[qi])
          got <- c(sb[k, sfx], sb[k, paste0("ci_l.", sfx)], sb[k, paste0("ci_u.", sfx)], sb[k, paste0("se.", sfx)])
          stopifnot(identical(unname(got), unname(r[qi, c(1, 2, 3, 4)])))
        }
        svyby_checked <- svyby_checked + 1
      }
      # independent intermediate values from survey's building blocks
      sub_nm <- sub[!is.na(sub$variables[[j$variable]]), ]
      for (qi in seq_along(QS)) {
        p <- QS[qi]
        mine <- my_quantile(dd, inside, j$variable, p, qrule, interval, j$level)
        m <- svymean(sub_nm$variables[[j$variable]] <= unname(r[qi, 1]), sub_nm)
        names(m) <- "pmed"                              # as woodruffCI does (confint needs a name)
        chk <- c(p_hat = relerr(mine$p_hat, unname(coef(m))), se_p = relerr(mine$se_p, unname(SE(m))),
                 df = relerr(mine$df, degf(sub_nm)))
        if (interval == "mean") {
          band <- confint(m, level = j$level, df = degf(sub_nm))
          chk <- c(chk, p_lower = relerr(mine$p_lower, band[1]), p_upper = relerr(mine$p_upper, band[2]))
        }
        rvals <- c(estimate = r[qi, 1], ci_lower = r[qi, 2], ci_upper = r[qi, 3], se = r[qi, 4])
        errs <- c(estimate = relerr(mine$estimate, rvals[[1]]), ci_lower = relerr(mine$ci_lower, rvals[[2]]),
                  ci_upper = relerr(mine$ci_upper, rvals[[3]]), se = relerr(mine$se, rvals[[4]]))
        if (any(c(errs, chk) > TOL)) {
          print(j); print(c(g = g, p = p)); print(errs); print(chk); print(rvals); str(mine)
          stop("re-implementation disagrees with svyquantile")
        }
        maxrel <- max(maxrel, errs, chk)
        # the same with the raw file weights instead of survey's 1/(1/w)
        # variants a Java port might be tempted to use: raw file weights instead of survey's 1/(1/w),
        # plain double cumulative sums instead of exact ones; count the rows where they go wrong
        variant_err <- function(o) max(relerr(o$estimate, rvals[[1]]), relerr(o$ci_lower, rvals[[2]]),
                                       relerr(o$ci_upper, rvals[[3]]), relerr(o$se, rvals[[4]]))
        bad_raw <- variant_err(my_quantile(dd, inside, j$variable, p, qrule, interval, j$level, invert = FALSE)) > TOL
        bad_naive <- variant_err(my_quantile(dd, inside, j$variable, p, qrule, interval, j$level,
                                             sumfun = csum_naive)) > TOL
        n_bad_raw <- n_bad_raw + bad_raw; n_bad_naive <- n_bad_naive + bad_naive
        maxrel_cols <- pmax(maxrel_cols, errs)
        # hf7 depends on the order of tied records: flag rows where reversing ties changes it
        if (qrule == "hf7") {
          x <- dat[[j$variable]]; use <- inside & !is.na(x); w <- 1 / (1 / dat[[dd$weight]])
          keep <- w[use] != 0; xx <- x[use][keep]; ww <- w[use][keep]
          o <- order(xx, -seq_along(xx))                # ties in reverse file order
          s2 <- list(x = xx[o], w = ww[o], C = csum(ww[o]))
          alt <- c(q_hf7(s2, p), if (is.nan(mine$ci_lower)) NaN else q_hf7(s2, mine$p_lower),
                   if (is.nan(mine$ci_upper)) NaN else q_hf7(s2, mine$p_upper))
          mine$hf7_tie_sensitive <- any(abs(alt - c(mine$estimate, mine$ci_lower, mine$ci_upper)) > 1e-12, na.rm = TRUE)
        }
        common <- data.frame(case = j$design, data = dd$data, weight = dd$weight, strata = dd$strata, psu = dd$psu,
                             fpc = dd$fpc, lonely = dd$lonely, variable = j$variable, by = by,
                             group = if (by == "") "" else paste0(by, "=", g), quantile = fpar(p),
                             stringsAsFactors = FALSE)
        tail <- data.frame(qrule = qrule, interval_type = interval, level = fpar(j$level), stringsAsFactors = FALSE)
        ref[[length(ref) + 1]] <- cbind(common, data.frame(
          estimate = f17(rvals[[1]]), ci_lower = f17(rvals[[2]]), ci_upper = f17(rvals[[3]]), se = f17(rvals[[4]]),
          stringsAsFactors = FALSE), tail)
        inter[[length(inter) + 1]] <- cbind(common[, c("case", "variable", "by", "group", "quantile")], tail,
          data.frame(n_rows = mine$n_rows, n_used = mine$n_used, df = mine$df, weight_sum = f17(mine$weight_sum),
                     estimate = f17(rvals[[1]]), tie_records = mine$tie_records,
                     cdf_below = f17(mine$cdf_below), cdf_at = f17(mine$cdf_at),
                     p_hat = f17(unname(coef(m))), se_p = f17(unname(SE(m))), tcrit = f17(mine$tcrit),
                     n_eff = f17(mine$n_eff), p_lower = f17(mine$p_lower), p_upper = f17(mine$p_upper),
                     jump_at_estimate = mine$tie_records >= 2 && mine$cdf_below < p && p < mine$cdf_at,
                     knife_edge = mine$knife_edge, first_record_quirk = mine$first_record_quirk,
                     fails_with_raw_weights = bad_raw, fails_with_double_sums = bad_naive,
                     hf7_tie_sensitive = mine$hf7_tie_sensitive,
                     stringsAsFactors = FALSE))
      }
    }
  }
}
ref <- do.call(rbind, ref)
inter <- do.call(rbind, inter)
stopifnot(!any(duplicated(ref[, c("case", "variable", "by", "group", "quantile", "qrule", "interval_type", "level")])))

# check that the Java-style arithmetic (sequential double sums, W = last cumulative sum) makes the
# same decisions as survey's extended-precision cumsum()/sum() -- done above through the
# estimate / CI comparison; report the knife-edge rows (C_k == p * W in exact arithmetic)
ke <- inter[inter$knife_edge, c("case", "variable", "group", "quantile", "qrule", "estimate")]

# ---- unit fixture for the quantile rules alone (qrule_reference.csv) -------
# survey:::qrule_math / qrule_school / qrule_hf7 called directly on small vectors: knife edges with
# equal weights (C_k == p * W in exact arithmetic), the first-record quirk, zero weights, ties.
fshort <- function(x) {                                  # shortest decimal that reads back exactly
  s <- sprintf("%.15g", x); bad <- as.numeric(s) != x
  s[bad] <- sprintf("%.16g", x[bad]); bad <- as.numeric(s) != x
  s[bad] <- sprintf("%.17g", x[bad]); s
}
ns <- asNamespace("survey")
rq <- list()
add_rq <- function(id, rule, p, x, w, note) {
  expected <- get(paste0("qrule_", rule), ns)(x, w, p)
  s <- wcdf(x, w); s_naive <- wcdf(x, w, csum_naive)
  mine <- qrule_fun(rule)(s, p); naive <- qrule_fun(rule)(s_naive, p)
  if (relerr(mine, expected) > TOL) stop("qrule re-implementation disagrees: ", id)
  rq[[length(rq) + 1]] <<- data.frame(id = id, qrule = rule, p = fpar(p), x = paste(fshort(x), collapse = ";"),
    w = paste(fshort(w), collapse = ";"), expected = f17(expected),
    fails_with_double_sums = relerr(naive, expected) > TOL, note = note, stringsAsFactors = FALSE)
}
k <- 0
for (w0 in c(0.1, 0.3, 0.7, 1.1, 2.2, 15.1, 44.21)) for (n in c(10L, 20L, 30L, 50L, 100L)) for (p in QS) {
  if (abs(p * n - round(p * n)) > 1e-9) next          # knife edge: p * n is a whole number
  k <- k + 1
  for (rule in c("math", "school")) add_rq(sprintf("edge%03d", k), rule, p, seq_len(n) * 10, rep(w0, n),
                                           sprintf("equal weights %s; n = %d; p * n = %d", fshort(w0), n, round(p * n)))
}
for (p in c(0, 0.1, 0.5, 0.625, 0.7, 1)) for (rule in c("math", "school"))
  add_rq(sprintf("first_%s", fpar(p)), rule, p, c(10, 20, 30, 40), c(5, 1, 1, 1),
         "first-record quirk: p < C_1/W (= 0.625) gives the 2nd smallest value")
for (p in c(0.1, 0.25, 0.5, 0.75, 0.9)) for (rule in c("math", "school", "hf7"))
  add_rq(sprintf("zero_%s", fpar(p)), rule, p, c(7, 3, 5, 1, 9, 4), c(1, 0, 2, 0, 1, 1.5),
         "zero weights are dropped before sorting")
for (p in c(0, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1)) for (rule in c("math", "school", "hf7"))
  add_rq(sprintf("ties_%s", fpar(p)), rule, p, c(2, 1, 2, 3, 2, 4), c(1, 1, 3, 1, 2, 2),
         "ties; hf7 depends on the stable (file) order of the tied records")
rq <- do.call(rbind, rq)
cat("qrule_reference.csv:", nrow(rq), "rows;", sum(rq$fails_with_double_sums),
    "of them go wrong with plain double cumulative sums\n")
con <- file("qrule_reference.csv", open = "w")
writeLines(c(
  paste0("# ", R.version.string, "; survey ", as.character(packageVersion("survey")), "; date: ", Sys.Date()),
  "# expected = survey:::qrule_<qrule>(x, w, p) for the ;-separated vectors x and w (given in this order; no design)",
  "# fails_with_double_sums: a port that forms cumulative weights by plain left-to-right double sums gets this row wrong",
  "# tolerance: 1e-8 relative (values are data values, midpoints or hf7 interpolations)"), con)
close(con)
suppressWarnings(write.table(rq, "qrule_reference.csv", sep = ",", quote = FALSE, row.names = FALSE,
                             col.names = TRUE, na = "", append = TRUE, eol = "\n"))

hdr <- c(
  paste0("# ", R.version.string, "; survey ", as.character(packageVersion("survey")), "; date: ", Sys.Date()),
  "# svyquantile(~v, d, quantiles = c(0.1, 0.25, 0.5, 0.75, 0.9), na.rm = TRUE, ci = TRUE[, qrule=][, interval.type=][, alpha = 1 - level])",
  "#   defaults (qrule/interval_type columns 'math'/'mean' with level 0.95): qrule = \"math\", interval.type = \"mean\" (Woodruff), alpha = 0.05, df = degf(design)",
  "#   d = whole design (by/group empty) or subset(design, by == group) == svyby(~v, ~by, design, svyquantile, ..., vartype = c(\"se\",\"ci\"))",
  "# designs: strat = svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc); clus1 = svydesign(id=~dnum, weights=~pw, fpc=~fpc);",
  "#   amounts_cluster = svydesign(id=~psu, strata=~stratum, weights=~weight, nest=TRUE) with options(survey.lonely.psu = \"adjust\")",
  "# se = (ci_upper - ci_lower) / (2 * qt(1 - (1 - level)/2, df)); NaN = survey returns NaN (probability bound outside [0, 1])",
  "# tie example: amounts_cluster,days,overall,quantile 0.5 (estimate 16; weighted CDF jumps across 0.5 at 16, see quantile_intermediate.csv)",
  "# knife edges (C_k == p * W exactly): clus1 enroll stype=E 0.25/0.5/0.75 and stype=H 0.5 (math: lower value, school: midpoint);",
  "#   strat api00 stype=H 0.1 (estimate) is only reproduced with survey's weights 1/(1/pw); first-record quirk: strat api00 stype=M 0.1 ci_lower (2nd smallest value)",
  paste0("# tolerance: 1e-8 relative (re-implementation in make_quantile.R agrees to ", sprintf("%.3g", maxrel), ")"))
con <- file("quantile_reference.csv", open = "w"); writeLines(hdr, con); close(con)
suppressWarnings(write.table(ref, "quantile_reference.csv", sep = ",", quote = FALSE, row.names = FALSE,
                             col.names = TRUE, na = "", append = TRUE, eol = "\n"))

hdr2 <- c(
  paste0("# ", R.version.string, "; survey ", as.character(packageVersion("survey")), "; date: ", Sys.Date()),
  "# intermediate quantities for each row of quantile_reference.csv (same keys); see NOTES.md",
  "# n_rows: analysed rows (domain, variable observed, zero weights included); n_used: of those with weight > 0; df = degf",
  "# weight_sum W; cdf_below = F(estimate-) ; cdf_at = F(estimate) (weights > 0 only); p_hat/se_p = svymean(I(v <= estimate)) and its SE",
  "# tcrit = qt(1 - alpha/2, df); n_eff (beta only); p_lower/p_upper: band on the probability scale (before the NaN rule)",
  "# jump_at_estimate: >= 2 records at the estimate and cdf_below < quantile < cdf_at; knife_edge: some C_k == quantile * W",
  "# first_record_quirk: math/school evaluated at a probability in [0, C_1/W) (returns the 2nd smallest value)",
  "# fails_with_raw_weights / fails_with_double_sums: this row is NOT reproduced (1e-10) if the weights are used as read",
  "#   (instead of 1/(1/w)) / if cumulative weights are plain left-to-right double sums (instead of exact sums rounded to double)",
  "# hf7_tie_sensitive: hf7 result changes if tied records are taken in reverse file order")
con <- file("quantile_intermediate.csv", open = "w"); writeLines(hdr2, con); close(con)
suppressWarnings(write.table(inter, "quantile_intermediate.csv", sep = ",", quote = FALSE, row.names = FALSE,
                             col.names = TRUE, na = "", append = TRUE, eol = "\n"))

cat("wrote", nrow(ref), "reference rows;", svyby_checked, "svyby domains checked against subset()\n")
cat("max relative difference (re-implementation vs survey):", sprintf("%.3g", maxrel), "\n")
print(maxrel_cols)
cat("rows that go wrong with raw file weights instead of 1/(1/w):", n_bad_raw, "\n")
cat("rows that go wrong with plain double cumulative sums:", n_bad_naive, "\n")
cat("rows where the first-record quirk of qrule math/school applies:", sum(inter$first_record_quirk), "\n")
cat("NaN cells:", sum(ref$ci_lower == "NaN"), "ci_lower,", sum(ref$ci_upper == "NaN"), "ci_upper\n")
cat("knife-edge rows:\n"); print(ke, row.names = FALSE)
cat("rows with a CDF jump across the quantile at the estimate:", sum(inter$jump_at_estimate), "\n")
cat("hf7 rows sensitive to tie order:", sum(inter$hf7_tie_sensitive), "\n")
