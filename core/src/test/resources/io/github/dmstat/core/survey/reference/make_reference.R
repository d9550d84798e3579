#!/usr/bin/env Rscript
# =============================================================================
# make_reference.R -- reference fixtures for dmstat (survey-weighted prevalence)
#
# Purpose
#   Generates synthetic survey input CSVs plus expected results computed with
#   R's `survey` package (Lumley), used by dmstat's Java unit tests:
#     survey_small.csv, survey_small_y2.csv, survey_lonely.csv, survey_certainty.csv   (synthetic)
#     api_strat.csv, api_clus1.csv         (from survey's data(api))
#     prevalence_reference.csv   svymean / svyby / svyciprop (+ wilson,
#                                clopper-pearson, jeffreys in base R)
#     standardise_reference.csv  direct age standardisation (svycontrast)
#     change_reference.csv       difference between two independent years
#
# Generated with R 4.2.2 and survey 4.1.1 (versions are also written into the
# header comments of every reference CSV at run time).
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/survey/reference
#   Rscript make_reference.R
#
# Determinism: all random data come from set.seed(); every input CSV is
# written and then READ BACK, and all reference values are computed from the
# read-back data, so R and Java see byte-identical inputs. The only
# run-dependent content is the "# date:" comment line.
# =============================================================================

suppressPackageStartupMessages(library(survey))

R_VERSION <- R.version.string
SURVEY_VERSION <- as.character(packageVersion("survey"))
RUN_DATE <- as.character(Sys.Date())

f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

# shortest of %.15g/%.16g/%.17g that round-trips exactly
fnum <- function(x) {
  s <- sprintf("%.15g", x)
  bad <- !is.na(x) & as.numeric(s) != x
  s[bad] <- sprintf("%.16g", x[bad])
  bad <- !is.na(x) & as.numeric(s) != x
  s[bad] <- sprintf("%.17g", x[bad])
  s[is.na(x)] <- ""
  s
}

write_plain_csv <- function(df, file) {
  # no quotes, missing values as empty cells
  write.table(df, file, sep = ",", quote = FALSE, row.names = FALSE,
              col.names = TRUE, na = "", eol = "\n")
}

write_commented_csv <- function(comments, df, file) {
  con <- file(file, open = "w")
  writeLines(paste0("# ", comments), con)
  close(con)
  suppressWarnings(write.table(df, file, sep = ",", quote = FALSE,
                               row.names = FALSE, col.names = TRUE, na = "",
                               append = TRUE, eol = "\n"))
}

# -----------------------------------------------------------------------------
# 1. Synthetic survey generator
# -----------------------------------------------------------------------------
AGE_LEVELS <- c("18-24", "25-34", "35-54", "55+")
AGE_LOGIT <- qlogis(c(0.20, 0.13, 0.065, 0.03))   # base prevalence by age (F)
MALE_LOGOR <- log(1.45)

gen_survey <- function(seed, n_psu, fpc_pop, rows_range, logit_shift = 0,
                       small_domain_psus = NULL, missing_rate = 0.03) {
  set.seed(seed)
  out <- list()
  id <- 0L
  for (h in seq_along(n_psu)) {
    stratum <- paste0("S", h)
    base_w <- runif(1, 60, 260)                   # stratum-level weight
    for (j in seq_len(n_psu[h])) {
      psu <- paste0("P", j)                       # labels reused across strata
      m <- sample(rows_range[1]:rows_range[2], 1)
      psu_w <- exp(rnorm(1, 0, 0.25))
      psu_re <- rnorm(1, 0, 0.45)                 # clustering of drug use
      age <- sample(AGE_LEVELS, m, replace = TRUE, prob = c(0.15, 0.25, 0.35, 0.25))
      sex <- sample(c("F", "M"), m, replace = TRUE)
      if (!is.null(small_domain_psus)) {
        # the domain 18-24 x M exists only in a few PSUs -> small domain that
        # misses most PSUs (and whole strata) entirely
        allowed <- paste(stratum, psu) %in% small_domain_psus
        if (!allowed) sex[age == "18-24" & sex == "M"] <- "F"
      }
      w <- round(base_w * psu_w * exp(rnorm(m, 0, 0.3)), 6)
      eta <- AGE_LOGIT[match(age, AGE_LEVELS)] + MALE_LOGOR * (sex == "M") +
        psu_re + logit_shift
      used <- rbinom(m, 1, plogis(eta))
      used[runif(m) < missing_rate] <- NA
      out[[length(out) + 1]] <- data.frame(
        id = id + seq_len(m), stratum = stratum, psu = psu, fpc = fpc_pop[h],
        weight = w, agegroup = age, sex = sex, used = used,
        stringsAsFactors = FALSE)
      id <- id + m
    }
  }
  do.call(rbind, out)
}

