#!/usr/bin/env Rscript
# =============================================================================
# check_replicate.R -- independent re-implementation, in plain R WITHOUT the survey package,
# of the formulas in NOTES.md. It rebuilds every replicate-weight matrix (JK1, JKn, BRR, Fay,
# bootstrap incl. R's random-number call sequence), scale and rscales, the Hadamard matrices,
# and every estimate and SE of estimates_reference.csv, and stops unless all agree with the
# fixtures to 1e-10 relative. Run by make_replicate.R; can be run alone:
#   Rscript check_replicate.R
# =============================================================================

stopifnot(!("survey" %in% loadedNamespaces()))
read_ref <- function(file) read.csv(file, comment.char = "#", stringsAsFactors = FALSE)
relerr <- function(a, b) ifelse(a == b, 0, abs(a - b) / pmax(abs(b), 1e-300))
TOL <- 1e-10

designs <- read_ref("designs_reference.csv")
rscales_ref <- read_ref("rscales_reference.csv")
est_ref <- read_ref("estimates_reference.csv")
est_ref$denominator[is.na(est_ref$denominator)] <- ""
est_ref$by[is.na(est_ref$by)] <- ""
est_ref$group[is.na(est_ref$group)] <- ""
for (k in c("strata", "psu", "fpc", "seed")) designs[[k]][is.na(designs[[k]])] <- ""

# ---- Hadamard matrices (NOTES.md "BRR") ------------------------------------------------------
hm <- read.csv("hadamard_matrices.csv", comment.char = "#", colClasses = "character")
bits_to_matrix <- function(b) do.call(rbind, lapply(strsplit(b, ""), as.integer))
base_sizes <- c(4, 16, 28, 36)
base <- lapply(base_sizes, function(s) bits_to_matrix(hm$bits[hm$size == paste0("base", s)]))
small_primes <- local({                       # primes p = 3 (mod 4), 3 <= p <= 7919
  isp <- function(p) p > 1 && all(p %% seq_len(floor(sqrt(p)))[-1] != 0)
  Filter(function(p) p %% 4 == 3 && isp(p), 3:7919)
})
doubler <- function(H) rbind(cbind(H, H), cbind(H, 1 - H))
paley_prime <- function(p) {
  qr <- unique(c(0, (seq_len((p - 1) / 2)^2) %% p))
  m <- outer(0:(p - 1), 0:(p - 1), "+") %% p
  m <- ifelse(m %in% qr, 0, 1)
  m <- matrix(m, p, p)
  cbind(1, rbind(1, m))
}
paley <- function(n, nmax = 2 * n) {
  nceil <- n + 4 - n %% 4
  if (n %% 8 >= 4) {
    q <- nceil
    while (q %% 8 == 0) q <- q / 2
    if ((q - 1) %in% small_primes) {
      M <- paley_prime(q - 1)
      while (nrow(M) < nceil) M <- doubler(M)
      return(M)
    }
  }
  if (n > max(small_primes)) return(NULL)
  p <- min(small_primes[small_primes >= n])
  if (p + 1 > nceil + 4 && nceil + 4 < nmax) return(paley(nceil + 3))
  if (p > nmax) return(NULL)
  paley_prime(p)
}
hadamard_r <- function(n) {
  m <- n - n %% 4
  pre <- which(m < base_sizes & m + 4 >= base_sizes)
  if (length(pre)) return(base[[min(pre)]])
  k <- sapply(base_sizes, function(s) { k <- 0; while (s * 2^k < n + 1) k <- k + 1; k })
  cand <- base_sizes * 2^k
  b <- which.min(cand - n)
  H <- if (cand[b] - n > 4) paley(n, cand[b]) else NULL
  if (is.null(H)) { H <- base[[b]]; for (i in seq_len(k[b])) H <- doubler(H) }
  H
}
hs <- read_ref("hadamard_sizes.csv")
for (n in hs$nstrata) stopifnot(nrow(hadamard_r(n)) == hs$size[hs$nstrata == n])
for (n in hs$nstrata[hs$nstrata <= 64]) {
  H <- hadamard_r(n)
  stopifnot(identical(H * 1, bits_to_matrix(hm$bits[hm$size == as.character(nrow(H))]) * 1))
}
cat(sprintf("hadamard: sizes for 1..%d strata and matrices for 1..64 strata reproduced\n",
            max(hs$nstrata)))

