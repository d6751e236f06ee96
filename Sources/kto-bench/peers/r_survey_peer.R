#!/usr/bin/env Rscript
# R `survey` peer of kto-bench: the same weighted design, its own estimates and standard errors
# (optional: run when Rscript and the survey package are installed).
#
#   Rscript r_survey_peer.R MODE BY OURS_WEIGHTED.csv POPULATION.csv LEEFTIJD.csv EXPORT.csv METING [EXPORT.csv METING ...]
#
# MODE is the study's weighting: rake or gemeente. BY: for how many grades and how many statements
# (the first ones) per meting the per-gemeente figures are checked too ("all": every item); svyby
# on a raked design of 50,000 respondents takes about 5 s per item, svymean about 0.35 s. Reads each export as Dutch Excel writes it
# (read.csv2: sep ';', dec ','; Windows-1252) and builds one design per meting on all its
# respondents (one weight per respondent; item nonresponse is a domain):
#   rake:     rake(svydesign(ids = ~1, data = df), list(~gemeente, ~leeftijd), list(popG, popL))
#             (populations from POPULATION.csv gemeente;N and LEEFTIJD.csv leeftijd;N; raked
#             until no cell of the joint table moves by 1e-13 x the respondents in a sweep)
#   gemeente: svydesign(ids = ~1, strata = ~gemeente, fpc = ~N, data = df)   (weights N_h / n_h)
# Then per item, with the missing code as NA (99 for grades, 9 for statements):
#   svymean(~x, design, na.rm = TRUE)                          the total
#   svyby(~x, ~gemeente, design, svymean, na.rm = TRUE)        per gemeente (BY items)
# with x the grade, or for a statement 1 when it is 4 or 5 (the proportion agreeing).
#
# Timed: reading, weighting and the survey computations (r_seconds). Not timed: the check against
# kto's figures (OURS_WEIGHTED.csv: meting;item;group;estimate;se for the total and every
# gemeente of the BY items): estimates must agree to 1e-9 and standard errors to 1e-6 (relative; absolute below
# 1), and every figure must be on both sides; otherwise the script exits 1.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")

args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]
by <- if (args[2] == "all") Inf else as.numeric(args[2])
ours <- read.csv2(args[3], dec = ".", colClasses = c(meting = "character", group = "character"))
population <- read.csv2(args[4])
leeftijd <- read.csv2(args[5])
files <- args[-(1:5)]
pairs <- split(files, rep(seq_len(length(files) / 2), each = 2))
if (!(mode %in% c("rake", "gemeente"))) stop("MODE: rake or gemeente")

start <- Sys.time()
figures <- list()
checked <- character(0)  # meting item: also per gemeente
for (pair in pairs) {
  meting <- pair[2]
  df <- read.csv2(pair[1], fileEncoding = "windows-1252")
  items <- grep("^(cijfer|stelling)", names(df), value = TRUE)
  for (item in items) {
    x <- df[[item]]
    if (startsWith(item, "cijfer")) {
      df[[item]] <- ifelse(x == 99, NA, x)
    } else {
      df[[item]] <- ifelse(x == 9, NA, as.numeric(x >= 4))
    }
  }
  if (mode == "rake") {
    df$gemeente <- factor(df$gemeente, levels = population$gemeente)
    df$leeftijd <- factor(df$leeftijd, levels = leeftijd$leeftijd)
    popG <- data.frame(gemeente = factor(population$gemeente, levels = population$gemeente), Freq = population$N)
    popL <- data.frame(leeftijd = factor(leeftijd$leeftijd, levels = leeftijd$leeftijd), Freq = leeftijd$N)
    design <- suppressWarnings(svydesign(ids = ~1, data = df))  # equal starting weights
    design <- rake(design, list(~gemeente, ~leeftijd), list(popG, popL),
                   control = list(maxit = 1000, epsilon = 1e-13, verbose = FALSE))
  } else {
    df$N <- population$N[match(df$gemeente, population$gemeente)]
    df$gemeente <- factor(df$gemeente, levels = population$gemeente)
    design <- svydesign(ids = ~1, strata = ~gemeente, fpc = ~N, data = df)
  }
  grades <- grep("^cijfer", items, value = TRUE)
  statements <- grep("^stelling", items, value = TRUE)
  per_gemeente <- c(head(grades, by), head(statements, by))
  for (item in items) {
    f <- as.formula(paste0("~", item))
    m <- svymean(f, design, na.rm = TRUE)
    figures[[length(figures) + 1]] <- data.frame(meting = meting, item = item, group = "total",
                                                 estimate = coef(m)[[1]], se = SE(m)[[1]])
    if (item %in% per_gemeente) {
      b <- svyby(f, ~gemeente, design, svymean, na.rm = TRUE)
      figures[[length(figures) + 1]] <- data.frame(meting = meting, item = item,
                                                   group = paste0("gemeente=", as.character(b$gemeente)),
                                                   estimate = coef(b), se = SE(b))
    }
  }
  checked <- c(checked, paste(meting, per_gemeente))
}
seconds <- as.numeric(difftime(Sys.time(), start, units = "secs"))

theirs <- do.call(rbind, figures)
problems <- character(0)
relative <- function(a, b) abs(a - b) / pmax(1, abs(b))
ours <- ours[ours$group == "total" | paste(ours$meting, ours$item) %in% checked, ]
m <- merge(theirs, ours, by = c("meting", "item", "group"), suffixes = c(".r", ".kto"), all = TRUE)
missing <- is.na(m$estimate.r) | is.na(m$estimate.kto)
if (any(missing)) problems <- c(problems, sprintf("%d figures on one side only, e.g. %s %s %s",
  sum(missing), m$meting[missing][1], m$item[missing][1], m$group[missing][1]))
m <- m[!missing, ]
de <- relative(m$estimate.r, m$estimate.kto)
ds <- relative(m$se.r, m$se.kto)
bad <- de > 1e-9 | ds > 1e-6 | is.na(ds)
if (any(bad)) {
  k <- which(bad)[which.max(pmax(de[bad], ds[bad] / 1000, na.rm = TRUE))]
  problems <- c(problems, sprintf("%d estimates or SEs differ, e.g. %s %s %s: R %.15g (SE %.15g), kto %.15g (SE %.15g)",
    sum(bad), m$meting[k], m$item[k], m$group[k], m$estimate.r[k], m$se.r[k], m$estimate.kto[k], m$se.kto[k]))
}

cat(sprintf("R %s, survey %s, %s: %d estimates with SE (every item's total, per gemeente for %d items); largest difference: estimate %.1e, SE %.1e\n",
            getRversion(), packageVersion("survey"), mode, nrow(m), length(checked), max(de), max(ds, na.rm = TRUE)))
cat(sprintf("r_seconds: %.4f\n", seconds))
if (length(problems) > 0) {
  cat("check: FAILED (R survey and kto disagree)\n")
  for (p in problems) cat("  ", p, "\n")
  quit(status = 1)
}
cat(sprintf("check: ok (%d estimates within 1e-9, their SEs within 1e-6)\n", nrow(m)))