write_survey_csv <- function(d, file) {
  d$fpc <- fnum(d$fpc)
  d$weight <- sprintf("%.6f", d$weight)
  d$used <- ifelse(is.na(d$used), "", as.character(d$used))
  write_plain_csv(d, file)
}

read_survey_csv <- function(file) {
  read.csv(file, colClasses = c(id = "integer", stratum = "character",
                                psu = "character", fpc = "numeric",
                                weight = "numeric", agegroup = "character",
                                sex = "character", used = "integer"),
           na.strings = "", check.names = FALSE)
}

SMALL_NPSU <- c(3, 4, 5, 6, 4, 5)
SMALL_FPC <- c(20, 30, 45, 60, 25, 40)
SMALL_DOMAIN_PSUS <- c("S1 P1", "S1 P2", "S2 P1", "S3 P1", "S4 P1")

small <- gen_survey(seed = 20240501, n_psu = SMALL_NPSU, fpc_pop = SMALL_FPC,
                    rows_range = c(22, 38), small_domain_psus = SMALL_DOMAIN_PSUS)
write_survey_csv(small, "survey_small.csv")

small_y2 <- gen_survey(seed = 20250501, n_psu = SMALL_NPSU, fpc_pop = SMALL_FPC,
                       rows_range = c(22, 38), logit_shift = 0.6,
                       small_domain_psus = SMALL_DOMAIN_PSUS)
write_survey_csv(small_y2, "survey_small_y2.csv")

# survey_lonely: stratum S3 has exactly ONE PSU
lonely <- gen_survey(seed = 20240502, n_psu = c(3, 2, 1, 3), fpc_pop = c(12, 8, 10, 15),
                     rows_range = c(18, 28))
write_survey_csv(lonely, "survey_lonely.csv")

# survey_certainty: stratum S3 has ONE PSU that is the whole stratum (population 1 PSU, so
# the sampling fraction is 1): a certainty unit that contributes no variance, not a lonely PSU
certainty <- gen_survey(seed = 20261201, n_psu = c(3, 2, 1, 3), fpc_pop = c(12, 8, 1, 15),
                        rows_range = c(18, 28))
write_survey_csv(certainty, "survey_certainty.csv")

# api data from the survey package
data(api)
api_strat <- data.frame(
  snum = apistrat$snum, stype = as.character(apistrat$stype),
  pw = apistrat$pw, fpc = apistrat$fpc,
  schwide = as.integer(apistrat$sch.wide == "Yes"),
  awards = as.integer(apistrat$awards == "Yes"),
  both = as.integer(apistrat$both == "Yes"), stringsAsFactors = FALSE)
api_clus1 <- data.frame(
  snum = apiclus1$snum, dnum = apiclus1$dnum,
  stype = as.character(apiclus1$stype), pw = apiclus1$pw, fpc = apiclus1$fpc,
  schwide = as.integer(apiclus1$sch.wide == "Yes"),
  awards = as.integer(apiclus1$awards == "Yes"), stringsAsFactors = FALSE)
for (v in c("snum", "pw", "fpc")) api_strat[[v]] <- fnum(api_strat[[v]])
for (v in c("snum", "dnum", "pw", "fpc")) api_clus1[[v]] <- fnum(api_clus1[[v]])
write_plain_csv(api_strat, "api_strat.csv")
write_plain_csv(api_clus1, "api_clus1.csv")

