# Expected values for kto's survey designs, computed with R's survey package.
# Run from this folder:  Rscript make_design_fixture.R
# Writes design-study.csv (the respondents, as kto reads them) and design-expected.csv.
#
# The study: four gemeenten (strata) of unequal size and response, item nonresponse on every
# item ('weet niet' = 99 and empty cells), a routed item (traject_cijfer: only asked when
# traject = 1), two category variables used as breakdowns and raking margins (leeftijd, duur)
# and a weight column delivered with the data (gewicht).
suppressMessages(library(survey))
set.seed(20261130)
n_by_g <- c(A = 70, B = 45, C = 30, D = 55)
N_by_g <- c(A = 1400, B = 600, C = 250, D = 900)
rows <- list()
id <- 1000
for (g in names(n_by_g)) {
  n <- n_by_g[[g]]
  shift <- c(A = 0, B = 0.6, C = -0.8, D = 0.3)[[g]]
  leeftijd <- sample(1:3, n, replace = TRUE, prob = c(0.3, 0.45, 0.25))
  duur <- sample(1:2, n, replace = TRUE, prob = c(0.55, 0.45))
  cijfer <- pmin(10, pmax(1, round(rnorm(n, 7 + shift + 0.3 * (leeftijd - 2), 1.4))))
  cijfer[sample(n, max(1, round(0.08 * n)))] <- NA          # empty cell
  cijfer[sample(which(!is.na(cijfer)), 2)] <- 99              # weet niet
  stelling <- pmin(5, pmax(1, round(rnorm(n, 3.6 + shift / 2 - 0.3 * (duur - 1), 1.0))))
  stelling[sample(n, max(1, round(0.1 * n)))] <- NA
  traject <- sample(1:2, n, replace = TRUE, prob = c(0.6, 0.4))   # 1 = ja, 2 = nee
  traject_cijfer <- ifelse(traject == 1, pmin(10, pmax(1, round(rnorm(n, 6.5 + shift, 1.6)))), NA)
  traject_cijfer[sample(which(traject == 1), 1)] <- NA
  gewicht <- round(runif(n, 0.4, 2.6), 3)
  ids <- id + seq_len(n)
  id <- id + n
  rows[[g]] <- data.frame(respnr = ids, gemeente = g, leeftijd, duur, cijfer, stelling, traject,
                          traject_cijfer, gewicht)
}
d <- do.call(rbind, rows)
rownames(d) <- NULL
out <- d
out$gemeente <- match(out$gemeente, names(n_by_g))
write.table(out, "design-study.csv", sep = ";", row.names = FALSE, na = "", quote = FALSE)

# Analysis data: 99 (weet niet) is missing; the agree share is a 0/1 item.
d$cijfer[d$cijfer == 99] <- NA
d$agree <- ifelse(is.na(d$stelling), NA, as.numeric(d$stelling >= 4))
d$N <- N_by_g[d$gemeente]
d$gemeente <- factor(d$gemeente)
d$leeftijd <- factor(d$leeftijd)
d$duur <- factor(d$duur)

results <- data.frame()
add <- function(design, item, domain, statistic, value) {
  results <<- rbind(results, data.frame(design = design, item = item, domain = domain,
                                        statistic = statistic, value = sprintf("%.17g", value)))
}

strat <- svydesign(ids = ~1, strata = ~gemeente, fpc = ~N, data = d)
popG <- data.frame(gemeente = names(N_by_g), Freq = as.numeric(N_by_g))
popL <- data.frame(leeftijd = c("1", "2", "3"), Freq = c(950, 1400, 800))
raked <- rake(svydesign(ids = ~1, data = d), list(~gemeente, ~leeftijd), list(popG, popL),
              control = list(maxit = 1000, epsilon = 1e-13))
weighted <- svydesign(ids = ~1, weights = ~gewicht, data = d)
designs <- list(gemeente = strat, rake = raked, variable = weighted)