# ---- replicate multipliers (NOTES.md, one function per type) -----------------------------------
# psu: PSU id per row (unique across strata); strata: stratum label per row; N: population
# number of PSUs per row (or NULL). Columns = replicates, rows = data rows.
jk1_mult <- function(psu) {
  u <- unique(psu); n <- length(u)
  sapply(u, function(j) ifelse(psu == j, 0, n / (n - 1)))
}
jk1_scale <- function(psu, N) {
  n <- length(unique(psu))
  (n - 1) / n * (if (is.null(N)) 1 else (N[1] - n) / N[1])
}
jkn_mult <- function(strata, psu) {
  cols <- list()
  for (h in unique(strata)) {
    u <- unique(psu[strata == h]); n <- length(u)
    for (j in u) cols[[length(cols) + 1]] <- ifelse(strata != h, 1, ifelse(psu == j, 0, n / (n - 1)))
  }
  do.call(cbind, cols)
}
jkn_rscales <- function(strata, psu, N) {
  unlist(lapply(unique(strata), function(h) {
    n <- length(unique(psu[strata == h]))
    f <- if (is.null(N)) 1 else (N[strata == h][1] - n) / N[strata == h][1]
    rep((n - 1) / n * f, n)
  }))
}
brr_mult <- function(strata, psu, rho) {
  sl <- sort(unique(strata), method = "radix")       # C-locale order of the labels
  H <- hadamard_r(length(sl))
  first <- sapply(sl, function(h) unique(psu[strata == h])[1])
  k <- match(strata, sl)                             # stratum number -> Hadamard row k + 1
  is_first <- psu == first[k]
  sapply(seq_len(ncol(H)), function(r) {
    up <- H[k + 1, r] == 1                           # 1: first PSU gets 2 - rho
    ifelse(is_first == up, 2 - rho, rho)
  })
}
# R's random numbers re-implemented (NOTES.md appendix): Mersenne-Twister seeded by set.seed,
# unif_rand, R_unif_index with rejection sampling, and sample.int. State lives in `rng`.
U32 <- 4294967296
op32 <- function(f) function(a, b) f(a %/% 65536, b %/% 65536) * 65536 + f(a %% 65536, b %% 65536)
xor32 <- op32(bitwXor); and32 <- op32(bitwAnd)
rng <- new.env()
own_set_seed <- function(seed) {
  s <- seed %% U32
  for (j in 1:50) s <- (69069 * s + 1) %% U32
  st <- numeric(625)
  for (j in 1:625) { s <- (69069 * s + 1) %% U32; st[j] <- s }
  rng$mt <- st[-1]; rng$mti <- 624                   # first seed word is replaced by mti = 624
}
own_genrand <- function() {
  mt <- rng$mt
  if (rng$mti >= 624) {
    for (kk in 0:623) {
      y <- (mt[kk + 1] >= 2^31) * 2^31 + mt[(kk + 1) %% 624 + 1] %% 2^31
      mt[kk + 1] <- xor32(xor32(mt[(kk + 397) %% 624 + 1], y %/% 2),
                          if (y %% 2 == 1) 2567483615 else 0)        # 0x9908b0df
    }
    rng$mt <- mt; rng$mti <- 0
  }
  rng$mti <- rng$mti + 1
  y <- mt[rng$mti]
  y <- xor32(y, y %/% 2^11)
  y <- xor32(y, and32((y * 2^7) %% U32, 2636928640))                 # 0x9d2c5680
  y <- xor32(y, and32((y * 2^15) %% U32, 4022730752))                # 0xefc60000
  y <- xor32(y, y %/% 2^18)
  u <- y * 2.3283064365386963e-10
  if (u <= 0) u <- 0.5 / (U32 - 1)
  if (1 - u <= 0) u <- 1 - 0.5 / (U32 - 1)
  u
}
own_unif_index <- function(dn) {
  bits <- ceiling(log2(dn))
  repeat {
    v <- 0
    for (k in seq(0, bits, by = 16)) v <- 65536 * v + floor(own_genrand() * 65536)
    v <- v %% 2^bits
    if (v < dn) return(v)
  }
}
own_sample_int <- function(n, size = n, replace = FALSE) {
  if (replace || size < 2) return(sapply(seq_len(size), function(i) own_unif_index(n) + 1))
  x <- 0:(n - 1); y <- integer(size)
  for (i in seq_len(size)) {
    j <- own_unif_index(n); y[i] <- x[j + 1] + 1; x[j + 1] <- x[n]; n <- n - 1
  }
  y
}
# check against base R
for (seed in c(1, 20260611, 20260615, 123456789, 2147483647)) {
  set.seed(seed); own_set_seed(seed)
  rs <- .Random.seed
  stopifnot(rs[2] == 624, all(ifelse(rng$mt >= 2^31, rng$mt - U32, rng$mt) == rs[3:626]))
  stopifnot(identical(runif(1500), vapply(1:1500, function(i) own_genrand(), 0)))
  for (a in list(c(5, 5, 0), c(6, 6, 1), c(757, 15, 0), c(1000, 3, 1), c(65537, 4, 1),
                 c(3, 3, 0), c(2, 1, 0), c(100000, 10, 0)))
    stopifnot(identical(as.numeric(sample.int(a[1], a[2], a[3] == 1)),
                        as.numeric(own_sample_int(a[1], a[2], a[3] == 1))))
}
rr <- read_ref("rng_reference.csv")
for (seed in unique(rr$seed)) for (sq in unique(rr$sequence)) {
  parts <- unique(rr[rr$seed == seed & rr$sequence == sq, c("n", "size", "replace")])
  for (i in seq_len(nrow(parts))) {
    sel <- rr$seed == seed & rr$sequence == sq & (is.na(rr$n) | rr$n %in% parts$n[i]) &
      (is.na(rr$size) | rr$size %in% parts$size[i])
    own_set_seed(seed)
    got <- switch(sq, mt_state = rng$mt,
                  runif = vapply(seq_len(parts$size[i]), function(k) own_genrand(), 0),
                  sample.int = own_sample_int(parts$n[i], parts$size[i], isTRUE(parts$replace[i])))
    stopifnot(identical(as.numeric(got), as.numeric(rr$value[sel])))
  }
}
cat("R random numbers: Mersenne-Twister seeding, unif_rand and sample.int reproduced (incl. rng_reference.csv)\n")

