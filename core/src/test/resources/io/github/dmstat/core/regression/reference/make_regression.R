#!/usr/bin/env Rscript
# =============================================================================
# make_regression.R -- reference fixtures for dmstat's design-based regression
# (svyglm, regTermTest, trend test) from R's `survey` package (Lumley).
#
# Writes, into this folder only:
#   survey_years.csv          survey_small.csv (year 2016) stacked on survey_small_y2.csv
#                             (year 2020), with a stratum_year column
#   glm_reference.csv         svyglm coefficients, SEs, t, p, df, Wald CIs (and ORs)
#   glm_vcov.csv              full design-based variance-covariance matrix of every case
#   regterm_reference.csv     regTermTest (Wald) for multi-level factor terms
#   trend_reference.csv       the year coefficient of the trend models (stacked years)
#
# Inputs (byte-identical copies of ../../survey/reference/*.csv; copied here if absent):
#   survey_small.csv, survey_small_y2.csv, survey_lonely.csv, api_strat_stats.csv,
#   api_clus1_stats.csv
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/regression/reference
#   Rscript make_regression.R
#
# Deterministic: no random numbers. Only the "# date:" comment lines change between runs.
# Every input is (re)read from CSV in this folder before any value is computed.
# The second half of the script re-implements every formula of NOTES.md by hand (own IRLS,
# own sandwich, own stratified PSU variance, own Wald F) and stops if any result differs
# from survey's output by more than 1e-10 relative.
# =============================================================================

suppressPackageStartupMessages(library(survey))
invisible(Sys.setlocale("LC_COLLATE", "C"))   # factor levels = sort() in code-point order
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE,
        na.action = "na.omit", stringsAsFactors = FALSE)

TOL <- 1e-10                       # tolerance of every hand-check (max relative difference)
EPS <- 1e-12; MAXIT <- 100         # glm.control(epsilon = EPS, maxit = MAXIT), literally below
R_VERSION <- R.version.string
SURVEY_VERSION <- as.character(packageVersion("survey"))
TODAY <- format(Sys.Date())

# ---- helpers -----------------------------------------------------------------
f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

write_commented_csv <- function(header, df, file) {
  con <- file(file, "w")
  on.exit(close(con))
  writeLines(paste("#", header), con)
  write.table(df, con, sep = ",", quote = FALSE, row.names = FALSE, col.names = TRUE,
              na = "", eol = "\n")
}

# relative difference, elementwise, with a floor of 1e-300 on the denominator; max over all
maxrel <- function(a, b) {
  a <- as.numeric(a); b <- as.numeric(b)
  stopifnot(length(a) == length(b), all(is.finite(a) == is.finite(b)))
  ok <- is.finite(a)
  if (!any(ok)) return(0)
  max(abs(a[ok] - b[ok]) / pmax(abs(b[ok]), 1e-300))
}
checks <- data.frame(check = character(), max_rel_diff = numeric())
check <- function(name, a, b, tol = TOL) {
  d <- maxrel(a, b)
  checks[nrow(checks) + 1, ] <<- list(name, d)
  if (!(d <= tol)) stop(sprintf("check failed: %s: max rel diff %.3g > %.3g", name, d, tol))
  invisible(d)
}

# ---- inputs ------------------------------------------------------------------
src_dir <- file.path("..", "..", "survey", "reference")
inputs <- c("survey_small.csv", "survey_small_y2.csv", "survey_lonely.csv",
            "api_strat_stats.csv", "api_clus1_stats.csv")
for (f in inputs) {
  if (!file.exists(f)) {
    stopifnot(file.exists(file.path(src_dir, f)))
    file.copy(file.path(src_dir, f), f)
  }
}

# Stacked years: the text of both files is kept as is (read as character), so survey_years.csv
# carries exactly the same numbers as the two source files.
y1 <- read.csv("survey_small.csv", colClasses = "character", na.strings = character())
y2 <- read.csv("survey_small_y2.csv", colClasses = "character", na.strings = character())
y1$year <- "2016"; y2$year <- "2020"
years_txt <- rbind(y1, y2)
years_txt$stratum_year <- paste0(years_txt$year, "_", years_txt$stratum)
years_txt$psu_year <- paste0(years_txt$stratum_year, "_", years_txt$psu)
years_txt <- years_txt[, c("year", "id", "stratum", "psu", "stratum_year", "psu_year", "fpc",
                           "weight", "agegroup", "sex", "used")]
write.table(years_txt, "survey_years.csv", sep = ",", quote = FALSE, row.names = FALSE,
            col.names = TRUE, eol = "\n")

