#!/usr/bin/env Rscript
# =============================================================================
# make_crosstab.R -- reference fixtures for dmstat's design-based tests on
# two-way tables (svychisq) and for differences of domain prevalences
# (svyby(..., covmat = TRUE) + svycontrast), from R's `survey` package.
#
# Writes, into this folder:
#   chisq_reference.csv     svychisq(~a + b, design, statistic = F / Chisq / Wald / adjWald)
#   chisq_detail.csv        intermediate quantities per svychisq case (cell proportions,
#                           scaled table, covariance V, eigenvalues of Delta, Wald Y)
#   contrast_reference.csv  difference of two domain means (prevalences) with its
#                           design-based covariance
# and copies (byte-identical, checked by MD5) of its inputs from ../../survey/reference:
#   survey_small.csv, survey_lonely.csv, api_strat_stats.csv, api_clus1_stats.csv
#
# How to rerun
#   cd core/src/test/resources/io/github/dmstat/core/crosstab/reference
#   Rscript make_crosstab.R
#
# Every reference value is also recomputed from first principles (the formulas
# in NOTES.md: own influence functions, own stratified between-PSU variance,
# own contrast matrix) without calling survey, and the script stops
# (stopifnot) if any of them differs from survey's output by more than 1e-10
# relative. The output is deterministic (no random numbers, no dates).
# Numbers are written with sprintf("%.17g").
# =============================================================================

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE,
        survey.ultimate.cluster = FALSE)              # package defaults

R_VERSION <- R.version.string
SURVEY_VERSION <- as.character(packageVersion("survey"))
if (SURVEY_VERSION != "4.1.1") warning("fixtures were made with survey 4.1.1, this is ", SURVEY_VERSION)
VERIFY_TOL <- 1e-10

f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

write_commented_csv <- function(comments, df, file) {
  con <- file(file, open = "w")
  writeLines(paste0("# ", comments), con)
  close(con)
  suppressWarnings(write.table(df, file, sep = ",", quote = FALSE, row.names = FALSE,
                               col.names = TRUE, na = "", append = TRUE, eol = "\n"))
}

# -----------------------------------------------------------------------------
# 1. Inputs: copy from ../../survey/reference (byte-identical), then read back
# -----------------------------------------------------------------------------
INPUTS <- c("survey_small.csv", "survey_lonely.csv", "api_strat_stats.csv", "api_clus1_stats.csv")
SRC_DIR <- file.path("..", "..", "survey", "reference")
md5 <- function(f) unname(tools::md5sum(f))
for (f in INPUTS) {
  src <- file.path(SRC_DIR, f)
  if (file.exists(src)) {
    if (!file.exists(f) || md5(f) != md5(src)) stopifnot(file.copy(src, f, overwrite = TRUE))
    stopifnot(md5(f) == md5(src))
  }
  if (!file.exists(f)) stop("input ", f, " not found: run this script from its own folder")
}
MD5 <- setNames(md5(INPUTS), INPUTS)

dat <- lapply(setNames(INPUTS, INPUTS), function(f) read.csv(f, stringsAsFactors = FALSE))
# 0/1 indicator of awards == "Yes" for the api contrast cases (derived, not written)
dat$api_strat_stats.csv$awards_yes <- as.numeric(dat$api_strat_stats.csv$awards == "Yes")
dat$api_clus1_stats.csv$awards_yes <- as.numeric(dat$api_clus1_stats.csv$awards == "Yes")

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
  paste0("svydesign(", paste(parts, collapse = ", "), ", data = read.csv(\"", dataname, "\"))")
}

# -----------------------------------------------------------------------------
# 2. First-principles implementation (no survey calls) -- the formulas of NOTES.md
# -----------------------------------------------------------------------------
# Raw design vectors from the data columns. A PSU is (stratum, psu label); without a psu
# column every row is its own PSU; without strata there is one stratum. n_h counts the
# PSUs of stratum h in the FULL data (all rows, before any domain / NA drop). N_h = fpc
# column (population number of PSUs in the stratum), Inf without fpc.
design_vectors <- function(d, weight, strata, psu, fpc) {
  n <- nrow(d)
  h <- if (nzchar(strata)) as.character(d[[strata]]) else rep("1", n)
  cl <- if (nzchar(psu)) paste(h, d[[psu]], sep = "|") else paste0("row", seq_len(n))
  list(w = if (nzchar(weight)) d[[weight]] else rep(1, n), h = h, cl = cl,
       Nh = if (nzchar(fpc)) d[[fpc]] else rep(Inf, n))
}

