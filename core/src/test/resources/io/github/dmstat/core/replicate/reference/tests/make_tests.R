#!/usr/bin/env Rscript
# =============================================================================
# make_tests.R -- reference fixtures for dmstat's TABLE TESTS (svychisq) and DOMAIN
# DIFFERENCES (svyby(covmat = TRUE) + svycontrast) on REPLICATE-WEIGHT designs, from R's
# `survey` package (Lumley), R 4.2.2 / survey 4.1.1.
#
# How to rerun:
#   cd core/src/test/resources/io/github/dmstat/core/replicate/reference/tests
#   Rscript make_tests.R            # ~5 s; deterministic, only the "# date:" lines change
#
# Inputs (byte-identical copies of ../<file>; this script only reads them and, when ../ exists,
# checks their md5 against the originals):
#   survey_small.csv, api_clus1_stats.csv,
#   repweights_small_jkn.csv, repweights_small_boot.csv, repweights_clus1_jk1.csv,
#   repweights_clus1_boot.csv   (FULL replicate weights, columns id,w,rep1..repR)
#   designs_reference.csv, rscales_reference.csv   (scale / rscales of the "<design>_sup" cases)
#   estimates_reference.csv     (only to cross-check the domain means and their own SEs)
# Written here:
#   chisq_rep_reference.csv     svychisq(~a + b, design, statistic = F / Chisq / Wald / adjWald)
#   contrast_rep_reference.csv  differences of domain means with their replicate covariance
# Every design is svrepdesign(data + replicate columns, repweights = "rep[0-9]+", weights = ~w,
# type, scale, rscales, combined.weights = TRUE, mse = FALSE / TRUE).
#
# Every number written is also recomputed by a plain-R re-implementation of NOTES.md (section
# "Plain re-implementation" below; it never calls a survey function) and checked with stopifnot
# at 1e-10 relative. The maxima are printed at the end and written into the CSV headers.
# Numbers are written with sprintf("%.17g").
# =============================================================================

suppressPackageStartupMessages(library(survey))
stopifnot(as.character(packageVersion("survey")) == "4.1.1")
stopifnot(isFALSE(getOption("survey.replicates.mse")))
stopifnot(isTRUE(getOption("survey.drop.replicates")))

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
relerr <- function(a, b) {
  a <- as.vector(unname(a)); b <- as.vector(unname(b))
  stopifnot(length(a) == length(b), identical(is.na(a), is.na(b)))
  ok <- !is.na(b)
  max(abs(a[ok] - b[ok]) / pmax(abs(b[ok]), 1e-300), 0)
}
TOL <- 1e-10
maxdiff <- list()                      # name -> running max relative difference
track <- function(name, a, b) {
  e <- relerr(a, b)
  if (!(e <= TOL)) stop(sprintf("check %s failed: relative difference %.3g", name, e))
  maxdiff[[name]] <<- max(maxdiff[[name]], e, 0)
  invisible(e)
}

# ---- inputs: local byte-identical copies -----------------------------------------------------
inputs <- c("survey_small.csv", "api_clus1_stats.csv", "repweights_small_jkn.csv",
            "repweights_small_boot.csv", "repweights_clus1_jk1.csv", "repweights_clus1_boot.csv",
            "designs_reference.csv", "rscales_reference.csv", "estimates_reference.csv")
stopifnot(all(file.exists(inputs)))
orig <- file.path("..", inputs)
if (all(file.exists(orig)))
  stopifnot(unname(tools::md5sum(inputs)) == unname(tools::md5sum(orig)))

datasets <- list(small = read.csv("survey_small.csv", stringsAsFactors = FALSE),
                 clus1 = read.csv("api_clus1_stats.csv", stringsAsFactors = FALSE))
stopifnot(nrow(datasets$small) == 827, nrow(datasets$clus1) == 183)
desref <- read_ref("designs_reference.csv")
rsref <- read_ref("rscales_reference.csv")
estref <- read_ref("estimates_reference.csv")   # cross-check of the domain means and their own SEs

