# Expected values for the significance letters of kto's breakdown tables, from R.
# Run from this folder (after make_design_fixture.R):  Rscript make_letters_fixture.R
# Writes letters-expected.csv: design,table,item,breakdown,a,b,statistic,value
#
# Every pair of categories of a breakdown (leeftijd 1-3, duur 1-2) is tested on what the
# breakdown table shows: the mean of a grade (cijfer, traject_cijfer), % (helemaal) eens of the
# statement. Unweighted: t.test (Welch), prop.test(correct = FALSE), or fisher.test when an
# expected count is below 5. Raked (gemeente x leeftijd, as make_design_fixture.R): the
# coefficient of svyglm(y ~ in_a) on the pair's respondents with an answer (a subset of the whole
# raked design), i.e. the difference and its linearized SE, with a normal p. The p-values are
# adjusted with p.adjust(method = "BH") within each table: one breakdown x one codebook section
# (cijfer: Dienstverlening/Algemeen, stelling: Dienstverlening/Stellingen,
# traject_cijfer: Traject/Traject).
suppressMessages(library(survey))
d <- read.csv("design-study.csv", sep = ";")
d$cijfer[d$cijfer == 99] <- NA
d$agree <- ifelse(is.na(d$stelling), NA, as.numeric(d$stelling >= 4))
N_by_g <- c(1400, 600, 250, 900)
d$gemeente <- factor(d$gemeente)
d$leeftijd <- factor(d$leeftijd)
d$duur <- factor(d$duur)
popG <- data.frame(gemeente = c("1", "2", "3", "4"), Freq = N_by_g)
popL <- data.frame(leeftijd = c("1", "2", "3"), Freq = c(950, 1400, 800))
raked <- rake(svydesign(ids = ~1, data = d), list(~gemeente, ~leeftijd), list(popG, popL),
              control = list(maxit = 1000, epsilon = 1e-13))

items <- list(cijfer = list(y = "cijfer", table = "Dienstverlening|Algemeen", proportion = FALSE),
              stelling = list(y = "agree", table = "Dienstverlening|Stellingen", proportion = TRUE),
              traject_cijfer = list(y = "traject_cijfer", table = "Traject|Traject", proportion = FALSE))
rows <- data.frame()
for (design in c("none", "rake")) {
  for (b in c("leeftijd", "duur")) {
    for (item in names(items)) {
      y <- items[[item]]$y
      levels <- levels(d[[b]])
      pairs <- combn(seq_along(levels), 2)
      out <- data.frame()
      for (k in seq_len(ncol(pairs))) {
        i <- pairs[1, k]; j <- pairs[2, k]
        a <- d[[y]][d[[b]] == levels[i] & !is.na(d[[y]])]
        c <- d[[y]][d[[b]] == levels[j] & !is.na(d[[y]])]
        if (design == "none") {
          if (items[[item]]$proportion) {
            tab <- matrix(c(sum(a), length(a) - sum(a), sum(c), length(c) - sum(c)), 2, byrow = TRUE)
            expected <- outer(rowSums(tab), colSums(tab)) / sum(tab)
            p <- if (min(expected) < 5) fisher.test(tab)$p.value else prop.test(tab[, 1], rowSums(tab), correct = FALSE)$p.value
            diff <- 100 * (mean(a) - mean(c))
          } else {
            p <- t.test(a, c)$p.value
            diff <- mean(a) - mean(c)
          }
        } else {
          keep <- !is.na(d[[y]]) & d[[b]] %in% levels[c(i, j)]
          part <- subset(update(raked, in_a = as.numeric(d[[b]] == levels[i])), keep)
          fit <- svyglm(as.formula(paste0(y, " ~ in_a")), part)
          estimate <- coef(fit)[["in_a"]]
          se <- SE(fit)[["in_a"]]
          diff <- estimate * ifelse(items[[item]]$proportion, 100, 1)
          p <- 2 * pnorm(-abs(estimate / se))
        }
        out <- rbind(out, data.frame(design = design, table = items[[item]]$table, item = item, breakdown = b,
                                     a = levels[i], b = levels[j], diff = diff, p = p))
      }
      rows <- rbind(rows, out)
    }
  }
}
# BH within each table (design x breakdown x section).
rows$p_adjusted <- NA
for (key in unique(paste(rows$design, rows$breakdown, rows$table))) {
  k <- paste(rows$design, rows$breakdown, rows$table) == key
  rows$p_adjusted[k] <- p.adjust(rows$p[k], method = "BH")
}
long <- rbind(
  data.frame(rows[, c("design", "table", "item", "breakdown", "a", "b")], statistic = "diff", value = sprintf("%.17g", rows$diff)),
  data.frame(rows[, c("design", "table", "item", "breakdown", "a", "b")], statistic = "p_value", value = sprintf("%.17g", rows$p)),
  data.frame(rows[, c("design", "table", "item", "breakdown", "a", "b")], statistic = "p_adjusted", value = sprintf("%.17g", rows$p_adjusted)))
write.csv(long, "letters-expected.csv", row.names = FALSE, quote = FALSE)
cat(nrow(rows), "pairs;", sum(rows$p_adjusted < 0.05), "significant at 0.05 after BH;",
    sum(rows$p_adjusted < 0.5), "at 0.5\n")
