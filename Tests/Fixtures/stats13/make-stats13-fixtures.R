# Expected values for Fisher's exact test, Hedges' g, the one-sample score test and the
# two-proportion test choice (KTOStats, Tests/KTOStatsTests/Stats13Tests.swift).
#
# Run from the repository root:  Rscript Tests/Fixtures/stats13/make-stats13-fixtures.R
# Needs R (stats) and the CRAN package effectsize (Debian: r-cran-effectsize).
suppressPackageStartupMessages(library(effectsize))
out <- "Tests/Fixtures/stats13"
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_rows <- function(df, file) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) num(col) else as.character(col))
  write.table(df, file.path(out, file), sep = ",", quote = FALSE, row.names = FALSE)
}

# ---- Fisher's exact test, 2 x 2, two-sided: fisher.test(matrix(c(a, b, c, d), 2)) ----
tables <- rbind(
  c(0, 0, 0, 0), c(0, 0, 1, 2), c(0, 5, 0, 5), c(0, 3, 4, 0), c(5, 0, 0, 5), c(1, 0, 0, 1),
  c(0, 1, 1, 0), c(1, 1, 1, 1), c(3, 1, 1, 3), c(1, 2, 3, 4), c(2, 7, 8, 2), c(0, 3, 4, 1),
  c(3, 7, 1, 9), c(1, 9, 6, 4), c(2, 4, 4, 2), c(3, 3, 3, 3), c(5, 5, 5, 5), c(4, 6, 6, 4),
  c(1, 99, 10, 90), c(0, 50, 3, 2000), c(12, 5, 3, 40), c(0, 1000, 7, 993), c(1, 20000, 0, 30000),
  c(25, 75, 40, 60), c(180, 20, 160, 40), c(60, 940, 95, 905),
  c(2500, 2500, 2900, 3100), c(5000, 6000, 5200, 5800), c(3000, 2000, 2000, 3000),
  c(25000, 25000, 24500, 25500), c(24800, 25200, 25200, 24800), c(30000, 20000, 20000, 30000),
  c(9, 90000, 30, 9971), c(480, 520, 510, 490), c(2500000, 2500000, 2497000, 2503000))
fisher <- data.frame(a = tables[, 1], b = tables[, 2], c = tables[, 3], d = tables[, 4])
fisher$p_value <- apply(tables, 1, function(v) fisher.test(matrix(v, 2))$p.value)
fisher$min_expected <- apply(tables, 1, function(v) {
  if (sum(v) == 0) return(NA)  # chisq.test has no expected counts for an empty table
  min(suppressWarnings(chisq.test(matrix(v, 2), correct = FALSE))$expected)
})
write_rows(fisher, "fisher.csv")

# ---- Fisher at R's largest counts (.Machine$integer.max per cell) ----
# fisher.test would allocate the whole support (2^31 doubles), so this applies its definition
# (R 4.2.2 fisher.test source, two-sided, or = 1) to the part of the support where
# dhyper(log = TRUE) is within 800 of the maximum; the rest is below 1e-347 relative and
# underflows to 0 in R's own exp(d - max(d)) as well.
fisher_window <- function(a, b, c, d) {
  m <- a + b; n <- c + d; k <- a + c
  lo <- max(0, k - n); hi <- min(k, m)
  mode <- floor((k + 1) * (m + 1) / (m + n + 2))
  sigma <- sqrt(k * (m / (m + n)) * (n / (m + n)) * ((m + n - k) / (m + n - 1)))
  support <- max(lo, mode - ceiling(45 * sigma)):min(hi, mode + ceiling(45 * sigma))
  logd <- dhyper(support, m, n, k, log = TRUE)
  stopifnot(max(logd) - logd[1] > 800 || support[1] == lo, max(logd) - logd[length(logd)] > 800 || support[length(support)] == hi)
  dd <- exp(logd - max(logd)); dd <- dd / sum(dd)
  sum(dd[dd <= dd[a - support[1] + 1] * (1 + 1e-7)])
}
big <- .Machine$integer.max
large <- rbind(c(big, big, big, big), c(big, big - 100000, big - 100000, big),
               c(big, big - 214748, big - 214748, big), c(big - 5, big, 0, 17))