# design name, data set, id column, replicate-weight file, type
specs <- list(
  list(design = "small_jkn",       data = "small", idcol = "id",   wfile = "small_jkn",  type = "JKn"),
  list(design = "small_jkn_fpc",   data = "small", idcol = "id",   wfile = "small_jkn",  type = "JKn"),
  list(design = "small_boot",      data = "small", idcol = "id",   wfile = "small_boot", type = "bootstrap"),
  list(design = "clus1_jk1",       data = "clus1", idcol = "snum", wfile = "clus1_jk1",  type = "JK1"),
  list(design = "clus1_jk1_nofpc", data = "clus1", idcol = "snum", wfile = "clus1_jk1",  type = "JK1"),
  list(design = "clus1_boot",      data = "clus1", idcol = "snum", wfile = "clus1_boot", type = "bootstrap"))

# Build one design. Returns the survey object plus the plain ingredients (w, W, scale, rscales).
build <- function(sp, mse) {
  dat <- datasets[[sp$data]]
  rw <- read_ref(sprintf("repweights_%s.csv", sp$wfile))
  repcols <- grep("^rep[0-9]+$", names(rw), value = TRUE)
  R <- length(repcols)
  stopifnot(identical(names(rw), c("id", "w", paste0("rep", seq_len(R)))),
            nrow(rw) == nrow(dat), identical(as.numeric(rw$id), as.numeric(dat[[sp$idcol]])),
            !("w" %in% names(dat)), !any(grepl("rep[0-9]+", names(dat))))
  dat$w <- rw$w
  dat <- cbind(dat, rw[repcols])
  case <- paste0(sp$design, "_sup")
  dr <- desref[desref$case == case & desref$mse == FALSE, ]
  stopifnot(nrow(dr) == 1, dr$type == sp$type, dr$replicates == R,
            dr$repweights_file == sprintf("repweights_%s.csv", sp$wfile))
  rs <- rsref[rsref$case == case, ]
  rs <- rs$rscale[order(rs$replicate)]
  stopifnot(length(rs) == R)
  d <- svrepdesign(data = dat, repweights = "rep[0-9]+", weights = ~w, type = sp$type,
                   scale = dr$scale, rscales = rs, combined.weights = TRUE, mse = mse)
  W <- unname(as.matrix(rw[repcols]))
  stopifnot(identical(unname(weights(d, "analysis")), W), identical(unname(d$pweights), rw$w),
            identical(d$scale, dr$scale), identical(d$rscales, rs), identical(d$mse, mse),
            isTRUE(d$combined.weights))
  list(d = d, data = datasets[[sp$data]], w = rw$w, W = W, scale = dr$scale, rscales = rs,
       mse = mse, R = R)
}

# =============================================================================
# Plain re-implementation of NOTES.md (no survey function is called below this line
# until the "survey runs" section).
# =============================================================================

# Replicate variance (NOTES 1): replicates = R x k matrix of replicate estimates, est = full-sample
# estimates. Replicates (rows) with any NaN are dropped together with their rscale.
plain_svrvar <- function(reps, est, scale, rscales, mse) {
  reps <- as.matrix(reps)
  ok <- stats::complete.cases(reps)
  stopifnot(any(ok))
  reps <- reps[ok, , drop = FALSE]; rs <- rscales[ok]
  centre <- if (mse) est else colMeans(reps[rs > 0, , drop = FALSE])
  dev <- sweep(reps, 2, centre)
  V <- scale * (t(dev) %*% (dev * rs))
  attr(V, "dropped") <- which(!ok)
  V
}

