# Expected values of kto's prioriteitenmatrix on the sample study's 2015 meting, from R 4.2.2.
# Run from this folder:  Rscript make_priorities_fixture.R   (writes priorities-expected.csv)
#
# overall = algemeen. Valid answers only: grades 1-10; 'weet niet' / 'n.v.t.' (text or 98/99)
# and empty cells are missing.
# - correlation: cor(x, y) over the respondents who answered both (pairwise complete), and n;
#   weighted by gemeente (w = N_h / n_h, n_h = all respondents of gemeente h):
#   cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2] over the same pairs.
# - regression on five aspects (complete cases): coef(lm(scale(y) ~ scale(x1) + ...)) and R²;
#   weighted: lm(y ~ x1 + ..., weights = w), each b times sd_w(x)/sd_w(y) (cov.wt), and
#   summary(...)$r.squared.
d <- read.csv("../../../SampleData/kto-2015.csv", sep = ";", fileEncoding = "windows-1252",
              colClasses = "character")
codebook <- read.csv("../../../SampleData/codebook.csv", sep = ";", fileEncoding = "UTF-8-BOM",
                     colClasses = "character")
grades <- codebook$variable[codebook$type == "grade"]
num <- function(v) { x <- suppressWarnings(as.numeric(v)); x[!(x %in% 1:10)] <- NA; x }
N <- c("1" = 1852, "2" = 378, "3" = 318)
n_h <- table(d$gemeente)
w_all <- as.numeric(N[d$gemeente] / n_h[d$gemeente])
y_all <- num(d$algemeen)

rows <- data.frame()
add <- function(design, analysis, variable, statistic, value) {
  rows <<- rbind(rows, data.frame(design = design, analysis = analysis, variable = variable,
                                  statistic = statistic, value = sprintf("%.17g", value)))
}
for (aspect in setdiff(grades, "algemeen")) {
  x <- num(d[[aspect]])
  keep <- !is.na(x) & !is.na(y_all)
  if (sum(keep) < 10) next
  add("none", "correlation", aspect, "r", cor(x[keep], y_all[keep]))
  add("none", "correlation", aspect, "n", sum(keep))
  add("gemeente", "correlation", aspect, "r", cov.wt(cbind(x[keep], y_all[keep]), wt = w_all[keep], cor = TRUE)$cor[1, 2])
  add("none", "correlation", aspect, "mean", mean(x[!is.na(x)]))
}
aspects <- c("eerstelijn", "medewerkers", "balie_bejegening", "bereik_telefoon", "info_rechten")
X <- sapply(aspects, function(a) num(d[[a]]))
complete <- complete.cases(cbind(X, y_all))
Xc <- X[complete, ]; yc <- y_all[complete]; wc <- w_all[complete]
fit <- lm(scale(yc) ~ scale(Xc))
for (k in seq_along(aspects)) add("none", "regression", aspects[k], "beta", coef(fit)[k + 1])
add("none", "regression", "algemeen", "r_squared", summary(fit)$r.squared)
add("none", "regression", "algemeen", "n", sum(complete))
wfit <- lm(yc ~ Xc, weights = wc)
sds <- sqrt(diag(cov.wt(cbind(yc, Xc), wt = wc)$cov))
for (k in seq_along(aspects)) add("gemeente", "regression", aspects[k], "beta", coef(wfit)[k + 1] * sds[k + 1] / sds[1])
add("gemeente", "regression", "algemeen", "r_squared", summary(wfit)$r.squared)
write.csv(rows, "priorities-expected.csv", row.names = FALSE, quote = FALSE)
cat(nrow(rows), "values\n")
