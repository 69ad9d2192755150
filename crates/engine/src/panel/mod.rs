//! Fair panel selection by stratified sortition (Flanigan, Gölz, Gupta, Hennig & Procaccia,
//! Nature 2021): from a pool of respondents with quota categories, find a probability
//! distribution over quota-satisfying panels and draw one panel from it.
//!
//! Three algorithms ([`Algorithm`]):
//! - **LEGACY**, the selection software's old greedy, with selection probabilities estimated
//!   from seeded Monte-Carlo draws ([`legacy`]);
//! - **maximin**, the distribution that maximises the smallest selection probability;
//! - **LEXIMIN**, which then maximises the second smallest, and so on ([`leximin`]).
//!
//! Maximin and LEXIMIN are solved by column generation over panel *compositions*: respondents
//! with the same features (and no shared household) are interchangeable, the LEXIMIN
//! probabilities are equal within each such *type*, so a panel is a count per type and its members
//! are drawn uniformly within each type. The master LP and the pricing integer program use
//! `microlp` ([`lp`]); every level is certified by a dual bound (`docs/PANEL.md`).
//!
//! ```
//! use dialoglab_engine::panel::{self, Algorithm, Options};
//! let pool = panel::parse(
//!     "category,feature,min,max\ngender,female,1,1\ngender,male,1,1\n",
//!     "gender\nfemale\nmale\nmale\n",
//!     None,
//! )
//! .unwrap();
//! let result = panel::select(&pool, 2, Algorithm::Leximin, &Options::default(), &mut |_| true).unwrap();
//! assert!((result.probabilities[0] - 1.0).abs() < 1e-6);
//! assert!((result.probabilities[1] - 0.5).abs() < 1e-6);
//! assert_eq!(result.panel.len(), 2);
//! ```

mod input;
pub mod legacy;
pub mod leximin;
pub mod lp;
mod synthetic;

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::rng::{Stage, StageRng, below, stream, unit};
pub use input::{Category, Feature, Pool, parse, parse_categories, parse_respondents};
pub use leximin::{Certificate, Level};
use lp::Units;
pub use synthetic::synthetic;

/// What can go wrong when reading a pool or selecting a panel. Serializable, so that the Web
/// Worker can hand it to the page, which words it in the user's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PanelError {
    /// A file is empty (or has only a header).
    Empty {
        /// `categories` or `respondents`.
        file: String,
    },
    /// An input exceeds a limit.
    TooLarge {
        /// What is counted.
        what: String,
        /// The limit.
        limit: u64,
    },
    /// A malformed line.
    Csv {
        /// `categories` or `respondents`.
        file: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A required column is absent.
    MissingColumn {
        /// `categories` or `respondents`.
        file: String,
        /// The column's name.
        column: String,
    },
    /// A respondent's value is not a feature of the category.
    UnknownFeature {
        /// 1-based line in `respondents.csv`.
        line: u64,
        /// The category.
        category: String,
        /// The value found.
        value: String,
    },
    /// A quota's minimum exceeds its maximum.
    MinAboveMax {
        /// The category.
        category: String,
        /// The feature.
        feature: String,
        /// Its minimum.
        min: u32,
        /// Its maximum.
        max: u32,
    },
    /// The panel size is zero or larger than the pool.
    PanelSize {
        /// The panel size asked for.
        panel_size: u32,
        /// The pool's size.
        pool: u32,
    },
    /// Fewer respondents have a feature than its minimum asks for.
    TooFewRespondents {
        /// The category.
        category: String,
        /// The feature.
        feature: String,
        /// Its minimum.
        min: u32,
        /// Respondents with the feature.
        available: u32,
    },
    /// A category's minimums sum to more than the panel size, or its maximums (capped by the
    /// respondents available) to less.
    CategorySum {
        /// The category.
        category: String,
        /// `minimums` or `maximums`.
        bound: String,
        /// The sum.
        sum: u64,
        /// The panel size.
        panel_size: u32,
    },
    /// The quotas cannot be met together; relaxing the named feature's quota would make a panel
    /// possible.
    Infeasible {
        /// The category.
        category: String,
        /// The feature.
        feature: String,
    },
    /// The quotas (and households) cannot be met together, and no single quota is to blame.
    InfeasibleJointly,
    /// LEGACY's greedy failed on every attempt of one draw.
    LegacyFailed {
        /// Attempts made.
        attempts: u32,
    },
    /// The LP solver failed.
    Solver {
        /// The solver's message.
        message: String,
    },
    /// The caller cancelled the computation.
    Cancelled,
}