small  <- read.csv("survey_small.csv")
small2 <- read.csv("survey_small_y2.csv")
lonely <- read.csv("survey_lonely.csv")
strat  <- read.csv("api_strat_stats.csv")
clus1  <- read.csv("api_clus1_stats.csv")
years  <- read.csv("survey_years.csv")
stopifnot(nrow(years) == nrow(small) + nrow(small2),
          identical(years$used, c(small$used, small2$used)),
          identical(years$weight, c(small$weight, small2$weight)),
          length(unique(years$stratum_year)) == 12,
          length(unique(years$psu_year)) == length(unique(paste(small$stratum, small$psu))) +
            length(unique(paste(small2$stratum, small2$psu))))
# derived 0/1 response for the logistic apistrat model (no NAs in awards)
stopifnot(all(strat$awards %in% c("Yes", "No")))
strat$awards01 <- as.integer(strat$awards == "Yes")

# ---- designs -----------------------------------------------------------------
designs <- list(
  small_full  = list(data = "survey_small.csv", df = small, weight = "weight", strata = "stratum",
                     psu = "psu", fpc = "fpc", lonely = "fail"),
  small_nofpc = list(data = "survey_small.csv", df = small, weight = "weight", strata = "stratum",
                     psu = "psu", fpc = "", lonely = "fail"),
  small_wonly = list(data = "survey_small.csv", df = small, weight = "weight", strata = "",
                     psu = "", fpc = "", lonely = "fail"),
  lonely_adj  = list(data = "survey_lonely.csv", df = lonely, weight = "weight", strata = "stratum",
                     psu = "psu", fpc = "fpc", lonely = "adjust"),
  strat       = list(data = "api_strat_stats.csv", df = strat, weight = "pw", strata = "stype",
                     psu = "", fpc = "fpc", lonely = "fail"),
  clus1       = list(data = "api_clus1_stats.csv", df = clus1, weight = "pw", strata = "",
                     psu = "dnum", fpc = "fpc", lonely = "fail"),
  years       = list(data = "survey_years.csv", df = years, weight = "weight",
                     strata = "stratum_year", psu = "psu", fpc = "fpc", lonely = "fail")
)

make_design <- function(d) {
  fml <- function(v) if (nzchar(v)) as.formula(paste0("~", v)) else NULL
  svydesign(ids = if (nzchar(d$psu)) fml(d$psu) else ~1, strata = fml(d$strata),
            weights = fml(d$weight), fpc = fml(d$fpc), nest = TRUE, data = d$df)
}
design_call <- function(d) {
  paste0("svydesign(ids = ~", if (nzchar(d$psu)) d$psu else "1",
         if (nzchar(d$strata)) paste0(", strata = ~", d$strata) else "",
         ", weights = ~", d$weight,
         if (nzchar(d$fpc)) paste0(", fpc = ~", d$fpc) else "",
         ", nest = TRUE, data = read.csv(\"", d$data, "\"))")
}

# ---- cases -------------------------------------------------------------------
cases <- list(
  list(case = "small_full_logit",  design = "small_full",  family = "quasibinomial",
       formula = "used ~ agegroup + sex"),
  list(case = "small_nofpc_logit", design = "small_nofpc", family = "quasibinomial",
       formula = "used ~ agegroup + sex"),
  list(case = "small_wonly_logit", design = "small_wonly", family = "quasibinomial",
       formula = "used ~ agegroup + sex"),
  list(case = "lonely_adjust_logit", design = "lonely_adj", family = "quasibinomial",
       formula = "used ~ agegroup + sex"),
  list(case = "strat_logit",       design = "strat",       family = "quasibinomial",
       formula = "awards01 ~ api00 + stype"),
  list(case = "strat_linear",      design = "strat",       family = "gaussian",
       formula = "api00 ~ meals + stype"),
  list(case = "clus1_linear",      design = "clus1",       family = "gaussian",
       formula = "api00 ~ meals + stype"),
  list(case = "strat_linear_na",   design = "strat",       family = "gaussian",
       formula = "api00 ~ acs_k3 + meals"),
  list(case = "clus1_linear_na",   design = "clus1",       family = "gaussian",
       formula = "api00 ~ acs_k3 + meals"),
  list(case = "trend_unadj",       design = "years",       family = "quasibinomial",
       formula = "used ~ year"),
  list(case = "trend_adj",         design = "years",       family = "quasibinomial",
       formula = "used ~ year + agegroup + sex")
)

fam_obj <- function(name) switch(name, quasibinomial = quasibinomial(), gaussian = gaussian())