# Numerical rank with R's LINPACK dqrdc2 (limited column pivoting), as qr(x, tol)$rank (NOTES 2).
plain_rank_dqrdc2 <- function(x, tol = 1e-5) {
  n <- nrow(x); p <- ncol(x)
  nrm2 <- function(v) sqrt(sum(v * v))
  qraux <- apply(x, 2, nrm2)
  work1 <- qraux
  work2 <- ifelse(qraux == 0, 1, qraux)
  k <- p + 1
  for (l in seq_len(min(n, p))) {
    while (l < k && qraux[l] < work2[l] * tol) {
      perm <- c(seq_len(l - 1), setdiff(seq_len(p), seq_len(l)), l)
      x <- x[, perm, drop = FALSE]
      qraux <- qraux[perm]; work1 <- work1[perm]; work2 <- work2[perm]
      k <- k - 1
    }
    if (l != n) {
      idx <- l:n
      nrmxl <- nrm2(x[idx, l])
      if (nrmxl != 0) {
        if (x[l, l] != 0) nrmxl <- abs(nrmxl) * sign(x[l, l])
        x[idx, l] <- x[idx, l] * (1 / nrmxl)
        x[l, l] <- 1 + x[l, l]
        if (p >= l + 1) for (j in (l + 1):p) {
          t <- -sum(x[idx, l] * x[idx, j]) / x[l, l]
          x[idx, j] <- x[idx, j] + t * x[idx, l]
          if (qraux[j] != 0) {
            tt <- max(1 - (abs(x[l, j]) / qraux[j])^2, 0)
            if (abs(tt) >= 1e-6) {
              qraux[j] <- qraux[j] * sqrt(tt)
            } else {
              qraux[j] <- nrm2(x[(l + 1):n, j])
              work1[j] <- qraux[j]
            }
          }
        }
        qraux[l] <- x[l, l]
        x[l, l] <- -nrmxl
      }
    }
  }
  min(k - 1, n)
}
plain_degf <- function(W) plain_rank_dqrdc2(W, 1e-5) - 1