impl fmt::Display for PanelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty { file } => write!(f, "{file}.csv has no rows"),
            Self::TooLarge { what, limit } => write!(f, "more than {limit} {what}"),
            Self::Csv {
                file,
                line,
                message,
            } => write!(f, "{file}.csv line {line}: {message}"),
            Self::MissingColumn { file, column } => {
                write!(f, "{file}.csv has no column »{column}«")
            }
            Self::UnknownFeature {
                line,
                category,
                value,
            } => write!(
                f,
                "respondents.csv line {line}: »{value}« is not a feature of category »{category}« in categories.csv"
            ),
            Self::MinAboveMax {
                category,
                feature,
                min,
                max,
            } => write!(
                f,
                "category »{category}«, feature »{feature}«: the minimum {min} exceeds the maximum {max}"
            ),
            Self::PanelSize { panel_size, pool } => write!(
                f,
                "the panel size must be between 1 and the pool's {pool} respondents, not {panel_size}"
            ),
            Self::TooFewRespondents {
                category,
                feature,
                min,
                available,
            } => write!(
                f,
                "category »{category}«, feature »{feature}«: the minimum is {min} but only {available} respondents have it"
            ),
            Self::CategorySum {
                category,
                bound,
                sum,
                panel_size,
            } => write!(
                f,
                "category »{category}«: its {bound} add up to {sum}, which no panel of {panel_size} can meet"
            ),
            Self::Infeasible { category, feature } => write!(
                f,
                "no panel meets all quotas together; the quota of category »{category}«, feature »{feature}« is the one to relax"
            ),
            Self::InfeasibleJointly => write!(
                f,
                "no panel meets all quotas (and households) together, though each category can be met on its own"
            ),
            Self::LegacyFailed { attempts } => write!(
                f,
                "the LEGACY greedy found no panel meeting the quotas in {attempts} attempts"
            ),
            Self::Solver { message } => write!(f, "the LP solver failed: {message}"),
            Self::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl std::error::Error for PanelError {}

/// A selection algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// The selection software's old greedy, probabilities by Monte Carlo.
    Legacy,
    /// Maximise the smallest selection probability.
    Maximin,
    /// Maximise the smallest, then the second smallest, … selection probability.
    Leximin,
}

impl Algorithm {
    /// Every algorithm, in a stable order.
    pub const ALL: [Self; 3] = [Self::Legacy, Self::Maximin, Self::Leximin];

    /// The stable key (`legacy`, `maximin`, `leximin`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Legacy => "legacy",
            Self::Maximin => "maximin",
            Self::Leximin => "leximin",
        }
    }
}

impl FromStr for Algorithm {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|a| a.key() == s)
            .ok_or_else(|| format!("unknown algorithm »{s}«; choose legacy, maximin or leximin"))
    }
}

/// Options of [`select`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// Seed of the panel draw (and of LEGACY's Monte-Carlo draws).
    pub seed: u64,
    /// LEGACY: number of Monte-Carlo draws behind the probability estimates (1 to 1,000,000).
    pub draws: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            seed: 1,
            draws: 10_000,
        }
    }
}

/// A group of interchangeable respondents: the same feature in every category and no household
/// shared with another respondent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PanelType {
    /// Its feature in each category, in the order of the categories.
    pub features: Vec<String>,
    /// Its respondents.
    pub size: u32,
}

/// One panel composition of the distribution: how many members of each type sit on the panel
/// (chosen uniformly within the type), and its probability.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeightedPanel {
    /// Probability of this composition.
    pub weight: f64,
    /// Members of each type ([`Selection::types`]).
    pub counts: Vec<u32>,
}

/// The progress of a maximin or LEXIMIN computation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Level being solved (0-based).
    pub level: u32,
    /// Respondents whose probability is fixed by earlier levels.
    pub fixed: u32,
    /// Pool size.
    pub respondents: u32,
    /// Panel compositions generated so far.
    pub panels: u32,
    /// Current gap between the dual bound and the master LP's value (infinite before the first
    /// bound; `null` in JSON then).
    #[serde(
        serialize_with = "finite_or_null",
        deserialize_with = "null_as_infinity"
    )]
    pub gap: f64,
}

