#!/usr/bin/env Rscript
# =============================================================================
# make_statistics.R -- reference fixtures for dmstat's survey totals, means and
# ratios (SurveyStatistics), from R's `survey` package (Lumley).
#
# Writes, into this folder:
#   api_strat_stats.csv, api_clus1_stats.csv   survey's data(api): apistrat and apiclus1
#                                               with continuous variables (acs_k3 has NAs)
#   survey_amounts.csv                          synthetic stratified cluster sample with
#                                               missing values, zero weights and a lonely PSU
#   statistics_reference.csv                    svytotal / svymean / svyratio, overall and by
#                                               domains, with SEs and design effects
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/survey/reference
#   Rscript make_statistics.R
#
# Domains are estimated as svyby does, on subset(design, domain): rows outside the domain keep
# their PSU and stratum (zero contribution), and na.rm = TRUE drops rows with a missing
# variable as a further subset. Every input CSV is written and read back before any value is
# computed, so R and Java see identical inputs. Numbers are written with %.17g.
# =============================================================================

suppressPackageStartupMessages(library(survey))

fnum <- function(x) {
  s <- sprintf("%.15g", x)
  bad <- !is.na(x) & as.numeric(s) != x
  s[bad] <- sprintf("%.16g", x[bad])
  bad <- !is.na(x) & as.numeric(s) != x
  s[bad] <- sprintf("%.17g", x[bad])
  s[is.na(x)] <- ""
  s
}
f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

write_plain_csv <- function(df, file) {
  write.table(df, file, sep = ",", quote = FALSE, row.names = FALSE,
              col.names = TRUE, na = "", eol = "\n")
}

# ---- data ------------------------------------------------------------------
data(api)
yn <- function(f) ifelse(f == "Yes", "Yes", "No")
strat <- data.frame(
  snum = apistrat$snum, stype = as.character(apistrat$stype), pw = fnum(apistrat$pw),
  fpc = fnum(apistrat$fpc), awards = yn(apistrat$awards), yr_rnd = yn(apistrat$yr.rnd),
  api00 = apistrat$api00, api99 = apistrat$api99, enroll = apistrat$enroll,
  meals = apistrat$meals, acs_k3 = apistrat$acs.k3, stringsAsFactors = FALSE)
clus1 <- data.frame(
  snum = apiclus1$snum, dnum = apiclus1$dnum, stype = as.character(apiclus1$stype),
  pw = fnum(apiclus1$pw), fpc = fnum(apiclus1$fpc), awards = yn(apiclus1$awards),
  api00 = apiclus1$api00, api99 = apiclus1$api99, enroll = apiclus1$enroll,
  meals = apiclus1$meals, acs_k3 = apiclus1$acs.k3, stringsAsFactors = FALSE)
write_plain_csv(strat, "api_strat_stats.csv")
write_plain_csv(clus1, "api_clus1_stats.csv")

# synthetic: 5 strata with 4, 3, 1 (lonely), 5 and 2 PSUs; amounts (e.g. euros spent, grams)
# with 7% missing, a positive denominator with 3% missing, 2% zero weights, a region missing
# in 1% of rows
set.seed(20261201)
rows <- list()
for (h in 1:5) {
  for (j in seq_len(c(4, 3, 1, 5, 2)[h])) {
    m <- sample(15:40, 1)
    region <- sample(c("Noord", "Oost", "West", "Zuid"), m, replace = TRUE, prob = c(0.2, 0.25, 0.35, 0.2))
    sex <- sample(c("F", "M"), m, replace = TRUE)
    level <- rnorm(1, 0, 0.4)
    amount <- round(exp(3 + level + 0.3 * (sex == "M") + rnorm(m, 0, 0.8)), 2)
    amount[runif(m) < 0.07] <- NA
    days <- sample(1:30, m, replace = TRUE)
    days[runif(m) < 0.03] <- NA
    w <- round(runif(1, 40, 220) * exp(rnorm(m, 0, 0.35)), 4)
    w[runif(m) < 0.02] <- 0
    region[runif(m) < 0.01] <- NA
    rows[[length(rows) + 1]] <- data.frame(stratum = paste0("S", h), psu = paste0("P", j),
      weight = w, region = region, sex = sex, amount = amount, days = days, stringsAsFactors = FALSE)
  }
}
amounts <- do.call(rbind, rows)
amounts$weight <- fnum(amounts$weight)
amounts$amount <- fnum(amounts$amount)
write_plain_csv(amounts, "survey_amounts.csv")

strat <- read.csv("api_strat_stats.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("api_clus1_stats.csv", stringsAsFactors = FALSE)
amounts <- read.csv("survey_amounts.csv", stringsAsFactors = FALSE, na.strings = "")

# ---- designs ---------------------------------------------------------------
designs <- list(
  strat = list(data = "api_strat_stats.csv", strata = "stype", psu = "", fpc = "fpc", weight = "pw", lonely = "fail",
               des = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat)),
  clus1 = list(data = "api_clus1_stats.csv", strata = "", psu = "dnum", fpc = "fpc", weight = "pw", lonely = "fail",
               des = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1)),
  amounts_cluster = list(data = "survey_amounts.csv", strata = "stratum", psu = "psu", fpc = "", weight = "weight",
               lonely = "adjust", des = svydesign(id = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = amounts)),
  amounts_element = list(data = "survey_amounts.csv", strata = "stratum", psu = "", fpc = "", weight = "weight",
               lonely = "fail", des = svydesign(id = ~1, strata = ~stratum, weights = ~weight, data = amounts)),
  amounts_srs = list(data = "survey_amounts.csv", strata = "", psu = "", fpc = "", weight = "weight",
               lonely = "fail", des = svydesign(id = ~1, weights = ~weight, data = amounts)))