fits <- list()
for (cs in cases) {
  d <- designs[[cs$design]]
  options(survey.lonely.psu = d$lonely)
  des <- make_design(d)
  m <- svyglm(as.formula(cs$formula), design = des, family = fam_obj(cs$family),
              control = glm.control(epsilon = 1e-12, maxit = 100))
  stopifnot(m$converged, m$control$epsilon == EPS, m$control$maxit == MAXIT)
  st <- summary(m)$coefficients
  ci <- confint(m)                        # default: method = "Wald", ddf = m$df.residual
  logit <- cs$family == "quasibinomial"
  nas <- m$na.action
  rows <- data.frame(
    case = cs$case, data = d$data, weight = d$weight, strata = d$strata, psu = d$psu,
    fpc = d$fpc, lonely = d$lonely, family = cs$family, formula = cs$formula,
    term = rownames(st),
    estimate = f17(st[, 1]), se = f17(st[, 2]), t = f17(st[, 3]), p = f17(st[, 4]),
    df_resid = f17(rep(m$df.residual, nrow(st))),
    odds_ratio = if (logit) f17(exp(st[, 1])) else "",
    or_lower = if (logit) f17(exp(ci[, 1])) else "",
    or_upper = if (logit) f17(exp(ci[, 2])) else "",
    ci_lower = f17(ci[, 1]), ci_upper = f17(ci[, 2]),
    n_obs = nrow(model.matrix(m)), n_dropped = length(nas),
    degf = degf(m$survey.design), degf_full = degf(des),
    iter = m$iter, stringsAsFactors = FALSE)
  V <- vcov(m)
  vrows <- data.frame(case = cs$case, row_term = rep(rownames(V), times = ncol(V)),
                      col_term = rep(colnames(V), each = nrow(V)), value = f17(as.vector(V)),
                      stringsAsFactors = FALSE)
  fits[[cs$case]] <- list(cs = cs, d = d, des = des, m = m, rows = rows, vrows = vrows, ci = ci)
}
options(survey.lonely.psu = "fail")

# ---- regTermTest ---------------------------------------------------------------
rt_specs <- list(
  list(case = "small_full_logit",    term = "agegroup", df = NULL),
  list(case = "small_full_logit",    term = "sex",      df = NULL),
  list(case = "small_full_logit",    term = "agegroup", df = Inf),
  list(case = "small_nofpc_logit",   term = "agegroup", df = NULL),
  list(case = "small_wonly_logit",   term = "agegroup", df = NULL),
  list(case = "lonely_adjust_logit", term = "agegroup", df = NULL),
  list(case = "strat_logit",         term = "stype",    df = NULL),
  list(case = "strat_linear",        term = "stype",    df = NULL),
  list(case = "strat_linear",        term = "stype",    df = Inf),
  list(case = "clus1_linear",        term = "stype",    df = NULL),
  list(case = "trend_adj",           term = "agegroup", df = NULL),
  list(case = "trend_adj",           term = "year",     df = NULL)
)
rt_rows <- list()
for (sp in rt_specs) {
  ft <- fits[[sp$case]]
  options(survey.lonely.psu = ft$d$lonely)
  r <- regTermTest(ft$m, as.formula(paste0("~", sp$term)), df = sp$df)   # method = "Wald"
  options(survey.lonely.psu = "fail")
  isF <- !is.null(r$Ftest)
  chisq <- if (isF) as.numeric(r$Ftest) * r$df else as.numeric(r$chisq)
  rt_rows[[length(rt_rows) + 1]] <- data.frame(
    case = sp$case, formula = ft$cs$formula, term = sp$term, method = "Wald",
    df_arg = if (is.null(sp$df)) "default" else "Inf",
    statistic_type = if (isF) "F" else "chisq",
    statistic = f17(if (isF) as.numeric(r$Ftest) else chisq), chisq = f17(chisq),
    df_num = f17(r$df), df_den = if (isF) f17(r$ddf) else "Inf", p = f17(as.numeric(r$p)),
    stringsAsFactors = FALSE)
  sp$r <- r
}

# ---- write reference files -------------------------------------------------------
glm_rows <- do.call(rbind, lapply(fits, `[[`, "rows"))
rownames(glm_rows) <- NULL
vcov_rows <- do.call(rbind, lapply(fits, `[[`, "vrows"))
rownames(vcov_rows) <- NULL
rt <- do.call(rbind, rt_rows)
trend <- glm_rows[glm_rows$case %in% c("trend_unadj", "trend_adj") & glm_rows$term == "year", ]
rownames(trend) <- NULL

common_header <- c(
  paste0("source: ", R_VERSION, ", survey ", SURVEY_VERSION, "; generated by make_regression.R"),
  paste0("date: ", TODAY),
  "tolerance: 1e-8 relative (numbers written with sprintf(\"%.17g\"))",
  "fit: svyglm(formula, design, family = <family>(), control = glm.control(epsilon = 1e-12, maxit = 100)) (rescale = TRUE default)",
  "designs (nest = TRUE; options(survey.lonely.psu = <lonely>), fail = package default):",
  paste0("  ", names(designs), ": ", sapply(designs, design_call)),
  "  survey_years.csv = survey_small.csv (year 2016) stacked on survey_small_y2.csv (year 2020); stratum_year = <year>_<stratum>",
  "factors: treatment contrasts, reference = first level in code-point (C locale) order; agegroup 18-24, sex F, stype E",
  "awards01 = 1 if awards == \"Yes\" else 0 (derived in R from api_strat_stats.csv)",
  "rows with NA in any model variable are dropped (na.omit); the design is subset to the remaining rows (see NOTES.md)"
)

