//! The parameter registry: every model coefficient with its default, plausible range, unit, kind
//! and source, in one table.
//!
//! Each entry names a numeric [`Scenario`] field by its dotted path (settable with
//! [`Scenario::set_path`]); [`Scenario::default`] holds the entry's `default` there. The entry's
//! `min`/`max` are the range [`Scenario::validate`] accepts (what the model can run), `low`/`high`
//! the range a careful reader finds plausible (what calibration and sensitivity analysis explore).
//! docs/MODEL.md's parameter table is [`markdown_table`] (a test fails when they drift).

use serde::Serialize;
use std::fmt::Write as _;

use crate::scenario::Scenario;

/// Where a parameter's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Read off data or a published statistic.
    Measured,
    /// Chosen so that the model reproduces a stated target (see docs/MODEL.md).
    Calibrated,
    /// Set by judgement; the source says why.
    Assumed,
}

impl Kind {
    /// The kebab-case name used in JSON and the docs.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Kind::Measured => "measured",
            Kind::Calibrated => "calibrated",
            Kind::Assumed => "assumed",
        }
    }
}

/// One model coefficient.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Parameter {
    /// Dotted scenario path, settable with `Scenario::set_path(path, json!(v))`.
    pub path: &'static str,
    /// The value the default scenario uses.
    pub default: f64,
    /// Lower end of the plausible range (calibration and sensitivity analysis).
    pub low: f64,
    /// Upper end of the plausible range.
    pub high: f64,
    /// Unit: "logit", "share", "DKK", "hours/week", …
    pub unit: &'static str,
    /// Measured, calibrated or assumed.
    pub kind: Kind,
    /// A citation, a seed slide, a data file, or "assumption: <reason>".
    pub source: &'static str,
    /// One sentence: what the coefficient does in the model.
    pub meaning: &'static str,
    /// Smallest value [`Scenario::validate`] accepts.
    pub min: f64,
    /// Largest value [`Scenario::validate`] accepts.
    pub max: f64,
    /// Reads the value from a scenario.
    #[serde(skip)]
    pub get: fn(&Scenario) -> f64,
}

/// A logit coefficient: accepted from −20 to 20.
const LOGIT: (f64, f64) = (-20.0, 20.0);
/// A share or probability: accepted from 0 to 1.
const SHARE: (f64, f64) = (0.0, 1.0);

macro_rules! param {
    ($path:literal, |$s:ident| $get:expr, $default:expr, [$low:expr, $high:expr], $allowed:expr,
     $unit:literal, $kind:ident, $source:expr, $meaning:expr $(,)?) => {
        Parameter {
            path: $path,
            default: $default,
            low: $low,
            high: $high,
            unit: $unit,
            kind: Kind::$kind,
            source: $source,
            meaning: $meaning,
            min: $allowed.0,
            max: $allowed.1,
            get: |$s: &Scenario| $get,
        }
    };
}

/// The accepted range of one parameter alone: what [`validate`] reads, so that a program that
/// validates scenarios (the app's sandbox bundle) links none of the documentation strings.
struct Limit {
    path: &'static str,
    min: f64,
    max: f64,
    get: fn(&Scenario) -> f64,
}

macro_rules! limit {
    ($path:literal, |$s:ident| $get:expr, $default:expr, [$low:expr, $high:expr], $allowed:expr,
     $unit:literal, $kind:ident, $source:expr, $meaning:expr $(,)?) => {
        Limit {
            path: $path,
            min: $allowed.0,
            max: $allowed.1,
            get: |$s: &Scenario| $get,
        }
    };
}

/// The registry written once and read twice: [`PARAMETERS`] (everything) and [`LIMITS`] (the
/// accepted ranges, in the same order).
macro_rules! tables {
    ($( param!( $($entry:tt)* ) ),* $(,)?) => {
        static PARAMETERS: &[Parameter] = &[ $( param!( $($entry)* ) ),* ];
        static LIMITS: &[Limit] = &[ $( limit!( $($entry)* ) ),* ];
    };
}

const VSB: &str = "Verba, Schlozman & Brady 1995 (civic voluntarism: resources, engagement, \
                   recruitment); strength assumed";