/// Writes a finite number, or `null` (JSON has no infinity).
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
fn finite_or_null<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.is_finite() {
        s.serialize_some(x)
    } else {
        s.serialize_none()
    }
}

/// Reads a number, `null` as infinity.
fn null_as_infinity<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
}

/// The result of a selection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// The panel size.
    pub panel_size: u32,
    /// Each respondent's selection probability, in input order.
    pub probabilities: Vec<f64>,
    /// The smallest selection probability.
    pub min: f64,
    /// Gini coefficient of the selection probabilities (0 = all equal).
    pub gini: f64,
    /// Geometric mean of the selection probabilities (0 when one is 0).
    pub geometric_mean: f64,
    /// Respondent types (maximin and LEXIMIN; empty for LEGACY).
    pub types: Vec<PanelType>,
    /// Type of each respondent, in input order (maximin and LEXIMIN).
    pub type_of: Vec<u32>,
    /// The distribution's support (maximin and LEXIMIN; empty for LEGACY).
    pub panels: Vec<WeightedPanel>,
    /// The drawn panel: respondent indices (0-based, input order), ascending.
    pub panel: Vec<u32>,
    /// The dual certificate of each level (maximin and LEXIMIN).
    pub certificate: Option<Certificate>,
    /// LEGACY: the Monte-Carlo draws behind the probabilities.
    pub draws: Option<u32>,
}

/// Checks the panel size and each category's quotas on their own, then that some panel meets all
/// quotas and households together.
///
/// # Errors
/// A [`PanelError`] naming the category and feature at fault.
pub fn check(pool: &Pool, panel_size: u32) -> Result<(), PanelError> {
    if panel_size == 0 || panel_size > pool.len {
        return Err(PanelError::PanelSize {
            panel_size,
            pool: pool.len,
        });
    }
    let counts = pool.counts();
    for (cat, row) in pool.categories.iter().zip(&counts) {
        let mut min_sum = 0u64;
        let mut max_sum = 0u64;
        for (f, &available) in cat.features.iter().zip(row) {
            if f.min > f.max {
                return Err(PanelError::MinAboveMax {
                    category: cat.name.clone(),
                    feature: f.name.clone(),
                    min: f.min,
                    max: f.max,
                });
            }
            if f.min > available {
                return Err(PanelError::TooFewRespondents {
                    category: cat.name.clone(),
                    feature: f.name.clone(),
                    min: f.min,
                    available,
                });
            }
            min_sum += u64::from(f.min);
            max_sum += u64::from(f.max.min(available));
        }
        if min_sum > u64::from(panel_size) {
            return Err(PanelError::CategorySum {
                category: cat.name.clone(),
                bound: "minimums".into(),
                sum: min_sum,
                panel_size,
            });
        }
        if max_sum < u64::from(panel_size) {
            return Err(PanelError::CategorySum {
                category: cat.name.clone(),
                bound: "maximums".into(),
                sum: max_sum,
                panel_size,
            });
        }
    }
    let units = Units::new(pool);
    if lp::best_composition(&units, &pool.categories, panel_size, None)?.is_some() {
        return Ok(());
    }
    // Name the first feature whose quota, relaxed to 0..panel size, makes a panel possible.
    for (c, cat) in pool.categories.iter().enumerate() {
        for (f, feature) in cat.features.iter().enumerate() {
            let mut relaxed = pool.categories.clone();
            relaxed[c].features[f].min = 0;
            relaxed[c].features[f].max = panel_size;
            if lp::best_composition(&units, &relaxed, panel_size, None)?.is_some() {
                return Err(PanelError::Infeasible {
                    category: cat.name.clone(),
                    feature: feature.name.clone(),
                });
            }
        }
    }
    Err(PanelError::InfeasibleJointly)
}