# All four svychisq statistics (NOTES 3). rv, cv: the two classifying variables (may hold NA);
# rlev, clev: their level orders (any order gives the same statistics; checked below).
plain_chisq <- function(rv, cv, w, W, scale, rscales, mse, nu,
                        rlev = sort(unique(rv[!is.na(rv)])),
                        clev = sort(unique(cv[!is.na(cv)]))) {
  N <- length(rv)                                    # ALL rows, incl. rows with NA
  nr <- length(rlev); nc <- length(clev); K <- nr * nc; k <- (nr - 1) * (nc - 1)
  cc <- !is.na(rv) & !is.na(cv)                      # complete cases
  cell <- match(rv[cc], rlev) + (match(cv[cc], clev) - 1) * nr   # row index fastest
  X <- outer(cell, seq_len(K), "==") * 1             # n_cc x K cell indicators
  wc <- w[cc]; Wc <- W[cc, , drop = FALSE]
  gr <- rep(seq_len(nr), nc); gc <- rep(seq_len(nc), each = nr)  # row / col of each cell

  ## Rao-Scott (F, Chisq)
  tot <- colSums(wc * X)                             # weighted cell counts
  phat <- tot / sum(wc)                              # cell proportions
  prep <- (t(Wc) %*% X) / colSums(Wc)                # R x K replicate cell proportions
  V <- plain_svrvar(prep, phat, scale, rscales, mse)
  X1 <- cbind(1, outer(gr, seq_len(nr)[-1], "==") * 1, outer(gc, seq_len(nc)[-1], "==") * 1)
  X12 <- do.call(cbind, lapply(seq_len(nc)[-1], function(j)
    sapply(seq_len(nr)[-1], function(i) (gr == i & gc == j) * 1)))
  X12 <- matrix(X12, nrow = K)
  C <- X12 - X1 %*% solve(crossprod(X1), crossprod(X1, X12))  # interaction part, orthogonal to main effects
  Dinv <- diag(ifelse(phat == 0, 0, 1 / phat), K)
  A <- t(C) %*% Dinv %*% C / N
  B <- t(C) %*% Dinv %*% V %*% Dinv %*% C
  Delta <- solve(A, B)
  tr1 <- sum(diag(Delta)); tr2 <- sum(Delta * t(Delta))
  tab <- matrix(tot, nr, nc); tab <- tab * (N / sum(tab))      # table rescaled to total N
  E <- outer(rowSums(tab), colSums(tab)) / N
  X2 <- sum((tab - E)^2 / E)
  Fst <- X2 / tr1; d0 <- tr1^2 / tr2

  ## Wald (Wald, adjWald): linearised covariance of Y = N_ij - N_i. N_.j / N..
  trep <- t(Wc) %*% X                                # R x K replicate cell totals
  Sig <- plain_svrvar(trep, tot, scale, rscales, mse)
  Nr <- rowSums(matrix(tot, nr, nc)); Nc <- colSums(matrix(tot, nr, nc)); Nt <- sum(tot)
  Y <- tot - Nr[gr] * Nc[gc] / Nt
  G <- diag(K) - outer(seq_len(K), seq_len(K), function(a, b) (gr[a] == gr[b]) * Nc[gc[a]] / Nt) -
    outer(seq_len(K), seq_len(K), function(a, b) (gc[a] == gc[b]) * Nr[gr[a]] / Nt) +
    matrix(Nr[gr] * Nc[gc] / Nt^2, K, K)             # dY_a / dN_b (cells only)
  VY <- G %*% Sig %*% t(G)
  use <- gr >= 2 & gc >= 2
  wald <- drop(Y[use] %*% solve(VY[use, use], Y[use]))

  ## the same Wald statistic the way survey literally builds it (totals of cells, row margins,
  ## column margins and the grand total, Jacobian J); must agree with `wald`
  ext <- function(t) c(t, rowSums(matrix(t, nr, nc)), colSums(matrix(t, nr, nc)), sum(t))
  text <- ext(tot); trext <- t(apply(trep, 1, ext))
  Sig2 <- plain_svrvar(trext, text, scale, rscales, mse)
  J <- cbind(diag(K), -outer(gr, seq_len(nr), "==") * Nc[gc] / Nt,
             -outer(gc, seq_len(nc), "==") * Nr[gr] / Nt, Nr[gr] * Nc[gc] / Nt^2)
  VY2 <- J %*% Sig2 %*% t(J)
  wald2 <- drop(Y[use] %*% solve(VY2[use, use], Y[use]))

  list(N = N, nr = nr, nc = nc, k = k, nu = nu, X2 = X2, tr1 = tr1, tr2 = tr2,
       dropped = c(attr(V, "dropped"), attr(Sig, "dropped")),
       F     = c(value = Fst, df_num = d0, df_den = d0 * nu,
                 p = pf(Fst, d0, d0 * nu, lower.tail = FALSE)),
       Chisq = c(value = X2, df_num = k, df_den = NA,
                 p = pchisq(X2 / (tr1 / k), k, lower.tail = FALSE)),
       Wald  = c(value = wald / k, df_num = k, df_den = nu,
                 p = pf(wald / k, k, nu, lower.tail = FALSE)),
       adjWald = c(value = wald * (nu - k + 1) / (k * nu), df_num = k, df_den = nu - k + 1,
                   p = pf(wald * (nu - k + 1) / (k * nu), k, nu - k + 1, lower.tail = FALSE)),
       wald = wald, wald2 = wald2)
}

