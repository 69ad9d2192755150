//! The scenario: every parameter of a run, with defaults, documented ranges and validation.
//!
//! A `Scenario` is the unit of sharing: presets, links, saved JSON, worker messages and the CLI all
//! carry one. Unknown fields are rejected; missing fields take the default (the `faxe-dialogue`
//! preset). [`Scenario::validate`] names the first field outside its allowed range.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest population the engine accepts.
pub const MAX_POPULATION: u32 = 1_000_000;
/// Largest budget in DKK (one trillion).
pub const MAX_BUDGET: u64 = 1_000_000_000_000;
/// Most districts a municipality can have in the model.
pub const MAX_DISTRICTS: u8 = 50;

/// How citizens are invited (DESIGN §2.2 step 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// A public call (posters, local paper, web); citizens who hear of it select themselves.
    #[default]
    OpenCall,
    /// Personal letters to a simple random sample (`invitation.letters`).
    Letters,
    /// Letters to a random sample, then a panel of `invitation.panel_size` chosen from those who
    /// answer so that it meets quotas on age band, gender, education and district.
    Stratified,
    /// The open call plus outreach to marginalised citizens with `invitation.contacts` repeated
    /// personal contacts each.
    Targeted,
    /// The open call plus mobilisation of association members through their associations.
    Associations,
}

impl Strategy {
    /// Every strategy, in menu order.
    pub const ALL: [Strategy; 5] = [
        Strategy::OpenCall,
        Strategy::Letters,
        Strategy::Stratified,
        Strategy::Targeted,
        Strategy::Associations,
    ];

    /// The stable kebab-case name used in JSON, links and the CLI.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Strategy::OpenCall => "open-call",
            Strategy::Letters => "letters",
            Strategy::Stratified => "stratified",
            Strategy::Targeted => "targeted",
            Strategy::Associations => "associations",
        }
    }

    /// The strategy with this name.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A complete scenario. `Default` is the `faxe-dialogue` preset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scenario {
    /// Seed of every random stream of the run.
    pub seed: u64,
    /// The participatory budget in whole DKK (0 – 10¹²).
    pub budget: u64,
    /// Who lives in the municipality.
    pub population: PopulationParams,
    /// How citizens are invited, and the supports offered.
    pub invitation: InvitationParams,
    /// Coefficients of awareness and attendance.
    pub attendance: AttendanceParams,
    /// Unit costs for the cost report.
    pub costs: CostParams,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            seed: 1,
            budget: 250_000,
            population: PopulationParams::default(),
            invitation: InvitationParams::default(),
            attendance: AttendanceParams::default(),
            costs: CostParams::default(),
        }
    }
}

/// The synthetic population (DESIGN §2.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PopulationParams {
    /// Number of adult citizens (1 – 1,000,000).
    pub size: u32,
    /// Number of districts (1 – 50).
    pub districts: u8,
    /// Shares of the age bands 18–29, 30–49, 50–66, 67+ (each 0 – 1, summing to 1 ± 0.01).
    pub age_shares: [f64; 4],
    /// Share of citizens who are marginalised, socially vulnerable or facing a language barrier (0 – 0.6).
    pub marginalised_share: f64,
    /// Share of the marginalised whose barrier is language (0 – 1).
    pub language_barrier_share: f64,
    /// Share of citizens who are members of at least one association (0 – 1).
    pub association_share: f64,
}

impl Default for PopulationParams {
    fn default() -> Self {
        PopulationParams {
            size: 29_500,
            districts: 5,
            age_shares: [0.17, 0.28, 0.30, 0.25],
            marginalised_share: 0.10,
            language_barrier_share: 0.35,
            association_share: 0.55,
        }
    }
}

/// Which supports the meetings offer (DESIGN §2.2 step 3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Supports {
    /// Childcare during the meeting.
    pub childcare: bool,
    /// Meetings in the evening rather than in working hours.
    pub evening: bool,
    /// Interpretation for citizens with a language barrier.
    pub interpretation: bool,
    /// A payment or gift card for taking part.
    pub payment: bool,
    /// An online way to take part.
    pub online: bool,
}

/// The invitation strategy and its parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InvitationParams {
    /// The strategy.
    pub strategy: Strategy,
    /// Letters sent by `letters` and `stratified` (1 – population size).
    pub letters: u32,
    /// Panel size for `stratified` (1 – 10,000).
    pub panel_size: u32,
    /// Personal contacts per reached citizen for `targeted` (1 – 10).
    pub contacts: u8,
    /// Share of the marginalised that outreach workers reach for `targeted` (0 – 1).
    pub outreach_reach: f64,
    /// Share of association members their associations mobilise for `associations` (0 – 1).
    pub mobilisation: f64,
    /// Share of selected panel members who drop out before the meeting (0 – 1).
    pub panel_dropout: f64,
    /// Replicate draws used to estimate panel selection probabilities (1 – 1,000).
    pub selection_replicates: u16,
    /// Supports offered to participants.
    pub supports: Supports,
}