write_commented_csv(c(
  "dmstat design-based regression reference (svyglm)", common_header,
  "estimate,se,t,p: summary(fit)$coefficients; p = 2*pt(-|t|, df_resid); df_resid = fit$df.residual = degf + 1 - #coefficients",
  "ci_lower,ci_upper: confint(fit) (Wald, level 0.95, ddf = df_resid) = estimate -/+ qt(0.975, df_resid)*se, computed by R as",
  "  z = -qnorm((1 - tlevel)/2) with tlevel = 1 - 2*pnorm(qt(0.025, df_resid)); for df_resid = 1 (lonely_adjust_logit) tlevel rounds to 1,",
  "  so R gives -Inf/Inf (written \"-Inf\"/\"Inf\"; or_lower/or_upper = 0/Inf). See NOTES.md.",
  "odds_ratio,or_lower,or_upper (quasibinomial only): exp(estimate), exp(ci_lower), exp(ci_upper); empty for gaussian",
  "n_obs: rows used in the fit; n_dropped: rows dropped for NA; degf: degf(design after the NA drop); degf_full: degf(full design); iter: IRLS iterations"),
  glm_rows, "glm_reference.csv")

write_commented_csv(c(
  "dmstat design-based regression variance-covariance matrices: vcov(fit) (the sandwich, no dispersion factor)",
  common_header,
  "one row per (case, row_term, col_term), column-major order; symmetric; diagonal = se^2 of glm_reference.csv"),
  vcov_rows, "glm_vcov.csv")

write_commented_csv(c(
  "dmstat regTermTest reference (method = \"Wald\")", common_header,
  "call: regTermTest(fit, ~term, df = NULL (df_arg default -> fit$df.residual) or Inf)",
  "chisq = b' V^-1 b over the k = df_num coefficients of the term; statistic_type F: statistic = chisq/k, p = pf(F, k, df_den, lower.tail = FALSE)",
  "statistic_type chisq (df_arg Inf): statistic = chisq, df_den = Inf, p = pchisq(chisq, k, lower.tail = FALSE)",
  "method = \"LRT\" (Rao-Scott working LRT) and \"WorkingWald\" are not included: see NOTES.md"),
  rt, "regterm_reference.csv")

write_commented_csv(c(
  "dmstat trend test reference: year coefficient (log odds ratio per calendar year) of quasibinomial svyglm on stacked years",
  common_header,
  "input survey_years.csv: independent samples, so strata = stratum_year (12 strata), PSUs = psu nested in stratum_year, fpc per stratum-year",
  "year is numeric (2016 or 2020); odds_ratio = exp(estimate) = OR per year; or_lower/or_upper = exp(estimate -/+ qt(0.975, df_resid)*se)",
  "same columns as glm_reference.csv (the full models are also in glm_reference.csv / glm_vcov.csv)"),
  trend, "trend_reference.csv")

# =============================================================================
# Hand re-implementation of NOTES.md, checked against survey at tolerance TOL
# =============================================================================

# Design-based variance of a total of influence rows H (n_used x p), rows = model rows.
#   strata/psu/fpc: vectors for the rows used; nh: original number of sampled PSUs per stratum
#   (named by stratum, from the FULL design); Nh: population PSUs per stratum or NULL.
# (X' diag(W) X)^-1 from the QR of sqrt(W) X (as glm/summary.glm do), no pivoting allowed
bread <- function(X, W) {
  q <- qr(X * sqrt(W), tol = 1e-15)
  stopifnot(q$rank == ncol(X), identical(q$pivot, seq_len(ncol(X))))
  chol2inv(qr.R(q))
}
wls <- function(X, W, z) { q <- qr(X * sqrt(W), tol = 1e-15); stopifnot(q$rank == ncol(X)); qr.coef(q, z * sqrt(W)) }

hand_recvar <- function(H, strata, psu, nh, Nh, lonely) {
  p <- ncol(H); V <- matrix(0, p, p)
  for (h in unique(strata)) {
    idx <- strata == h
    T <- rowsum(H[idx, , drop = FALSE], psu[idx])          # PSU totals present
    n <- nh[[h]]
    if (nrow(T) < n) T <- rbind(T, matrix(0, n - nrow(T), p))  # PSUs with no used rows: 0
    f <- if (is.null(Nh)) 0 else n / Nh[[h]]
    if (n > 1) {
      Tc <- sweep(T, 2, colMeans(T))
      V <- V + (1 - f) * n / (n - 1) * crossprod(Tc)
    } else {
      stopifnot(lonely == "adjust")
      V <- V + (1 - f) * crossprod(T)                      # deviation from 0 = grand mean
    }
  }
  V
}