# Domain means of y in the groups of g (NOTES 4) with their joint replicate covariance.
plain_domains <- function(y, g, w, W, scale, rscales, mse, levels) {
  G <- length(levels)
  est <- numeric(G); reps <- matrix(NA_real_, ncol(W), G)
  own_var <- numeric(G)
  for (k in seq_len(G)) {
    s <- !is.na(g) & g == levels[k] & !is.na(y)
    est[k] <- sum(w[s] * y[s]) / sum(w[s])
    reps[, k] <- colSums(W[s, , drop = FALSE] * y[s]) / colSums(W[s, , drop = FALSE])
    own_var[k] <- plain_svrvar(reps[, k, drop = FALSE], est[k], scale, rscales, mse)[1, 1]
  }
  V <- plain_svrvar(reps, est, scale, rscales, mse)   # drops a replicate NaN in ANY domain
  list(est = est, V = V, reps = reps, own_var = own_var, dropped = attr(V, "dropped"))
}

# =============================================================================
# survey runs + comparison
# =============================================================================
tables <- list(small = list(c("agegroup", "used"), c("sex", "used")),
               clus1 = list(c("stype", "awards")))
stats <- c("F", "Chisq", "Wald", "adjWald")
degf_seen <- list()

chisq_rows <- list()
contrast_rows <- list()
for (sp in specs) for (mse in c(FALSE, TRUE)) {
  b <- build(sp, mse)
  d <- b$d
  nu <- degf(d)
  stopifnot(identical(nu, d$degf))
  nu_plain <- plain_degf(b$W)
  sv <- svd(b$W)$d
  stopifnot(nu == nu_plain, nu == sum(sv > 1e-5 * sv[1]) - 1)
  degf_seen[[sp$design]] <- c(degf = nu, R = b$R, kept = sv[nu + 1] / sv[1],
                               dropped = if (nu + 2 <= length(sv)) sv[nu + 2] / sv[1] else 0)

  ## ---- svychisq ----
  for (tb in tables[[sp$data]]) {
    a <- tb[1]; bb <- tb[2]
    fml <- as.formula(paste("~", a, "+", bb))
    N <- nrow(d$variables)
    px2 <- unname(suppressWarnings(
      chisq.test(svytable(fml, d, Ntotal = N), correct = FALSE))$statistic)
    pl <- plain_chisq(b$data[[a]], b$data[[bb]], b$w, b$W, b$scale, b$rscales, mse, nu)
    stopifnot(length(pl$dropped) == 0)
    track("chisq: Wald via cell totals vs survey's extended-totals Jacobian", pl$wald, pl$wald2)
    # level-order invariance: reversed levels of both variables give the same statistics
    plr <- plain_chisq(b$data[[a]], b$data[[bb]], b$w, b$W, b$scale, b$rscales, mse, nu,
                       rlev = rev(sort(unique(na.omit(b$data[[a]])))),
                       clev = rev(sort(unique(na.omit(b$data[[bb]])))))
    for (s in stats) track("chisq: reversed level order (plain vs plain)", plr[[s]], pl[[s]])
    track("chisq: pearson_x2", pl$X2, px2)
    for (s in stats) {
      res <- svychisq(fml, d, statistic = s)
      par <- unname(res$parameter)
      val <- c(value = unname(res$statistic), df_num = par[1],
               df_den = if (length(par) > 1) par[2] else NA, p = unname(res$p.value))
      track(sprintf("chisq %s: value", s), pl[[s]][["value"]], val[["value"]])
      track(sprintf("chisq %s: df", s), pl[[s]][c("df_num", "df_den")], val[c("df_num", "df_den")])
      track(sprintf("chisq %s: p", s), pl[[s]][["p"]], val[["p"]])
      chisq_rows[[length(chisq_rows) + 1]] <- data.frame(
        case = sprintf("%s_%s_%s", sp$data, a, bb), design = sp$design, mse = mse,
        row = a, col = bb, statistic = s,
        value = f17(val[["value"]]), df_num = f17(val[["df_num"]]), df_den = f17(val[["df_den"]]),
        p = f17(val[["p"]]), pearson_x2 = f17(px2), n_rows = N, design_df = nu,
        n_cc = sum(!is.na(b$data[[a]]) & !is.na(b$data[[bb]])),
        delta_trace = f17(if (s %in% c("F", "Chisq")) pl$tr1 else NA),
        delta_sq_trace = f17(if (s %in% c("F", "Chisq")) pl$tr2 else NA),
        wald_raw = f17(if (s %in% c("Wald", "adjWald")) pl$wald else NA),
        stringsAsFactors = FALSE)
    }
  }

  ## ---- domain differences ----
  if (sp$data == "small") {
    dd <- b$data
    byspecs <- list(
      list(case = "used_by_sex", by = "sex", fml = ~sex, g = dd$sex, pairs = list(c("F", "M"))),
      list(case = "used_by_agegroup", by = "agegroup", fml = ~agegroup, g = dd$agegroup,
           pairs = list(c("18-24", "25-34"), c("18-24", "35-54"), c("18-24", "55+"))),
      list(case = "used_by_agegroup_sex", by = "agegroup+sex", fml = ~agegroup + sex,
           g = paste(dd$agegroup, dd$sex, sep = "."),
           pairs = lapply(sort(unique(dd$agegroup)), function(ag) paste(ag, c("F", "M"), sep = "."))))
    for (bs in byspecs) {
      nwarn <- character(0)
      by <- withCallingHandlers(
        svyby(~used, bs$fml, d, svymean, na.rm = TRUE, covmat = TRUE),
        warning = function(wn) { nwarn <<- c(nwarn, conditionMessage(wn)); invokeRestart("muffleWarning") })
      co <- coef(by); V <- vcov(by)
      stopifnot(!anyNA(co), !anyNA(V), identical(names(co), rownames(V)))
      lev <- names(co)
      pd <- plain_domains(dd$used, bs$g, b$w, b$W, b$scale, b$rscales, mse, lev)
      stopifnot((length(nwarn) > 0) == (length(pd$dropped) > 0),
                all(grepl("replicates gave NA results and were discarded", nwarn)))
      track("contrast: domain means", pd$est, unname(co))
      track("contrast: covmat", as.vector(pd$V), as.vector(unname(V)))
      # the per-domain SE column of svyby is the domain's OWN replicate variance
      track("contrast: svyby SE^2 vs own-domain variance", pd$own_var, unname(SE(by))^2)
      if (length(pd$dropped) == 0)
        track("contrast: covmat diagonal vs svyby SE^2", diag(pd$V), unname(SE(by))^2)
      # cross-check against ../estimates_reference.csv where that file has the same domains
      if (bs$by %in% c("sex", "agegroup+sex")) {
        grp <- if (bs$by == "sex") paste0("sex=", lev) else
          sub("^(.*)\\.(F|M)$", "agegroup=\\1;sex=\\2", lev)
        er <- estref[estref$case == paste0(sp$design, "_sup") & estref$mse == mse &
                       estref$statistic == "mean" & estref$variable == "used" & estref$by == bs$by, ]
        er <- er[match(grp, er$group), ]
        stopifnot(nrow(er) == length(lev), !anyNA(er$estimate))
        track("contrast: domain means vs ../estimates_reference.csv", pd$est, er$estimate)
        track("contrast: own-domain SE vs ../estimates_reference.csv", sqrt(pd$own_var), er$se)
      }
      for (pr in bs$pairs) {
        cvec <- setNames(ifelse(lev == pr[2], 1, ifelse(lev == pr[1], -1, 0)), lev)
        stopifnot(sum(cvec != 0) == 2)
        con <- svycontrast(by, cvec)
        est <- unname(coef(con)); se <- unname(SE(con))
        ia <- match(pr[1], lev); ib <- match(pr[2], lev)
        pest <- pd$est[ib] - pd$est[ia]
        pvar <- pd$V[ib, ib] + pd$V[ia, ia] - 2 * pd$V[ia, ib]
        # the same variance directly from the replicate differences
        dvar <- plain_svrvar(pd$reps[, ib, drop = FALSE] - pd$reps[, ia, drop = FALSE],
                             pest, b$scale, b$rscales, mse)[1, 1]
        if (length(pd$dropped) == 0) track("contrast: var(b-a) from replicate differences", dvar, pvar)
        track("contrast: estimate", pest, est)
        track("contrast: se", sqrt(pvar), se)
        contrast_rows[[length(contrast_rows) + 1]] <- data.frame(
          case = bs$case, design = sp$design, mse = mse, by = bs$by,
          level_a = pr[1], level_b = pr[2], estimate = f17(est), se = f17(se),
          cov_ab = f17(V[ia, ib]), var_a = f17(V[ia, ia]), var_b = f17(V[ib, ib]),
          mean_a = f17(co[[ia]]), mean_b = f17(co[[ib]]),
          dropped_replicates = paste(pd$dropped, collapse = ";"),
          stringsAsFactors = FALSE)
      }
    }
  }
}