# Stratified with-replacement-of-PSUs (ultimate cluster) covariance of sum_i Z_i:
#   sum_h (1 - n_h/N_h) n_h/(n_h - 1) sum_j (t_hj - tbar_h)(t_hj - tbar_h)'
# t_hj = total of Z over the rows of PSU j of stratum h (rows outside the domain or with a
# dropped NA carry Z = 0 but their PSU still counts). Single-PSU stratum:
#   adjust: (1 - 1/N_h) t_h1 t_h1' (uncentred); remove / certainty: 0; fail: error.
own_var <- function(Z, dv, lonely) {
  Z <- as.matrix(Z)
  V <- matrix(0, ncol(Z), ncol(Z))
  for (hh in unique(dv$h)) {
    idx <- dv$h == hh
    t <- rowsum(Z[idx, , drop = FALSE], dv$cl[idx], reorder = FALSE)
    nh <- nrow(t)
    Nh <- dv$Nh[idx][1]
    omf <- if (is.finite(Nh)) 1 - nh / Nh else 1
    if (nh >= 2) {
      tc <- sweep(t, 2, colMeans(t))
      V <- V + omf * nh / (nh - 1) * crossprod(tc)
    } else if (lonely == "adjust") {
      V <- V + omf * crossprod(t)
    } else if (lonely %in% c("remove", "certainty")) {
      # contributes nothing
    } else stop("lonely PSU in stratum ", hh)
  }
  V
}

# svychisq from the formulas. keep = domain rows (TRUE for all rows without a domain).
own_chisq <- function(d, dv, keep, row, col, lonely, reverse_levels = FALSE) {
  n <- nrow(d)
  a <- as.character(d[[row]]); b <- as.character(d[[col]])
  N <- sum(keep)                                             # rows incl. NA rows
  nu <- length(unique(dv$cl[keep])) - length(unique(dv$h[keep]))
  ra <- sort(unique(a[keep & !is.na(a)])); cb <- sort(unique(b[keep & !is.na(b)]))
  if (reverse_levels) { ra <- rev(ra); cb <- rev(cb) }         # invariance check only
  nr <- length(ra); nc <- length(cb); K <- nr * nc; k <- (nr - 1) * (nc - 1)
  cc <- keep & !is.na(a) & !is.na(b)                         # complete cases in the domain
  ri <- match(a, ra); ci <- match(b, cb)
  X <- matrix(0, n, K)
  X[cbind(which(cc), (ri + (ci - 1) * nr)[cc])] <- 1
  wcc <- dv$w * cc
  Wt <- sum(wcc)
  p <- colSums(X * wcc) / Wt                                 # cell proportions
  Z <- (X - rep(p, each = n)) * wcc / Wt                     # influence functions of p
  V <- own_var(Z, dv, lonely)
  P <- matrix(p, nr, nc); E <- outer(rowSums(P), colSums(P))
  X2 <- N * sum((P - E)^2 / E)                               # Pearson on table N * p
  # C: (r,c),(a,b) -> (1{r=a} - 1/nr)(1{c=b} - 1/nc), a = 2..nr, b = 2..nc
  cell_r <- rep(1:nr, nc); cell_c <- rep(1:nc, each = nr)
  ab <- expand.grid(a = 2:nr, b = 2:nc)
  C <- sapply(seq_len(nrow(ab)), function(j)
    ((cell_r == ab$a[j]) - 1 / nr) * ((cell_c == ab$b[j]) - 1 / nc))
  C <- matrix(C, K, k)
  dinv <- ifelse(p > 0, 1 / p, 0)
  A <- crossprod(C, dinv * C) / N                            # C' D^-1 C / N
  B <- crossprod(dinv * C, V %*% (dinv * C))                 # C' D^-1 V D^-1 C
  Delta <- solve(A, B)
  trD <- sum(diag(Delta)); trD2 <- sum(diag(Delta %*% Delta))
  Li <- solve(chol(A))                                       # eigenvalues via symmetric form
  eig <- sort(eigen(t(Li) %*% B %*% Li, symmetric = TRUE, only.values = TRUE)$values,
              decreasing = TRUE)
  d0 <- trD^2 / trD2
  Fst <- X2 / trD
  # Wald: totals over complete cases and their linearisation
  Nrc <- colSums(X * wcc); Nr <- rowSums(matrix(Nrc, nr, nc)); Ncl <- colSums(matrix(Nrc, nr, nc))
  Nt <- sum(wcc)
  Y <- Nrc - Nr[cell_r] * Ncl[cell_c] / Nt
  U <- matrix(0, n, K)
  for (j in 1:K) {
    U[, j] <- wcc * (X[, j] - (ri == cell_r[j] & cc) * Ncl[cell_c[j]] / Nt -
                       (ci == cell_c[j] & cc) * Nr[cell_r[j]] / Nt +
                       Nr[cell_r[j]] * Ncl[cell_c[j]] / Nt^2)
  }
  U[!cc, ] <- 0
  Vw <- own_var(U, dv, lonely)
  use <- which(cell_r >= 2 & cell_c >= 2)
  Wq <- drop(Y[use] %*% solve(Vw[use, use], Y[use]))
  list(N = N, nu = nu, nr = nr, nc = nc, k = k, ra = ra, cb = cb, p = p, table = N * p, V = V,
       X2 = X2, trD = trD, trD2 = trD2, eig = eig, d0 = d0,
       F = Fst, pF = pf(Fst, d0, d0 * nu, lower.tail = FALSE),
       rs1 = X2 / (trD / k), pChisq = pchisq(X2 / (trD / k), k, lower.tail = FALSE),
       Y = Y, Wq = Wq,
       wald = Wq / k, pWald = pf(Wq / k, k, nu, lower.tail = FALSE),
       adjwald = Wq * (nu - k + 1) / (k * nu),
       pAdjWald = pf(Wq * (nu - k + 1) / (k * nu), k, nu - k + 1, lower.tail = FALSE))
}

