# Independent cross-check of kto's significance tests and weighting on the sample study, with R.
# Run from the repository root:  Rscript Tests/Fixtures/crosscheck/make_r_fixture.R
# Writes Tests/Fixtures/crosscheck/sample-r-tests.csv (17 significant digits).
suppressPackageStartupMessages(library(survey))

book <- read.csv2("SampleData/codebook.csv", fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
grades <- book$variable[book$type == "grade"]
statements <- book$variable[book$type == "likert"]
population <- c(1852, 378, 318)
names_g <- c("Leidschendam-Voorburg", "Voorschoten", "Wassenaar")

read_export <- function(path) read.csv2(path, fileEncoding = "latin1", stringsAsFactors = FALSE, colClasses = "character")
valid <- function(x, low, high) { v <- suppressWarnings(as.numeric(sub(",", ".", trimws(x)))); v[!is.na(v) & (v < low | v > high)] <- NA; v }

d15 <- read_export("SampleData/kto-2015.csv")
d13 <- read_export("SampleData/kto-2013.csv")
g15 <- as.integer(d15$gemeente)
out <- data.frame()
add <- function(kind, variable, group, comparison, statistic, df, p, estimate, se) {
  out <<- rbind(out, data.frame(kind = kind, variable = variable, group = group, comparison = comparison,
    statistic = sprintf("%.17g", statistic), df = ifelse(is.na(df), "", sprintf("%.17g", df)),
    p_value = sprintf("%.17g", p), estimate = sprintf("%.17g", estimate), se = sprintf("%.17g", se)))
}
# Weighted by gemeente (weighting = gemeente): one weight per respondent, N_h / n_h with n_h all
# respondents of the gemeente; item nonresponse is a domain (na.rm = TRUE on the full design).
# The total's estimate and SE, and each gemeente against the rest as svyglm(x ~ in_gemeente).
weighted <- function(v, x) {
  d <- data.frame(x = x, g = g15, N = population[g15])
  design <- svydesign(ids = ~1, strata = ~g, fpc = ~N, data = d)
  m <- svymean(~x, design, na.rm = TRUE)
  add("svymean", v, "total", "", NA, NA, NA, coef(m), SE(m))
  for (k in 1:3) {
    design$variables$inside <- as.numeric(d$g == k)
    answered <- subset(design, !is.na(x))
    if (sum(!is.na(x) & g15 == k) >= 10 && sum(!is.na(x) & g15 != k) >= 10) {
      fit <- svyglm(x ~ inside, answered)
      add("svyglm", v, names_g[k], "rest", NA, NA, NA, coef(fit)[["inside"]], sqrt(vcov(fit)["inside", "inside"]))
    }
  }
}

for (v in grades) {
  x15 <- valid(d15[[v]], 1, 10)
  if (v %in% names(d13)) {
    x13 <- valid(d13[[v]], 1, 10)
    t <- t.test(x15[!is.na(x15)], x13[!is.na(x13)])
    add("welch", v, "total", "previous", t$statistic, t$parameter, t$p.value, NA, NA)
  }
  for (g in 1:3) {
    a <- x15[g15 == g & !is.na(x15)]; b <- x15[g15 != g & !is.na(x15)]
    if (length(a) >= 10 && length(b) >= 10) {
      t <- t.test(a, b)
      add("welch", v, names_g[g], "rest", t$statistic, t$parameter, t$p.value, NA, NA)
    }
  }
  weighted(v, x15)
}
for (v in statements) {
  x15 <- valid(d15[[v]], 1, 5)
  if (v %in% names(d13)) {
    x13 <- valid(d13[[v]], 1, 5)
    k <- c(sum(x15 >= 4, na.rm = TRUE), sum(x13 >= 4, na.rm = TRUE)); n <- c(sum(!is.na(x15)), sum(!is.na(x13)))
    p <- prop.test(k, n, correct = FALSE)
    add("prop", v, "total", "previous", p$statistic, NA, p$p.value, NA, NA)
  }
  weighted(v, ifelse(is.na(x15), NA, as.numeric(x15 >= 4) * 100))
}
out[is.na(out)] <- ""
out[out == "NA"] <- ""
write.csv(out, "Tests/Fixtures/crosscheck/sample-r-tests.csv", row.names = FALSE, quote = FALSE)
cat(nrow(out), "rows; R", R.version.string, "; survey", as.character(packageVersion("survey")), "\n")
