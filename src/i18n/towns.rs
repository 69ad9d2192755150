//! Danish and English strings of the many-towns panel on the results (the headline numbers over
//! 20 simulated towns), the A/B comparison over the same towns, and the robustness panel. Same
//! rule as the main table: a field or match arm missing in one language does not compile.

use dialoglab_engine::metric::{Metric, Stage};
use dialoglab_worker::stats::{Interval, Paired, Range};

use super::Lang;
use crate::format;

/// Fixed strings of the many-towns, A/B-over-towns and robustness panels.
pub struct TownsTexts {
    /// Heading of the many-towns panel.
    pub heading: &'static str,
    /// What the panel's table shows: mean, interval of the mean, range of outcomes.
    pub hint: &'static str,
    /// Column: the mean over the towns.
    pub col_mean: &'static str,
    /// Column: the 95% interval of the mean.
    pub col_mean_interval: &'static str,
    /// Column: the range of outcomes.
    pub col_range: &'static str,
    /// Shown while the towns run.
    pub running: &'static str,
    /// Heading of the A/B comparison over towns.
    pub pair_heading: &'static str,
    /// What the A/B table shows.
    pub pair_hint: &'static str,
    /// A/B column: A's mean.
    pub pair_col_a: &'static str,
    /// A/B column: B's mean.
    pub pair_col_b: &'static str,
    /// A/B column: mean difference and its interval.
    pub pair_col_diff: &'static str,
    /// A/B column: range of the differences over the towns.
    pub pair_col_range: &'static str,
    /// A/B column: towns where B is higher / lower.
    pub pair_col_count: &'static str,
    /// A/B: A and B do not share citizens.
    pub pair_unpaired: &'static str,
}

/// Danish.
pub const DA: TownsTexts = TownsTexts {
    heading: "Over mange simulerede byer",
    hint: "Hver by er det samme scenarie med sit eget frø (andre borgere og andre tilfældige \
           udfald). Middelværdien er gennemsnittet over byerne; 95\u{a0}%-intervallet gælder \
           middelværdien, ikke den enkelte by. Spændet viser, hvor forskellige byerne blev: \
           fra den laveste til den højeste.",
    col_mean: "Gennemsnit over byerne",
    col_mean_interval: "95\u{a0}%-interval for gennemsnittet",
    col_range: "Spænd mellem byerne (lavest – højest)",
    running: "Beregner flere byer …",
    pair_heading: "A og B i de samme byer",
    pair_hint: "A og B køres i de samme simulerede byer med de samme borgere, så forskellen \
                i hver by skyldes indstillingerne alene. 95\u{a0}%-intervallet gælder den \
                gennemsnitlige forskel; spændet viser forskellen i de enkelte byer.",
    pair_col_a: "A (gennemsnit)",
    pair_col_b: "B (gennemsnit)",
    pair_col_diff: "Forskel B − A (95\u{a0}%-interval for gennemsnittet)",
    pair_col_range: "Forskel i de enkelte byer",
    pair_col_count: "B højere / lavere",
    pair_unpaired: "A og B har ikke de samme borgere (frø eller befolkning er ændret), så \
                    forskellene blander indstillingerne med forskellige borgere.",
};

/// English.
pub const EN: TownsTexts = TownsTexts {
    heading: "Over many simulated towns",
    hint: "Each town is the same scenario with its own seed (other citizens, other chance \
           events). The mean is the average over the towns; the 95% interval is for the mean, \
           not for a single town. The range shows how different the towns turned out: from the \
           lowest to the highest.",
    col_mean: "Mean over the towns",
    col_mean_interval: "95% interval of the mean",
    col_range: "Range over the towns (lowest – highest)",
    running: "Simulating more towns …",
    pair_heading: "A and B in the same towns",
    pair_hint: "A and B run in the same simulated towns with the same citizens, so the \
                difference in each town comes from the settings alone. The 95% interval is for \
                the mean difference; the range shows the difference in single towns.",
    pair_col_a: "A (mean)",
    pair_col_b: "B (mean)",
    pair_col_diff: "Difference B − A (95% interval of the mean)",
    pair_col_range: "Difference in single towns",
    pair_col_count: "B higher / lower",
    pair_unpaired: "A and B do not have the same citizens (the seed or the population changed), \
                    so the differences mix the settings with different citizens.",
};

/// Whether a headline number is a share, whose differences are percentage points.
fn is_share(h: Metric) -> bool {
    matches!(
        h,
        Metric::Turnout | Metric::TopDecileShare | Metric::Legitimacy | Metric::WelfareLoss
    )
}

impl Lang {
    /// The many-towns strings.
    #[must_use]
    pub fn towns(self) -> &'static TownsTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// "One town (seed 3)": the column and label of the single run.
    #[must_use]
    pub fn one_town(self, seed: u64) -> String {
        match self {
            Lang::Da => format!("Én by (frø {seed})"),
            Lang::En => format!("One town (seed {seed})"),
        }
    }

    /// "13 of 20 towns" and the like: `k` of `n` simulated towns.
    #[must_use]
    pub fn towns_count(self, k: u32, n: u32) -> String {
        match self {
            Lang::Da => format!("{k} af {n} byer"),
            Lang::En => format!("{k} of {n} towns"),
        }
    }