chisq <- do.call(rbind, chisq_rows)
contr <- do.call(rbind, contrast_rows)

md <- vapply(maxdiff, identity, 0)
summary_lines <- sprintf("max relative difference, %s: %.2g", names(md), md)
cat("plain-R re-implementation vs survey (all <= 1e-10 enforced by stopifnot):\n")
cat(paste0("  ", summary_lines), sep = "\n")
cat("degf per design (rank of the n x R replicate-weight matrix - 1; singular values relative to the largest:",
    "smallest kept / largest beyond the rank):\n")
for (nm in names(degf_seen)) cat(sprintf("  %-16s degf=%d R=%d kept>=%.3g dropped<=%.3g\n", nm,
                                        as.integer(degf_seen[[nm]][1]), as.integer(degf_seen[[nm]][2]),
                                        degf_seen[[nm]][3], degf_seen[[nm]][4]))

pick <- function(pat) summary_lines[grepl(pat, names(md))]
write_plain_csv(chisq, "chisq_rep_reference.csv", c(
  "svychisq(~row + col, design, statistic = s) on svrepdesign(data + repweights_<file>.csv, repweights = \"rep[0-9]+\",",
  "  weights = ~w, type, scale, rscales, combined.weights = TRUE, mse); scale/rscales = case <design>_sup of",
  "  designs_reference.csv / rscales_reference.csv. value = the returned statistic (F for F/Wald/adjWald; Pearson X^2 for Chisq),",
  "  df_num/df_den = returned parameter (Chisq: df only), p = returned p.value, pearson_x2 = Pearson X^2 of the weighted",
  "  table rescaled to n_rows, n_rows = ALL rows incl. NA, design_df = degf(design), n_cc = complete-case rows.",
  "  delta_trace / delta_sq_trace = tr(Delta), tr(Delta^2) (F, Chisq rows); wald_raw = Y' V^-1 Y (Wald rows) -- these",
  "  three come from the plain re-implementation (make_tests.R), verified against survey's outputs. See NOTES.md.",
  pick("^chisq"), version_line))
write_plain_csv(contr, "contrast_rep_reference.csv", c(
  "svyby(~used, ~by, design, svymean, na.rm = TRUE, covmat = TRUE) then svycontrast(<svyby>, c(level_a = -1, level_b = 1)):",
  "  estimate = mean_b - mean_a, se = sqrt(var_a + var_b - 2 cov_ab); var_a, var_b, cov_ab = entries of vcov(svyby)",
  "  (svrVar of the R x G matrix of replicate domain means; a replicate that is NaN in ANY domain is dropped for ALL:",
  "  dropped_replicates lists them). mean_a/mean_b = the domain means. Designs: svrepdesign(..., combined.weights = TRUE).",
  pick("^contrast"), version_line))
cat(sprintf("wrote chisq_rep_reference.csv (%d rows), contrast_rep_reference.csv (%d rows)\n",
            nrow(chisq), nrow(contr)))