# ---- read everything back: all references use the read-back data ----------
small <- read_survey_csv("survey_small.csv")
small_y2 <- read_survey_csv("survey_small_y2.csv")
lonely <- read_survey_csv("survey_lonely.csv")
certainty <- read_survey_csv("survey_certainty.csv")
api_strat <- read.csv("api_strat.csv", colClasses = c(stype = "character"))
api_clus1 <- read.csv("api_clus1.csv", colClasses = c(stype = "character"))
datasets <- list(survey_small.csv = small, survey_lonely.csv = lonely, survey_certainty.csv = certainty,
                 api_strat.csv = api_strat, api_clus1.csv = api_clus1)

# -----------------------------------------------------------------------------
# 2. Design construction (the exact calls are recorded in the CSV header)
# -----------------------------------------------------------------------------
make_design <- function(data, weight, strata, psu, fpc) {
  f <- function(v) if (nzchar(v)) as.formula(paste0("~", v)) else NULL
  ids <- if (nzchar(psu)) f(psu) else ~1
  nest <- nzchar(psu) && nzchar(strata)
  svydesign(ids = ids, strata = f(strata), weights = f(weight), fpc = f(fpc),
            nest = nest, data = data)
}

design_call_text <- function(dataname, weight, strata, psu, fpc) {
  parts <- c(paste0("ids = ", if (nzchar(psu)) paste0("~", psu) else "~1"))
  if (nzchar(strata)) parts <- c(parts, paste0("strata = ~", strata))
  if (nzchar(weight)) parts <- c(parts, paste0("weights = ~", weight))
  if (nzchar(fpc)) parts <- c(parts, paste0("fpc = ~", fpc))
  if (nzchar(psu) && nzchar(strata)) parts <- c(parts, "nest = TRUE")
  paste0("svydesign(", paste(parts, collapse = ", "), ", data = read.csv(\"",
         dataname, "\"))")
}

# -----------------------------------------------------------------------------
# 3. Confidence intervals not available in survey (effective-sample-size based)
# -----------------------------------------------------------------------------
ess_ci <- function(method, p, v, n, level) {
  alpha <- 1 - level
  z <- qnorm(1 - alpha / 2)
  nstar <- if (v == 0) n else p * (1 - p) / v
  xstar <- p * nstar
  if (method == "wilson") {
    centre <- (xstar + z^2 / 2) / (nstar + z^2)
    half <- z * sqrt(nstar) / (nstar + z^2) * sqrt(p * (1 - p) + z^2 / (4 * nstar))
    c(centre - half, centre + half)
  } else if (method == "clopper-pearson") {
    lo <- if (xstar == 0) 0 else qbeta(alpha / 2, xstar, nstar - xstar + 1)
    hi <- if (xstar == nstar) 1 else qbeta(1 - alpha / 2, xstar + 1, nstar - xstar)
    c(lo, hi)
  } else if (method == "jeffreys") {
    lo <- if (p == 0) 0 else qbeta(alpha / 2, xstar + 0.5, nstar - xstar + 0.5)
    hi <- if (p == 1) 1 else qbeta(1 - alpha / 2, xstar + 0.5, nstar - xstar + 0.5)
    c(lo, hi)
  } else stop("unknown method ", method)
}

# -----------------------------------------------------------------------------
# 4. Prevalence reference
# -----------------------------------------------------------------------------
SURVEY_METHODS <- c("logit", "xlogit", "beta", "mean")
ALL_METHODS <- c(SURVEY_METHODS, "wilson", "clopper-pearson", "jeffreys")

skipped <- character(0)
checks <- list(svyby_vs_subset_ci = 0, svyby_vs_subset_mean = 0,
               logit_vs_xlogit = 0, logit_vs_xlogit_where = "")
beta_nrow_notes <- character(0)
beta_err <- c(incl_na = 0, non_missing = Inf)