boot_mult <- function(strata, psu, N, R, seed, own = FALSE) {
  if (own) { own_set_seed(seed); sample.int <- function(n, size = n, replace = FALSE)
    own_sample_int(n, size, replace) } else set.seed(seed)
  upsu <- unique(psu); ustr <- strata[match(upsu, psu)]
  W <- matrix(NA_real_, length(upsu), R)
  for (h in unique(ustr)) {
    p <- upsu[ustr == h]; n <- length(p)
    perm <- p[sample.int(n)]                          # one random permutation per stratum
    for (r in seq_len(R)) {
      drawn <- if (is.null(N)) perm[sample.int(n, n, replace = TRUE)]
               else rep(perm, length.out = N[match(p[1], psu)])[
                      sample.int(N[match(p[1], psu)], n)]
      W[ustr == h, r] <- tabulate(match(drawn, p), n)
    }
  }
  W[match(psu, upsu), , drop = FALSE]
}
boot_scale <- function(strata, psu, R) {
  nh <- table(strata[!duplicated(psu)])
  hbar <- 1 / mean(1 / nh)
  hbar / ((hbar - 1) * (R - 1))
}

build <- function(ds) {
  dat <- read.csv(ds$data, stringsAsFactors = FALSE)
  w <- 1 / (1 / dat[[ds$weight]])
  strata <- if (ds$strata == "") rep("1", nrow(dat)) else as.character(dat[[ds$strata]])
  psu <- if (ds$psu == "") as.character(seq_len(nrow(dat))) else
    paste(strata, dat[[ds$psu]], sep = ".")
  N <- if (ds$fpc == "") NULL else dat[[ds$fpc]]
  R <- ds$replicates
  if (ds$type == "JK1") {
    M <- jk1_mult(psu); scale <- jk1_scale(psu, N); rs <- rep(1, ncol(M))
  } else if (ds$type == "JKn") {
    M <- jkn_mult(strata, psu); scale <- 1; rs <- jkn_rscales(strata, psu, N)
  } else if (ds$type %in% c("BRR", "Fay")) {
    rho <- if (ds$type == "Fay") as.numeric(ds$rho) else 0
    M <- brr_mult(strata, psu, rho); scale <- 1 / (ncol(M) * (1 - rho)^2); rs <- rep(1, ncol(M))
  } else if (ds$type == "bootstrap") {
    M <- boot_mult(strata, psu, N, R, as.numeric(ds$seed))
    scale <- boot_scale(strata, psu, R); rs <- rep(1, R)
    M2 <- boot_mult(strata, psu, N, R, as.numeric(ds$seed), own = TRUE)
    stopifnot(identical(M, M2))
    cat(sprintf("%s: bootstrap multipliers also reproduced with the re-implemented RNG\n", ds$design))
  }
  list(dat = dat, w = w, W = M * w, scale = scale, rscales = rs)
}

