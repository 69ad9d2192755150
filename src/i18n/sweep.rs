//! Danish and English strings of the Sweep view and the Monte-Carlo ("× N seeds") panel on the
//! results. Same rule as the main table: a field or match arm missing in one language does not
//! compile.

use dialoglab_worker::seeds::Headline;

use super::Lang;
use crate::format;

/// Fixed strings of the sweep and Monte-Carlo views.
pub struct SweepTexts {
    /// Checkbox that turns the Monte-Carlo panel on.
    pub mc_toggle: &'static str,
    /// Label of the number of seeds.
    pub mc_seeds_label: &'static str,
    /// Hint under the Monte-Carlo toggle.
    pub mc_hint: &'static str,
    /// Column: the headline number.
    pub mc_metric: &'static str,
    /// Column: this run's value.
    pub mc_this_run: &'static str,
    /// Column: mean over the seeds.
    pub mc_mean: &'static str,
    /// Column: the 95% interval.
    pub mc_interval: &'static str,
    /// Cancel button.
    pub cancel: &'static str,
    /// Shown when a job was cancelled.
    pub cancelled: &'static str,
    /// Label of the progress bar.
    pub progress_label: &'static str,
}

/// Danish.
pub const DA: SweepTexts = SweepTexts {
    mc_toggle: "Vis usikkerheden over flere frø",
    mc_seeds_label: "Antal frø",
    mc_hint: "Samme scenarie med frø efter hinanden (frø, frø + 1, …), beregnet i baggrunden. \
              Intervallet er et 95 %-konfidensinterval for middelværdien (Students t).",
    mc_metric: "Nøgletal",
    mc_this_run: "Denne kørsel",
    mc_mean: "Middelværdi",
    mc_interval: "95 %-interval",
    cancel: "Annullér",
    cancelled: "Beregningen blev annulleret.",
    progress_label: "Fremskridt",
};

/// English.
pub const EN: SweepTexts = SweepTexts {
    mc_toggle: "Show the uncertainty over several seeds",
    mc_seeds_label: "Number of seeds",
    mc_hint: "The same scenario with consecutive seeds (seed, seed + 1, …), computed in the \
              background. The interval is a 95% confidence interval of the mean (Student's t).",
    mc_metric: "Headline number",
    mc_this_run: "This run",
    mc_mean: "Mean",
    mc_interval: "95% interval",
    cancel: "Cancel",
    cancelled: "The calculation was cancelled.",
    progress_label: "Progress",
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

    /// Name of a headline number (the results view's labels).
    #[must_use]
    pub fn headline(self, h: Headline) -> String {
        let t = self.t();
        match h {
            Headline::IndexAttendees => {
                format!("{} – {}", t.index_label, t.stage_attendees.to_lowercase())
            }
            Headline::IndexInvited => {
                format!("{} – {}", t.index_label, t.stage_invited.to_lowercase())
            }
            Headline::Attendees => t.stage_attendees.to_string(),
            Headline::Cost => t.cost_label.to_string(),
            Headline::Turnout => t.turnout_label.to_string(),
            Headline::VoiceGini => t.voice_gini_label.to_string(),
            Headline::TopDecile => t.top_decile_label.to_string(),
            Headline::Legitimacy => t.legitimacy_label.to_string(),
            Headline::WelfareLoss => t.welfare_loss_label.to_string(),
            Headline::MoneyPerCapita => t.money_per_capita_label.to_string(),
        }
    }

    /// A headline number formatted as the results view shows it.
    #[must_use]
    pub fn headline_value(self, h: Headline, v: f64) -> String {
        match h {
            Headline::IndexAttendees | Headline::IndexInvited => format::dec(self, v, 3),
            Headline::Attendees => format::dec(self, v, 0),
            Headline::Cost => format::money_dec(self, v, 0),
            Headline::Turnout | Headline::WelfareLoss => format::percent(self, v, 1),
            Headline::VoiceGini => format::dec(self, v, 2),
            Headline::TopDecile | Headline::Legitimacy => format::percent(self, v, 0),
            Headline::MoneyPerCapita => format::money_dec(self, v, 2),
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
            Lang::Da => format!("Usikkerhed over {n} frø"),
            Lang::En => format!("Uncertainty over {n} seeds"),
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
                "Over {n} frø er repræsentativitetsindekset for deltagerne i gennemsnit {m} (95 %-interval {l} til {h})."
            ),
            Lang::En => format!(
                "Over {n} seeds the attendees' representativeness index averages {m} (95% interval {l} to {h})."
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