fisher_large <- data.frame(a = large[, 1], b = large[, 2], c = large[, 3], d = large[, 4])
fisher_large$p_value <- apply(large, 1, function(v) fisher_window(v[1], v[2], v[3], v[4]))
# The windowed sum reproduces fisher.test where both run.
stopifnot(abs(fisher_window(25000, 25000, 24500, 25500) / fisher.test(matrix(c(25000, 25000, 24500, 25500), 2))$p.value - 1) < 1e-12,
          abs(fisher_window(2500000, 2500000, 2497000, 2503000) / fisher.test(matrix(c(2500000, 2500000, 2497000, 2503000), 2))$p.value - 1) < 1e-12)
write_rows(fisher_large, "fisher_large.csv")

# ---- Hedges' g from samples (summary statistics written with the sample's mean and SD) ----
set.seed(20240613)
sizes <- rbind(c(2, 2), c(2, 3), c(3, 5), c(5, 5), c(4, 9), c(10, 12), c(20, 15), c(50, 80),
               c(200, 300), c(1000, 1500), c(5000, 4000), c(30, 30))
shift <- c(1.5, -0.7, 0.4, 2.0, -1.1, 0.25, -0.3, 0.55, 0.1, -0.05, 0.02, 0)
exact_j <- function(df) exp(lgamma(0.5) - lbeta((df - 1) / 2, 0.5) - 0.5 * log(df / 2))
rows <- lapply(seq_len(nrow(sizes)), function(i) {
  x <- rnorm(sizes[i, 1], mean = 5, sd = 1.2)
  y <- rnorm(sizes[i, 2], mean = 5 - shift[i], sd = 0.9)
  n1 <- length(x); n2 <- length(y); df <- n1 + n2 - 2
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / df)
  d <- (mean(x) - mean(y)) / sp
  j_lgamma <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  g_hand <- d * exact_j(df)
  # Formula form: with y of two values, hedges_g(x, y) would read y as a grouping variable.
  data <- data.frame(v = c(x, y), group = factor(rep(c("x", "y"), c(n1, n2)), levels = c("x", "y")))
  # effectsize warns that a two-value numeric is not a grouping variable (groups of size 2); the
  # formula form with a factor is what it asks for, and the values are checked below.
  g_pkg <- suppressWarnings(hedges_g(v ~ group, data = data, pooled_sd = TRUE))$Hedges_g
  d_pkg <- suppressWarnings(cohens_d(v ~ group, data = data, pooled_sd = TRUE))$Cohens_d
  # effectsize takes the difference of two lgamma values, which loses ~1e-16 * lgamma(df/2)
  # relative (2e-12 at df = 2498); the lbeta form used for g_hand does not.
  stopifnot(abs(g_hand - g_pkg) <= 1e-10 * max(abs(g_hand), 1e-3), abs(d - d_pkg) <= 1e-12 * max(abs(d), 1e-3),
            abs(exact_j(df) / j_lgamma - 1) < 1e-10)
  data.frame(case = i, n1 = n1, mean1 = mean(x), sd1 = sd(x), n2 = n2, mean2 = mean(y), sd2 = sd(y),
             cohens_d = d, g_hand = g_hand, g_effectsize = g_pkg)
})
write_rows(do.call(rbind, rows), "hedges_g.csv")

# ---- the small-sample correction J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)) ----
dfs <- c(2, 3, 4, 5, 6, 8, 10, 15, 19, 20, 21, 22, 30, 50, 100, 300, 1000, 10000, 1e5, 1e6)
j <- data.frame(df = dfs, j_lbeta = exact_j(dfs),
                j_lgamma = exp(lgamma(dfs / 2) - log(sqrt(dfs / 2)) - lgamma((dfs - 1) / 2)),
                j_gamma = ifelse(dfs <= 300, gamma(dfs / 2) / (sqrt(dfs / 2) * gamma((dfs - 1) / 2)), NA),
                j_approx = 1 - 3 / (4 * dfs - 1))