tables! {
    // ---- Population ----
    param!(
        "population.marginalised_share",
        |s| s.population.marginalised_share,
        0.10,
        [0.05, 0.2],
        (0.0, 0.6),
        "share",
        Measured,
        "approximate: Danish municipalities' socially vulnerable and non-Danish-speaking adults (VIVE, Statistics Denmark); scenario input",
        "Share of adults who are socially vulnerable or face a language barrier."
    ),
    param!(
        "population.language_barrier_share",
        |s| s.population.language_barrier_share,
        0.35,
        [0.2, 0.5],
        SHARE,
        "share",
        Assumed,
        "assumption: roughly a third of Faxe's marginalised are immigrants with limited Danish (Statistics Denmark, rough)",
        "Share of the marginalised whose barrier is language."
    ),
    param!(
        "population.association_share",
        |s| s.population.association_share,
        0.55,
        [0.45, 0.65],
        SHARE,
        "share",
        Measured,
        "Foreningsundersøgelsen 2016 (approximate)",
        "Share of adults who are members of at least one association."
    ),
    param!(
        "population.relative_income.0",
        |s| s.population.relative_income[0],
        0.55,
        [0.45, 0.65],
        (0.05, 10.0),
        "× middle tercile",
        Measured,
        "Statistics Denmark, disposable income by decile (INDKP; approximate)",
        "What money is worth to the lowest income tercile, relative to the middle: scales the effect of payment."
    ),
    param!(
        "population.relative_income.1",
        |s| s.population.relative_income[1],
        1.0,
        [0.9, 1.1],
        (0.05, 10.0),
        "× middle tercile",
        Measured,
        "the reference (1 by definition)",
        "Relative income of the middle tercile."
    ),
    param!(
        "population.relative_income.2",
        |s| s.population.relative_income[2],
        1.6,
        [1.4, 2.0],
        (0.05, 10.0),
        "× middle tercile",
        Measured,
        "Statistics Denmark, disposable income by decile (INDKP; approximate)",
        "Relative income of the highest tercile."
    ),
    param!(
        "population.traits.free_time_employed",
        |s| s.population.traits.free_time_employed,
        22.0,
        [18.0, 26.0],
        (0.0, 168.0),
        "hours/week",
        Assumed,
        "assumption: weekly hours left after work and chores (Danish time-use surveys, rough)",
        "Mean free hours per week of the employed."
    ),
    param!(
        "population.traits.free_time_student",
        |s| s.population.traits.free_time_student,
        26.0,
        [20.0, 32.0],
        (0.0, 168.0),
        "hours/week",
        Assumed,
        "assumption: as for the employed, with lighter schedules",
        "Mean free hours per week of students."
    ),
    param!(
        "population.traits.free_time_retired",
        |s| s.population.traits.free_time_retired,
        44.0,
        [36.0, 50.0],
        (0.0, 168.0),
        "hours/week",
        Assumed,
        "assumption: retirees have the most free time (Danish time-use surveys, rough)",
        "Mean free hours per week of retirees."
    ),
    param!(
        "population.traits.free_time_outside",
        |s| s.population.traits.free_time_outside,
        34.0,
        [26.0, 40.0],
        (0.0, 168.0),
        "hours/week",
        Assumed,
        "assumption: outside the labour force but often ill or caring",
        "Mean free hours per week of those outside the labour force."
    ),
    param!(
        "population.traits.free_time_children",
        |s| s.population.traits.free_time_children,
        12.0,
        [6.0, 18.0],
        (0.0, 168.0),
        "hours/week",
        Assumed,
        "assumption: school-age children take about two hours a day",
        "Free hours per week that school-age children at home take."
    ),
    param!(
        "population.traits.free_time_noise",
        |s| s.population.traits.free_time_noise,
        5.0,
        [2.0, 8.0],
        (0.0, 168.0),
        "hours/week",
        Assumed,
        "assumption: individual variation",
        "Standard deviation of free time around its mean."
    ),
    param!(
        "population.traits.skill_education",
        |s| s.population.traits.skill_education,
        0.6,
        [0.3, 0.9],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Civic skill's log-odds per education level."
    ),
    param!(
        "population.traits.skill_member",
        |s| s.population.traits.skill_member,
        0.5,
        [0.2, 0.8],
        LOGIT,
        "logit",
        Assumed,
        "Verba, Schlozman & Brady 1995 (skills are learnt in associations); size assumed",
        "Civic skill's log-odds for association members."
    ),
    param!(
        "population.traits.skill_marginalised",
        |s| s.population.traits.skill_marginalised,
        -0.9,
        [-1.4, -0.4],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Civic skill's log-odds for the marginalised."
    ),
    param!(
        "population.traits.interest_intercept",
        |s| s.population.traits.interest_intercept,
        -0.2,
        [-0.6, 0.2],
        LOGIT,
        "logit",
        Assumed,
        "assumption: a little below one half on average",
        "Political interest's log-odds at the reference."
    ),
    param!(
        "population.traits.interest_education",
        |s| s.population.traits.interest_education,
        0.35,
        [0.1, 0.6],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Political interest's log-odds per education level."
    ),
    param!(
        "population.traits.interest_old",
        |s| s.population.traits.interest_old,
        0.6,
        [0.2, 1.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: local political interest rises with age (Danish municipal election studies, direction only)",
        "Political interest's log-odds for the 67+."
    ),
    param!(
        "population.traits.interest_young",
        |s| s.population.traits.interest_young,
        -0.5,
        [-0.9, -0.1],
        LOGIT,
        "logit",
        Assumed,
        "assumption: local political interest is lowest among the young (direction only)",
        "Political interest's log-odds for the 18–29."
    ),
    param!(
        "population.traits.interest_marginalised",
        |s| s.population.traits.interest_marginalised,
        -0.6,
        [-1.0, -0.2],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Political interest's log-odds for the marginalised."
    ),
    param!(
        "population.traits.interest_member",
        |s| s.population.traits.interest_member,
        0.3,
        [0.0, 0.6],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Political interest's log-odds for association members."
    ),
    param!(
        "population.traits.efficacy_education",
        |s| s.population.traits.efficacy_education,
        0.4,
        [0.1, 0.7],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Efficacy's log-odds per education level."
    ),
    param!(
        "population.traits.efficacy_marginalised",
        |s| s.population.traits.efficacy_marginalised,
        -0.8,
        [-1.2, -0.4],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Efficacy's log-odds for the marginalised."
    ),
    param!(
        "population.traits.efficacy_member",
        |s| s.population.traits.efficacy_member,
        0.2,
        [0.0, 0.5],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Efficacy's log-odds for association members."
    ),
    param!(
        "population.traits.trust_intercept",
        |s| s.population.traits.trust_intercept,
        0.3,
        [0.0, 0.6],
        LOGIT,
        "logit",
        Assumed,
        "assumption: Danes trust their municipality more than not",
        "Trust's log-odds at the reference."
    ),
    param!(
        "population.traits.trust_marginalised",
        |s| s.population.traits.trust_marginalised,
        -0.9,
        [-1.3, -0.5],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Trust's log-odds for the marginalised."
    ),
    param!(
        "population.traits.trust_education",
        |s| s.population.traits.trust_education,
        0.15,
        [0.0, 0.3],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Trust's log-odds per education level."
    ),
    param!(
        "population.traits.assertiveness_men",
        |s| s.population.traits.assertiveness_men,
        0.3,
        [0.0, 0.6],
        LOGIT,
        "logit",
        Assumed,
        "Karpowitz, Mendelberg & Shaker 2012 (men speak more in deliberation); size assumed",
        "Assertiveness's log-odds, men against women, as (gender − ½) times this."
    ),
    param!(
        "population.traits.assertiveness_education",
        |s| s.population.traits.assertiveness_education,
        0.3,
        [0.1, 0.5],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Assertiveness's log-odds per education level."
    ),
    param!(
        "population.traits.assertiveness_marginalised",
        |s| s.population.traits.assertiveness_marginalised,
        -0.4,
        [-0.8, 0.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Assertiveness's log-odds for the marginalised."
    ),
    param!(
        "population.traits.media_intercept",
        |s| s.population.traits.media_intercept,
        -0.5,
        [-0.9, -0.1],
        LOGIT,
        "logit",
        Assumed,
        "assumption: local media reach a minority of the young",
        "Local media use's log-odds for the 18–29."
    ),
    param!(
        "population.traits.media_age",
        |s| s.population.traits.media_age,
        0.9,
        [0.5, 1.3],
        LOGIT,
        "logit per 1.5 age bands",
        Assumed,
        "assumption: local papers are read by the old (direction only)",
        "Local media use's log-odds gain per 1.5 age bands."
    ),
    param!(
        "population.traits.media_marginalised",
        |s| s.population.traits.media_marginalised,
        -0.4,
        [-0.8, 0.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Local media use's log-odds for the marginalised."
    ),
    param!(
        "population.traits.media_education",
        |s| s.population.traits.media_education,
        0.2,
        [0.0, 0.4],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Local media use's log-odds per education level."
    ),
    param!(
        "population.traits.past_intercept",
        |s| s.population.traits.past_intercept,
        -2.6,
        [-3.2, -2.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: a minority took part in a citizen meeting before",
        "Log-odds of having taken part before, at the reference."
    ),
    param!(
        "population.traits.past_interest",
        |s| s.population.traits.past_interest,
        1.2,
        [0.6, 1.8],
        LOGIT,
        "logit per ½ interest",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Log-odds of having taken part before per half unit of interest above ½."
    ),
    param!(
        "population.traits.past_member",
        |s| s.population.traits.past_member,
        0.8,
        [0.4, 1.2],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Log-odds of having taken part before for association members."
    ),
    param!(
        "population.traits.past_old",
        |s| s.population.traits.past_old,
        0.6,
        [0.2, 1.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: the old have had more occasions (seed deck: Tordenskjold's soldiers)",
        "Log-odds of having taken part before for the 67+."
    ),
    param!(
        "population.traits.past_marginalised",
        |s| s.population.traits.past_marginalised,
        -0.8,
        [-1.2, -0.4],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995), size set by judgement",
        "Log-odds of having taken part before for the marginalised."
    ),
    param!(
        "population.traits.skill_noise",
        |s| s.population.traits.skill_noise,
        0.5,
        [0.3, 0.7],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on civic skill's log-odds."
    ),
    param!(
        "population.traits.interest_noise",
        |s| s.population.traits.interest_noise,
        0.6,
        [0.4, 0.8],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on political interest's log-odds."
    ),
    param!(
        "population.traits.efficacy_noise",
        |s| s.population.traits.efficacy_noise,
        0.6,
        [0.4, 0.8],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on efficacy's log-odds."
    ),
    param!(
        "population.traits.trust_noise",
        |s| s.population.traits.trust_noise,
        0.6,
        [0.4, 0.8],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on trust's log-odds."
    ),
    param!(
        "population.traits.assertiveness_noise",
        |s| s.population.traits.assertiveness_noise,
        0.7,
        [0.5, 0.9],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on assertiveness's log-odds."
    ),
    param!(
        "population.traits.media_noise",
        |s| s.population.traits.media_noise,
        0.5,
        [0.3, 0.7],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on local media use's log-odds."
    ),
    param!(
        "population.traits.marginalised_basic_outside",
        |s| s.population.traits.marginalised_basic_outside,
        4.0,
        [3.0, 5.0],
        (0.0, 20.0),
        "× chance",
        Assumed,
        "assumption: social vulnerability concentrates among those with basic education and outside the labour force (direction: VIVE studies of socially vulnerable adults); sizes set by judgement",
        "How much more likely marginalisation is with basic education and outside the labour force."
    ),
    param!(
        "population.traits.marginalised_basic_or_outside",
        |s| s.population.traits.marginalised_basic_or_outside,
        2.0,
        [1.5, 2.5],
        (0.0, 20.0),
        "× chance",
        Assumed,
        "assumption: social vulnerability concentrates among those with basic education and outside the labour force (direction: VIVE studies of socially vulnerable adults); sizes set by judgement",
        "How much more likely marginalisation is with basic education or outside the labour force (not both)."
    ),
    param!(
        "population.traits.marginalised_higher",
        |s| s.population.traits.marginalised_higher,
        0.4,
        [0.2, 0.6],
        (0.0, 20.0),
        "× chance",
        Assumed,
        "assumption: social vulnerability concentrates among those with basic education and outside the labour force (direction: VIVE studies of socially vulnerable adults); sizes set by judgement",
        "How likely marginalisation is with higher education, in the labour force."
    ),
    param!(
        "population.traits.marginalised_other",
        |s| s.population.traits.marginalised_other,
        0.8,
        [0.6, 1.0],
        (0.0, 20.0),
        "× chance",
        Assumed,
        "assumption: social vulnerability concentrates among those with basic education and outside the labour force (direction: VIVE studies of socially vulnerable adults); sizes set by judgement",
        "How likely marginalisation is with vocational education, in the labour force."
    ),
    param!(
        "population.traits.member_education",
        |s| s.population.traits.member_education,
        0.35,
        [0.15, 0.55],
        LOGIT,
        "logit per level",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995: membership follows education and age, and exclusion lowers it); size set by judgement",
        "Association membership's log-odds per education level."
    ),
    param!(
        "population.traits.member_marginalised",
        |s| s.population.traits.member_marginalised,
        -0.9,
        [-1.4, -0.4],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995: membership follows education and age, and exclusion lowers it); size set by judgement",
        "Association membership's log-odds for the marginalised."
    ),
    param!(
        "population.traits.member_not_marginalised",
        |s| s.population.traits.member_not_marginalised,
        0.1,
        [0.0, 0.2],
        LOGIT,
        "logit",
        Assumed,
        "assumption: offsets the marginalised's lower membership so that the share of members stays near population.association_share",
        "Association membership's log-odds for those not marginalised."
    ),
    param!(
        "population.traits.member_old",
        |s| s.population.traits.member_old,
        0.2,
        [0.0, 0.4],
        LOGIT,
        "logit",
        Assumed,
        "assumption: direction from the participation literature (Verba, Schlozman & Brady 1995: membership follows education and age, and exclusion lowers it); size set by judgement",
        "Association membership's log-odds for the 67+."
    ),
    param!(
        "population.traits.income_education",
        |s| s.population.traits.income_education,
        0.7,
        [0.5, 0.9],
        (-10.0, 10.0),
        "score per level",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Latent income score per education level."
    ),
    param!(
        "population.traits.income_employed",
        |s| s.population.traits.income_employed,
        1.0,
        [0.8, 1.2],
        (-10.0, 10.0),
        "score",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Latent income score of the employed."
    ),
    param!(
        "population.traits.income_retired",
        |s| s.population.traits.income_retired,
        0.1,
        [-0.1, 0.3],
        (-10.0, 10.0),
        "score",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Latent income score of retirees (pensions)."
    ),
    param!(
        "population.traits.income_other",
        |s| s.population.traits.income_other,
        -0.6,
        [-0.8, -0.4],
        (-10.0, 10.0),
        "score",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Latent income score of students and those outside the labour force."
    ),
    param!(
        "population.traits.income_late_career",
        |s| s.population.traits.income_late_career,
        0.3,
        [0.1, 0.5],
        (-10.0, 10.0),
        "score",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Latent income score for the 50–66 (late career)."
    ),
    param!(
        "population.traits.income_marginalised",
        |s| s.population.traits.income_marginalised,
        -0.8,
        [-1.1, -0.5],
        (-10.0, 10.0),
        "score",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Latent income score for the marginalised."
    ),
    param!(
        "population.traits.income_noise",
        |s| s.population.traits.income_noise,
        0.6,
        [0.4, 0.8],
        (0.0, 10.0),
        "score sd",
        Assumed,
        "assumption: the latent income score follows education and employment (Statistics Denmark, rough); only its ordering matters, since it is cut into terciles",
        "Standard deviation of the noise on the latent income score."
    ),
    param!(
        "population.traits.pref_green_education",
        |s| s.population.traits.pref_green_education,
        0.6,
        [0.3, 0.9],
        (0.0, 50.0),
        "weight per level",
        Assumed,
        "assumption: green areas are a favourite of the better educated (a pattern in PB votes); size set by judgement",
        "Weight of green areas among the favourites, per education level above basic."
    ),
    param!(
        "population.traits.pref_children_parents",
        |s| s.population.traits.pref_children_parents,
        5.0,
        [3.0, 7.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: what a group needs from a participatory budget (seed deck: parents ask for schools and playgrounds, retirees for the elderly); size set by judgement",
        "Weight of children and schools for parents of school-age children."
    ),
    param!(
        "population.traits.pref_children_young",
        |s| s.population.traits.pref_children_young,
        0.5,
        [0.0, 1.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: what a group needs from a participatory budget (seed deck: parents ask for schools and playgrounds, retirees for the elderly); size set by judgement",
        "Weight of children and schools for the 18–29."
    ),
    param!(
        "population.traits.pref_elderly_old",
        |s| s.population.traits.pref_elderly_old,
        5.0,
        [3.0, 7.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: what a group needs from a participatory budget (seed deck: parents ask for schools and playgrounds, retirees for the elderly); size set by judgement",
        "Weight of the elderly for the 67+."
    ),
    param!(
        "population.traits.pref_culture_young",
        |s| s.population.traits.pref_culture_young,
        2.5,
        [1.5, 3.5],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: what a group needs from a participatory budget (seed deck: parents ask for schools and playgrounds, retirees for the elderly); size set by judgement",
        "Weight of culture and sports for the 18–29."
    ),
    param!(
        "population.traits.pref_social_marginalised",
        |s| s.population.traits.pref_social_marginalised,
        5.0,
        [3.0, 7.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: what a group needs from a participatory budget (seed deck: parents ask for schools and playgrounds, retirees for the elderly); size set by judgement",
        "Weight of social inclusion for the marginalised."
    ),
    param!(
        "population.traits.pref_roads_employed",
        |s| s.population.traits.pref_roads_employed,
        1.0,
        [0.5, 1.5],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: what a group needs from a participatory budget (seed deck: parents ask for schools and playgrounds, retirees for the elderly); size set by judgement",
        "Weight of roads and infrastructure for the employed (commuters)."
    ),
    param!(
        "population.traits.pref_green_nature_members",
        |s| s.population.traits.pref_green_nature_members,
        3.0,
        [2.0, 4.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: an association's members favour its own field; size set by judgement",
        "Weight of green areas for members of a nature association."
    ),
    param!(
        "population.traits.pref_culture_sports_members",
        |s| s.population.traits.pref_culture_sports_members,
        3.0,
        [2.0, 4.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: an association's members favour its own field; size set by judgement",
        "Weight of culture and sports for members of a sports association."
    ),
    param!(
        "population.traits.pref_roads_residents_members",
        |s| s.population.traits.pref_roads_residents_members,
        2.0,
        [1.0, 3.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: an association's members favour its own field; size set by judgement",
        "Weight of roads and infrastructure for members of a residents' association."
    ),
    param!(
        "population.traits.pref_elderly_social_members",
        |s| s.population.traits.pref_elderly_social_members,
        0.5,
        [0.0, 1.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: an association's members favour its own field; size set by judgement",
        "Weight of the elderly for members of a social association."
    ),
    param!(
        "population.traits.pref_social_social_members",
        |s| s.population.traits.pref_social_social_members,
        2.0,
        [1.0, 3.0],
        (0.0, 50.0),
        "weight",
        Assumed,
        "assumption: an association's members favour its own field; size set by judgement",
        "Weight of social inclusion for members of a social association."
    ),
    param!(
        "population.traits.pref_favourite",
        |s| s.population.traits.pref_favourite,
        0.85,
        [0.8, 0.85],
        SHARE,
        "preference",
        Assumed,
        "assumption: every group is equally single-minded (docs/MODEL.md §1); groups differ in what they want, not in how much",
        "Lowest preference for a citizen's favourite category."
    ),
    param!(
        "population.traits.pref_favourite_spread",
        |s| s.population.traits.pref_favourite_spread,
        0.15,
        [0.1, 0.15],
        SHARE,
        "preference",
        Assumed,
        "assumption: every group is equally single-minded (docs/MODEL.md §1); groups differ in what they want, not in how much",
        "Spread of the preference for the favourite category above its lowest."
    ),
    param!(
        "population.traits.pref_second",
        |s| s.population.traits.pref_second,
        0.45,
        [0.35, 0.55],
        SHARE,
        "preference",
        Assumed,
        "assumption: every group is equally single-minded (docs/MODEL.md §1); groups differ in what they want, not in how much",
        "Lowest preference for a citizen's second category."
    ),
    param!(
        "population.traits.pref_second_spread",
        |s| s.population.traits.pref_second_spread,
        0.15,
        [0.1, 0.2],
        SHARE,
        "preference",
        Assumed,
        "assumption: every group is equally single-minded (docs/MODEL.md §1); groups differ in what they want, not in how much",
        "Spread of the preference for the second category above its lowest."
    ),
    param!(
        "population.traits.pref_other",
        |s| s.population.traits.pref_other,
        0.1,
        [0.05, 0.15],
        SHARE,
        "preference",
        Assumed,
        "assumption: every group is equally single-minded (docs/MODEL.md §1); groups differ in what they want, not in how much",
        "Lowest preference for the other categories."
    ),
    param!(
        "population.traits.pref_other_spread",
        |s| s.population.traits.pref_other_spread,
        0.2,
        [0.1, 0.2],
        SHARE,
        "preference",
        Assumed,
        "assumption: every group is equally single-minded (docs/MODEL.md §1); groups differ in what they want, not in how much",
        "Spread of the preference for the other categories above their lowest."
    ),
    param!(
        "population.digital_intercept",
        |s| s.population.digital_intercept,
        0.8,
        [0.3, 1.5],
        LOGIT,
        "logit",
        Calibrated,
        "calibrated: about three in four Danish adults have at least basic digital skills (Eurostat isoc_sk_dskl_i21, approximate)",
        "Log-odds of digital skill at the centre of the age bands with vocational education."
    ),
    param!(
        "population.digital_age",
        |s| s.population.digital_age,
        -0.8,
        [-1.3, -0.4],
        LOGIT,
        "logit per age band",
        Calibrated,
        "calibrated: digital skills fall steeply after 65 (Eurostat isoc_sk_dskl_i21; Polish PB data: few 67+ vote online)",
        "Change in digital skill's log-odds per older age band."
    ),
    param!(
        "population.digital_education",
        |s| s.population.digital_education,
        0.7,
        [0.3, 1.1],
        LOGIT,
        "logit per level",
        Assumed,
        "van Deursen & van Dijk 2014 (skills follow education); strength assumed",
        "Change in digital skill's log-odds per education level."
    ),
    param!(
        "population.digital_noise",
        |s| s.population.digital_noise,
        0.6,
        [0.4, 0.8],
        (0.0, 5.0),
        "logit sd",
        Assumed,
        "assumption: individual variation that age, education, membership and marginalisation do not explain; set so that groups overlap widely",
        "Standard deviation of the noise on digital skill's log-odds."
    ),
    // ---- Awareness of an open call ----
    param!(
        "attendance.awareness_intercept",
        |s| s.attendance.awareness_intercept,
        -0.9,
        [-2.0, 0.0],
        LOGIT,
        "logit",
        Calibrated,
        "calibrated: 15–60% of adults hear of an open call (assumption; no Danish survey found)",
        "Baseline log-odds of hearing of an open call."
    ),
    param!(
        "attendance.awareness_media",
        |s| s.attendance.awareness_media,
        2.0,
        [1.0, 3.0],
        LOGIT,
        "logit per unit",
        Assumed,
        "assumption: calls travel through local media",
        "Raises awareness with local media use (centred at ½)."
    ),
    param!(
        "attendance.awareness_member",
        |s| s.attendance.awareness_member,
        0.7,
        [0.2, 1.2],
        LOGIT,
        "logit",
        Assumed,
        VSB,
        "Raises awareness for association members: the call spreads through networks."
    ),
    param!(
        "attendance.awareness_interest",
        |s| s.attendance.awareness_interest,
        1.2,
        [0.5, 2.0],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises awareness with political interest (centred at ½)."
    ),
    // ---- Attendance ----
    param!(
        "attendance.intercept",
        |s| s.attendance.intercept,
        -4.6,
        [-5.5, -3.5],
        LOGIT,
        "logit",
        Calibrated,
        "calibrated: 1–2% of Faxe's adults attend an open-call meeting (seed deck, Faxe dialogue meetings)",
        "Baseline log-odds of attending when invited."
    ),
    param!(
        "attendance.free_time",
        |s| s.attendance.free_time,
        1.8,
        [0.8, 2.8],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises attendance with free time (hours per week ÷ 40, centred at ½): the time resource."
    ),
    param!(
        "attendance.civic_skill",
        |s| s.attendance.civic_skill,
        1.4,
        [0.6, 2.2],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises attendance with civic skill (centred at ½)."
    ),
    param!(
        "attendance.interest",
        |s| s.attendance.interest,
        1.8,
        [1.0, 2.6],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises attendance with political interest (centred at ½)."
    ),
    param!(
        "attendance.efficacy",
        |s| s.attendance.efficacy,
        0.8,
        [0.3, 1.3],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises attendance with efficacy, the belief that taking part makes a difference."
    ),
    param!(
        "attendance.trust",
        |s| s.attendance.trust,
        0.7,
        [0.2, 1.2],
        LOGIT,
        "logit per unit",
        Assumed,
        "assumption: trust in the municipality makes a municipal invitation credible",
        "Raises attendance with trust in the municipality (centred at ½)."
    ),
    param!(
        "attendance.habit",
        |s| s.attendance.habit,
        2.4,
        [1.2, 3.2],
        LOGIT,
        "logit per unit",
        Assumed,
        "Gerber, Green & Shachar 2003; Fujiwara, Meng & Vogl 2016 (participation is habit-forming); strength assumed",
        "Raises attendance for those who took part before (habit 0.5) or last year (1)."
    ),
    param!(
        "attendance.stakes",
        |s| s.attendance.stakes,
        0.25,
        [0.1, 0.5],
        LOGIT,
        "logit per unit",
        Assumed,
        "assumption: more money at stake draws more people (DESIGN fact 3)",
        "Raises attendance with the stakes: what the budget can buy that the citizen needs (need.*)."
    ),
    param!(
        "attendance.intensity",
        |s| s.attendance.intensity,
        1.3,
        [0.7, 1.9],
        LOGIT,
        "logit per ln(1 + intensity)",
        Assumed,
        "Gerber & Green 2000 (personal contact mobilises more than mail); strength assumed",
        "Raises attendance with how intensely a citizen was asked."
    ),
    param!(
        "attendance.intensity_letter",
        |s| s.attendance.intensity_letter,
        1.0,
        [0.5, 1.5],
        (0.0, 10.0),
        "intensity",
        Calibrated,
        "calibrated: 5–10% of sortition letters are answered yes (DESIGN §6: UK Climate Assembly ~6%)",
        "Intensity of a personal letter."
    ),
    param!(
        "attendance.intensity_contact",
        |s| s.attendance.intensity_contact,
        1.5,
        [0.8, 2.5],
        (0.0, 10.0),
        "intensity",
        Assumed,
        "Gerber & Green 2000 (face-to-face contact beats mail); strength assumed",
        "Intensity of one personal outreach contact; contacts add up."
    ),
    param!(
        "attendance.intensity_association",
        |s| s.attendance.intensity_association,
        0.8,
        [0.4, 1.2],
        (0.0, 10.0),
        "intensity",
        Assumed,
        VSB,
        "Intensity of a call from one's own association (recruitment through networks)."
    ),
    param!(
        "attendance.intensity_recontact",
        |s| s.attendance.intensity_recontact,
        1.0,
        [0.5, 1.5],
        (0.0, 10.0),
        "intensity",
        Assumed,
        "assumption: a personal re-invitation is like a letter",
        "Intensity of the re-invitation of last year's attendees."
    ),
    param!(
        "attendance.daytime_penalty",
        |s| s.attendance.daytime_penalty,
        1.0,
        [0.5, 2.0],
        LOGIT,
        "logit",
        Assumed,
        "seed deck (Faxe: daytime dialogue meetings draw retirees); strength assumed",
        "Lowers attendance of the employed and students when meetings are in working hours."
    ),
    param!(
        "attendance.childcare",
        |s| s.attendance.childcare,
        0.9,
        [0.4, 1.4],
        LOGIT,
        "logit",
        Assumed,
        "assumption: childcare removes part of parents' time barrier",
        "Raises parents' attendance when childcare is offered."
    ),
    param!(
        "attendance.language_penalty",
        |s| s.attendance.language_penalty,
        1.2,
        [0.6, 2.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: a meeting in a language one does not master",
        "Lowers attendance of citizens with a language barrier unless there is interpretation."
    ),
    param!(
        "attendance.payment",
        |s| s.attendance.payment,
        0.6,
        [0.2, 1.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: a gift card matters more the less money one has",
        "With payment, raises attendance of the lowest income tercile; others by relative_income[0] ÷ their own."
    ),
    param!(
        "attendance.online",
        |s| s.attendance.online,
        1.2,
        [0.5, 2.0],
        LOGIT,
        "logit per unit time pressure",
        Assumed,
        "assumption: taking part from home saves the time of getting there, which matters to those short of time",
        "With an online option, raises attendance in proportion to time pressure (1 − free hours ÷ 40)."
    ),
    param!(
        "attendance.digital_barrier",
        |s| s.attendance.digital_barrier,
        1.5,
        [0.5, 2.5],
        LOGIT,
        "logit per unit missing skill",
        Assumed,
        "van Deursen & van Dijk 2014 (digital divide by skill); strength assumed",
        "With an online option, offsets its gain by missing digital skill; nobody is worse off than without it."
    ),
    // ---- Meeting ----
    param!(
        "meeting.persuasion",
        |s| s.meeting.persuasion,
        0.06,
        [0.02, 0.12],
        SHARE,
        "share per turn",
        Assumed,
        "assumption: a few percent of the distance per turn (opinion dynamics, Deffuant et al. 2000)",
        "With meeting.update = averaging: share of the distance to a speaker's preferences a listener moves per full-weight turn."
    ),
    param!(
        "meeting.confidence_bound",
        |s| s.meeting.confidence_bound,
        1.0,
        [0.3, 1.0],
        SHARE,
        "mean absolute difference",
        Assumed,
        "Deffuant et al. 2000 (bounded confidence); value assumed: 1 = no bound",
        "With meeting.update = bounded-confidence or averaging: listeners ignore speakers farther than this."
    ),
    param!(
        "meeting.status_weight",
        |s| s.meeting.status_weight,
        2.5,
        [1.0, 4.0],
        (0.0, 10.0),
        "log weight per unit status",
        Calibrated,
        "calibrated: the top tenth of attendees take about a quarter of the speaking time (Einstein, Glick & Palmer 2019; Karpowitz, Mendelberg & Shaker 2012)",
        "How strongly speaking turns follow status in realistic meetings."
    ),
    param!(
        "meeting.status_persuasion",
        |s| s.meeting.status_persuasion,
        0.7,
        [0.3, 0.9],
        SHARE,
        "share",
        Assumed,
        "assumption: in unfacilitated meetings status persuades more than argument",
        "Part of persuasion (taking up an argument) that follows the speaker's status rather than argument strength in realistic meetings."
    ),
    param!(
        "meeting.status_skill",
        |s| s.meeting.status_skill,
        0.35,
        [0.2, 0.5],
        SHARE,
        "weight",
        Assumed,
        "assumption: status in a meeting rests on skill, assertiveness and organisational backing (Einstein, Glick & Palmer 2019; Karpowitz, Mendelberg & Shaker 2012); weights set by judgement",
        "Weight of civic skill in a citizen's status at the meeting."
    ),
    param!(
        "meeting.status_assertiveness",
        |s| s.meeting.status_assertiveness,
        0.35,
        [0.2, 0.5],
        SHARE,
        "weight",
        Assumed,
        "assumption: status in a meeting rests on skill, assertiveness and organisational backing (Einstein, Glick & Palmer 2019; Karpowitz, Mendelberg & Shaker 2012); weights set by judgement",
        "Weight of assertiveness in a citizen's status at the meeting."
    ),
    param!(
        "meeting.status_backing",
        |s| s.meeting.status_backing,
        0.3,
        [0.15, 0.45],
        SHARE,
        "weight",
        Assumed,
        "assumption: status in a meeting rests on skill, assertiveness and organisational backing (Einstein, Glick & Palmer 2019; Karpowitz, Mendelberg & Shaker 2012); weights set by judgement",
        "Weight of organisational backing (association membership) in a citizen's status at the meeting."
    ),
    param!(
        "meeting.turn_skill",
        |s| s.meeting.turn_skill,
        0.5,
        [0.25, 0.75],
        (0.0, 2.0),
        "turn length per unit",
        Assumed,
        "assumption: the skilled and the assertive hold the floor longer when nobody evens it out (Karpowitz, Mendelberg & Shaker 2012); size set by judgement",
        "How much longer a turn lasts per unit of civic skill when nobody evens it out."
    ),
    param!(
        "meeting.turn_assertiveness",
        |s| s.meeting.turn_assertiveness,
        0.5,
        [0.25, 0.75],
        (0.0, 2.0),
        "turn length per unit",
        Assumed,
        "assumption: the skilled and the assertive hold the floor longer when nobody evens it out (Karpowitz, Mendelberg & Shaker 2012); size set by judgement",
        "How much longer a turn lasts per unit of assertiveness when nobody evens it out."
    ),
    param!(
        "meeting.facilitation",
        |s| s.meeting.facilitation,
        0.8,
        [0.5, 1.0],
        SHARE,
        "share",
        Assumed,
        "assumption: a facilitator evens out turn lengths, not perfectly",
        "In ideal meetings, how far turn lengths are evened out (1 = all equal)."
    ),
    param!(
        "meeting.language_voice",
        |s| s.meeting.language_voice,
        0.33,
        [0.2, 0.6],
        SHARE,
        "weight multiplier",
        Assumed,
        "assumption: without interpretation one speaks far less",
        "Speaking weight of a citizen with a language barrier without interpretation."
    ),
    // ---- Arguments (issue 17) ----
    param!(
        "arguments.know_base",
        |s| s.arguments.know_base,
        0.2,
        [0.1, 0.35],
        SHARE,
        "probability",
        Assumed,
        "assumption: most citizens know a few of the common arguments on a local issue; Delli Carpini & Keeter 1996 (political knowledge is low and uneven)",
        "Probability of knowing an argument with no education, experience or membership."
    ),
    param!(
        "arguments.know_education",
        |s| s.arguments.know_education,
        0.25,
        [0.1, 0.4],
        SHARE,
        "probability for higher education (half for vocational)",
        Assumed,
        "assumption: education is the strongest correlate of political knowledge (Delli Carpini & Keeter 1996); size assumed",
        "Added to the probability of knowing an argument for higher education (half for vocational)."
    ),
    param!(
        "arguments.know_experience",
        |s| s.arguments.know_experience,
        0.45,
        [0.2, 0.6],
        SHARE,
        "probability",
        Assumed,
        "assumption: those who live with a problem know why it matters (parents, the 67+, the marginalised: experiential knowledge, Fung 2006); size assumed",
        "Added to the probability of knowing the pro arguments of a category one has experience of."
    ),
    param!(
        "arguments.know_association",
        |s| s.arguments.know_association,
        0.15,
        [0.05, 0.3],
        SHARE,
        "probability",
        Assumed,
        "assumption: associations inform their members (Verba, Schlozman & Brady 1995, civic skills and information); size assumed",
        "Added to the probability of knowing an argument for association members."
    ),
    param!(
        "arguments.impact",
        |s| s.arguments.impact,
        0.25,
        [0.1, 0.4],
        SHARE,
        "preference per unit strength",
        Assumed,
        "assumption: learning every argument of a category moves its weight by up to a third of the scale (argument exchange, Mäs & Flache 2013)",
        "How far one argument of strength 1 moves the preference for its category."
    ),
    // ---- Municipality ----
    param!(
        "municipality.co_design_trust",
        |s| s.municipality.co_design_trust,
        0.15,
        [0.0, 0.3],
        SHARE,
        "share of gap",
        Assumed,
        "assumption: taking part in a process one helped shape builds trust (Fung 2006, strength assumed)",
        "Trust gain of the year's attendees under co-designed rules."
    ),
    param!(
        "municipality.ownership",
        |s| s.municipality.ownership,
        0.1,
        [0.0, 0.25],
        SHARE,
        "share of gap",
        Assumed,
        "assumption: ownership of one's own proposal (seed deck, Faxe dialogue project)",
        "Efficacy gain of attendees under citizens' initiative."
    ),
    // ---- Vote ----
    param!(
        "vote.turnout_intercept",
        |s| s.vote.turnout_intercept,
        -1.8,
        [-2.5, -1.0],
        LOGIT,
        "logit",
        Calibrated,
        "calibrated: about 10% of Faxe's adults vote (Polish PB averages 18%)",
        "Baseline log-odds of voting."
    ),
    param!(
        "vote.turnout_interest",
        |s| s.vote.turnout_interest,
        1.6,
        [0.8, 2.4],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises turnout with political interest."
    ),
    param!(
        "vote.turnout_efficacy",
        |s| s.vote.turnout_efficacy,
        0.8,
        [0.3, 1.3],
        LOGIT,
        "logit per unit",
        Assumed,
        VSB,
        "Raises turnout with efficacy."
    ),
    param!(
        "vote.turnout_trust",
        |s| s.vote.turnout_trust,
        0.6,
        [0.2, 1.0],
        LOGIT,
        "logit per unit",
        Assumed,
        "assumption: as for attendance",
        "Raises turnout with trust."
    ),
    param!(
        "vote.turnout_stakes",
        |s| s.vote.turnout_stakes,
        0.2,
        [0.05, 0.4],
        LOGIT,
        "logit per unit",
        Assumed,
        "assumption: as for attendance",
        "Raises turnout with the stakes."
    ),
    param!(
        "vote.turnout_attendee",
        |s| s.vote.turnout_attendee,
        3.0,
        [2.0, 4.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: attendees vote at or after the meeting almost always",
        "Raises turnout of those who attended the meeting."
    ),
    param!(
        "vote.turnout_invited",
        |s| s.vote.turnout_invited,
        0.6,
        [0.2, 1.0],
        LOGIT,
        "logit per ln(1 + intensity)",
        Assumed,
        "Gerber & Green 2000 (being asked in person mobilises to vote); strength assumed",
        "Raises turnout with the invitation intensity."
    ),
    param!(
        "vote.paper_cost",
        |s| s.vote.paper_cost,
        1.0,
        [0.5, 1.8],
        LOGIT,
        "logit",
        Assumed,
        "assumption: getting to a polling place costs time and travel",
        "Paper ballot: cost of getting to a polling place, for everyone."
    ),
    param!(
        "vote.paper_time",
        |s| s.vote.paper_time,
        1.0,
        [0.3, 1.8],
        LOGIT,
        "logit per unit time pressure",
        Assumed,
        "assumption: opening hours clash with working hours",
        "Paper ballot: extra cost per unit of time pressure (1 − free hours ÷ 40)."
    ),
    param!(
        "vote.online_time",
        |s| s.vote.online_time,
        0.3,
        [0.0, 0.6],
        LOGIT,
        "logit per unit time pressure",
        Assumed,
        "assumption: voting online takes minutes",
        "Online ballot: cost per unit of time pressure."
    ),
    param!(
        "vote.online_digital",
        |s| s.vote.online_digital,
        3.0,
        [2.0, 4.0],
        LOGIT,
        "logit per unit missing skill",
        Calibrated,
        "calibrated: the 67+ are several times more common among paper than internet voters (shared/data/pb_voters, Łódź and Wrocław)",
        "Online ballot: cost per unit of missing digital skill."
    ),
    param!(
        "vote.district_bonus",
        |s| s.vote.district_bonus,
        0.4,
        [0.2, 0.6],
        SHARE,
        "share",
        Assumed,
        "assumption: people value projects near them more",
        "Share of a project's utility that depends on it being in the citizen's own district."
    ),
    param!(
        "vote.threshold",
        |s| s.vote.threshold,
        0.45,
        [0.3, 0.6],
        SHARE,
        "utility",
        Calibrated,
        "calibrated: Polish approval ballots list a few projects each (pabulib)",
        "Approval ballots list every project with at least this utility."
    ),
    // ---- Feedback ----
    param!(
        "feedback.efficacy_gain",
        |s| s.feedback.efficacy_gain,
        0.15,
        [0.05, 0.3],
        SHARE,
        "share of gap",
        Assumed,
        "assumption: winning makes participation feel worthwhile",
        "Efficacy gain of a participant whose favourite project was funded."
    ),
    param!(
        "feedback.efficacy_loss",
        |s| s.feedback.efficacy_loss,
        0.08,
        [0.02, 0.2],
        SHARE,
        "share",
        Assumed,
        "assumption: losing discourages, less than winning encourages",
        "Efficacy loss of a participant whose favourite project was not funded."
    ),
    param!(
        "feedback.veto_efficacy_loss",
        |s| s.feedback.veto_efficacy_loss,
        0.25,
        [0.1, 0.4],
        SHARE,
        "share",
        Assumed,
        "seed deck (municipal control over citizens' proposals); strength assumed",
        "Efficacy loss of a proposer whose proposal was vetoed."
    ),
    param!(
        "feedback.veto_trust_loss",
        |s| s.feedback.veto_trust_loss,
        0.15,
        [0.05, 0.3],
        SHARE,
        "share",
        Assumed,
        "seed deck (municipal control over citizens' proposals); strength assumed",
        "Trust loss of a proposer whose proposal was vetoed."
    ),
    param!(
        "feedback.trust_gain",
        |s| s.feedback.trust_gain,
        0.05,
        [0.0, 0.15],
        SHARE,
        "share of gap",
        Assumed,
        "assumption: a funded project builds some trust",
        "Trust gain of a participant whose favourite project was funded."
    ),
    param!(
        "feedback.habit_decay",
        |s| s.feedback.habit_decay,
        0.5,
        [0.3, 0.8],
        SHARE,
        "share",
        Assumed,
        "Gerber, Green & Shachar 2003 (habit effects fade over a few elections); rate assumed",
        "Share of habit lost in a year without taking part."
    ),
    param!(
        "invitation.outreach_reach",
        |s| s.invitation.outreach_reach,
        0.4,
        [0.2, 0.6],
        SHARE,
        "share",
        Assumed,
        "assumption: outreach workers reach a minority of those they seek",
        "Targeted outreach: share of the marginalised its workers reach in person."
    ),
    param!(
        "invitation.mobilisation",
        |s| s.invitation.mobilisation,
        0.5,
        [0.3, 0.7],
        SHARE,
        "share",
        Assumed,
        "assumption: associations pass a call on to about half their members",
        "Association mobilisation: share of members their associations call."
    ),
    param!(
        "invitation.panel_dropout",
        |s| s.invitation.panel_dropout,
        0.05,
        [0.0, 0.15],
        SHARE,
        "share",
        Assumed,
        "assumption: a few percent of a selected panel drop out",
        "Share of a selected panel that drops out before the meeting."
    ),
    // ---- Issue 17: what projects do for citizens (need) and who decides ----
    param!(
        "need.base",
        |s| s.need.base,
        0.08,
        [0.0, 0.2],
        SHARE,
        "need",
        Assumed,
        "assumption: every category does a little for everyone (a park, a road); small against the need of those it serves",
        "Need of every citizen for every project category."
    ),
    param!(
        "need.served",
        |s| s.need.served,
        0.4,
        [0.2, 0.6],
        SHARE,
        "need",
        Assumed,
        "assumption: a category meets the needs of those it serves (parents: schools; 67+: elderly care and health; 18–29: culture and sports; marginalised: social inclusion; employed: roads); who is served is the mechanism, the strength assumed",
        "Added need of a citizen the category serves; 0 makes everyone's need the same (stakes flat)."
    ),
    param!(
        "need.scale_dkk",
        |s| s.need.scale_dkk,
        10_000.0,
        [3_000.0, 30_000.0],
        (1.0, 1e9),
        "DKK",
        Assumed,
        "assumption: diminishing returns to project size (a bench at a few thousand DKK does something, a square at a million does more but not a thousand times more)",
        "Project cost at which its effect is ln 2; effect ln(1 + cost ÷ scale)."
    ),
    param!(
        "need.stakes_offset",
        |s| s.need.stakes_offset,
        2.65,
        [2.0, 3.3],
        (-100.0, 100.0),
        "stakes",
        Calibrated,
        "chosen so that the mean stakes of the default scenario equal those of the former ln(budget per capita ÷ 20 DKK) term (−0.86), keeping the calibrated attendance and turnout levels",
        "Stakes of a citizen with no need; stakes = total need · ln(1 + budget per district ÷ scale) − offset."
    ),
    param!(
        "need.utility_weight",
        |s| s.need.utility_weight,
        0.5,
        [0.0, 1.0],
        SHARE,
        "share",
        Assumed,
        "assumption: citizens weigh what a project does for them about as much as their tastes",
        "How much need tilts a citizen's utilities toward the categories that serve them."
    ),
    param!(
        "need.scale_weight",
        |s| s.need.scale_weight,
        0.5,
        [0.0, 1.0],
        SHARE,
        "share",
        Assumed,
        "assumption: a larger project on the same ballot is worth more to a citizen, with diminishing returns",
        "How much a project's scale raises its utility against smaller projects on the same ballot."
    ),
    param!(
        "decision.advice_weight",
        |s| s.decision.advice_weight,
        0.5,
        [0.2, 0.8],
        SHARE,
        "share",
        Assumed,
        "assumption: an advised municipality weighs the meeting's input and its own goals about equally (Faxe: the strategy was shaped from the attendees' input; workshop deck)",
        "Advisory channel: weight of the meeting's support against the municipality's goals."
    ),
    param!(
        "decision.completion_intercept",
        |s| s.decision.completion_intercept,
        0.8,
        [0.0, 2.0],
        LOGIT,
        "logit",
        Assumed,
        "assumption: about two in three citizen-run projects are carried out when their proposers have 20 free hours a week",
        "Proposers carry projects out: log-odds of completion at mean free time 20 hours a week."
    ),
    param!(
        "decision.completion_time",
        |s| s.decision.completion_time,
        3.0,
        [1.0, 5.0],
        LOGIT,
        "logit per unit",
        Assumed,
        "assumption: carrying a project out takes time (Verba, Schlozman & Brady 1995: time is a resource of participation)",
        "Proposers carry projects out: per unit of the proposers' mean free time ÷ 40 hours."
    ),
}

/// Every registered parameter, in table order.
#[must_use]
pub fn parameters() -> &'static [Parameter] {
    PARAMETERS
}

/// The parameter at `path`, if registered.
#[must_use]
pub fn parameter(path: &str) -> Option<&'static Parameter> {
    PARAMETERS.iter().find(|p| p.path == path)
}

/// Checks every registered parameter of `scenario` against its accepted range; the error names
/// the first one outside it.
pub fn validate(scenario: &Scenario) -> Result<(), crate::ScenarioError> {
    for p in LIMITS {
        let value = (p.get)(scenario);
        if !(value.is_finite() && value >= p.min && value <= p.max) {
            return Err(crate::ScenarioError::OutOfRange {
                field: p.path.to_string(),
                value: format!("{value}"),
                allowed: format!("{} – {}", p.min, p.max),
            });
        }
    }
    Ok(())
}

/// A number as the table prints it: no trailing zeros.
fn num(x: f64) -> String {
    format!("{x}")
}

/// The parameter table of docs/MODEL.md, generated from the registry.
#[must_use]
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| parameter | default | plausible range | unit | kind | source | what it does |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for p in PARAMETERS {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} – {} | {} | {} | {} | {} |",
            p.path,
            num(p.default),
            num(p.low),
            num(p.high),
            p.unit,
            p.kind.key(),
            p.source.replace('|', "\\|"),
            p.meaning.replace('|', "\\|"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_the_parameters_ranges_in_the_same_order() {
        assert_eq!(LIMITS.len(), PARAMETERS.len());
        let s = Scenario::default();
        for (l, p) in LIMITS.iter().zip(PARAMETERS) {
            assert_eq!(l.path, p.path);
            assert_eq!((l.min, l.max), (p.min, p.max), "{}", p.path);
            assert_eq!((l.get)(&s).to_bits(), (p.get)(&s).to_bits(), "{}", p.path);
        }
    }
}