# glm.fit's IRLS path, replicated (quasibinomial = logit link, gaussian = identity link):
# prior weights w = weight / mean(weight over ALL design rows); start mu0 = (w y + 0.5)/(w + 1)
# (binomial) or mu0 = y (gaussian); deviance criterion |dev - devold| / (|dev| + 0.1) < EPS.
# Returns the final beta, the working weights of the LAST iteration (computed from the mu
# before the last update, as glm.fit does) and the final mu.
glm_path <- function(X, y, w, family) {
  logit <- family == "quasibinomial"
  linkinv <- if (logit) plogis else identity
  mu.eta  <- if (logit) function(eta) plogis(eta) * (1 - plogis(eta)) else function(eta) rep(1, length(eta))
  variance <- if (logit) function(mu) mu * (1 - mu) else function(mu) rep(1, length(mu))
  devres <- if (logit) function(y, mu) 2 * w * (ifelse(y == 1, -log(mu), 0) + ifelse(y == 0, -log(1 - mu), 0))
            else function(y, mu) w * (y - mu)^2
  mu <- if (logit) (w * y + 0.5) / (w + 1) else y
  eta <- if (logit) qlogis(mu) else mu
  devold <- sum(devres(y, mu))
  for (iter in 1:MAXIT) {
    me <- mu.eta(eta)
    z <- eta + (y - mu) / me
    W <- w * me^2 / variance(mu)
    beta <- wls(X, W, z)
    eta <- drop(X %*% beta); mu <- linkinv(eta)
    dev <- sum(devres(y, mu))
    if (abs(dev - devold) / (abs(dev) + 0.1) < EPS) break
    devold <- dev
  }
  list(beta = beta, W = W, mu = mu, eta = eta, iter = iter,
       wres = (y - mu) / mu.eta(eta))          # working residual at the final mu
}

hand_fit <- function(ft) {
  m <- ft$m; d <- ft$d; cs <- ft$cs; df <- d$df
  if (cs$case == "strat_logit") df$awards01 <- as.integer(df$awards == "Yes")
  vars <- all.vars(as.formula(cs$formula))
  keep <- stats::complete.cases(df[, vars, drop = FALSE])
  X <- model.matrix(as.formula(cs$formula), df[keep, , drop = FALSE])
  y <- df[keep, vars[1]]
  w <- df[keep, d$weight]                                   # raw weights: no rescaling
  stopifnot(identical(colnames(X), names(coef(m))))
  # design structure: original PSU count per stratum from the FULL data
  sv <- if (nzchar(d$strata)) as.character(df[[d$strata]]) else rep("1", nrow(df))
  pv <- if (nzchar(d$psu)) paste(sv, df[[d$psu]]) else as.character(seq_len(nrow(df)))
  nh <- tapply(pv, sv, function(z) length(unique(z)))
  Nh <- if (nzchar(d$fpc)) tapply(df[[d$fpc]], sv, function(z) z[1]) else NULL
  # (a) fully converged solution (Newton from 0 until the step is < 1e-15), sandwich at it
  if (cs$family == "gaussian") {
    beta <- wls(X, w, y)
    mu <- drop(X %*% beta); vwt <- rep(1, length(y))
  } else {
    beta <- rep(0, ncol(X))
    for (it in 1:200) {
      mu <- plogis(drop(X %*% beta)); vwt <- mu * (1 - mu)
      step <- wls(X, w * vwt, (y - mu) / vwt)      # = (X'WX)^-1 X' w (y - mu)
      beta <- beta + drop(step)
      if (max(abs(step)) < 1e-15 * max(1, max(abs(beta)))) break
    }
    mu <- plogis(drop(X %*% beta)); vwt <- mu * (1 - mu)
  }
  U <- X * (w * (y - mu))                                   # estimating functions
  H <- U %*% bread(X, w * vwt)                              # influence rows U (X'WX)^-1
  V <- hand_recvar(H, sv[keep], pv[keep], nh, Nh, d$lonely)
  # (b) glm.fit's own path: bread and working weights lag one iteration behind the final beta
  wr <- df[[d$weight]]; wr <- (wr / mean(wr))[keep]
  gp <- glm_path(X, y, wr, cs$family)
  Hp <- (X * (gp$W * gp$wres)) %*% bread(X, gp$W)
  Vp <- hand_recvar(Hp, sv[keep], pv[keep], nh, Nh, d$lonely)
  degf_used <- length(unique(pv[keep])) - length(unique(sv[keep]))
  list(beta = beta, V = V, H = H, beta_path = gp$beta, V_path = Vp, H_path = Hp, iter_path = gp$iter,
       degf = degf_used, df_resid = degf_used + 1 - ncol(X),
       X = X, y = y, w = w, mu = mu, keep = keep, sv = sv, pv = pv, nh = nh, Nh = Nh)
}

