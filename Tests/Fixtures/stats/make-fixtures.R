#!/usr/bin/env Rscript
# Produces the KTOStats reference fixtures in this folder.
# Run from the repository root:  Rscript Tests/Fixtures/stats/make-fixtures.R
# Needs R with the 'survey' package (Debian: r-base-core r-cran-survey).
# Every number is written with sprintf("%.17g") so that it round-trips exactly.
suppressPackageStartupMessages(library(survey))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "Tests/Fixtures/stats"

g <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_fixture <- function(df, name) {
  for (col in names(df)) if (is.numeric(df[[col]])) df[[col]] <- g(df[[col]])
  write.table(df, file.path(out_dir, name), sep = ",", quote = FALSE,
              row.names = FALSE, col.names = TRUE)
}

# ---- log-gamma and regularized incomplete beta -------------------------------
x <- c(1e-8, 0.001, 0.1, 0.5, 1, 1.5, 2, 2.5, 3, 4.25, 7, 9.99, 10, 10.5, 25,
       100.3, 1000, 12345.678, 1e6)
write_fixture(data.frame(x = x, lgamma = lgamma(x)), "lgamma.csv")

bt <- expand.grid(x = c(1e-6, 0.01, 0.2, 0.5, 0.7, 0.95, 0.999),
                  a = c(0.5, 1, 2.5, 10, 150), b = c(0.5, 1, 3.3, 40))
bt$lower <- pbeta(bt$x, bt$a, bt$b)
bt$upper <- pbeta(bt$x, bt$a, bt$b, lower.tail = FALSE)
bt <- bt[bt$lower > 1e-280 & bt$upper > 1e-280, ]
write_fixture(bt, "beta_inc.csv")

# ---- Student t ---------------------------------------------------------------
dfs <- c(1, 2, 3, 5, 10, 30, 100, 1000, 10000, 2.5, 7.3, 45.67)
ts <- c(-3, -1, 0, 0.1, 0.5, 1, 1.5, 1.96, 2, 2.5, 3, 4, 5, 7, 10, 20, 50, 100,
        1000, 1e5)
tt <- expand.grid(t = ts, df = dfs)[, c("df", "t")]
tt$lower <- pt(tt$t, tt$df)
tt$upper <- pt(tt$t, tt$df, lower.tail = FALSE)
# Keep what a double can hold comfortably; tails far below 1e-10 are still included.
tt <- tt[tt$upper > 1e-290 & tt$lower > 1e-290, ]
write_fixture(tt, "t_cdf.csv")

ps <- c(0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 1e-4, 1e-6, 1e-8,
        1e-10, 0.25, 0.025)
tq <- expand.grid(p = ps, df = dfs)[, c("df", "p")]
tq$q_lower <- qt(tq$p, tq$df)                       # quantile for lower-tail probability p
tq$q_upper <- qt(tq$p, tq$df, lower.tail = FALSE)   # quantile for upper-tail probability p
write_fixture(tq, "t_quantile.csv")

# ---- normal ------------------------------------------------------------------
zs <- c(-37, -20, -10, -8, -6.3613409, -5, -3, -1.959963984540054, -1, -0.5,
        -1e-3, 0, 0.25, 1, 1.5, 2, 3, 4, 5, 6, 6.5, 7, 8.2, 10, 20, 37)
write_fixture(data.frame(x = zs, lower = pnorm(zs),
                         upper = pnorm(zs, lower.tail = FALSE)), "normal_cdf.csv")
np <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-8, 1e-6, 1e-4, 0.001, 0.01, 0.025, 0.05,
        0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999)
write_fixture(data.frame(p = np, q_lower = qnorm(np),
                         q_upper = qnorm(np, lower.tail = FALSE)), "normal_quantile.csv")

# ---- samples for Welch and one-sample t-tests -----------------------------------
set.seed(20240611)
samples <- list(
  list(x = c(6, 7, 8, 9, 7, 8), y = c(5, 9, 4, 10, 6)),
  list(x = round(rnorm(12, 7.2, 0.8), 1), y = round(rnorm(40, 6.8, 1.9), 1)),
  list(x = sample(1:10, 25, replace = TRUE), y = sample(3:10, 9, replace = TRUE)),
  list(x = c(8, 8, 8, 8, 9), y = c(2, 10, 1, 10, 3, 9, 6, 7)),
  list(x = round(rnorm(300, 7.5, 1.2)), y = round(rnorm(280, 7.3, 1.4))),
  list(x = c(1, 2), y = c(10, 10, 10, 10, 10, 10, 11))
)
long <- do.call(rbind, lapply(seq_along(samples), function(i)
  rbind(data.frame(case = i, group = "x", value = samples[[i]]$x),
        data.frame(case = i, group = "y", value = samples[[i]]$y))))
write_fixture(long, "samples.csv")

