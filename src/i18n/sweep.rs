//! Danish and English strings of the Sweep view and the Monte-Carlo ("× N seeds") panel on the
//! results. Same rule as the main table: a field or match arm missing in one language does not
//! compile.

use dialoglab_engine::metric::{Metric, Stage};

use super::Lang;
use crate::format;

/// Fixed strings of the sweep and Monte-Carlo views.
pub struct SweepTexts {
    /// Checkbox that turns the Monte-Carlo panel on.
    pub mc_toggle: &'static str,
    /// Label of the number of seeds.
    pub mc_seeds_label: &'static str,
    /// Column: the headline number.
    pub mc_metric: &'static str,
    /// Column: the 95% interval.
    pub mc_interval: &'static str,
    /// Cancel button.
    pub cancel: &'static str,
    /// Shown when a job was cancelled.
    pub cancelled: &'static str,
    /// Label of the progress bar.
    pub progress_label: &'static str,
    /// Under the Sweep view's heading.
    pub intro: &'static str,
    /// The x parameter picker.
    pub x_label: &'static str,
    /// Start of the grid.
    pub from_label: &'static str,
    /// End of the grid.
    pub to_label: &'static str,
    /// Number of grid points.
    pub points_label: &'static str,
    /// Hint for the x grid.
    pub grid_hint_log: &'static str,
    /// Hint for a linear x grid.
    pub grid_hint_lin: &'static str,
    /// The series picker.
    pub series_label: &'static str,
    /// No series: one curve.
    pub series_none: &'static str,
    /// Series by invitation strategy.
    pub series_strategy: &'static str,
    /// Series by meeting format.
    pub series_format: &'static str,
    /// Legend of the strategy checkboxes.
    pub strategies_legend: &'static str,
    /// Legend of the metric checkboxes.
    pub metrics_legend: &'static str,
    /// Runs per point.
    pub seeds_label: &'static str,
    /// Run button.
    pub run: &'static str,
    /// Table column: mean.
    pub mean: &'static str,
    /// Table column: lower end of the 95% interval.
    pub low: &'static str,
    /// Table column: upper end of the 95% interval.
    pub high: &'static str,
    /// Table column: runs.
    pub runs: &'static str,
    /// Table column: the series.
    pub series_column: &'static str,
    /// How to read the chart.
    pub band_note: &'static str,
    /// Shown when no strategy or no metric is ticked.
    pub pick_something: &'static str,
    /// Cost per attendee (metric).
    pub cost_per_attendee: &'static str,
    /// The representativeness index (metric prefix).
    pub index_prefix: &'static str,
    /// Influence gap (metric prefix).
    pub gap_prefix: &'static str,
    /// Speakers (stage).
    pub speakers: &'static str,
    /// Voters (stage).
    pub voters: &'static str,
}

/// Danish.
pub const DA: SweepTexts = SweepTexts {
    mc_toggle: "Vis resultatet over mange simulerede byer",
    mc_seeds_label: "Antal byer (frø)",
    mc_metric: "Nøgletal",
    mc_interval: "95\u{a0}%-interval for middelværdien",
    cancel: "Annullér",
    cancelled: "Beregningen blev annulleret.",
    progress_label: "Fremskridt",
    intro: "Kør scenariet fra sandkassen mange gange over et gitter af værdier og se middelværdien med \
            et 95\u{a0}%-interval. Beregningen foregår i baggrunden, så siden kan bruges imens.",
    x_label: "Varier langs x-aksen",
    from_label: "Fra",
    to_label: "Til",
    points_label: "Antal punkter",
    grid_hint_log: "Punkterne ligger jævnt på en logaritmisk skala.",
    grid_hint_lin: "Punkterne ligger jævnt fordelt.",
    series_label: "Én kurve pr.",
    series_none: "Ingen (én kurve)",
    series_strategy: "Invitationsstrategi",
    series_format: "Mødeform",
    strategies_legend: "Strategier",
    metrics_legend: "Nøgletal",
    seeds_label: "Frø pr. punkt",
    run: "Kør",
    mean: "Middelværdi",
    low: "95\u{a0}% nedre",
    high: "95\u{a0}% øvre",
    runs: "Kørsler",
    series_column: "Kurve",
    band_note: "Linjen er middelværdien over frøene; det skraverede bånd er 95\u{a0}%-intervallet.",
    pick_something: "Vælg mindst én strategi og ét nøgletal.",
    cost_per_attendee: "Omkostning pr. deltager",
    index_prefix: "Repræsentativitetsindeks",
    gap_prefix: "Indflydelseskløft",
    speakers: "talere",
    voters: "vælgere",
};