hands <- list()
for (nm in names(fits)) {
  ft <- fits[[nm]]; m <- ft$m
  hf <- hand_fit(ft); hands[[nm]] <- hf
  options(survey.lonely.psu = ft$d$lonely)       # summary() computes a dispersion via svyvar
  check(paste(nm, "coef (own Newton, fully converged)"), hf$beta, coef(m))
  check(paste(nm, "coef (replicated glm.fit path)"), hf$beta_path, coef(m))
  stopifnot(hf$iter_path == m$iter)
  check(paste(nm, "vcov (replicated glm.fit path + own sandwich + own PSU variance)"), hf$V_path, vcov(m))
  # fully converged sandwich vs R: differs only by glm's one-iteration lag of the weights
  check(paste(nm, "vcov (fully converged sandwich) [tolerance 1e-8]"), hf$V, vcov(m), 1e-8)
  stopifnot(m$df.residual == hf$df_resid, degf(m$survey.design) == hf$degf,
            m$df.residual == degf(m$survey.design) + 1 - length(coef(m)))
  se <- sqrt(diag(hf$V_path)); tt <- hf$beta_path / se
  st <- summary(m)$coefficients
  check(paste(nm, "se"), se, st[, 2])
  check(paste(nm, "t"), tt, st[, 3])
  check(paste(nm, "p = 2 pt(-|t|, df)"), 2 * pt(-abs(tt), hf$df_resid), st[, 4])
  # confint.svyglm: tlevel = 1 - 2 pnorm(qt(0.025, df)); then confint.default(level = tlevel),
  # i.e. b -/+ z se with z = -qnorm((1 - tlevel)/2): the t quantile via a pnorm/qnorm round trip
  tlevel <- 1 - 2 * pnorm(qt(0.025, hf$df_resid))
  z <- -qnorm((1 - tlevel) / 2)
  check(paste(nm, "confint = b -/+ z se (pnorm/qnorm round trip)"), cbind(hf$beta_path - z * se, hf$beta_path + z * se), ft$ci)
  if (is.finite(z)) {
    check(paste(nm, "round-trip z = qt(0.975, df)"), z, qt(0.975, hf$df_resid))
  } else {
    stopifnot(hf$df_resid == 1, all(ft$ci[, 1] == -Inf), all(ft$ci[, 2] == Inf))
  }
  # summary's covariance is the sandwich itself (no dispersion factor)
  check(paste(nm, "summary cov.scaled == vcov"), summary(m)$cov.scaled, vcov(m), 0)
  # weight rescaling (w / mean(w)) changes nothing at the solution: refit with and without
  # rescaling from the same (converged) start. (From glm's default start, rescale = FALSE can
  # diverge for logistic models with large weights: see the pitfall check below.)
  m2 <- svyglm(as.formula(ft$cs$formula), design = ft$des, family = fam_obj(ft$cs$family),
               rescale = FALSE, start = coef(m), control = glm.control(epsilon = 1e-12, maxit = 100))
  m3 <- svyglm(as.formula(ft$cs$formula), design = ft$des, family = fam_obj(ft$cs$family),
               rescale = TRUE, start = coef(m), control = glm.control(epsilon = 1e-12, maxit = 100))
  check(paste(nm, "rescale = FALSE vs TRUE (same start): coef"), coef(m2), coef(m3))
  check(paste(nm, "rescale = FALSE vs TRUE (same start): vcov"), vcov(m2), vcov(m3))
  check(paste(nm, "restarted at the solution: vcov = fully converged sandwich"), hf$V, vcov(m3))
  # svyglm rescales the prior weights to mean 1 over ALL rows of the design (incl. NA rows)
  w_all <- ft$d$df[[ft$d$weight]]
  check(paste(nm, "prior weights = w/mean(w over all design rows)"),
        m$prior.weights, (w_all / mean(w_all))[hf$keep], 1e-14)
  options(survey.lonely.psu = "fail")
}