# ---- estimator and variance (NOTES.md "Estimates" and "Variance") ----------------------------
estimate_one <- function(b, row, mse) {
  dat <- b$dat
  keep <- rep(TRUE, nrow(dat))
  if (row$group != "") for (kv in strsplit(strsplit(row$group, ";")[[1]], "=")) {
    keep <- keep & as.character(dat[[kv[1]]]) == paste(kv[-1], collapse = "=")
  }
  y <- dat[[row$variable]]
  x <- if (row$statistic == "ratio") dat[[row$denominator]] else rep(1, nrow(dat))
  keep <- keep & !is.na(y) & !is.na(x)                     # domain rows, then na.rm
  y <- y[keep]; x <- x[keep]; w <- b$w[keep]; W <- b$W[keep, , drop = FALSE]
  f <- switch(row$statistic,
              total = function(w) sum(w * y),
              mean  = function(w) sum(w * y) / sum(w),
              ratio = function(w) sum(w * y) / sum(w * x))
  theta <- f(w)
  reps <- apply(W, 2, f)
  ok <- !is.na(reps)                                        # NaN replicates are dropped
  reps <- reps[ok]; rs <- b$rscales[ok]
  centre <- if (mse) theta else mean(reps[rs > 0])
  v <- b$scale * sum(rs * (reps - centre)^2)
  c(estimate = theta, se = sqrt(v), nna = sum(!ok))
}

# ---- run ------------------------------------------------------------------------------------
built <- list()
for (dn in unique(designs$design)) {
  ds <- designs[designs$design == dn, ][1, ]
  b <- build(ds)
  rw <- read_ref(ds$repweights_file)
  stopifnot(nrow(rw) == nrow(b$dat), identical(rw$id, b$dat[[ds$id]]),
            identical(rw$w, b$w))
  Wf <- as.matrix(rw[, grep("^rep[0-9]+$", names(rw))])
  stopifnot(ncol(Wf) == ncol(b$W), ncol(Wf) == ds$replicates)
  wdiff <- max(relerr(b$W, Wf))
  stopifnot(wdiff <= 1e-15)
  for (cs in unique(designs$case[designs$design == dn])) {
    dd <- designs[designs$case == cs, ]
    stopifnot(all(relerr(b$scale, dd$scale) < 1e-15),
              all(relerr(b$rscales, rscales_ref$rscale[rscales_ref$case == cs]) < 1e-15))
  }
  cat(sprintf("%-16s %-9s weights reproduced (max rel diff %.2g), scale %.17g\n",
              dn, ds$type, wdiff, b$scale))
  built[[dn]] <- b
}

res <- t(sapply(seq_len(nrow(est_ref)), function(i) {
  row <- est_ref[i, ]
  ds <- designs[designs$case == row$case & designs$mse == row$mse, ]
  stopifnot(nrow(ds) == 1)
  estimate_one(built[[ds$design]], row, row$mse)
}))
de <- relerr(res[, "estimate"], est_ref$estimate)
dse <- relerr(res[, "se"], est_ref$se)
stopifnot(all(de < TOL), all(dse < TOL))
cat(sprintf("estimates: %d rows, max rel diff estimate %.3g, se %.3g\n", nrow(est_ref),
            max(de), max(dse)))
tab <- aggregate(data.frame(estimate = de, se = dse),
                 list(type = est_ref$type, domain_mean = est_ref$statistic == "mean" & est_ref$by != ""),
                 max)
print(tab, digits = 3)
nna <- res[, "nna"] > 0
if (any(nna)) {
  cat("rows with NaN replicates (dropped):\n")
  print(cbind(est_ref[nna, c("case", "mse", "statistic", "variable", "group")], n_na = res[nna, "nna"]))
}
cat("check_replicate.R: all OK\n")