# ---- what is estimated -----------------------------------------------------
# statistic, variable, denominator (ratios), by-lists per data set
jobs <- list(
  strat = list(vars = c("api00", "enroll", "acs_k3"), ratios = list(c("api00", "api99"), c("acs_k3", "enroll")),
               by = list(character(0), "awards", c("awards", "yr_rnd"))),
  clus1 = list(vars = c("api00", "enroll", "acs_k3"), ratios = list(c("api00", "api99"), c("meals", "enroll")),
               by = list(character(0), "stype", c("stype", "awards"))),
  amounts_cluster = list(vars = c("amount", "days"), ratios = list(c("amount", "days")),
               by = list(character(0), "region", c("region", "sex"))),
  amounts_element = list(vars = c("amount"), ratios = list(c("amount", "days")),
               by = list(character(0), "region", c("region", "sex"))),
  amounts_srs = list(vars = c("amount"), ratios = list(c("amount", "days")),
               by = list(character(0), "sex")))

one <- function(stat, des, v, den) {
  if (stat == "total") {
    r <- svytotal(as.formula(paste0("~", v)), des, na.rm = TRUE, deff = TRUE)
    c(coef(r)[[1]], SE(r)[[1]], deff(r)[[1]])
  } else if (stat == "mean") {
    r <- svymean(as.formula(paste0("~", v)), des, na.rm = TRUE, deff = TRUE)
    c(coef(r)[[1]], SE(r)[[1]], deff(r)[[1]])
  } else {
    r <- svyratio(as.formula(paste0("~", v)), as.formula(paste0("~", den)), des, na.rm = TRUE)
    c(coef(r)[[1]], SE(r)[[1]], NA)
  }
}

out <- list()
for (name in names(designs)) {
  d <- designs[[name]]
  options(survey.lonely.psu = d$lonely)
  des <- d$des
  df <- des$variables
  job <- jobs[[name]]
  todo <- c(lapply(job$vars, function(v) list("total", v, "")), lapply(job$vars, function(v) list("mean", v, "")),
            lapply(job$ratios, function(r) list("ratio", r[1], r[2])))
  for (t in todo) {
    stat <- t[[1]]; v <- t[[2]]; den <- t[[3]]
    for (by in job$by) {
      if (length(by) == 0) {
        keys <- list(character(0))
      } else {
        cells <- unique(df[, by, drop = FALSE])
        cells <- cells[complete.cases(cells), , drop = FALSE]
        keys <- lapply(seq_len(nrow(cells)), function(i) as.character(unlist(cells[i, ])))
      }
      for (key in keys) {
        if (length(by) == 0) {
          sub <- des
          inside <- rep(TRUE, nrow(df))
        } else {
          inside <- Reduce(`&`, lapply(seq_along(by), function(k) !is.na(df[[by[k]]]) & df[[by[k]]] == key[k]))
          sub <- des[inside, ]
        }
        observed <- inside & !is.na(df[[v]]) & (den == "" | !is.na(df[[if (den == "") v else den]]))
        if (sum(observed) == 0) next
        val <- one(stat, sub, v, den)
        out[[length(out) + 1]] <- data.frame(
          case = name, data = d$data, weight = d$weight, strata = d$strata, psu = d$psu, fpc = d$fpc,
          lonely = d$lonely, statistic = stat, variable = v, denominator = den,
          by = paste(by, collapse = "+"),
          group = if (length(by) == 0) "" else paste(paste0(by, "=", key), collapse = ";"),
          n = sum(observed), estimate = f17(val[1]), se = f17(val[2]), deff = f17(val[3]),
          stringsAsFactors = FALSE)
      }
    }
  }
}
ref <- do.call(rbind, out)

# consistency: svyby gives the same domain means as the subsets above
options(survey.lonely.psu = "fail")
chk <- svyby(~api00, ~awards, designs$strat$des, svymean, deff = TRUE)
mine <- ref[ref$case == "strat" & ref$statistic == "mean" & ref$variable == "api00" & ref$by == "awards", ]
stopifnot(isTRUE(all.equal(as.numeric(mine$se[order(mine$group)]), unname(SE(chk)), tolerance = 1e-12)))

con <- file("statistics_reference.csv", open = "w")
writeLines(c(
  paste0("# ", R.version.string, "; survey ", as.character(packageVersion("survey")), "; date: ", Sys.Date()),
  "# svytotal / svymean (na.rm = TRUE, deff = TRUE) and svyratio (na.rm = TRUE) on subset(design, domain)",
  "# n: domain rows with the variable (and denominator) observed, zero weights included; tolerance 1e-8 relative"), con)
close(con)
suppressWarnings(write.table(ref, "statistics_reference.csv", sep = ",", quote = FALSE, row.names = FALSE,
                             col.names = TRUE, na = "", append = TRUE, eol = "\n"))
cat("wrote", nrow(ref), "reference rows\n")
