# Makes the three-meting fixture of kto's trend tests and the expected values, straight from R.
# R 4.2.2 (stats only). Run in this folder: Rscript make_trend_fixture.R
# Writes kto-2015.csv, kto-2013.csv, kto-2011.csv (the answers) and trend-expected.csv.
set.seed(20261130)

gemeenten <- c("Aadorp", "Beekveld", "Cranendonk")
opmerkingen <- c(
  "Prima geholpen, dank u wel.",
  "De wachttijd aan de telefoon is veel te lang.",
  "Mijn consulent meneer Jansen luistert niet.",
  "Graag vaker een terugbelafspraak.",
  "Brieven zijn moeilijk te begrijpen.",
  "Alles goed geregeld.",
  "Meer uitleg over de regels voor bijverdienen.",
  "Vriendelijke medewerkers aan de balie."
)

draw <- function(meting, sizes, shift, p_agree, p_rare) {
  g <- rep(1:3, sizes)
  n <- length(g)
  cijfer <- pmin(10, pmax(1, round(rnorm(n, 6.8 + shift + c(0, 0.3, -0.4)[g], 1.5))))
  u <- runif(n)
  cijfer[u < 0.05] <- 99
  cijfer[u >= 0.05 & u < 0.08] <- NA
  stelling <- sample(1:5, n, TRUE, prob = c(0.6 - p_agree, 0.4, 0.6, p_agree * 2.2, p_agree))
  u <- runif(n)
  stelling[u < 0.04] <- 9
  stelling[u >= 0.04 & u < 0.07] <- NA
  zeldzaam <- ifelse(runif(n) < p_rare, 1, 2)
  traject <- sample(1:3, n, TRUE, prob = c(0.5, 0.3, 0.2))
  asked <- traject %in% 2:3
  tr_cijfer <- ifelse(asked, pmin(10, pmax(1, round(rnorm(n, 6.4 + shift, 1.7)))), NA)
  u <- runif(n)
  tr_cijfer[asked & u < 0.07] <- 98
  tr_cijfer[asked & u >= 0.07 & u < 0.11] <- NA
  # kanaal: options 1-3, 4 = geen van deze (alone); some leave it empty.
  kanaal <- character(n)
  for (i in seq_len(n)) {
    v <- runif(1)
    if (v < 0.12) { kanaal[i] <- "4"; next }
    if (v < 0.17) { kanaal[i] <- ""; next }
    ticked <- which(runif(3) < c(0.6, 0.35, 0.3 + shift / 4))
    kanaal[i] <- paste(ticked, collapse = "|")
  }
  # hulp: one column per option (familie, vrienden, consulent); nobody ticking = no answer.
  hulp <- cbind(runif(n) < 0.4, runif(n) < 0.25, runif(n) < 0.3 + shift / 3)
  data.frame(g = g, cijfer = cijfer, stelling = stelling, zeldzaam = zeldzaam, traject = traject,
             tr_cijfer = tr_cijfer, kanaal = kanaal, hulp_fam = hulp[, 1], hulp_vri = hulp[, 2],
             hulp_con = hulp[, 3], stringsAsFactors = FALSE)
}

d15 <- draw(2015, c(150, 90, 40), 0.3, 0.25, 0.05)
d13 <- draw(2013, c(140, 80, 45), 0.0, 0.20, 0.08)
d11 <- draw(2011, c(120, 70, 35), -0.2, 0.18, 0.06)
d15$opmerking <- ifelse(runif(nrow(d15)) < 0.4, sample(opmerkingen, nrow(d15), TRUE), "")

blank <- function(x) ifelse(is.na(x), "", as.character(x))
out15 <- data.frame(respnr = 150000 + seq_len(nrow(d15)), gemeente = d15$g, cijfer = blank(d15$cijfer),
                    stelling = blank(d15$stelling), zeldzaam = d15$zeldzaam, traject = d15$traject,
                    tr_cijfer = blank(d15$tr_cijfer), kanaal = d15$kanaal,
                    hulp_fam = ifelse(d15$hulp_fam, "1", ""), hulp_vri = ifelse(d15$hulp_vri, "1", ""),
                    hulp_con = ifelse(d15$hulp_con, "1", ""), opmerking = d15$opmerking)