run_case <- function(case, dataname, outcome, weight, strata, psu, fpc,
                     lonely_opt, by, level) {
  old <- options(survey.lonely.psu = lonely_opt)
  on.exit(options(old))
  d <- datasets[[dataname]]
  des <- make_design(d, weight, strata, psu, fpc)
  yf <- as.formula(paste0("~", outcome))
  byvars <- if (nzchar(by)) strsplit(by, "+", fixed = TRUE)[[1]] else character(0)

  # domains (same ordering as svyby: sorted interaction levels)
  if (length(byvars)) {
    key <- do.call(interaction, d[byvars])
    lev <- sort(unique(key))
    domains <- lapply(lev, function(l) key == l)
    labels <- sapply(lev, function(l) {
      i <- which(key == l)[1]
      paste(paste0(byvars, "=", unlist(d[i, byvars])), collapse = ";")
    })
  } else {
    domains <- list(rep(TRUE, nrow(d)))
    labels <- ""
  }

  # svyby / svymean point estimates (+ deff)
  if (length(byvars)) {
    byf <- as.formula(paste0("~", by))
    sb <- svyby(yf, byf, des, svymean, na.rm = TRUE, deff = TRUE)
    est <- as.numeric(coef(sb)); se <- as.numeric(SE(sb)); de <- as.numeric(deff(sb))
  } else {
    m <- svymean(yf, des, na.rm = TRUE, deff = TRUE)
    est <- as.numeric(coef(m)); se <- as.numeric(SE(m)); de <- as.numeric(deff(m))
  }

  # svyciprop via svyby, for the cross-check
  byci <- list()
  if (length(byvars)) {
    for (meth in SURVEY_METHODS) {
      r <- suppressWarnings(svyby(yf, byf, des, svyciprop, method = meth,
                                  level = level, na.rm = TRUE, vartype = "ci"))
      byci[[meth]] <- cbind(r$ci_l, r$ci_u)
    }
  }

  rows <- list()
  for (k in seq_along(domains)) {
    idx <- domains[[k]]
    sub <- des[idx, ]                 # keeps rows with missing outcome
    y <- d[[outcome]][idx]
    ok <- !is.na(y)
    n <- sum(ok)
    wsum <- sum(d[[weight]][idx][ok])
    df <- degf(sub)
    ms <- svymean(yf, sub, na.rm = TRUE)
    checks$svyby_vs_subset_mean <<- max(checks$svyby_vs_subset_mean,
                                        abs(coef(ms) - est[k]), abs(SE(ms) - se[k]))
    p <- est[k]; v <- se[k]^2
    cis <- list()
    for (meth in SURVEY_METHODS) {
      ci <- suppressWarnings(svyciprop(yf, sub, method = meth, level = level,
                                       na.rm = TRUE))
      cis[[meth]] <- as.numeric(attr(ci, "ci"))
      if (length(byvars)) {
        a <- cis[[meth]]; b <- byci[[meth]][k, ]
        stopifnot(identical(is.nan(a), is.nan(b)))   # NaN in the same places
        checks$svyby_vs_subset_ci <<- max(checks$svyby_vs_subset_ci,
                                          abs(a - b), na.rm = TRUE)
      }
      if (meth == "beta" && sum(!ok) > 0) {
        # which nrow(design) does svyciprop's beta method use? Recompute the
        # interval by hand with nrow = all domain rows vs non-missing rows.
        beta_by_hand <- function(nr) {
          alpha <- 1 - level
          neff <- p * (1 - p) / v * (qt(alpha / 2, nr - 1) / qt(alpha / 2, df))^2
          c(qbeta(alpha / 2, neff * p, neff * (1 - p) + 1),
            qbeta(1 - alpha / 2, neff * p + 1, neff * (1 - p)))
        }
        e_all <- max(abs(beta_by_hand(sum(idx)) - cis$beta))
        e_nm <- max(abs(beta_by_hand(n) - cis$beta))
        beta_err[1] <<- max(beta_err[1], e_all)
        beta_err[2] <<- min(beta_err[2], e_nm)
        beta_nrow_notes <<- c(beta_nrow_notes, sprintf(
          "%s | %s: nrow(subset)=%d (non-missing %d); |ci - byhand(nrow incl. NA)|=%.2g, |ci - byhand(non-missing)|=%.2g",
          case, labels[k], nrow(sub), n, e_all, e_nm))
      }
    }
    for (meth in c("wilson", "clopper-pearson", "jeffreys"))
      cis[[meth]] <- ess_ci(meth, p, v, n, level)
    rel <- max(abs(cis$logit - cis$xlogit) / abs(cis$xlogit))
    if (is.finite(rel) && rel > checks$logit_vs_xlogit) {
      checks$logit_vs_xlogit <<- rel
      checks$logit_vs_xlogit_where <<- paste(case, labels[k])
    }
    for (meth in ALL_METHODS) {
      vals <- c(p, se[k], cis[[meth]], de[k])
      if (any(!is.finite(vals))) {
        skipped <<- c(skipped, sprintf("%s | %s | %s: non-finite result (%s)",
                                       case, labels[k], meth,
                                       paste(format(vals), collapse = " ")))
        next
      }
      rows[[length(rows) + 1]] <- data.frame(
        case = case, data = dataname, outcome = outcome, weight = weight,
        strata = strata, psu = psu, fpc = fpc, lonely = lonely_opt, by = by,
        level = as.character(level), ci_method = meth, group = labels[k],
        n = n, weight_sum = f17(wsum), prevalence = f17(p), se = f17(se[k]),
        ci_lower = f17(cis[[meth]][1]), ci_upper = f17(cis[[meth]][2]),
        deff = f17(de[k]), df = df, stringsAsFactors = FALSE)
    }
  }
  list(rows = do.call(rbind, rows),
       call = sprintf("%s [lonely=%s]: %s", case, lonely_opt,
                      design_call_text(dataname, weight, strata, psu, fpc)))
}