/// Selects a panel of `panel_size` from `pool` with `algorithm`. `progress` is called now and
/// then during maximin and LEXIMIN; returning `false` cancels ([`PanelError::Cancelled`]).
///
/// # Errors
/// Infeasible quotas ([`check`]), a LEGACY failure, a solver failure or cancellation.
pub fn select(
    pool: &Pool,
    panel_size: u32,
    algorithm: Algorithm,
    options: &Options,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Selection, PanelError> {
    check(pool, panel_size)?;
    let mut rng = stream(options.seed, Stage::Selection);
    if algorithm == Algorithm::Legacy {
        let draws = options.draws.clamp(1, 1_000_000);
        let (probabilities, mut panel) = legacy::estimate(pool, panel_size, draws, &mut rng)?;
        panel.sort_unstable();
        return Ok(finish(Selection {
            algorithm,
            panel_size,
            probabilities,
            min: 0.0,
            gini: 0.0,
            geometric_mean: 0.0,
            types: Vec::new(),
            type_of: Vec::new(),
            panels: Vec::new(),
            panel,
            certificate: None,
            draws: Some(draws),
        }));
    }
    let units = Units::new(pool);
    let dist = leximin::solve(
        &units,
        &pool.categories,
        panel_size,
        algorithm == Algorithm::Leximin,
        progress,
    )?;
    let probabilities = (0..pool.len)
        .map(|i| dist.unit_probability[units.unit_of[i as usize] as usize])
        .collect();
    let panel = draw(&units, &dist.panels, &mut rng);
    Ok(finish(Selection {
        algorithm,
        panel_size,
        probabilities,
        min: 0.0,
        gini: 0.0,
        geometric_mean: 0.0,
        types: units
            .features
            .iter()
            .zip(&units.members)
            .map(|(fs, m)| PanelType {
                features: fs
                    .iter()
                    .zip(&pool.categories)
                    .map(|(&f, c)| c.features[usize::from(f)].name.clone())
                    .collect(),
                size: m.len() as u32,
            })
            .collect(),
        type_of: units.unit_of.clone(),
        panels: dist.panels,
        panel,
        certificate: Some(dist.certificate),
        draws: None,
    }))
}

/// Fills in the summary statistics.
fn finish(mut s: Selection) -> Selection {
    s.min = s
        .probabilities
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    s.gini = gini(&s.probabilities);
    s.geometric_mean = geometric_mean(&s.probabilities);
    s
}

/// Gini coefficient of non-negative values (0 for equal values or an empty list).
#[must_use]
pub fn gini(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let total: f64 = v.iter().sum();
    if v.is_empty() || total <= 0.0 {
        return 0.0;
    }
    let weighted: f64 = v
        .iter()
        .enumerate()
        .map(|(i, x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * x)
        .sum();
    weighted / (n * total)
}

/// Geometric mean of non-negative values (0 when one is 0 or the list is empty).
#[must_use]
pub fn geometric_mean(values: &[f64]) -> f64 {
    if values.is_empty() || values.iter().any(|&p| p <= 0.0) {
        return 0.0;
    }
    libm::exp(values.iter().map(|&p| libm::log(p)).sum::<f64>() / values.len() as f64)
}

/// Draws a composition by its weight, then its members uniformly within each type; returns the
/// panel's respondents in ascending order.
fn draw(units: &Units, panels: &[WeightedPanel], rng: &mut StageRng) -> Vec<u32> {
    let total: f64 = panels.iter().map(|p| p.weight).sum();
    let mut x = unit(rng) * total;
    let mut chosen = panels.last();
    for p in panels {
        if x < p.weight {
            chosen = Some(p);
            break;
        }
        x -= p.weight;
    }
    let mut panel = Vec::new();
    if let Some(p) = chosen {
        for (members, &count) in units.members.iter().zip(&p.counts) {
            let mut m = members.clone();
            // Partial Fisher–Yates: the first `count` places get a uniform sample.
            for j in 0..count as usize {
                let r = j + below(rng, (m.len() - j) as u32) as usize;
                m.swap(j, r);
            }
            panel.extend_from_slice(&m[..count as usize]);
        }
    }
    panel.sort_unstable();
    panel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_keys_round_trip() {
        for a in Algorithm::ALL {
            assert_eq!(a.key().parse::<Algorithm>(), Ok(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.key())
            );
        }
        assert!("greedy".parse::<Algorithm>().is_err());
    }

    #[test]
    fn gini_and_geometric_mean() {
        assert!(gini(&[0.1; 5]).abs() < 1e-15);
        assert!((gini(&[0.0, 0.0, 0.0, 1.0]) - 0.75).abs() < 1e-12);
        assert!((geometric_mean(&[0.5, 0.125]) - 0.25).abs() < 1e-15);
        assert!(geometric_mean(&[0.5, 0.0]).abs() < f64::EPSILON);
    }
}