impl Default for InvitationParams {
    fn default() -> Self {
        InvitationParams {
            strategy: Strategy::OpenCall,
            letters: 5_000,
            panel_size: 48,
            contacts: 3,
            outreach_reach: 0.4,
            mobilisation: 0.5,
            panel_dropout: 0.05,
            selection_replicates: 100,
            supports: Supports {
                evening: true,
                ..Supports::default()
            },
        }
    }
}

/// Coefficients of the awareness and attendance models (logit scale; each −20 – 20).
///
/// Attendance: `P = logistic(intercept + Σ coefficient · feature)`; see docs/MODEL.md for each
/// feature's scale. Awareness of an open call: `P = logistic(awareness_intercept + ...)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AttendanceParams {
    /// Baseline log-odds of attending when invited.
    pub intercept: f64,
    /// Per unit of (free hours per week ÷ 40), centred at 0.5.
    pub free_time: f64,
    /// Per unit of civic skill, centred at 0.5.
    pub civic_skill: f64,
    /// Per unit of political interest, centred at 0.5.
    pub interest: f64,
    /// Per unit of political efficacy, centred at 0.5.
    pub efficacy: f64,
    /// Per unit of trust in the municipality, centred at 0.5.
    pub trust: f64,
    /// Per unit of habit (past participation, 0 – 1).
    pub habit: f64,
    /// Per unit of stakes, `ln(budget per capita ÷ stakes_reference_dkk)`.
    pub stakes: f64,
    /// Multiplier of the stakes effect for marginalised citizens (0 – 20).
    pub stakes_marginalised: f64,
    /// Budget per capita in DKK at which stakes are zero (0.01 – 1,000,000).
    pub stakes_reference_dkk: f64,
    /// Per unit of `ln(1 + invitation intensity)`.
    pub intensity: f64,
    /// Intensity of a personal letter (0 – 10).
    pub intensity_letter: f64,
    /// Intensity of one personal outreach contact (0 – 10); contacts add up.
    pub intensity_contact: f64,
    /// Intensity of a call from one's own association (0 – 10).
    pub intensity_association: f64,
    /// Penalty for employed citizens and students when meetings are in working hours.
    pub daytime_penalty: f64,
    /// Effect of childcare for parents of school-age children.
    pub childcare: f64,
    /// Penalty for citizens with a language barrier when there is no interpretation.
    pub language_penalty: f64,
    /// Effect of payment for low-income citizens (half of it for others).
    pub payment: f64,
    /// Effect of an online option for parents and citizens under 30 (a third of it for others under 67).
    pub online: f64,
    /// Baseline log-odds of hearing of an open call.
    pub awareness_intercept: f64,
    /// Per unit of local media use, centred at 0.5.
    pub awareness_media: f64,
    /// For association members (the call spreads through networks).
    pub awareness_member: f64,
    /// Per unit of political interest, centred at 0.5.
    pub awareness_interest: f64,
}

impl Default for AttendanceParams {
    fn default() -> Self {
        AttendanceParams {
            intercept: -4.6,
            free_time: 1.8,
            civic_skill: 1.4,
            interest: 1.8,
            efficacy: 0.8,
            trust: 0.7,
            habit: 1.6,
            stakes: 0.25,
            stakes_marginalised: 3.0,
            stakes_reference_dkk: 20.0,
            intensity: 1.3,
            intensity_letter: 1.0,
            intensity_contact: 1.5,
            intensity_association: 0.8,
            daytime_penalty: 1.0,
            childcare: 0.9,
            language_penalty: 1.2,
            payment: 0.6,
            online: 0.6,
            awareness_intercept: -0.9,
            awareness_media: 2.0,
            awareness_member: 0.7,
            awareness_interest: 1.2,
        }
    }
}

/// Unit costs of the invitation for the cost report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CostParams {
    /// Price of one letter with postage, DKK (0 – 1,000).
    pub letter_dkk: u32,
    /// Price of one staff hour, DKK (0 – 10,000).
    pub staff_hour_dkk: u32,
    /// Staff hours of an open call: posters, press, web (0 – 10,000).
    pub open_call_hours: f64,
    /// Staff hours per outreach contact (0 – 100).
    pub hours_per_contact: f64,
    /// Staff hours per association kind and district to mobilise members (0 – 1,000).
    pub hours_per_association: f64,
    /// Staff hours to handle one answer to a sortition letter (0 – 100).
    pub hours_per_response: f64,
}

impl Default for CostParams {
    fn default() -> Self {
        CostParams {
            letter_dkk: 15,
            staff_hour_dkk: 450,
            open_call_hours: 40.0,
            hours_per_contact: 0.5,
            hours_per_association: 4.0,
            hours_per_response: 0.25,
        }
    }
}