cases <- list(
  list("small_spf_age_sex", "survey_small.csv", "used", "weight", "stratum", "psu", "fpc", "fail", "agegroup+sex", 0.95),
  list("small_sp_age_sex", "survey_small.csv", "used", "weight", "stratum", "psu", "", "fail", "agegroup+sex", 0.95),
  list("small_spf_overall", "survey_small.csv", "used", "weight", "stratum", "psu", "fpc", "fail", "", 0.95),
  list("small_spf_sex_90", "survey_small.csv", "used", "weight", "stratum", "psu", "fpc", "fail", "sex", 0.90),
  list("small_weights_only_age_sex", "survey_small.csv", "used", "weight", "", "", "", "fail", "agegroup+sex", 0.95),
  list("small_strata_only_age_sex", "survey_small.csv", "used", "weight", "stratum", "", "", "fail", "agegroup+sex", 0.95),
  list("small_psu_only_age_sex", "survey_small.csv", "used", "weight", "", "psu", "", "fail", "agegroup+sex", 0.95),
  list("lonely_adjust_sex", "survey_lonely.csv", "used", "weight", "stratum", "psu", "fpc", "adjust", "sex", 0.95),
  list("lonely_adjust_overall", "survey_lonely.csv", "used", "weight", "stratum", "psu", "fpc", "adjust", "", 0.95),
  list("lonely_remove_sex", "survey_lonely.csv", "used", "weight", "stratum", "psu", "fpc", "remove", "sex", 0.95),
  list("lonely_remove_overall", "survey_lonely.csv", "used", "weight", "stratum", "psu", "fpc", "remove", "", 0.95),
  list("lonely_certainty_sex", "survey_lonely.csv", "used", "weight", "stratum", "psu", "fpc", "certainty", "sex", 0.95),
  list("lonely_certainty_overall", "survey_lonely.csv", "used", "weight", "stratum", "psu", "fpc", "certainty", "", 0.95),
  list("api_strat_overall", "api_strat.csv", "schwide", "pw", "stype", "", "fpc", "fail", "", 0.95),
  list("api_strat_stype", "api_strat.csv", "schwide", "pw", "stype", "", "fpc", "fail", "stype", 0.95),
  list("api_clus1_stype", "api_clus1.csv", "awards", "pw", "", "dnum", "fpc", "fail", "stype", 0.95),
  list("certainty_fail_sex", "survey_certainty.csv", "used", "weight", "stratum", "psu", "fpc", "fail", "sex", 0.95),
  list("certainty_fail_overall", "survey_certainty.csv", "used", "weight", "stratum", "psu", "fpc", "fail", "", 0.95),
  list("certainty_adjust_sex", "survey_certainty.csv", "used", "weight", "stratum", "psu", "fpc", "adjust", "sex", 0.95)
)