# regTermTest Wald by hand
for (i in seq_along(rt_specs)) {
  sp <- rt_specs[[i]]; hf <- hands[[sp$case]]; m <- fits[[sp$case]]$m
  idx <- which(attr(model.matrix(m), "assign") == match(sp$term, attr(terms(m), "term.labels")))
  b <- hf$beta_path[idx]; Vt <- hf$V_path[idx, idx, drop = FALSE]
  chisq <- drop(t(b) %*% solve(Vt, b)); k <- length(idx)
  row <- rt_rows[[i]]
  check(paste(sp$case, sp$term, "regTermTest chisq"), chisq, as.numeric(row$chisq))
  if (is.null(sp$df)) {
    stopifnot(as.numeric(row$df_den) == hf$df_resid, as.numeric(row$df_num) == k)
    check(paste(sp$case, sp$term, "regTermTest F"), chisq / k, as.numeric(row$statistic))
    check(paste(sp$case, sp$term, "regTermTest p = pf"),
          pf(chisq / k, k, hf$df_resid, lower.tail = FALSE), as.numeric(row$p))
    if (k == 1) {   # single coefficient: F = t^2 and the same p as summary
      st <- summary(m)$coefficients
      check(paste(sp$case, sp$term, "F = t^2"), chisq, st[idx, 3]^2)
      check(paste(sp$case, sp$term, "p(F) = p(t)"), as.numeric(row$p), st[idx, 4])
    }
  } else {
    check(paste(sp$case, sp$term, "regTermTest df=Inf p = pchisq"),
          pchisq(chisq, k, lower.tail = FALSE), as.numeric(row$p))
  }
}

# Pitfall: unrescaled weights (~200) with glm's binomial start mu0 = (w y + 0.5)/(w + 1) make
# IRLS diverge (glm still reports convergence); this is why the start must use w / mean(w).
m_raw <- svyglm(used ~ agegroup + sex, design = fits$small_full_logit$des, family = quasibinomial(),
                rescale = FALSE, control = glm.control(epsilon = 1e-12, maxit = 100))
stopifnot(max(abs(coef(m_raw))) > 1e6)

# NA handling: the reduced design keeps each stratum's ORIGINAL number of PSUs (n_h) in the
# variance; a design built from the complete cases only gives a different variance (and df).
na_effect <- list()
for (nm in c("small_full_logit", "small_wonly_logit", "strat_linear_na", "clus1_linear_na")) {
  ft <- fits[[nm]]; hf <- hands[[nm]]
  d2 <- ft$d; d2$df <- d2$df[hf$keep, , drop = FALSE]
  m_cc <- svyglm(as.formula(ft$cs$formula), design = make_design(d2),
                 family = fam_obj(ft$cs$family), control = glm.control(epsilon = 1e-12, maxit = 100))
  check(paste(nm, "complete-case refit: same coef"), coef(m_cc), coef(ft$m))
  na_effect[[nm]] <- c(se_rel_diff = maxrel(SE(m_cc), SE(ft$m)),
                       df_full = ft$m$df.residual, df_cc = m_cc$df.residual)
}
# weights only: n = 827 rows (all rows, incl. the 23 NA rows) in n/(n-1)
hf <- hands$small_wonly_logit
check("small_wonly n/(n-1) uses all design rows",
      vcov(fits$small_wonly_logit$m) * (nrow(hf$X) / (nrow(hf$X) - 1)) / (827 / 826),
      vcov(svyglm(used ~ agegroup + sex, design = svydesign(ids = ~1, weights = ~weight,
        data = small[hf$keep, ]), family = quasibinomial(),
        control = glm.control(epsilon = 1e-12, maxit = 100))))
stopifnot(na_effect$strat_linear_na[["df_full"]] == 94, na_effect$strat_linear_na[["se_rel_diff"]] > 1e-6)

# Lonely PSU (adjust): the single-PSU stratum S3 contributes (1 - 1/N) * T T' with T its PSU
# total of influence rows (centred at the grand mean, which is 0 for estimating functions)
hf <- hands$lonely_adjust_logit
check("lonely: influence rows sum to 0 (so 'adjust' centres at 0)", colSums(hf$H) + 1, rep(1, ncol(hf$H)), 1e-12)
H <- hf$H_path
T3 <- colSums(H[hf$sv[hf$keep] == "S3", , drop = FALSE])
V_no3 <- hand_recvar(H[hf$sv[hf$keep] != "S3", , drop = FALSE], hf$sv[hf$keep][hf$sv[hf$keep] != "S3"],
                     hf$pv[hf$keep][hf$sv[hf$keep] != "S3"], hf$nh, hf$Nh, "adjust")
check("lonely adjust: V = V(other strata) + (1 - 1/10) T3 T3'", V_no3 + (1 - 1 / 10) * tcrossprod(T3),
      vcov(fits$lonely_adjust_logit$m))