/// English.
pub const EN: SweepTexts = SweepTexts {
    mc_toggle: "Show the result over many simulated towns",
    mc_seeds_label: "Number of towns (seeds)",
    mc_metric: "Metric number",
    mc_interval: "95% interval of the mean",
    cancel: "Cancel",
    cancelled: "The calculation was cancelled.",
    progress_label: "Progress",
    intro: "Run the sandbox's scenario many times over a grid of values and see the mean with a 95% \
            interval. The work runs in the background, so the page stays usable.",
    x_label: "Vary along the x axis",
    from_label: "From",
    to_label: "To",
    points_label: "Number of points",
    grid_hint_log: "Points are evenly spaced on a log scale.",
    grid_hint_lin: "Points are evenly spaced.",
    series_label: "One curve per",
    series_none: "None (one curve)",
    series_strategy: "Invitation strategy",
    series_format: "Meeting format",
    strategies_legend: "Strategies",
    metrics_legend: "Metrics",
    seeds_label: "Seeds per point",
    run: "Run",
    mean: "Mean",
    low: "95% low",
    high: "95% high",
    runs: "Runs",
    series_column: "Curve",
    band_note: "The line is the mean over the seeds; the shaded band is the 95% interval.",
    pick_something: "Tick at least one strategy and one metric.",
    cost_per_attendee: "Cost per attendee",
    index_prefix: "Representativeness index",
    gap_prefix: "Influence gap",
    speakers: "speakers",
    voters: "voters",
};

impl Lang {
    /// The sweep and Monte-Carlo strings.
    #[must_use]
    pub fn sweep(self) -> &'static SweepTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// "3 of 20 runs".
    #[must_use]
    pub fn runs_done(self, done: u32, total: u32) -> String {
        match self {
            Lang::Da => format!(
                "{} af {} kørsler",
                format::int(self, done.into()),
                format::int(self, total.into())
            ),
            Lang::En => format!(
                "{} of {} runs",
                format::int(self, done.into()),
                format::int(self, total.into())
            ),
        }
    }

    /// Heading of the Monte-Carlo table.
    #[must_use]
    pub fn mc_heading(self, n: u32) -> String {
        match self {
            Lang::Da => format!("Nøgletal over {n} simulerede byer"),
            Lang::En => format!("Metric numbers over {n} simulated towns"),
        }
    }

    /// The live-region sentence when a Monte-Carlo job is done.
    #[must_use]
    pub fn mc_summary(self, n: u32, mean: f64, lo: f64, hi: f64) -> String {
        let (m, l, h) = (
            format::dec(self, mean, 3),
            format::dec(self, lo, 3),
            format::dec(self, hi, 3),
        );
        match self {
            Lang::Da => format!(
                "Over {n} simulerede byer er deltagernes repræsentativitetsindeks i gennemsnit {m} (95\u{a0}%-interval for gennemsnittet {l} til {h})."
            ),
            Lang::En => format!(
                "Over {n} simulated towns the attendees' representativeness index averages {m} (95% interval of the mean {l} to {h})."
            ),
        }
    }

    /// A failed background job.
    #[must_use]
    pub fn job_failed(self, message: &str) -> String {
        match self {
            Lang::Da => format!("Beregningen i baggrunden mislykkedes: {message}"),
            Lang::En => format!("The background calculation failed: {message}"),
        }
    }
}