results <- lapply(cases, function(cc) do.call(run_case, unname(cc)))
prev <- do.call(rbind, lapply(results, `[[`, "rows"))
# claim made in the header notes: remove and certainty coincide here
num_cols <- c("prevalence", "se", "ci_lower", "ci_upper", "deff", "df")
stopifnot(identical(as.matrix(prev[prev$lonely == "remove", num_cols]),
                    `rownames<-`(as.matrix(prev[prev$lonely == "certainty", num_cols]),
                                 rownames(prev[prev$lonely == "remove", ]))))
design_calls <- sapply(results, `[[`, "call")

ci_formulas <- c(
  "CI methods logit, xlogit, beta, mean: svyciprop(~<outcome>, design[<group rows>, ], method = <m>, level = <level>, na.rm = TRUE)",
  "  (identical to svyby(~<outcome>, ~<by>, design, svyciprop, method = <m>, level = <level>, na.rm = TRUE, vartype = \"ci\");",
  sprintf("   max |difference| over all cases = %.3g)", checks$svyby_vs_subset_ci),
  "CI methods wilson, clopper-pearson, jeffreys (base R; p, v = svymean estimate and its variance in the domain, n = non-missing rows):",
  "  n* = p(1-p)/v (n* = n if v == 0), x* = p*n*, alpha = 1-level, z = qnorm(1-alpha/2)",
  "  wilson:          (x* + z^2/2)/(n* + z^2) -/+ z*sqrt(n*)/(n* + z^2) * sqrt(p(1-p) + z^2/(4 n*))",
  "  clopper-pearson: lower = qbeta(alpha/2, x*, n*-x*+1) (0 if x* == 0); upper = qbeta(1-alpha/2, x*+1, n*-x*) (1 if x* == n*)",
  "  jeffreys:        lower = qbeta(alpha/2, x*+0.5, n*-x*+0.5) (0 if p == 0); upper = qbeta(1-alpha/2, x*+0.5, n*-x*+0.5) (1 if p == 1)"
)

prev_header <- c(
  "dmstat prevalence reference values, generated by make_reference.R",
  sprintf("source: %s, survey %s", R_VERSION, SURVEY_VERSION),
  sprintf("date: %s", RUN_DATE),
  "tolerance: 1e-8 relative",
  "options(survey.lonely.psu = <lonely>) is set for each case (fail = package default); survey.adjust.domain.lonely = FALSE (default)",
  "designs (read.csv(...) stands for the read-back input CSV; character columns as character):",
  paste0("  ", design_calls),
  "prevalence, se, deff: svyby(~<outcome>, ~<by>, design, svymean, na.rm = TRUE, deff = TRUE)  (overall: svymean(~<outcome>, design, na.rm = TRUE, deff = TRUE)); deff = default (not \"replace\")",
  "n = rows of the domain with non-missing outcome; weight_sum = sum of their weights",
  "df = degf(design[<group rows>, ]) (domain subset keeps rows with missing outcome)",
  ci_formulas,
  "notes:",
  "  beta: svyciprop uses n.eff = p(1-p)/v * (qt(alpha/2, nrow(design)-1)/qt(alpha/2, degf(design)))^2 where design is the domain subset",
  "    BEFORE na.rm, i.e. nrow(design) counts the domain rows whose outcome is missing (verified by recomputing by hand).",
  sprintf("  logit: svyglm's IRLS stops at glm.control(epsilon = 1e-8); logit bounds therefore differ from the exact (xlogit) bounds by up to %.2g relative.",
          checks$logit_vs_xlogit),
  "    Compare logit rows with a 1e-7 relative tolerance (or against the xlogit row).",
  "  small_psu_only_age_sex: ids = ~psu without strata; the labels P1..P6 are reused across strata, so equal labels form ONE cluster",
  "    (6 clusters, df = 5 overall). small_weights_only / small_strata_only: each row is its own PSU (df counts rows with missing outcome too).",
  "  lonely: with survey.design2 designs, 'remove' and 'certainty' give identical results (single-PSU stratum contributes zero variance);",
  "    'adjust' centres the single PSU at the grand mean instead of the stratum mean.",
  "  logit with df = 1: confint.svyglm converts the t quantile via tlevel = 1 - 2*pnorm(qt(alpha/2, 1)), which rounds to 1, giving (0, NaN).",
  if (length(skipped)) c("skipped rows (non-finite R result):", paste0("  ", skipped)) else "skipped rows: none (no NaN/NA results occurred)"
)
prev <- prev[, c("case", "data", "outcome", "weight", "strata", "psu", "fpc", "lonely",
                 "by", "level", "ci_method", "group", "n", "weight_sum",
                 "prevalence", "se", "ci_lower", "ci_upper", "deff", "df")]