# 2013 ticks its option columns with ja/nee.
out13 <- data.frame(respnr = 130000 + seq_len(nrow(d13)), gemeente = d13$g, cijfer = blank(d13$cijfer),
                    stelling = blank(d13$stelling), zeldzaam = d13$zeldzaam, traject = d13$traject,
                    tr_cijfer = blank(d13$tr_cijfer), kanaal = d13$kanaal,
                    hulp_fam = ifelse(d13$hulp_fam, "ja", "nee"), hulp_vri = ifelse(d13$hulp_vri, "ja", "nee"),
                    hulp_con = ifelse(d13$hulp_con, "ja", "nee"))
# 2011: the gemeente by name, Cranendonk still under its old name; the grade under an old name;
# no traject grade and no hulp question yet.
old_names <- c("Aadorp", "Beekveld", "Kranendonk")
out11 <- data.frame(respnr = 110000 + seq_len(nrow(d11)), gemeente = old_names[d11$g], cijfer_oud = blank(d11$cijfer),
                    stelling = blank(d11$stelling), zeldzaam = d11$zeldzaam, traject = d11$traject,
                    kanaal = d11$kanaal)
# What 2011 did not ask is not in its figures either.
d11$tr_cijfer <- NULL
d11$hulp_fam <- NULL; d11$hulp_vri <- NULL; d11$hulp_con <- NULL
write.table(out15, "kto-2015.csv", sep = ";", row.names = FALSE, quote = FALSE, na = "")
write.table(out13, "kto-2013.csv", sep = ";", row.names = FALSE, quote = FALSE, na = "")
write.table(out11, "kto-2011.csv", sep = ";", row.names = FALSE, quote = FALSE, na = "")

# ---- Expected values ------------------------------------------------------------------------
rows <- list()
# One row as results.csv has it; a test row also names the tested measure and category (its flags).
add <- function(meting, group, variable, measure, category, value, n = NA, method = "", tested = "", label = "") {
  rows[[length(rows) + 1]] <<- data.frame(meting = meting, group = group, variable = variable, measure = measure,
                                          category = category, value = sprintf("%.17g", value),
                                          n = ifelse(is.na(n), "", as.character(n)), method = method,
                                          tested = tested, label = label)
}
metingen <- list("2015" = d15, "2013" = d13, "2011" = d11)
domains <- function(d) list(total = rep(TRUE, nrow(d)), Aadorp = d$g == 1, Beekveld = d$g == 2, Cranendonk = d$g == 3)

# What kto tests and shows, per item: a function of a data frame giving, per measure,
# either a numeric vector (mean) or a 0/1 vector (a proportion), NA where not in the base.
items <- list(
  cijfer = function(d) { y <- ifelse(d$cijfer == 99, NA, d$cijfer); list(mean = y, pct_onvoldoende = as.numeric(y <= 5)) },
  stelling = function(d) { y <- ifelse(d$stelling == 9, NA, d$stelling); list(pct_agree = as.numeric(y >= 4)) },
  # Two categories: kto tests only the first (Ja); three: every category.
  zeldzaam = function(d) list("pct_category:1" = as.numeric(d$zeldzaam == 1)),
  traject = function(d) list("pct_category:1" = as.numeric(d$traject == 1), "pct_category:2" = as.numeric(d$traject == 2),
                             "pct_category:3" = as.numeric(d$traject == 3)),
  tr_cijfer = function(d) {
    if (is.null(d$tr_cijfer)) return(list())
    y <- ifelse(d$tr_cijfer == 98, NA, d$tr_cijfer); list(mean = y, pct_onvoldoende = as.numeric(y <= 5))
  },
  kanaal = function(d) {
    # 'geen van deze' in the list: everyone asked is the base (the empty answers too).
    codes <- strsplit(d$kanaal, "|", fixed = TRUE)
    out <- lapply(1:4, function(k) as.numeric(vapply(codes, function(x) as.character(k) %in% x, TRUE)))
    names(out) <- paste0("pct_mentioned:", 1:4)
    out
  },
  hulp = function(d) {
    if (is.null(d$hulp_fam)) return(list())
    m <- cbind(d$hulp_fam, d$hulp_vri, d$hulp_con)
    answered <- rowSums(m) > 0
    out <- lapply(1:3, function(k) ifelse(answered, as.numeric(m[, k]), NA))
    names(out) <- paste0("pct_mentioned:", 1:3)
    out
  }
)
labels <- list(zeldzaam = c("Ja"), traject = c("Geen", "Werk", "Zorg"), kanaal = c("Telefoon", "Balie", "Website", "Geen van deze"),
               hulp = c("Familie", "Vrienden", "Consulent"))
category_of <- function(variable, measure) {
  if (grepl(":", measure)) return(labels[[variable]][as.integer(sub(".*:", "", measure))])
  ""
}
kind_of <- function(measure) sub(":.*", "", measure)