welch <- do.call(rbind, lapply(seq_along(samples), function(i) {
  r <- t.test(samples[[i]]$x, samples[[i]]$y)   # var.equal = FALSE: Welch
  data.frame(case = i, statistic = unname(r$statistic), df = unname(r$parameter),
             p_value = r$p.value,
             difference = unname(r$estimate[1] - r$estimate[2]),
             stderr = r$stderr)
}))
write_fixture(welch, "welch.csv")

mus <- c(7.5, 7, 6, 8.5, 7.4, 1)
onesample <- do.call(rbind, lapply(seq_along(samples), function(i) {
  x <- samples[[i]]$x
  r <- t.test(x, mu = mus[i], conf.level = 0.95)
  data.frame(case = i, mu = mus[i], mean = mean(x), sd = sd(x), median = median(x),
             statistic = unname(r$statistic), df = unname(r$parameter),
             p_value = r$p.value, ci_low = r$conf.int[1], ci_high = r$conf.int[2])
}))
write_fixture(onesample, "one_sample_t.csv")

# ---- proportions -------------------------------------------------------------
pc <- data.frame(x1 = c(45, 120, 3, 590, 10, 0, 77),
                 n1 = c(100, 150, 17, 1000, 10, 25, 80),
                 x2 = c(30, 98, 9, 512, 6, 4, 80),
                 n2 = c(90, 140, 21, 980, 12, 30, 80))
pc$x_squared <- NA; pc$p_value <- NA
for (i in seq_len(nrow(pc))) {
  r <- suppressWarnings(prop.test(c(pc$x1[i], pc$x2[i]), c(pc$n1[i], pc$n2[i]),
                                  correct = FALSE))
  pc$x_squared[i] <- unname(r$statistic); pc$p_value[i] <- r$p.value
}
write_fixture(pc, "prop_test.csv")

wc <- data.frame(x = c(0, 1, 5, 50, 59, 99, 100, 2548, 7),
                 n = c(10, 1, 20, 100, 100, 100, 100, 4000, 7),
                 level = c(0.95, 0.95, 0.9, 0.95, 0.99, 0.95, 0.95, 0.95, 0.8))
wc$low <- NA; wc$high <- NA
for (i in seq_len(nrow(wc))) {
  r <- suppressWarnings(prop.test(wc$x[i], wc$n[i], correct = FALSE,
                                  conf.level = wc$level[i]))
  wc$low[i] <- r$conf.int[1]; wc$high[i] <- r$conf.int[2]
}
write_fixture(wc, "wilson.csv")

po <- data.frame(x = c(59, 12, 300, 1), n = c(100, 40, 420, 30),
                 p0 = c(0.5, 0.5, 0.75, 0.1))
po$x_squared <- NA; po$p_value <- NA
for (i in seq_len(nrow(po))) {
  r <- suppressWarnings(prop.test(po$x[i], po$n[i], p = po$p0[i], correct = FALSE))
  po$x_squared[i] <- unname(r$statistic); po$p_value[i] <- r$p.value
}
write_fixture(po, "prop_one_sample.csv")

# ---- stratified (survey package, apistrat) -------------------------------------
data(api)
api <- apistrat[, c("stype", "api00", "pw", "fpc")]
api$stype <- as.character(api$stype)
write_fixture(api, "apistrat.csv")
api$high <- as.numeric(api$api00 >= 700)
# apistrat$pw is stored in single precision (44.2099990844727 for 4421/100), so the
# canonical design differs from exact N_h/n_h weights in the 8th digit. Results are
# written for both: "pw" (the documented 662.29 / 9.4089) and "exact" (pw = fpc/n_h).
api$pw_exact <- api$fpc / ave(api$fpc, api$stype, FUN = length)
res <- list()
for (w in c("pw", "exact")) for (v in c("api00", "high")) {
  dstrat <- svydesign(id = ~1, strata = ~stype,
                      weights = if (w == "pw") ~pw else ~pw_exact, data = api, fpc = ~fpc)
  f <- as.formula(paste0("~", v))
  m <- svymean(f, dstrat, deff = TRUE)
  mr <- svymean(f, dstrat, deff = "replace")
  ci <- confint(m, df = degf(dstrat), level = 0.95)
  res[[paste(w, v)]] <- data.frame(weights = w, variable = v, mean = unname(coef(m)), se = unname(SE(m)),
                         deff = unname(deff(m)), deff_replace = unname(deff(mr)),
                         df = degf(dstrat), ci_low = ci[1], ci_high = ci[2])
}
write_fixture(do.call(rbind, res), "apistrat_results.csv")

# weighted mean without strata (a single-stage design with weights only)
dw <- svydesign(id = ~1, weights = ~pw, data = api)
mw <- svymean(~api00, dw)
ciw <- confint(mw, df = degf(dw))
write_fixture(data.frame(mean = unname(coef(mw)), se = unname(SE(mw)),
                         df = degf(dw), ci_low = ciw[1], ci_high = ciw[2]),
              "apistrat_weighted.csv")

writeLines(c(R.version.string, paste("survey", packageVersion("survey"))),
           file.path(out_dir, "R-VERSION.txt"))