write_commented_csv(prev_header, prev, "prevalence_reference.csv")

# -----------------------------------------------------------------------------
# 5. Direct age standardisation
# -----------------------------------------------------------------------------
POP <- c(`18-24` = 1525000, `25-34` = 2285000, `35-54` = 4290000, `55+` = 6230000)
SHARES <- POP / sum(POP)
des_small <- make_design(small, "weight", "stratum", "psu", "fpc")

std_one <- function(des) {
  # survey 4.1.1: svyby(..., na.rm = TRUE, covmat = TRUE) stops with
  # "number of items to replace is not a multiple of replacement length" when
  # the outcome has NAs (influence functions lose the NA rows). Dropping the
  # NA rows first is exactly what svymean(na.rm = TRUE) does internally
  # (design[nas == 0, ]; PSU counts per stratum are kept from the full design),
  # so estimates and variances are unchanged.
  des <- des[!is.na(des$variables$used), ]
  a <- svyby(~used, ~agegroup, des, svymean, na.rm = TRUE, covmat = TRUE)
  stopifnot(identical(as.character(a$agegroup), names(SHARES)))
  sc <- svycontrast(a, SHARES)
  c(coef(sc), SE(sc))
}
std_rows <- list(
  c("", std_one(des_small)),
  c("sex=F", std_one(subset(des_small, sex == "F"))),
  c("sex=M", std_one(subset(des_small, sex == "M"))))

# cross-check with svystandardize
sd_all <- svystandardize(des_small, by = ~agegroup, over = ~1, population = POP,
                         excluding.missing = ~used)
m_all <- svymean(~used, sd_all, na.rm = TRUE)
sd_sex <- svystandardize(des_small, by = ~agegroup, over = ~sex, population = POP,
                         excluding.missing = ~used)
m_sex <- svyby(~used, ~sex, sd_sex, svymean, na.rm = TRUE)
ours <- rbind(as.numeric(std_rows[[1]][2:3]), as.numeric(std_rows[[2]][2:3]),
              as.numeric(std_rows[[3]][2:3]))
theirs <- rbind(c(coef(m_all), SE(m_all)), cbind(coef(m_sex), SE(m_sex)))
std_diff_est <- max(abs(ours[, 1] - theirs[, 1]) / abs(ours[, 1]))
std_diff_se <- max(abs(ours[, 2] - theirs[, 2]) / abs(ours[, 2]))

std <- data.frame(
  case = "small_spf_age_standardised", data = "survey_small.csv",
  over = c("", "sex", "sex"), group = sapply(std_rows, `[`, 1),
  estimate = f17(ours[, 1]), se = f17(ours[, 2]), stringsAsFactors = FALSE)
std_header <- c(
  "dmstat direct age-standardisation reference values, generated by make_reference.R",
  sprintf("source: %s, survey %s", R_VERSION, SURVEY_VERSION),
  sprintf("date: %s", RUN_DATE),
  "tolerance: 1e-8 relative",
  sprintf("design: %s", design_call_text("survey_small.csv", "weight", "stratum", "psu", "fpc")),
  "calls: a <- svyby(~used, ~agegroup, design, svymean, na.rm = TRUE, covmat = TRUE); svycontrast(a, shares)",
  "  where design = design0[!is.na(design0$variables$used), ] (survey 4.1.1 svyby errors for covmat = TRUE with NAs in the outcome;",
  "  this row drop is the same one svymean(na.rm = TRUE) does internally, so estimates/variances are unchanged)",
  "  within sex: the same on subset(design, sex == \"F\") and subset(design, sex == \"M\")",
  "reference population counts (agegroup: 18-24, 25-34, 35-54, 55+) = 1525000, 2285000, 4290000, 6230000; shares = count/sum(count)",
  sprintf("shares = %s", paste(f17(SHARES), collapse = ", ")),
  "cross-check: svystandardize(design, by = ~agegroup, over = ~1 | ~sex, population = counts, excluding.missing = ~used) then svymean/svyby(~used, ~sex, ., svymean, na.rm = TRUE):",
  sprintf("  estimates agree to max relative difference %.3g; standard errors differ by max relative %.3g (%s)",
          std_diff_est, std_diff_se,
          if (std_diff_se < 1e-8) "same numbers" else "svystandardize post-stratifies the weights, so its SE is not the svycontrast SE; this file uses svycontrast")
)
write_commented_csv(std_header, std, "standardise_reference.csv")

