#!/usr/bin/env Rscript
# R `survey` peer of kto-bench for the weighted case (optional: run when Rscript and the survey
# package are installed).
#
#   Rscript r_survey_peer.R OURS_WEIGHTED.csv OURS.csv POPULATION.csv EXPORT.csv METING [EXPORT.csv METING ...]
#
# Reads each export as Dutch Excel writes it (read.csv2: sep ';', dec ','; Windows-1252). Per
# meting and item (grades cijferNN, statements stellingNN), with the missing code excluded (99
# for grades, 9 for statements), a stratified design on the respondents who answered:
#   svydesign(ids = ~1, strata = ~gemeente, fpc = ~N)   (weights N_h / n_h)
# then svymean (the total post-stratified to the population; for statements the proportion
# 4 or 5) and svyby(~x, ~gemeente, design, svymean) (per gemeente).
#
# Timed: reading and the survey computations (r_seconds). Not timed: the check against kto's
# figures, which must agree to 1e-9: the weighted total's estimate and SE (OURS_WEIGHTED.csv)
# and the per-gemeente grade means (OURS.csv); otherwise the script exits 1.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")

args <- commandArgs(trailingOnly = TRUE)
ours_weighted <- read.csv2(args[1], dec = ".", colClasses = c(meting = "character"))
ours <- read.csv2(args[2], dec = ".", colClasses = c(meting = "character"))
population <- read.csv2(args[3])
files <- args[-(1:3)]
pairs <- split(files, rep(seq_len(length(files) / 2), each = 2))

start <- Sys.time()
weighted <- list()
by_gemeente <- list()
for (pair in pairs) {
  meting <- pair[2]
  df <- read.csv2(pair[1], fileEncoding = "windows-1252")
  df$N <- population$N[match(df$gemeente, population$gemeente)]
  items <- grep("^(cijfer|stelling)", names(df), value = TRUE)
  for (item in items) {
    grade <- startsWith(item, "cijfer")
    x <- df[[item]]
    keep <- !is.na(x) & x != (if (grade) 99 else 9)
    d <- data.frame(gemeente = df$gemeente[keep], N = df$N[keep],
                    x = if (grade) x[keep] else as.numeric(x[keep] >= 4))
    design <- svydesign(ids = ~1, strata = ~gemeente, fpc = ~N, data = d)
    m <- svymean(~x, design)
    weighted[[length(weighted) + 1]] <- data.frame(meting = meting, item = item,
                                                   estimate = coef(m)[[1]], se = SE(m)[[1]])
    if (grade) {
      b <- svyby(~x, ~gemeente, design, svymean)
      by_gemeente[[length(by_gemeente) + 1]] <- data.frame(meting = meting, item = item,
                                                           gemeente = b$gemeente, mean = b$x)
    }
  }
}
seconds <- as.numeric(difftime(Sys.time(), start, units = "secs"))

theirs <- do.call(rbind, weighted)
problems <- character(0)
close <- function(a, b) abs(a - b) <= 1e-9 * pmax(1, abs(b))
w <- merge(theirs, ours_weighted, by = c("meting", "item"), suffixes = c(".r", ".kto"))
if (nrow(w) != nrow(theirs)) problems <- c(problems, sprintf("%d weighted totals missing in kto's figures", nrow(theirs) - nrow(w)))
bad <- !(close(w$estimate.r, w$estimate.kto) & close(w$se.r, w$se.kto))
if (any(bad)) problems <- c(problems, sprintf("%d weighted totals differ, e.g. %s %s: R %.15g (SE %.15g), kto %.15g (SE %.15g)",
  sum(bad), w$meting[bad][1], w$item[bad][1], w$estimate.r[bad][1], w$se.r[bad][1], w$estimate.kto[bad][1], w$se.kto[bad][1]))
g <- merge(do.call(rbind, by_gemeente), ours, by = c("meting", "item", "gemeente"), suffixes = c(".r", ".kto"))
badg <- !close(g$mean.r, g$mean.kto)
if (any(badg)) problems <- c(problems, sprintf("%d per-gemeente means differ", sum(badg)))

cat(sprintf("R %s, survey %s: weighted totals %d, per-gemeente means %d\n",
            getRversion(), packageVersion("survey"), nrow(w), nrow(g)))
cat(sprintf("r_seconds: %.4f\n", seconds))
if (length(problems) > 0) {
  cat("check: FAILED\n")
  for (p in problems) cat("  ", p, "\n")
  quit(status = 1)
}
cat(sprintf("check: ok (%d figures equal within 1e-9)\n", 2 * nrow(w) + nrow(g)))