relerr <- function(x, ref) {
  x <- as.numeric(x); ref <- as.numeric(ref)
  stopifnot(length(x) == length(ref), !anyNA(x), !anyNA(ref))
  if (!length(ref)) return(0)
  max(abs(x - ref) / pmax(abs(ref), .Machine$double.xmin))
}
# matrices: relative to the largest entry (entries can be ~0)
relerr_mat <- function(x, ref) max(abs(as.numeric(x) - as.numeric(ref))) / max(abs(as.numeric(ref)))

VERIFY <- list()   # quantity -> max relative difference
note_diff <- function(what, e) {
  VERIFY[[what]] <<- max(VERIFY[[what]], e)
  if (!(e <= VERIFY_TOL)) stop(sprintf("verification failed: %s differs by %.3g relative", what, e))
}

# -----------------------------------------------------------------------------
# 3. svychisq cases
# -----------------------------------------------------------------------------
# domain: "" or "var=value"; the design is then subset(design, var == value)
CHISQ_CASES <- list(
  list("small_spf_age_used",      "survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "used",    "",           TRUE),
  list("small_spf_sex_used",      "survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "sex",      "used",    "",           TRUE),
  list("small_spf_age_sex",       "survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "sex",     "",           TRUE),
  list("small_spf_age_stratum",   "survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "stratum", "",           TRUE),
  list("small_sp_age_used",       "survey_small.csv", "weight", "stratum", "psu", "",    "fail",   "agegroup", "used",    "",           TRUE),
  list("small_sp_sex_used",       "survey_small.csv", "weight", "stratum", "psu", "",    "fail",   "sex",      "used",    "",           TRUE),
  list("small_w_age_used",        "survey_small.csv", "weight", "",        "",    "",    "fail",   "agegroup", "used",    "",           TRUE),
  list("small_w_sex_used",        "survey_small.csv", "weight", "",        "",    "",    "fail",   "sex",      "used",    "",           TRUE),
  list("small_spf_age_used_notna","survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "used",    "used!=NA",   TRUE),
  list("small_w_age_used_notna",   "survey_small.csv", "weight", "",        "",    "",    "fail",   "agegroup", "used",    "used!=NA",   TRUE),
  list("small_spf_age_used_narmF","survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "used",    "",           FALSE),
  list("small_spf_age_used_sexM", "survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "used",    "sex=M",      TRUE),
  list("small_spf_age_used_S5",   "survey_small.csv", "weight", "stratum", "psu", "fpc", "fail",   "agegroup", "used",    "stratum=S5", TRUE),
  list("lonely_adjust_age_used",  "survey_lonely.csv","weight", "stratum", "psu", "fpc", "adjust", "agegroup", "used",    "",           TRUE),
  list("lonely_adjust_sex_used",  "survey_lonely.csv","weight", "stratum", "psu", "fpc", "adjust", "sex",      "used",    "",           TRUE),
  list("lonely_remove_sex_used",  "survey_lonely.csv","weight", "stratum", "psu", "fpc", "remove", "sex",      "used",    "",           TRUE),
  list("api_strat_stype_awards",  "api_strat_stats.csv", "pw", "stype",  "",     "fpc", "fail",   "stype",    "awards",  "",           TRUE),
  list("api_clus1_stype_awards",  "api_clus1_stats.csv", "pw", "",       "dnum", "fpc", "fail",   "stype",    "awards",  "",           TRUE)
)
STATISTICS <- c("F", "Chisq", "Wald", "adjWald")

domain_keep <- function(d, domain) {
  if (!nzchar(domain)) return(rep(TRUE, nrow(d)))
  if (domain == "used!=NA") return(!is.na(d$used))
  kv <- strsplit(domain, "=", fixed = TRUE)[[1]]
  k <- as.character(d[[kv[1]]]) == kv[2]
  k & !is.na(k)
}

chisq_rows <- list(); detail_rows <- list(); chisq_calls <- character()
for (cs in CHISQ_CASES) {
  names(cs) <- c("case", "data", "weight", "strata", "psu", "fpc", "lonely", "row", "col", "domain", "na_rm")
  old <- options(survey.lonely.psu = cs$lonely)
  d <- dat[[cs$data]]
  des0 <- make_design(d, cs$weight, cs$strata, cs$psu, cs$fpc)
  keep <- domain_keep(d, cs$domain)
  # subset(design, cond) == design[cond & !is.na(cond), ] (rows physically removed;
  # n_h and N_h per row are kept from the full design)
  des <- if (nzchar(cs$domain)) des0[keep, ] else des0
  fml <- as.formula(paste0("~", cs$row, " + ", cs$col))
  own <- own_chisq(d, design_vectors(d, cs$weight, cs$strata, cs$psu, cs$fpc), keep,
                   cs$row, cs$col, cs$lonely)
  has_na <- any(is.na(d[[cs$row]][keep]) | is.na(d[[cs$col]][keep]))
  # level order / choice of reference row and column does not matter
  own_rev <- own_chisq(d, design_vectors(d, cs$weight, cs$strata, cs$psu, cs$fpc), keep,
                       cs$row, cs$col, cs$lonely, reverse_levels = TRUE)
  note_diff("reversed level order: X2, trace, trace^2, W",
            relerr(c(own_rev$X2, own_rev$trD, own_rev$trD2, own_rev$Wq),
                   c(own$X2, own$trD, own$trD2, own$Wq)))
  # R-derived case-level quantities (svychisq with the default na.rm = TRUE)
  rF <- svychisq(fml, des, statistic = "F")
  rC <- svychisq(fml, des, statistic = "Chisq")
  rW <- svychisq(fml, des, statistic = "Wald")
  X2_R <- unname(rC$statistic)                                # Pearson X2 R reports
  trD_R <- X2_R / unname(rF$statistic)                        # trace(Delta) = X2 / F
  trD2_R <- trD_R^2 / unname(rF$parameter["ndf"])             # trace(Delta^2) = trace^2 / d0
  k_R <- unname(rC$parameter["df"])
  rs1_R <- X2_R / (trD_R / k_R)                               # = k * F
  Wq_R <- unname(rW$statistic) * k_R                          # Wald quadratic form
  note_diff("Pearson X2 (Chisq statistic)", relerr(X2_R, own$X2))
  note_diff("X2 / trace(Delta) (F statistic)", relerr(rF$statistic, own$X2 / own$trD))
  note_diff("trace(Delta)", relerr(trD_R, own$trD))
  note_diff("trace(Delta^2)", relerr(trD2_R, own$trD2))
  note_diff("sum of eigenvalues of Delta == trace", relerr(sum(own$eig), own$trD))
  note_diff("sum of squared eigenvalues of Delta == trace(Delta^2)", relerr(sum(own$eig^2), own$trD2))
  note_diff("Chisq p == pchisq(k F, k)", relerr(rC$p.value, pchisq(k_R * rF$statistic, k_R, lower.tail = FALSE)))
  note_diff("Wald quadratic form W", relerr(Wq_R, own$Wq))
  for (st in STATISTICS) {
    r <- svychisq(fml, des, statistic = st, na.rm = cs$na_rm)
    par <- r$parameter
    df_num <- if (st == "Chisq") unname(par["df"]) else unname(par["ndf"])
    df_den <- if (st == "Chisq") NA else unname(par["ddf"])
    val <- unname(r$statistic); pv <- unname(r$p.value)
    # verification against the formulas
    own_val <- switch(st, F = own$F, Chisq = own$X2, Wald = own$wald, adjWald = own$adjwald)
    own_p <- switch(st, F = own$pF, Chisq = own$pChisq, Wald = own$pWald, adjWald = own$pAdjWald)
    own_df <- switch(st, F = c(own$d0, own$d0 * own$nu), Chisq = c(own$k, NA),
                     Wald = c(own$k, own$nu), adjWald = c(own$k, own$nu - own$k + 1))
    note_diff(paste0(st, ": df_num"), relerr(df_num, own_df[1]))
    if (st != "Chisq") note_diff(paste0(st, ": df_den"), relerr(df_den, own_df[2]))
    if (cs$na_rm || !has_na) {
      note_diff(paste0(st, ": statistic"), relerr(val, own_val))
      note_diff(paste0(st, ": p"), relerr(pv, own_p))
    } else {
      stopifnot(is.na(val), is.na(pv))       # na.rm = FALSE with NAs: NA statistic and p
    }
    chisq_rows[[length(chisq_rows) + 1]] <- data.frame(
      case = cs$case, data = cs$data, weight = cs$weight, strata = cs$strata, psu = cs$psu,
      fpc = cs$fpc, lonely = cs$lonely, row = cs$row, col = cs$col, statistic = st,
      value = f17(val), df_num = f17(df_num), df_den = f17(df_den), p = f17(pv),
      pearson_x2 = f17(X2_R), domain = cs$domain, na_rm = cs$na_rm, n_rows = own$N,
      nr = own$nr, nc = own$nc, design_df = own$nu,
      trace_delta = f17(if (st %in% c("F", "Chisq")) trD_R else NA),
      trace_delta_sq = f17(if (st %in% c("F", "Chisq")) trD2_R else NA),
      rs1_chisq = f17(if (st == "Chisq" && cs$na_rm) rs1_R else NA),
      wald_quadform = f17(if (st %in% c("Wald", "adjWald") && cs$na_rm) Wq_R else NA),
      stringsAsFactors = FALSE)
  }
  # intermediate quantities against survey's own pieces
  tab <- svytable(fml, des, Ntotal = nrow(des$variables))
  note_diff("scaled table N*p", relerr(as.numeric(tab[own$ra, own$cb]), own$table))
  sv <- svymean(as.formula(paste0("~interaction(factor(", cs$row, "), factor(", cs$col, "))")),
                des, na.rm = TRUE)
  note_diff("cell proportions p", relerr(coef(sv), own$p))
  note_diff("V = vcov(svymean of cell indicators)", relerr_mat(vcov(sv), own$V))
  note_diff("design df nu", relerr(degf(des), own$nu))
  # the qr.resid contrast matrix spans the same space as the explicit C (checked via Delta)
  mf1 <- expand.grid(rows = 1:own$nr, cols = 1:own$nc)
  X1 <- model.matrix(~factor(rows) + factor(cols), mf1)
  X12 <- model.matrix(~factor(rows) * factor(cols), mf1)
  Cq <- qr.resid(qr(X1), X12[, -(1:(own$nr + own$nc - 1)), drop = FALSE])
  ab <- expand.grid(a = 2:own$nr, b = 2:own$nc)
  Cx <- sapply(seq_len(nrow(ab)), function(j) ((mf1$rows == ab$a[j]) - 1 / own$nr) *
                                               ((mf1$cols == ab$b[j]) - 1 / own$nc))
  note_diff("qr.resid contrast matrix == explicit C", relerr_mat(Cq, Cx))
  n_cells <- own$nr * own$nc
  cell_lab_r <- rep(own$ra, own$nc); cell_lab_c <- rep(own$cb, each = own$nr)
  detail_rows[[length(detail_rows) + 1]] <- rbind(
    data.frame(case = cs$case, quantity = "cell_prop", i = 1:n_cells, j = NA,
               row_level = cell_lab_r, col_level = cell_lab_c, value = f17(unname(coef(sv)))),
    data.frame(case = cs$case, quantity = "cell_table", i = 1:n_cells, j = NA,
               row_level = cell_lab_r, col_level = cell_lab_c,
               value = f17(as.numeric(tab[own$ra, own$cb]))),
    data.frame(case = cs$case, quantity = "V", i = rep(1:n_cells, n_cells),
               j = rep(1:n_cells, each = n_cells), row_level = "", col_level = "",
               value = f17(as.vector(vcov(sv)))),
    data.frame(case = cs$case, quantity = "delta_eigen", i = seq_along(own$eig), j = NA,
               row_level = "", col_level = "", value = f17(own$eig)),
    data.frame(case = cs$case, quantity = "wald_Y", i = 1:n_cells, j = NA,
               row_level = cell_lab_r, col_level = cell_lab_c, value = f17(own$Y)),
    stringsAsFactors = FALSE)
  # NA handling check: the explicit NA drop gives the same F / Wald (N cancels)
  if (has_na && cs$na_rm) {
    des_cc <- des[!is.na(des$variables[[cs$row]]) & !is.na(des$variables[[cs$col]]), ]
    # F / Chisq statistics do not change; design_df is recounted on the remaining rows, so
    # it drops when whole PSUs vanish (e.g. weights-only designs: every row is a PSU)
    cc_keep <- keep & !is.na(d[[cs$row]]) & !is.na(d[[cs$col]])
    own_cc <- own_chisq(d, design_vectors(d, cs$weight, cs$strata, cs$psu, cs$fpc), cc_keep,
                        cs$row, cs$col, cs$lonely)
    note_diff("F after explicit NA drop", relerr(svychisq(fml, des_cc)$statistic, own$F))
    note_diff("adjWald after explicit NA drop (own, nu recounted)",
              relerr(svychisq(fml, des_cc, statistic = "adjWald")$statistic, own_cc$adjwald))
  }
  dtxt <- design_call_text(cs$data, cs$weight, cs$strata, cs$psu, cs$fpc)
  if (nzchar(cs$domain)) dtxt <- sprintf("subset(%s, %s)", dtxt,
    if (cs$domain == "used!=NA") "!is.na(used)" else sub("=(.*)$", " == \"\\1\"", cs$domain))
  chisq_calls <- c(chisq_calls, sprintf("  %s [lonely=%s]: svychisq(%s, %s%s)", cs$case, cs$lonely,
                                        deparse(fml), dtxt, if (cs$na_rm) "" else ", na.rm = FALSE"))
  options(old)
}
chisq <- do.call(rbind, chisq_rows)
detail <- do.call(rbind, detail_rows)

# -----------------------------------------------------------------------------
# 4. Contrast cases: svyby(~y, ~by, design, svymean, na.rm = TRUE, covmat = TRUE) +
#    svycontrast(., c(-1, +1)) for (reference level a, level b)
# -----------------------------------------------------------------------------
CONTRAST_CASES <- list(
  list("small_spf",     "survey_small.csv",    "used",       "weight", "stratum", "psu",  "fpc", "fail"),
  list("small_sp",      "survey_small.csv",    "used",       "weight", "stratum", "psu",  "",    "fail"),
  list("small_w",       "survey_small.csv",    "used",       "weight", "",        "",     "",    "fail"),
  list("lonely_adjust", "survey_lonely.csv",   "used",       "weight", "stratum", "psu",  "fpc", "adjust"),
  list("api_strat",     "api_strat_stats.csv", "awards_yes", "pw",     "stype",   "",     "fpc", "fail"),
  list("api_clus1",     "api_clus1_stats.csv", "awards_yes", "pw",     "",        "dnum", "fpc", "fail")
)
BYS <- list(survey_small.csv = c("sex", "agegroup"), survey_lonely.csv = c("sex", "agegroup"),
            api_strat_stats.csv = "stype", api_clus1_stats.csv = "stype")

svyby_na_error <- NA_character_
contrast_rows <- list(); contrast_calls <- character()
for (cs in CONTRAST_CASES) {
  names(cs) <- c("case", "data", "outcome", "weight", "strata", "psu", "fpc", "lonely")
  old <- options(survey.lonely.psu = cs$lonely)
  d <- dat[[cs$data]]
  dv <- design_vectors(d, cs$weight, cs$strata, cs$psu, cs$fpc)
  des0 <- make_design(d, cs$weight, cs$strata, cs$psu, cs$fpc)
  obs <- !is.na(d[[cs$outcome]])
  des <- des0[obs, ]                      # drop NA-outcome rows (n_h, N_h kept)
  yf <- as.formula(paste0("~", cs$outcome))
  for (by in BYS[[cs$data]]) {
    bf <- as.formula(paste0("~", by))
    if (any(!obs)) {                       # document the survey 4.1.1 failure
      e <- tryCatch({svyby(yf, bf, des0, svymean, na.rm = TRUE, covmat = TRUE); "no error"},
                    error = function(e) conditionMessage(e))
      stopifnot(e != "no error")
      svyby_na_error <- e
    }
    a <- svyby(yf, bf, des, svymean, na.rm = TRUE, covmat = TRUE)
    # the drop changes nothing: same estimates / SEs as svyby on the full design without covmat
    a0 <- svyby(yf, bf, des0, svymean, na.rm = TRUE)
    note_diff("svyby after NA drop == svyby on full design (estimate)", relerr(coef(a), coef(a0)))
    note_diff("svyby after NA drop == svyby on full design (se)", relerr(SE(a), SE(a0)))
    lev <- as.character(a[[by]])
    est <- coef(a); V <- vcov(a)
    # own: domain means and influence functions, joint stratified variance
    g <- as.character(d[[by]])
    stopifnot(identical(lev, sort(unique(g[obs]))))
    Z <- sapply(lev, function(l) {
      ind <- obs & g == l
      pd <- sum(dv$w[ind] * d[[cs$outcome]][ind]) / sum(dv$w[ind])
      z <- numeric(nrow(d))
      z[ind] <- dv$w[ind] * (d[[cs$outcome]][ind] - pd) / sum(dv$w[ind])
      attr(z, "p") <- pd
      z
    })
    own_p <- sapply(lev, function(l) {
      ind <- obs & g == l
      sum(dv$w[ind] * d[[cs$outcome]][ind]) / sum(dv$w[ind])
    })
    own_V <- own_var(Z, dv, cs$lonely)
    note_diff("domain means", relerr(est, own_p))
    note_diff("domain covariance matrix", relerr_mat(V, own_V))
    for (j in seq_along(lev)[-1]) {
      cv <- numeric(length(lev)); cv[1] <- -1; cv[j] <- 1
      sc <- svycontrast(a, cv)
      e <- unname(coef(sc)); se <- unname(SE(sc))
      own_e <- own_p[j] - own_p[1]
      own_se <- sqrt(own_V[1, 1] + own_V[j, j] - 2 * own_V[1, j])
      note_diff("contrast estimate", relerr(e, own_e))
      note_diff("contrast se", relerr(se, own_se))
      z <- e / se; df <- degf(des0)
      contrast_rows[[length(contrast_rows) + 1]] <- data.frame(
        case = paste0(cs$case, "_", by), by = by, level_a = lev[1], level_b = lev[j],
        estimate = f17(e), se = f17(se), cov_ab = f17(V[1, j]), var_a = f17(V[1, 1]),
        var_b = f17(V[j, j]), p_a = f17(est[1]), p_b = f17(est[j]), z = f17(z),
        p_z = f17(2 * pnorm(-abs(z))), design_df = df, p_t = f17(2 * pt(-abs(z), df)),
        data = cs$data, outcome = cs$outcome, weight = cs$weight, strata = cs$strata,
        psu = cs$psu, fpc = cs$fpc, lonely = cs$lonely, stringsAsFactors = FALSE)
    }
    contrast_calls <- c(contrast_calls, sprintf(
      "  %s_%s [lonely=%s]: a <- svyby(~%s, ~%s, design[!is.na(%s), ], svymean, na.rm = TRUE, covmat = TRUE) with design = %s",
      cs$case, by, cs$lonely, cs$outcome, by, cs$outcome,
      design_call_text(cs$data, cs$weight, cs$strata, cs$psu, cs$fpc)))
  }
  options(old)
}
contrast <- do.call(rbind, contrast_rows)

# -----------------------------------------------------------------------------
# 5. Write
# -----------------------------------------------------------------------------
verify_lines <- sprintf("  %-55s %.3g", names(VERIFY), unlist(VERIFY))
common <- c(
  sprintf("source: %s, survey %s", R_VERSION, SURVEY_VERSION),
  "generated by make_crosstab.R (deterministic); tolerance for Java: 1e-8 relative",
  sprintf("inputs (MD5): %s", paste(sprintf("%s %s", names(MD5), MD5), collapse = "; ")),
  "options: survey.lonely.psu = <lonely> per case (fail = package default), survey.adjust.domain.lonely = FALSE")

chisq_header <- c(
  "dmstat design-based tests of independence on two-way tables: survey::svychisq",
  common,
  "call per case and statistic: svychisq(~row + col, design, statistic = <statistic>, na.rm = <na_rm>) with",
  chisq_calls,
  "statistic F: Rao-Scott second order, value = X2 / trace(Delta), df_num = d0 = trace(Delta)^2 / trace(Delta^2), df_den = d0 * design_df, p = pf(value, df_num, df_den, upper)",
  "statistic Chisq: Rao-Scott FIRST order; value = the UNADJUSTED Pearson X2 (as R reports it), df_num = (nr-1)(nc-1), p = pchisq(rs1_chisq, df_num, upper) with rs1_chisq = X2 / (trace(Delta)/df_num)",
  "statistic Wald: value = W / k, df = (k, design_df); adjWald: value = W (design_df - k + 1) / (k design_df), df = (k, design_df - k + 1); W = wald_quadform, k = (nr-1)(nc-1)",
  "pearson_x2 = Pearson X2 of svytable(~row + col, design, Ntotal = n_rows) (same on all 4 rows of a case); n_rows = rows of the (domain) design INCLUDING rows with NA in row/col",
  "design_df = #PSUs - #strata of the (domain) design, counted over all its rows (incl. NA rows); trace_delta/trace_delta_sq on F/Chisq rows; empty = not applicable / NA",
  "na_rm = FALSE with NAs present: R returns NA statistic and p (df still given)",
  "every value was recomputed from the formulas in NOTES.md; max relative differences (stopifnot <= 1e-10):",
  verify_lines)
write_commented_csv(chisq_header, chisq, "chisq_reference.csv")

detail_header <- c(
  "dmstat svychisq intermediate quantities (one block per case of chisq_reference.csv)",
  common,
  "cell index i = r + (c-1)*nr with r, c the positions of row_level / col_level in the sorted levels (row varies fastest)",
  "cell_prop: p_rc = coef(svymean(~interaction(factor(row), factor(col)), design, na.rm = TRUE))",
  "cell_table: svytable(~row + col, design, Ntotal = n_rows) = n_rows * p_rc (the table whose Pearson X2 R reports)",
  "V: vcov of that svymean, V[i, j] (column-major, i fastest)",
  "delta_eigen: eigenvalues of Delta (decreasing; basis-invariant), sum = trace_delta, sum of squares = trace_delta_sq",
  "wald_Y: Y_rc = Nhat_rc - Nhat_r. Nhat_.c / Nhat (weighted totals over complete cases)")
write_commented_csv(detail_header, detail, "chisq_detail.csv")

contrast_header <- c(
  "dmstat differences of domain prevalences (means of a 0/1 outcome) with design-based covariance",
  common,
  "calls: a <- svyby(~y, ~by, design[!is.na(y), ], svymean, na.rm = TRUE, covmat = TRUE); svycontrast(a, c(-1 at level_a, +1 at level_b))",
  contrast_calls,
  sprintf("  NA rows are dropped first because survey 4.1.1 svyby(..., covmat = TRUE) on a design with NA outcomes stops with: \"%s\";",
          gsub("\n", " ", svyby_na_error)),
  "  the drop is the one svymean(na.rm = TRUE) does internally (n_h and N_h kept from the full design), so estimates/variances are unchanged (checked)",
  "level_a = first (reference) level of the sorted levels, level_b = the other level; estimate = p_b - p_a; se = sqrt(var_a + var_b - 2 cov_ab)",
  "var_a, var_b, cov_ab: entries of vcov(a); p_a, p_b: coef(a)",
  "api cases: outcome awards_yes = as.numeric(awards == \"Yes\") derived in the script",
  "z = estimate / se; p_z = 2 pnorm(-|z|); design_df = degf(design) (full design); p_t = 2 pt(-|z|, design_df) (base-R formulas, not survey output)",
  "every value was recomputed from the formulas in NOTES.md; max relative differences (stopifnot <= 1e-10): see chisq_reference.csv header")
write_commented_csv(contrast_header, contrast, "contrast_reference.csv")

cat("rows: chisq_reference.csv", nrow(chisq), "; chisq_detail.csv", nrow(detail),
    "; contrast_reference.csv", nrow(contrast), "\n")
cat("max relative differences (formulas vs survey):\n", paste(verify_lines, collapse = "\n"), "\n")
cat("svyby covmat NA error:", svyby_na_error, "\n")