ok <- !is.na(j$j_gamma)
stopifnot(all(abs(j$j_gamma[ok] / j$j_lbeta[ok] - 1) < 1e-13), all(abs(j$j_lgamma / j$j_lbeta - 1) < 1e-9))
write_rows(j, "hedges_j.csv")

# ---- magnitude labels, effectsize::interpret_hedges_g(rules = "cohen1988") ----
g <- c(0, 0.1, 0.19999999, 0.2, -0.2, 0.35, 0.49999999, 0.5, -0.5, 0.65, 0.79999999, 0.8, -0.8, 1.7, -12)
lab <- as.character(interpret_hedges_g(g, rules = "cohen1988"))
write_rows(data.frame(g = g, label = gsub(" ", "_", lab)), "magnitude.csv")

# ---- one-sample score test: prop.test(x, n, p = p0, correct = FALSE) ----
grid <- rbind(
  c(0, 10, 0.5), c(10, 10, 0.5), c(3, 10, 0.5), c(7, 20, 0.3), c(0, 1, 0.5), c(1, 1, 0.2),
  c(0, 100, 0.001), c(1, 100, 0.001), c(5, 100, 0.001), c(100, 100, 0.999), c(99, 100, 0.999),
  c(90, 100, 0.999), c(0, 50, 1e-6), c(50, 50, 1 - 1e-6), c(0, 1000, 0.02), c(1000, 1000, 0.98),
  c(512, 1000, 0.5), c(480, 1000, 0.5), c(2345, 5000, 0.45), c(61, 400, 0.12), c(7, 15, 0.85),
  c(333, 1000, 1/3), c(40000, 100000, 0.4), c(40500, 100000, 0.4), c(12, 40, 0.05))
score <- data.frame(x = grid[, 1], n = grid[, 2], p0 = grid[, 3])
tests <- apply(grid, 1, function(v) suppressWarnings(prop.test(v[1], v[2], p = v[3], correct = FALSE)))
score$x_squared <- sapply(tests, function(t) unname(t$statistic))
score$p_value <- sapply(tests, function(t) t$p.value)
write_rows(score, "score_test.csv")

# ---- two-proportion test choice: Fisher when the smallest expected count is below 5 ----
pairs <- rbind(c(3, 10, 1, 10), c(5, 10, 5, 10), c(5, 10, 4, 10), c(40, 100, 30, 100),
               c(2, 50, 9, 60), c(0, 30, 4, 25), c(30, 30, 25, 30), c(12, 200, 3, 180),
               c(250, 400, 300, 420), c(1, 3, 2, 2), c(6, 40, 14, 40), c(95, 100, 99, 100))
choice <- data.frame(x1 = pairs[, 1], n1 = pairs[, 2], x2 = pairs[, 3], n2 = pairs[, 4])
choice$min_expected <- apply(pairs, 1, function(v)
  min(suppressWarnings(chisq.test(matrix(c(v[1], v[2] - v[1], v[3], v[4] - v[3]), 2), correct = FALSE))$expected))
choice$method <- ifelse(choice$min_expected < 5, "fisherExact", "pooledZ")
choice$fisher_p <- apply(pairs, 1, function(v) fisher.test(matrix(c(v[1], v[2] - v[1], v[3], v[4] - v[3]), 2))$p.value)
z <- apply(pairs, 1, function(v) suppressWarnings(prop.test(c(v[1], v[3]), c(v[2], v[4]), correct = FALSE)))
choice$z_squared <- sapply(z, function(t) unname(t$statistic))
choice$z_p <- sapply(z, function(t) t$p.value)
choice$p_value <- ifelse(choice$method == "fisherExact", choice$fisher_p, choice$z_p)
write_rows(choice, "proportion_choice.csv")

writeLines(c(R.version.string, paste("effectsize", packageVersion("effectsize"))),
           file.path(out, "R-VERSION.txt"))