for (dn in names(designs)) {
  des <- designs[[dn]]
  w <- weights(des)
  add(dn, "weights", "total", "sum", sum(w))
  add(dn, "weights", "total", "min", min(w))
  add(dn, "weights", "total", "max", max(w))
  for (item in c("cijfer", "agree", "traject_cijfer")) {
    f <- as.formula(paste0("~", item))
    answered <- !is.na(d[[item]])
    m <- svymean(f, des, na.rm = TRUE, deff = TRUE)
    add(dn, item, "total", "estimate", coef(m))
    add(dn, item, "total", "se", SE(m))
    add(dn, item, "total", "deff", deff(m))
    add(dn, item, "total", "kish", sum(w[answered])^2 / sum(w[answered]^2))
    if (item == "agree") {
      ci <- attr(svyciprop(~agree, subset(des, !is.na(agree)), method = "logit"), "ci")
      add(dn, item, "total", "ci_low", ci[[1]]); add(dn, item, "total", "ci_high", ci[[2]])
    }
    for (by in c("gemeente", "leeftijd", "duur")) {
      b <- svyby(f, as.formula(paste0("~", by)), des, svymean, na.rm = TRUE, deff = TRUE)
      for (k in seq_len(nrow(b))) {
        level <- as.character(b[[by]][k])
        domain <- paste0(by, "=", level)
        add(dn, item, domain, "estimate", b[[item]][k])
        add(dn, item, domain, "se", b$se[k])
        add(dn, item, domain, "deff", b[[paste0("DEff.", item)]][k])
        inside <- answered & d[[by]] == level
        add(dn, item, domain, "kish", sum(w[inside])^2 / sum(w[inside]^2))
        # The domain against its complement: svyglm(y ~ in_domain) on the item's respondents.
        d$in_domain <- as.numeric(d[[by]] == level)
        des2 <- update(des, in_domain = as.numeric(d[[by]] == level))
        g <- svyglm(as.formula(paste0(item, " ~ in_domain")), subset(des2, !is.na(d[[item]])))
        add(dn, item, domain, "contrast", coef(g)[["in_domain"]])
        add(dn, item, domain, "contrast_se", sqrt(vcov(g)["in_domain", "in_domain"]))
      }
      if (item == "agree") {
        ci <- svyby(~agree, as.formula(paste0("~", by)), subset(des, !is.na(agree)), svyciprop,
                    method = "logit", vartype = "ci")
        for (k in seq_len(nrow(ci))) {
          domain <- paste0(by, "=", as.character(ci[[by]][k]))
          add(dn, item, domain, "ci_low", ci$ci_l[k]); add(dn, item, domain, "ci_high", ci$ci_u[k])
        }
      }
    }
  }
}

# Raked weights per cell of the two margins (gemeente x leeftijd), to check the raking itself.
for (g in levels(d$gemeente)) for (l in levels(d$leeftijd)) {
  inside <- d$gemeente == g & d$leeftijd == l
  if (any(inside)) add("rake", "weights", paste0("gemeente=", g, "&leeftijd=", l), "cell", weights(raked)[inside][1])
}

# Multiple testing: p.adjust on a fixed vector (ties, a 1, tiny values), each method.
p <- c(0.001, 0.04, 0.04, 0.2, 0.5, 0.03, 1, 1e-8, 0.0499, 0.3)
for (method in c("BH", "holm", "bonferroni")) {
  q <- p.adjust(p, method)
  for (k in seq_along(p)) add("p.adjust", method, as.character(k), "adjusted", q[k])
}
for (k in seq_along(p)) add("p.adjust", "input", as.character(k), "p", p[k])

write.csv(results, "design-expected.csv", row.names = FALSE, quote = FALSE)
cat("rows:", nrow(results), "\n")
cat(R.version.string, "survey", as.character(packageVersion("survey")), "\n")