# -----------------------------------------------------------------------------
# 6. Change between two independent years
# -----------------------------------------------------------------------------
des_y1 <- des_small
des_y2 <- make_design(small_y2, "weight", "stratum", "psu", "fpc")
est_group <- function(des, by) {
  if (is.null(by)) {
    m <- svymean(~used, des, na.rm = TRUE)
    data.frame(group = "", p = as.numeric(coef(m)), se = as.numeric(SE(m)))
  } else {
    m <- svyby(~used, ~sex, des, svymean, na.rm = TRUE)
    data.frame(group = paste0("sex=", m$sex), p = as.numeric(coef(m)), se = as.numeric(SE(m)))
  }
}
e1 <- rbind(est_group(des_y1, NULL), est_group(des_y1, "sex"))
e2 <- rbind(est_group(des_y2, NULL), est_group(des_y2, "sex"))
stopifnot(identical(e1$group, e2$group))
dif <- e2$p - e1$p
sed <- sqrt(e1$se^2 + e2$se^2)
z <- dif / sed
zq <- qnorm(0.975)
chg <- data.frame(group = e1$group, p1 = f17(e1$p), se1 = f17(e1$se),
                  p2 = f17(e2$p), se2 = f17(e2$se), diff = f17(dif), se = f17(sed),
                  z = f17(z), p_value = f17(2 * pnorm(-abs(z))),
                  ci_lower = f17(dif - zq * sed), ci_upper = f17(dif + zq * sed),
                  stringsAsFactors = FALSE)
chg_header <- c(
  "dmstat change (year 2 - year 1) reference values, generated by make_reference.R",
  sprintf("source: %s, survey %s", R_VERSION, SURVEY_VERSION),
  sprintf("date: %s", RUN_DATE),
  "tolerance: 1e-8 relative",
  "year 1 = survey_small.csv, year 2 = survey_small_y2.csv (independent samples), both with",
  sprintf("  %s", design_call_text("<file>", "weight", "stratum", "psu", "fpc")),
  "p, se: svymean(~used, design, na.rm = TRUE) overall; svyby(~used, ~sex, design, svymean, na.rm = TRUE) by sex",
  "diff = p2 - p1; se = sqrt(se1^2 + se2^2); z = diff/se; p_value = 2*pnorm(-abs(z)); ci = diff -/+ qnorm(0.975)*se"
)
write_commented_csv(chg_header, chg, "change_reference.csv")

# -----------------------------------------------------------------------------
# 7. Diagnostics (printed only)
# -----------------------------------------------------------------------------
cat("rows in prevalence_reference.csv:", nrow(prev), "\n")
cat("max |svyby svyciprop - subset svyciprop|:", checks$svyby_vs_subset_ci, "\n")
cat("max |svyby svymean - subset svymean|:", checks$svyby_vs_subset_mean, "\n")
cat("max relative |logit - xlogit| CI bound:", checks$logit_vs_xlogit, "at",
    checks$logit_vs_xlogit_where, "\n")
cat("beta nrow:", head(beta_nrow_notes, 5), sep = "\n  ")
cat(length(beta_nrow_notes), "domains with missing outcome; max |beta ci - by hand, nrow incl. NA| =",
    beta_err[1], "; min |beta ci - by hand, nrow non-missing| =", beta_err[2], "\n")
cat("standardise: svystandardize rel diff est", std_diff_est, "se", std_diff_se, "\n")
cat("skipped:", length(skipped), "\n"); if (length(skipped)) cat(skipped, sep = "\n")