    /// A headline number's range of outcomes, `lo – hi`.
    #[must_use]
    pub fn range_words(self, h: Metric, r: Range) -> String {
        format!(
            "{} – {}",
            self.metric_value(h, r.min),
            self.metric_value(h, r.max)
        )
    }

    /// The lead sentence of the many-towns panel: the attendees' index over `n` towns, its
    /// range, and the single run above as one town.
    #[must_use]
    pub fn towns_lead(self, n: u32, first_seed: u64, mean: Interval, range: Range) -> String {
        let h = Metric::Representativeness(Stage::Attendees);
        let (m, lo, hi) = (
            self.metric_value(h, mean.mean),
            self.metric_value(h, range.min),
            self.metric_value(h, range.max),
        );
        let last = first_seed.wrapping_add(u64::from(n.saturating_sub(1)));
        match self {
            Lang::Da => format!(
                "I {n} simulerede byer (frø {first_seed}–{last}) var deltagernes \
                 repræsentativitetsindeks i gennemsnit {m}; byerne lå mellem {lo} og {hi}. \
                 Tallene ovenfor er én by (frø {first_seed})."
            ),
            Lang::En => format!(
                "In {n} simulated towns (seeds {first_seed}–{last}) the attendees' \
                 representativeness index averaged {m}; the towns ranged from {lo} to {hi}. \
                 The numbers above are one town (seed {first_seed})."
            ),
        }
    }

    /// A difference of a headline number with its sign (`+0,042`, `−1,5 procentpoint`).
    #[must_use]
    pub fn headline_diff(self, h: Metric, d: f64) -> String {
        let sign = if d > 0.0 {
            "+"
        } else if d < 0.0 {
            "−"
        } else {
            "±"
        };
        let magnitude = if is_share(h) {
            format::points(self, d.abs(), 1)
        } else {
            self.metric_value(h, d.abs())
        };
        if magnitude.chars().all(|c| !c.is_ascii_digit() || c == '0') {
            // Rounds to zero: no sign.
            return format!("±{magnitude}");
        }
        format!("{sign}{magnitude}")
    }

    /// The mean difference and its interval: `+0,042 (+0,030 til +0,054)`.
    #[must_use]
    pub fn diff_with_interval(self, h: Metric, p: &Paired) -> String {
        let (m, lo, hi) = (
            self.headline_diff(h, p.mean.mean),
            self.headline_diff(h, p.mean.lo),
            self.headline_diff(h, p.mean.hi),
        );
        match self {
            Lang::Da => format!("{m} ({lo} til {hi})"),
            Lang::En => format!("{m} ({lo} to {hi})"),
        }
    }

    /// The range of the differences in single towns.
    #[must_use]
    pub fn diff_range(self, h: Metric, r: Range) -> String {
        let (lo, hi) = (self.headline_diff(h, r.min), self.headline_diff(h, r.max));
        match self {
            Lang::Da => format!("{lo} til {hi}"),
            Lang::En => format!("{lo} to {hi}"),
        }
    }

    /// "B higher in 17 of 20 towns, lower in 3" for one headline number, in plain words.
    #[must_use]
    pub fn pair_sentence(self, h: Metric, n: u32, p: &Paired) -> String {
        let name = self.metric(h);
        let (up, down) = (p.higher, p.lower);
        let mean = self.diff_with_interval(h, p);
        let single = self.diff_range(h, p.range);
        match self {
            Lang::Da => format!(
                "{name}: højere med B i {up} af {n} simulerede byer, lavere i {down}. \
                 Gennemsnitlig forskel {mean}; i de enkelte byer fra {single}."
            ),
            Lang::En => format!(
                "{name}: higher with B in {up} of {n} simulated towns, lower in {down}. \
                 Mean difference {mean}; in single towns from {single}."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_of_shares_are_percentage_points_with_a_sign() {
        assert_eq!(
            Lang::Da.headline_diff(Metric::Turnout, -0.015),
            "−1,5 procentpoint"
        );
        assert_eq!(
            Lang::En.headline_diff(Metric::Representativeness(Stage::Attendees), 0.042),
            "+0.042"
        );
        assert_eq!(
            Lang::En.headline_diff(Metric::Representativeness(Stage::Attendees), 0.0001),
            "±0.000"
        );
        assert_eq!(Lang::Da.headline_diff(Metric::Attendees, 12.0), "+12");
    }

    #[test]
    fn the_pair_sentence_counts_towns_in_both_languages() {
        let p = dialoglab_worker::stats::paired(&[1.0, 2.0, 3.0], &[2.0, 2.5, 2.0]);
        let en = Lang::En.pair_sentence(Metric::Attendees, 3, &p);
        assert!(
            en.contains("higher with B in 2 of 3 simulated towns, lower in 1"),
            "{en}"
        );
        let da = Lang::Da.pair_sentence(Metric::Attendees, 3, &p);
        assert!(
            da.contains("højere med B i 2 af 3 simulerede byer, lavere i 1"),
            "{da}"
        );
        assert!(da.contains("fra −1 til +1"), "{da}");
    }
}