# Saturated trend model: year coefficient = (logit p2020 - logit p2016) / 4 and its variance =
# sum over the independent years of var(p_y) / (p_y (1 - p_y))^2 / 16 (delta method; svymean)
py <- sapply(list(small, small2), function(dd) {
  ds <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = dd)
  e <- svymean(~used, ds, na.rm = TRUE); c(coef(e), SE(e)^2)
})
m_tr <- fits$trend_unadj$m
check("trend_unadj: b_year = (logit p2020 - logit p2016)/4", coef(m_tr)[["year"]],
      (qlogis(py[1, 2]) - qlogis(py[1, 1])) / 4)
check("trend_unadj: var(b_year) = sum var(p)/(p(1-p))^2 / 16", vcov(m_tr)["year", "year"],
      sum(py[2, ] / (py[1, ] * (1 - py[1, ]))^2) / 16)
# the year coefficient and its SE do not depend on centring year
yc <- years; yc$year <- yc$year - 2016
m_c <- svyglm(used ~ year + agegroup + sex, design = svydesign(ids = ~psu, strata = ~stratum_year,
  weights = ~weight, fpc = ~fpc, nest = TRUE, data = yc), family = quasibinomial(),
  control = glm.control(epsilon = 1e-12, maxit = 100))
check("trend_adj: year coef invariant to centring", coef(m_c)[-1], coef(fits$trend_adj$m)[-1])
check("trend_adj: vcov (non-intercept) invariant to centring", vcov(m_c)[-1, -1], vcov(fits$trend_adj$m)[-1, -1])
# psu_year (globally unique PSU label) gives the same design as psu + nest = TRUE
m_py <- svyglm(used ~ year + agegroup + sex, design = svydesign(ids = ~psu_year, strata = ~stratum_year,
  weights = ~weight, fpc = ~fpc, data = years), family = quasibinomial(),
  control = glm.control(epsilon = 1e-12, maxit = 100))
check("trend_adj: ids = ~psu_year without nest gives the same vcov", vcov(m_py), vcov(fits$trend_adj$m))

# Stacked-design variance = sum of the two years' variances of the same influence rows
hf <- hands$trend_adj
H <- hf$H_path
yr <- years$year[hf$keep]
V_sum <- hand_recvar(H[yr == 2016, ], hf$sv[hf$keep][yr == 2016], hf$pv[hf$keep][yr == 2016], hf$nh, hf$Nh, "fail") +
         hand_recvar(H[yr == 2020, ], hf$sv[hf$keep][yr == 2020], hf$pv[hf$keep][yr == 2020], hf$nh, hf$Nh, "fail")
check("trend_adj: V = V(2016 part) + V(2020 part)", V_sum, vcov(fits$trend_adj$m))

# glm's bread/weights are those of the last IRLS iteration (one step behind the final beta);
# the hand version uses the fully converged beta, so the vcov checks above bound that effect.

# With glm's DEFAULT epsilon (1e-8) the one-iteration lag of the working weights is much larger
m_def <- svyglm(used ~ agegroup + sex, design = fits$small_full_logit$des, family = quasibinomial())
lag_default <- c(coef = maxrel(coef(m_def), hands$small_full_logit$beta),
                 vcov = maxrel(vcov(m_def), hands$small_full_logit$V), iter = m_def$iter)

# ---- report --------------------------------------------------------------------------
options(width = 250)
conv <- grepl("[tolerance 1e-8]", checks$check, fixed = TRUE)
cat("hand checks (max relative difference; tolerance ", TOL, " unless marked [tolerance 1e-8]):\n", sep = "")
for (i in seq_len(nrow(checks))) cat(sprintf("  %-95s %.3g\n", checks$check[i], checks$max_rel_diff[i]))
cat("\nmax relative difference over the ", sum(!conv), " checks at tolerance ", TOL, ": ",
    format(max(checks$max_rel_diff[!conv]), digits = 3), "\n", sep = "")
cat("max relative difference, fully converged sandwich vs svyglm (epsilon 1e-12), per case:\n")
for (i in which(conv)) cat(sprintf("  %-95s %.3g\n", checks$check[i], checks$max_rel_diff[i]))
cat("\nsmall_full_logit with default glm.control (epsilon 1e-8) vs fully converged: max rel diff coef",
    format(lag_default[["coef"]], digits = 3), ", vcov", format(lag_default[["vcov"]], digits = 3),
    ", iterations", lag_default[["iter"]], "\n")
cat("\nNA effect (complete-case design vs svyglm's reduced design):\n")
print(do.call(rbind, na_effect))
cat("\niterations:", paste(names(fits), sapply(fits, function(f) f$m$iter), collapse = "; "), "\n")
cat("\nwrote: survey_years.csv (", nrow(years), " rows), glm_reference.csv (", nrow(glm_rows),
    " rows), glm_vcov.csv (", nrow(vcov_rows), " rows), regterm_reference.csv (", nrow(rt),
    " rows), trend_reference.csv (", nrow(trend), " rows)\n", sep = "")
