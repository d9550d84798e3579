# R reference for the end-to-end comparison (benchmarks/README.md, "End to end, as a user runs it").
# Usage: Rscript survey.R FILE.csv
# Prints group,n,p,se (17 significant digits) and, on standard error, the seconds taken by
# reading and by the estimate. R survey: svydesign(ids = ~psu, strata = ~stratum,
# weights = ~weight, nest = TRUE) + svyby(~used, ~group, svymean, na.rm = TRUE).
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript survey.R FILE.csv")
t0 <- Sys.time()
d <- read.csv(args[1])
t1 <- Sys.time()
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
res <- svyby(~used, ~group, des, svymean, na.rm = TRUE)
t2 <- Sys.time()
n <- tapply(!is.na(d$used), d$group, sum)
out <- data.frame(group = res$group, n = as.integer(n[as.character(res$group)]),
                  p = sprintf("%.17g", res$used), se = sprintf("%.17g", SE(res)))
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
message(sprintf("R %s, survey %s: read_s=%.2f estimate_s=%.2f", getRversion(),
                packageVersion("survey"), as.numeric(t1 - t0, units = "secs"),
                as.numeric(t2 - t1, units = "secs")))