/// Why a scenario cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    /// A number outside its allowed range (or not finite).
    OutOfRange {
        /// Dotted path of the field, e.g. `population.size`.
        field: String,
        /// The value given.
        value: String,
        /// The allowed range in words.
        allowed: String,
    },
    /// Values that are each fine but do not fit together.
    Inconsistent {
        /// Dotted path of the field.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// The JSON could not be read as a scenario (unknown field, wrong type, syntax).
    Json(String),
    /// A dotted path that names no scenario field.
    UnknownPath(String),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::OutOfRange {
                field,
                value,
                allowed,
            } => write!(
                f,
                "{field} = {value} is outside the allowed range {allowed}"
            ),
            ScenarioError::Inconsistent { field, problem } => write!(f, "{field}: {problem}"),
            ScenarioError::Json(msg) => write!(f, "the scenario could not be read: {msg}"),
            ScenarioError::UnknownPath(path) => {
                write!(f, "there is no scenario field named {path}")
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

fn check_f(field: &str, value: f64, lo: f64, hi: f64) -> Result<(), ScenarioError> {
    if value.is_finite() && value >= lo && value <= hi {
        Ok(())
    } else {
        Err(ScenarioError::OutOfRange {
            field: field.to_string(),
            value: format!("{value}"),
            allowed: format!("{lo} – {hi}"),
        })
    }
}

fn check_u(field: &str, value: u64, lo: u64, hi: u64) -> Result<(), ScenarioError> {
    if value >= lo && value <= hi {
        Ok(())
    } else {
        Err(ScenarioError::OutOfRange {
            field: field.to_string(),
            value: value.to_string(),
            allowed: format!("{lo} – {hi}"),
        })
    }
}

impl Scenario {
    /// Reads a scenario from JSON (unknown fields are errors; missing ones take defaults) and
    /// validates it.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario =
            serde_json::from_str(text).map_err(|e| ScenarioError::Json(e.to_string()))?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Checks every field against its documented range; the error names the first bad field.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_u("budget", self.budget, 0, MAX_BUDGET)?;
        let p = &self.population;
        check_u("population.size", p.size.into(), 1, MAX_POPULATION.into())?;
        check_u(
            "population.districts",
            p.districts.into(),
            1,
            MAX_DISTRICTS.into(),
        )?;
        for (k, share) in p.age_shares.iter().enumerate() {
            check_f(&format!("population.age_shares[{k}]"), *share, 0.0, 1.0)?;
        }
        let total: f64 = p.age_shares.iter().sum();
        if (total - 1.0).abs() > 0.01 {
            return Err(ScenarioError::Inconsistent {
                field: "population.age_shares".into(),
                problem: format!("the shares add up to {total}, not 1"),
            });
        }
        check_f(
            "population.marginalised_share",
            p.marginalised_share,
            0.0,
            0.6,
        )?;
        check_f(
            "population.language_barrier_share",
            p.language_barrier_share,
            0.0,
            1.0,
        )?;
        check_f(
            "population.association_share",
            p.association_share,
            0.0,
            1.0,
        )?;

        let inv = &self.invitation;
        check_u("invitation.letters", inv.letters.into(), 1, p.size.into())?;
        check_u("invitation.panel_size", inv.panel_size.into(), 1, 10_000)?;
        check_u("invitation.contacts", inv.contacts.into(), 1, 10)?;
        check_f("invitation.outreach_reach", inv.outreach_reach, 0.0, 1.0)?;
        check_f("invitation.mobilisation", inv.mobilisation, 0.0, 1.0)?;
        check_f("invitation.panel_dropout", inv.panel_dropout, 0.0, 1.0)?;
        check_u(
            "invitation.selection_replicates",
            inv.selection_replicates.into(),
            1,
            1_000,
        )?;
        if inv.strategy == Strategy::Stratified && inv.panel_size > inv.letters {
            return Err(ScenarioError::Inconsistent {
                field: "invitation.panel_size".into(),
                problem: format!(
                    "a panel of {} cannot be drawn from {} letters",
                    inv.panel_size, inv.letters
                ),
            });
        }

        let a = &self.attendance;
        for (name, value) in [
            ("intercept", a.intercept),
            ("free_time", a.free_time),
            ("civic_skill", a.civic_skill),
            ("interest", a.interest),
            ("efficacy", a.efficacy),
            ("trust", a.trust),
            ("habit", a.habit),
            ("stakes", a.stakes),
            ("intensity", a.intensity),
            ("daytime_penalty", a.daytime_penalty),
            ("childcare", a.childcare),
            ("language_penalty", a.language_penalty),
            ("payment", a.payment),
            ("online", a.online),
            ("awareness_intercept", a.awareness_intercept),
            ("awareness_media", a.awareness_media),
            ("awareness_member", a.awareness_member),
            ("awareness_interest", a.awareness_interest),
        ] {
            check_f(&format!("attendance.{name}"), value, -20.0, 20.0)?;
        }
        for (name, value) in [
            ("intensity_letter", a.intensity_letter),
            ("intensity_contact", a.intensity_contact),
            ("intensity_association", a.intensity_association),
        ] {
            check_f(&format!("attendance.{name}"), value, 0.0, 10.0)?;
        }
        check_f(
            "attendance.stakes_marginalised",
            a.stakes_marginalised,
            0.0,
            20.0,
        )?;
        check_f(
            "attendance.stakes_reference_dkk",
            a.stakes_reference_dkk,
            0.01,
            1_000_000.0,
        )?;

        let c = &self.costs;
        check_u("costs.letter_dkk", c.letter_dkk.into(), 0, 1_000)?;
        check_u("costs.staff_hour_dkk", c.staff_hour_dkk.into(), 0, 10_000)?;
        check_f("costs.open_call_hours", c.open_call_hours, 0.0, 10_000.0)?;
        check_f("costs.hours_per_contact", c.hours_per_contact, 0.0, 100.0)?;
        check_f(
            "costs.hours_per_association",
            c.hours_per_association,
            0.0,
            1_000.0,
        )?;
        check_f("costs.hours_per_response", c.hours_per_response, 0.0, 100.0)?;
        Ok(())
    }

    /// Sets the field at a dotted path (`population.size`, `invitation.supports.childcare`) from a
    /// JSON value. Unknown paths and values of the wrong type are errors naming the path.
    pub fn set_path(&mut self, path: &str, value: serde_json::Value) -> Result<(), ScenarioError> {
        let mut tree =
            serde_json::to_value(&*self).map_err(|e| ScenarioError::Json(e.to_string()))?;
        let mut node = &mut tree;
        for part in path.split('.') {
            node = match node {
                serde_json::Value::Object(map) => map
                    .get_mut(part)
                    .ok_or_else(|| ScenarioError::UnknownPath(path.to_string()))?,
                serde_json::Value::Array(items) => part
                    .parse::<usize>()
                    .ok()
                    .and_then(|k| items.get_mut(k))
                    .ok_or_else(|| ScenarioError::UnknownPath(path.to_string()))?,
                _ => return Err(ScenarioError::UnknownPath(path.to_string())),
            };
        }
        *node = value;
        *self = serde_json::from_value(tree)
            .map_err(|e| ScenarioError::Json(format!("{path}: {e}")))?;
        Ok(())
    }

    /// Sets a field from text: parsed as JSON when it parses, otherwise taken as a string.
    pub fn set_path_text(&mut self, path: &str, text: &str) -> Result<(), ScenarioError> {
        let value = serde_json::from_str(text)
            .unwrap_or_else(|_| serde_json::Value::String(text.to_string()));
        self.set_path(path, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_validates_and_round_trips() {
        let s = Scenario::default();
        s.validate().unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(Scenario::from_json(&json).unwrap(), s);
        assert_eq!(Scenario::from_json("{}").unwrap(), s);
    }

    #[test]
    fn unknown_fields_are_rejected_with_their_name() {
        let err = Scenario::from_json(r#"{"population": {"sise": 10}}"#).unwrap_err();
        assert!(err.to_string().contains("sise"), "{err}");
    }

    #[test]
    fn out_of_range_names_field_and_range() {
        let mut s = Scenario::default();
        s.population.size = 10_000_000;
        let err = s.validate().unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("population.size") && text.contains("1000000"),
            "{text}"
        );
        let mut s = Scenario::default();
        s.attendance.trust = f64::NAN;
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("attendance.trust")
        );
    }

    #[test]
    fn set_path_sets_known_fields_and_names_unknown_ones() {
        let mut s = Scenario::default();
        s.set_path_text("invitation.strategy", "targeted").unwrap();
        s.set_path_text("invitation.supports.childcare", "true")
            .unwrap();
        s.set_path_text("population.size", "1000").unwrap();
        s.set_path_text("population.age_shares.0", "0.2").unwrap();
        assert_eq!(s.invitation.strategy, Strategy::Targeted);
        assert!(s.invitation.supports.childcare);
        assert_eq!(s.population.size, 1000);
        assert!((s.population.age_shares[0] - 0.2).abs() < 1e-12);
        let err = s.set_path_text("invitation.nope", "1").unwrap_err();
        assert_eq!(err, ScenarioError::UnknownPath("invitation.nope".into()));
        let err = s
            .set_path_text("invitation.strategy", "carrier-pigeon")
            .unwrap_err();
        assert!(err.to_string().contains("invitation.strategy"), "{err}");
    }
}