impl Lang {
    /// Name of a metric, as charts, tables and the sweep's checkboxes show it.
    #[must_use]
    pub fn metric(self, m: Metric) -> String {
        let (t, s) = (self.t(), self.sweep());
        match m {
            Metric::Representativeness(stage) => {
                let stage = match stage {
                    Stage::Invited => crate::i18n::lower(t.stage_invited),
                    Stage::Attendees => crate::i18n::lower(t.stage_attendees),
                    Stage::Speakers => s.speakers.to_string(),
                    Stage::Voters => s.voters.to_string(),
                };
                format!("{} – {stage}", s.index_prefix)
            }
            Metric::InfluenceGap(a) => {
                format!(
                    "{} – {}",
                    s.gap_prefix,
                    crate::i18n::lower(self.attribute(a))
                )
            }
            Metric::Legitimacy => t.legitimacy_label.to_string(),
            Metric::WelfareLoss => t.welfare_loss_label.to_string(),
            Metric::VoiceGini => t.voice_gini_label.to_string(),
            Metric::TopDecileShare => t.top_decile_label.to_string(),
            Metric::Turnout => t.turnout_label.to_string(),
            Metric::Attendees => t.stage_attendees.to_string(),
            Metric::Cost => t.cost_label.to_string(),
            Metric::CostPerAttendee => s.cost_per_attendee.to_string(),
            Metric::MoneyPerCapita => t.money_per_capita_label.to_string(),
        }
    }

    /// A metric's value formatted for reading.
    #[must_use]
    pub fn metric_value(self, m: Metric, v: f64) -> String {
        match m {
            Metric::Representativeness(_) | Metric::InfluenceGap(_) => format::dec(self, v, 3),
            Metric::Legitimacy | Metric::WelfareLoss | Metric::Turnout | Metric::TopDecileShare => {
                format::percent(self, v, 1)
            }
            Metric::VoiceGini => format::dec(self, v, 2),
            Metric::Attendees => format::dec(self, v, 0),
            Metric::Cost | Metric::CostPerAttendee => format::money_dec(self, v, 0),
            Metric::MoneyPerCapita => format::money_dec(self, v, 2),
        }
    }

    /// A metric's value, or a dash where it is undefined.
    #[must_use]
    pub fn metric_value_or_dash(self, m: Metric, v: Option<f64>) -> String {
        v.map_or_else(|| "–".to_string(), |v| self.metric_value(m, v))
    }

    /// The finding of one sweep chart: each curve from its first to its last point.
    #[must_use]
    pub fn sweep_desc(
        self,
        metric: Metric,
        x_name: &str,
        curves: &[(String, String, f64, String, f64)],
    ) -> String {
        let m = self.metric(metric);
        let parts: Vec<String> = curves
            .iter()
            .map(|(curve, x0, a, x1, b)| {
                let (a, b) = (self.metric_value(metric, *a), self.metric_value(metric, *b));
                match self {
                    Lang::Da => format!("{curve}: {a} ved {x0}, {b} ved {x1}"),
                    Lang::En => format!("{curve}: {a} at {x0}, {b} at {x1}"),
                }
            })
            .collect();
        let text = match self {
            Lang::Da => format!(
                "{m} mod {}. {}",
                crate::i18n::lower(x_name),
                parts.join("; ")
            ),
            Lang::En => format!(
                "{m} against {}. {}",
                crate::i18n::lower(x_name),
                parts.join("; ")
            ),
        };
        format::sentence(text)
    }

    /// The live-region sentence when a sweep is done.
    #[must_use]
    pub fn sweep_done(self, runs: u32, points: u32, seconds: f64) -> String {
        let (r, p, s) = (
            format::int(self, runs.into()),
            format::int(self, points.into()),
            format::dec(self, seconds, 1),
        );
        match self {
            Lang::Da => format!("Færdig: {r} kørsler i {p} punkter på {s} sekunder."),
            Lang::En => format!("Done: {r} runs at {p} points in {s} seconds."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweep_sentences_end_with_one_full_stop() {
        let curves = vec![(
            "A".to_string(),
            "1\u{a0}kr.".to_string(),
            0.5,
            "10\u{a0}kr.".to_string(),
            0.6,
        )];
        let da = Lang::Da.sweep_desc(
            Metric::Representativeness(Stage::Attendees),
            "Budget",
            &curves,
        );
        assert!(da.ends_with("10\u{a0}kr.") && !da.ends_with(".."), "{da}");
        let curves = vec![("A".to_string(), "0".to_string(), 0.5, "1".to_string(), 0.6)];
        let en = Lang::En.sweep_desc(Metric::Legitimacy, "Control", &curves);
        assert_eq!(
            en,
            "Overlap with 'if everyone voted' against control. A: 50.0% at 0, 60.0% at 1."
        );
    }
}