hedges <- function(a, b) {
  n1 <- length(a); n2 <- length(b)
  sp <- sqrt(((n1 - 1) * var(a) + (n2 - 1) * var(b)) / (n1 + n2 - 2))
  df <- n1 + n2 - 2
  j <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  (mean(a) - mean(b)) / sp * j
}
compare <- function(meting, group, variable, measure, label, a, b, key) {
  a <- a[!is.na(a)]; b <- b[!is.na(b)]
  tested <- kind_of(measure)
  test <- function(statistic, value, method) add(meting, group, variable, statistic, key, value, length(a), method, tested, label)
  if (length(a) < 5 || length(b) < 5) return(invisible())   # suppress = 5 in trend.study
  if (kind_of(measure) == "mean") {
    t <- t.test(a, b, var.equal = FALSE)
    test("diff", mean(a) - mean(b), "welch")
    test("test_stat", unname(t$statistic), "welch")
    test("df", unname(t$parameter), "welch")
    test("p_value", t$p.value, "welch")
    test("hedges_g", hedges(a, b), "welch")
  } else {
    x1 <- sum(a); n1 <- length(a); x2 <- sum(b); n2 <- length(b)
    if (x1 == 0 || x1 == n1) return(invisible())            # kto does not test 0% or 100%
    tab <- matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE)
    expected <- outer(rowSums(tab), colSums(tab)) / sum(tab)
    p1 <- x1 / n1; p2 <- x2 / n2
    z <- (p1 - p2) / sqrt((x1 + x2) / (n1 + n2) * (1 - (x1 + x2) / (n1 + n2)) * (1 / n1 + 1 / n2))
    if (min(expected) < 5) {
      method <- "fisherExact"; p <- fisher.test(tab)$p.value
    } else {
      method <- "twoProportions"; pt <- prop.test(c(x1, x2), c(n1, n2), correct = FALSE)
      p <- pt$p.value
      stopifnot(abs(pt$statistic - z^2) < 1e-9 * max(1, z^2))
    }
    test("diff", 100 * (p1 - p2), method)
    test("test_stat", z, method)
    test("p_value", p, method)
    test("cohens_h", 2 * asin(sqrt(p1)) - 2 * asin(sqrt(p2)), method)
  }
}

for (variable in names(items)) {
  current <- items[[variable]](d15)
  for (m in names(metingen)) {
    d <- metingen[[m]]
    figures <- items[[variable]](d)
    for (measure in names(figures)) {
      for (dn in names(domains(d))) {
        y <- figures[[measure]][domains(d)[[dn]]]
        y <- y[!is.na(y)]
        if (length(y) == 0) next
        value <- if (kind_of(measure) == "mean") mean(y) else 100 * mean(y)
        add(m, dn, variable, kind_of(measure), category_of(variable, measure), value, length(y))
        if (kind_of(measure) == "mean") add(m, dn, variable, "sd", "", sd(y), length(y))
      }
    }
  }
  for (measure in names(current)) {
    for (dn in names(domains(d15))) {
      a <- current[[measure]][domains(d15)[[dn]]]
      for (earlier in c("2013", "2011")) {
        old <- items[[variable]](metingen[[earlier]])[[measure]]
        if (is.null(old)) next
        key <- if (earlier == "2013") "previous" else "previous:2011"
        compare("2015", dn, variable, measure, category_of(variable, measure), a, old[domains(metingen[[earlier]])[[dn]]], key)
      }
      if (dn != "total") {
        compare("2015", dn, variable, measure, category_of(variable, measure), a, current[[measure]][!domains(d15)[[dn]]], "rest")
      }
    }
  }
}

# Item nonresponse of the routed traject grade among those asked (traject 2 or 3), 2015 total.
asked <- d15$traject %in% 2:3
add("2015", "total", "tr_cijfer", "pct_not_applicable", "", 100 * mean(d15$tr_cijfer[asked] %in% 98), sum(asked))
add("2015", "total", "tr_cijfer", "pct_no_answer", "", 100 * mean(is.na(d15$tr_cijfer[asked])), sum(asked))
add("2015", "total", "cijfer", "pct_dont_know", "", 100 * mean(d15$cijfer %in% 99), nrow(d15))
add("2015", "total", "cijfer", "pct_no_answer", "", 100 * mean(is.na(d15$cijfer)), nrow(d15))

expected <- do.call(rbind, rows)
write.csv(expected, "trend-expected.csv", row.names = FALSE, quote = TRUE)
cat(nrow(expected), "expected values\n")
