//! The guided tour as typed data and pure logic: seven chapters from the workshop deck, each a
//! preset with one lever, a quote, a place-your-bets question and the model's answer. The answer
//! shown to the user is always computed by the engine ([`reveal`]); the chapter text only states
//! what the model shows for the chapter's default lever setting, and a test checks that claim.

mod chapters;

use dialoglab_engine::metric::Stage;
use dialoglab_engine::sensitivity::{self, Finding, Setting};
use dialoglab_engine::{Report, Scenario, ScenarioError, population, presets};
use dialoglab_worker::towns::{TownsCount, TownsSpec};

use crate::format;
use crate::language::Lang;

pub use chapters::CHAPTERS;

/// A text in both languages. Both fields are required, so a missing translation does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    /// Danish.
    pub da: &'static str,
    /// English.
    pub en: &'static str,
}

impl Tr {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

/// A quote from the workshop deck: Danish as in the deck, with an English translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The deck's words (Danish) and their translation (English).
    pub text: Tr,
    /// Who said it, or where in the deck it stands.
    pub source: Tr,
}

/// One setting of a chapter's lever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeverOption {
    /// The value as JSON text for `Scenario::set_path_text`.
    pub value: &'static str,
    /// What the user sees.
    pub label: Tr,
}

/// The one parameter a chapter lets the user move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lever {
    /// Dotted scenario path.
    pub path: &'static str,
    /// Label of the control.
    pub label: Tr,
    /// The settings offered.
    pub options: &'static [LeverOption],
    /// The chapter's starting setting (index into `options`).
    pub from: usize,
    /// The setting the question is about by default (index into `options`).
    pub to: usize,
}

/// What a chapter measures in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Representation ratio among attendees of (attribute key, category key); 1 = fair share.
    AttendeeRatio(&'static str, &'static str),
    /// Share of the funded money on association-backed projects.
    OrganisedCapture,
    /// Mean efficacy of the last year's proposers after the municipality's decisions.
    ProposerEfficacy,
    /// Overlap of the outcome with the outcome if everyone had voted.
    Legitimacy,
    /// Overlap of the outcome with the outcome if everyone had voted with informed preferences
    /// (knowing every argument).
    LegitimacyInformed,
    /// Share of what the funded projects do for citizens that goes to (attribute key, category
    /// key): `outcome.benefit_shares`.
    BenefitShare(&'static str, &'static str),
}

impl Metric {
    /// The metric's value in a report (NaN when the report lacks it, e.g. an empty group).
    #[must_use]
    pub fn value(self, report: &Report) -> f64 {
        match self {
            Metric::AttendeeRatio(attr, cat) => report
                .stage(Stage::Attendees)
                .and_then(|s| s.representativeness.ratios.get(attr))
                .and_then(|r| r.get(cat))
                .copied()
                .unwrap_or(f64::NAN),
            Metric::OrganisedCapture => report.influence.organised_capture,
            Metric::ProposerEfficacy => report
                .cycles
                .last()
                .map_or(f64::NAN, |c| c.proposer_efficacy_after),
            Metric::Legitimacy => report.influence.legitimacy,
            Metric::LegitimacyInformed => report.influence.legitimacy_informed,
            Metric::BenefitShare(attr, cat) => report
                .outcome
                .benefit_shares
                .get(attr)
                .and_then(|r| r.get(cat))
                .copied()
                .unwrap_or(f64::NAN),
        }
    }

    /// Changes smaller than this count as "about the same".
    #[must_use]
    pub fn tolerance(self) -> f64 {
        match self {
            Metric::AttendeeRatio(..) => 0.05,
            Metric::ProposerEfficacy => 0.01,
            Metric::OrganisedCapture
            | Metric::Legitimacy
            | Metric::LegitimacyInformed
            | Metric::BenefitShare(..) => 0.02,
        }
    }

    /// A change of the value as shown: percentage points for shares (`2,0 procentpoint`), the
    /// plain number for ratios.
    #[must_use]
    pub fn show_change(self, lang: Lang, d: f64) -> String {
        match self {
            Metric::AttendeeRatio(..) | Metric::ProposerEfficacy => format::dec(lang, d, 2),
            Metric::OrganisedCapture
            | Metric::Legitimacy
            | Metric::LegitimacyInformed
            | Metric::BenefitShare(..) => format::points(lang, d, 1),
        }
    }

    /// The value as shown.
    #[must_use]
    pub fn show(self, lang: Lang, x: f64) -> String {
        match self {
            Metric::AttendeeRatio(..) | Metric::ProposerEfficacy => format::dec(lang, x, 2),
            Metric::OrganisedCapture
            | Metric::Legitimacy
            | Metric::LegitimacyInformed
            | Metric::BenefitShare(..) => format::percent(lang, x, 1),
        }
    }
}

/// Which way a number moved, or the user's bet on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Up by more than the metric's tolerance.
    Up,
    /// Down by more than the tolerance.
    Down,
    /// Within the tolerance.
    Same,
}

impl Direction {
    /// The three answers, in the order shown.
    pub const ALL: [Direction; 3] = [Direction::Up, Direction::Down, Direction::Same];

    /// Stable name (element ids, tests).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
        }
    }

    /// The direction of a change from `a` to `b` with tolerance `tol` (NaN counts as no change).
    #[must_use]
    pub fn of(a: f64, b: f64, tol: f64) -> Direction {
        let d = b - a;
        if d > tol {
            Direction::Up
        } else if d < -tol {
            Direction::Down
        } else {
            Direction::Same
        }
    }
}

/// One chapter of the tour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chapter {
    /// Stable name.
    pub key: &'static str,
    /// Heading.
    pub title: Tr,
    /// The preset the chapter's scenario starts from.
    pub preset: &'static str,
    /// Further changes to the preset (path, JSON text) before the lever is set.
    pub setup: &'static [(&'static str, &'static str)],
    /// A short text setting the scene.
    pub intro: Tr,
    /// The deck's words.
    pub quote: Quote,
    /// The one lever.
    pub lever: Lever,
    /// What is measured.
    pub metric: Metric,
    /// Name of the metric, as used in the question and the result.
    pub metric_label: Tr,
    /// The place-your-bets question.
    pub question: Tr,
    /// What the model shows for the default setting (`lever.to`), with its limits; shown after
    /// the reveal, next to the numbers the engine computed.
    pub finding: Tr,
    /// The direction the model gives from `lever.from` to `lever.to` for the preset's seed (the
    /// finding's claim; checked by a test against the engine).
    pub expected: Direction,
    /// Whether the finding says the direction holds for every seed from 1 to 8 (checked by a
    /// test); when false, the finding says how the seeds disagree.
    pub seeds_agree: bool,
}

impl Chapter {
    /// The chapter's scenario with the lever at `options[option]`.
    pub fn scenario(&self, option: usize) -> Result<Scenario, ScenarioError> {
        let mut s = presets::get(self.preset)
            .ok_or_else(|| ScenarioError::UnknownPath(format!("preset {}", self.preset)))?;
        for (path, value) in self.setup {
            s.set_path_text(path, value)?;
        }
        let opt = self
            .lever
            .options
            .get(option)
            .ok_or_else(|| ScenarioError::OutOfRange {
                field: self.lever.path.to_string(),
                value: option.to_string(),
                allowed: format!("0 – {}", self.lever.options.len().saturating_sub(1)),
            })?;
        s.set_path_text(self.lever.path, opt.value)?;
        s.validate()?;
        Ok(s)
    }
}

/// The engine's answer to a chapter's question.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    /// Index of the starting setting.
    pub from: usize,
    /// Index of the setting asked about.
    pub to: usize,
    /// The metric at the starting setting.
    pub before: f64,
    /// The metric at the setting asked about.
    pub after: f64,
    /// Which way it moved.
    pub direction: Direction,
}

/// Runs the chapter's scenario at the starting setting and at `to` and measures the change.
///
/// Both runs are exactly `dialoglab_engine::run` of [`Chapter::scenario`]; the population is drawn
/// once because the lever never changes it (checked, otherwise it is drawn again).
pub fn reveal(chapter: &Chapter, to: usize) -> Result<Reveal, ScenarioError> {
    let from = chapter.lever.from;
    let a = chapter.scenario(from)?;
    let b = chapter.scenario(to)?;
    let pop = population::generate(&a.population, a.seed);
    let ra = dialoglab_engine::simulate(&pop, &a);
    let rb = if b.population == a.population && b.seed == a.seed {
        dialoglab_engine::simulate(&pop, &b)
    } else {
        dialoglab_engine::run(&b)?
    };
    let (before, after) = (chapter.metric.value(&ra), chapter.metric.value(&rb));
    Ok(Reveal {
        from,
        to,
        before,
        after,
        direction: Direction::of(before, after, chapter.metric.tolerance()),
    })
}

/// Towns simulated for a guide verdict: the chapter's seed and the next ones.
pub const TOWNS: u32 = 20;

/// How the metric moved over several simulated towns (seeds), the same change in each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Towns {
    /// Towns where it went up by more than the tolerance.
    pub up: u32,
    /// Towns where it went down by more than the tolerance.
    pub down: u32,
    /// Towns where it stayed within the tolerance.
    pub same: u32,
}

impl Towns {
    /// Number of towns.
    #[must_use]
    pub fn total(self) -> u32 {
        self.up + self.down + self.same
    }

    /// Towns that moved in direction `d`.
    #[must_use]
    pub fn count(self, d: Direction) -> u32 {
        match d {
            Direction::Up => self.up,
            Direction::Down => self.down,
            Direction::Same => self.same,
        }
    }

    /// The direction of most towns; a tie counts as »about the same«, since the model then gives
    /// no clear answer.
    #[must_use]
    pub fn majority(self) -> Direction {
        if self.up > self.down && self.up > self.same {
            Direction::Up
        } else if self.down > self.up && self.down > self.same {
            Direction::Down
        } else {
            Direction::Same
        }
    }
}

impl From<TownsCount> for Towns {
    fn from(c: TownsCount) -> Towns {
        Towns {
            up: c.up,
            down: c.down,
            same: c.same,
        }
    }
}

/// The worker job that counts the chapter's change (starting setting → `to`) in `n` towns: the
/// guide's page sends this, so the towns are simulated off the main thread. Its count equals
/// [`towns`] for the same chapter, setting and towns (tested).
pub fn towns_job(chapter: &Chapter, to: usize, n: u32) -> Result<TownsSpec, ScenarioError> {
    let (a, b) = (chapter.scenario(chapter.lever.from)?, chapter.scenario(to)?);
    Ok(TownsSpec {
        metric: metric_key(chapter.metric, a.cycles),
        tolerance: chapter.metric.tolerance(),
        a,
        b,
        n,
    })
}

/// The chapter's change (starting setting → `to`) in `n` towns: seeds `seed`, `seed + 1`, …, each
/// town's citizens the same at both settings. A guess is judged on this, not on one seed. Computed
/// here on the calling thread (tests, the printed card); the guide's page runs [`towns_job`] in
/// the worker instead.
pub fn towns(chapter: &Chapter, to: usize, n: u32) -> Result<Towns, ScenarioError> {
    let from = chapter.lever.from;
    let (a0, b0) = (chapter.scenario(from)?, chapter.scenario(to)?);
    let mut out = Towns::default();
    for k in 0..u64::from(n) {
        let (mut a, mut b) = (a0.clone(), b0.clone());
        a.seed = a0.seed.wrapping_add(k);
        b.seed = b0.seed.wrapping_add(k);
        let pop = population::generate(&a.population, a.seed);
        let ra = dialoglab_engine::simulate(&pop, &a);
        let rb = if b.population == a.population {
            dialoglab_engine::simulate(&pop, &b)
        } else {
            dialoglab_engine::run(&b)?
        };
        let d = Direction::of(
            chapter.metric.value(&ra),
            chapter.metric.value(&rb),
            chapter.metric.tolerance(),
        );
        match d {
            Direction::Up => out.up += 1,
            Direction::Down => out.down += 1,
            Direction::Same => out.same += 1,
        }
    }
    Ok(out)
}

/// The dotted key of a chapter's metric in the report's JSON (for the robustness job's findings);
/// `cycles` is the scenario's number of cycles (the proposers' efficacy is the last cycle's).
#[must_use]
pub fn metric_key(metric: Metric, cycles: u8) -> String {
    match metric {
        Metric::AttendeeRatio(attribute, category) => {
            format!("stages.attendees.representativeness.ratios.{attribute}.{category}")
        }
        Metric::OrganisedCapture => "influence.organised_capture".into(),
        Metric::ProposerEfficacy => format!(
            "cycles.{}.proposer_efficacy_after",
            cycles.saturating_sub(1)
        ),
        Metric::Legitimacy => "influence.legitimacy".into(),
        Metric::LegitimacyInformed => "influence.legitimacy_informed".into(),
        Metric::BenefitShare(attribute, category) => {
            format!("outcome.benefit_shares.{attribute}.{category}")
        }
    }
}

/// The chapter's change (starting setting → `to`) as a finding for the robustness job, with the
/// scenario it starts from: A is the setting `to`, B the starting setting, and the finding holds
/// in a plausible model when the metric moves in `direction` there. `None` for
/// [`Direction::Same`], which has no strict direction to test, or a chapter whose scenario does
/// not build.
#[must_use]
pub fn robustness_finding(
    chapter: &Chapter,
    to: usize,
    direction: Direction,
) -> Option<(Scenario, Finding)> {
    let stated = match direction {
        Direction::Up => sensitivity::Direction::Greater,
        Direction::Down => sensitivity::Direction::Less,
        Direction::Same => return None,
    };
    let base = chapter.scenario(chapter.lever.from).ok()?;
    let setting = |option: usize| {
        let text = chapter.lever.options.get(option)?.value;
        let value = serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::from(text));
        Some(vec![Setting::new(chapter.lever.path, value)])
    };
    Some((
        base.clone(),
        Finding {
            name: format!("chapter-{}", chapter.key),
            statement: chapter.finding.en.to_string(),
            a: setting(to)?,
            b: setting(chapter.lever.from)?,
            metric: metric_key(chapter.metric, base.cycles),
            direction: stated,
        },
    ))
}

/// Whether `number` is a chapter's (1-based) number. Evaluated from the chapters' count at
/// compile time, so the sandbox bundle can check links and actions without linking the chapters'
/// texts (which only the views bundle needs).
#[must_use]
pub const fn is_chapter(number: u8) -> bool {
    const COUNT: usize = CHAPTERS.len();
    number >= 1 && (number as usize) <= COUNT
}

/// The chapter with this 1-based number.
#[must_use]
pub fn chapter(number: u8) -> Option<&'static Chapter> {
    CHAPTERS.get(usize::from(number).checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chapter_builds_its_scenarios_and_moves_only_its_lever() {
        assert_eq!(CHAPTERS.len(), 7);
        assert!(!is_chapter(0) && !is_chapter(8) && !is_chapter(255));
        assert!((1..=7).all(is_chapter));
        for (k, c) in CHAPTERS.iter().enumerate() {
            assert!(c.lever.from != c.lever.to, "{}", c.key);
            assert!(c.lever.to < c.lever.options.len() && c.lever.from < c.lever.options.len());
            let base = serde_json::to_value(c.scenario(c.lever.from).unwrap()).unwrap();
            for o in 0..c.lever.options.len() {
                let s = serde_json::to_value(c.scenario(o).unwrap()).unwrap();
                let d = crate::json_tree::diff(&base, &s);
                if o == c.lever.from {
                    assert_eq!(d, None);
                } else {
                    // The only difference is the lever's own field.
                    let mut node = d.expect("the lever changes the scenario");
                    for part in c.lever.path.split('.') {
                        let map = node.as_object().expect("an object on the lever's path");
                        assert_eq!(map.len(), 1, "{}: {map:?}", c.key);
                        node = map.get(part).expect("the lever's path").clone();
                    }
                }
            }
            assert!(c.scenario(c.lever.options.len()).is_err());
            assert_eq!(chapter(u8::try_from(k + 1).unwrap()), Some(c));
            for text in [c.title, c.intro, c.quote.text, c.question, c.finding] {
                assert!(!text.da.is_empty() && !text.en.is_empty() && text.da != text.en);
            }
        }
        assert_eq!(chapter(0), None);
        assert_eq!(chapter(8), None);
    }

    /// Each chapter's text claims a direction for its default setting; the engine must agree.
    #[test]
    fn every_chapter_claims_what_the_engine_shows_for_its_seed() {
        for c in CHAPTERS {
            let r = reveal(c, c.lever.to).unwrap();
            assert!(r.before.is_finite() && r.after.is_finite(), "{}", c.key);
            assert_eq!(
                r.direction, c.expected,
                "{}: {} -> {}",
                c.key, r.before, r.after
            );
        }
    }

    /// The budgets chapter's finding, number by number: the 67+'s share for its seed, how many
    /// of 8 seeds it falls in, and what each pool buys.
    #[test]
    fn the_budgets_chapter_says_what_the_model_funds_and_for_whom() {
        let c = CHAPTERS.iter().find(|c| c.key == "budgets").unwrap();
        let share = |r: &Report| (c.metric.value(r) * 100.0).round() as u32;
        let small = dialoglab_engine::run(&c.scenario(c.lever.from).unwrap()).unwrap();
        let big = dialoglab_engine::run(&c.scenario(c.lever.to).unwrap()).unwrap();
        assert_eq!((share(&small), share(&big)), (57, 19));
        let adults = (small.population.shares["age_band"]["67+"] * 100.0).round() as u32;
        assert_eq!(adults, 23);
        assert!(
            c.finding.en.contains("from 57% to 19%")
                && c.finding.da.contains("57\u{a0}% til 19\u{a0}%")
        );
        let largest = |r: &Report| {
            r.outcome
                .projects
                .iter()
                .filter(|p| p.funded)
                .map(|p| p.cost)
                .max()
                .unwrap_or(0)
        };
        let mut falls = 0;
        for seed in 1..=8 {
            let run = |o: usize| {
                let mut s = c.scenario(o).unwrap();
                s.seed = seed;
                dialoglab_engine::run(&s).unwrap()
            };
            let (a, b) = (run(c.lever.from), run(c.lever.to));
            if Direction::of(c.metric.value(&a), c.metric.value(&b), c.metric.tolerance())
                == Direction::Down
            {
                falls += 1;
            }
            assert!(
                (1..=41_000).contains(&largest(&a)),
                "seed {seed}: {}",
                largest(&a)
            );
            assert!(
                (600_000..=830_000).contains(&largest(&b)),
                "seed {seed}: {}",
                largest(&b)
            );
        }
        assert_eq!(falls, 8);
        assert!(
            c.finding.en.contains("600,000–830,000") && c.finding.da.contains("600.000–830.000")
        );
        // The control run the chapter names: costs from the whole catalogue, whatever the
        // category (the ablation of `crates/engine/tests/budgets.rs`): it falls for half the seeds.
        let control_falls = (1..=8)
            .filter(|&seed| {
                let run = |o: usize| {
                    let mut s = c.scenario(o).unwrap();
                    s.seed = seed;
                    s.vote.costs_by_category = false;
                    c.metric.value(&dialoglab_engine::run(&s).unwrap())
                };
                Direction::of(run(c.lever.from), run(c.lever.to), c.metric.tolerance())
                    == Direction::Down
            })
            .count();
        assert_eq!(control_falls, 4);
        assert!(
            c.finding.en.contains("for only half of the seeds")
                && c.finding.da.contains("kun for halvdelen af frøene")
        );
    }

    /// Findings that say "for all 8 seeds we tried" must hold for seeds 1 – 8.
    #[test]
    fn findings_that_claim_every_seed_hold_for_eight_seeds() {
        for c in CHAPTERS {
            let claims = c.finding.en.contains("all 8 seeds");
            assert_eq!(claims, c.seeds_agree, "{}", c.key);
            assert_eq!(claims, c.finding.da.contains("alle 8 frø"), "{}", c.key);
            if !c.seeds_agree {
                continue;
            }
            for seed in 1..=8 {
                let run = |o: usize| {
                    let mut s = c.scenario(o).unwrap();
                    s.seed = seed;
                    c.metric.value(&dialoglab_engine::run(&s).unwrap())
                };
                let (a, b) = (run(c.lever.from), run(c.lever.to));
                assert_eq!(
                    Direction::of(a, b, c.metric.tolerance()),
                    c.expected,
                    "{} seed {seed}: {a} -> {b}",
                    c.key
                );
            }
        }
    }

    /// Findings that say how 8 seeds split ("Over 8 seeds it rises in four, stays the same in
    /// one and falls in three") give the engine's counts, in both languages.
    #[test]
    fn findings_that_count_the_seeds_give_the_engines_counts() {
        const EN: [&str; 9] = [
            "none", "one", "two", "three", "four", "five", "six", "seven", "eight",
        ];
        const DA: [&str; 9] = [
            "ingen", "ét", "to", "tre", "fire", "fem", "seks", "syv", "otte",
        ];
        let mut checked = 0;
        for c in CHAPTERS
            .iter()
            .filter(|c| c.finding.en.contains("Over 8 seeds"))
        {
            let t = towns(c, c.lever.to, 8).unwrap();
            let (up, same, down) = (
                t.count(Direction::Up) as usize,
                t.count(Direction::Same) as usize,
                t.count(Direction::Down) as usize,
            );
            let en = format!(
                "Over 8 seeds it rises in {}, stays the same in {} and falls in {}",
                EN[up], EN[same], EN[down]
            );
            // »det« or »den« after the verb, as the metric's Danish gender wants.
            let da = |pronoun: &str| {
                format!(
                    "Over 8 frø stiger {pronoun} i {}, er uændret i {} og falder i {}",
                    DA[up], DA[same], DA[down]
                )
            };
            assert!(c.finding.en.contains(&en), "{}: {en}", c.key);
            assert!(
                c.finding.da.contains(&da("det")) || c.finding.da.contains(&da("den")),
                "{}: {}",
                c.key,
                da("det")
            );
            checked += 1;
        }
        // »for seven of the 8 seeds we tried«: the expected direction in that many.
        for c in CHAPTERS {
            let Some(k) = (1..8).find(|&k| {
                c.finding
                    .en
                    .contains(&format!("for {} of the 8 seeds we tried", EN[k]))
            }) else {
                continue;
            };
            assert!(
                c.finding
                    .da
                    .contains(&format!("for {} af de 8 frø vi prøvede", DA[k])),
                "{}",
                c.key
            );
            let t = towns(c, c.lever.to, 8).unwrap();
            assert_eq!(t.count(c.expected) as usize, k, "{}: {t:?}", c.key);
            checked += 1;
        }
        assert!(checked >= 2);
    }

    #[test]
    fn towns_count_every_seed_and_agree_with_the_findings_that_claim_all_eight() {
        for c in CHAPTERS.iter().filter(|c| c.seeds_agree) {
            let t = towns(c, c.lever.to, 8).unwrap();
            assert_eq!(t.total(), 8);
            assert_eq!(t.count(c.expected), 8, "{}: {t:?}", c.key);
            assert_eq!(t.majority(), c.expected);
        }
        // The first town is the chapter's own seed: the single reveal.
        let c = &CHAPTERS[0];
        let one = towns(c, c.lever.to, 1).unwrap();
        assert_eq!(one.count(reveal(c, c.lever.to).unwrap().direction), 1);
        let tie = Towns {
            up: 4,
            down: 4,
            same: 2,
        };
        assert_eq!(tie.majority(), Direction::Same);
        assert_eq!(
            Towns {
                up: 3,
                down: 1,
                same: 2
            }
            .majority(),
            Direction::Up
        );
    }

    /// The verdict the guide shows comes from the worker's towns job: for every chapter and
    /// setting, its count is the one the engine gives for the same seeds here.
    #[test]
    fn the_workers_towns_count_equals_the_guides_for_every_chapter() {
        for c in CHAPTERS {
            for to in (0..c.lever.options.len()).filter(|k| *k != c.lever.from) {
                let spec = towns_job(c, to, 4).unwrap();
                let Ok(dialoglab_worker::Output::Towns(count)) =
                    dialoglab_worker::towns::run(&spec, &mut |_| {})
                else {
                    panic!("{}: no count", c.key)
                };
                assert_eq!(
                    Towns::from(count),
                    towns(c, to, 4).unwrap(),
                    "{} → {to}",
                    c.key
                );
            }
        }
    }

    #[test]
    fn the_reveal_equals_two_plain_engine_runs() {
        let c = &CHAPTERS[3];
        let r = reveal(c, 2).unwrap();
        let a = dialoglab_engine::run(&c.scenario(c.lever.from).unwrap()).unwrap();
        let b = dialoglab_engine::run(&c.scenario(2).unwrap()).unwrap();
        assert_eq!(r.before.to_bits(), c.metric.value(&a).to_bits());
        assert_eq!(r.after.to_bits(), c.metric.value(&b).to_bits());
        assert!(reveal(c, 99).is_err());
    }

    #[test]
    fn turnout_labels_of_the_legitimacy_chapter_match_the_model() {
        let c = CHAPTERS
            .iter()
            .find(|c| c.metric == Metric::Legitimacy)
            .unwrap();
        for (k, o) in c.lever.options.iter().enumerate() {
            let turnout = dialoglab_engine::run(&c.scenario(k).unwrap())
                .unwrap()
                .outcome
                .turnout;
            let pct = (turnout * 100.0).round() as u32;
            let near = [pct.saturating_sub(2), pct, pct + 2];
            assert!(
                (pct.saturating_sub(2)..=pct + 2).any(|p| o.label.en.contains(&format!("{p}%"))
                    && o.label.da.contains(&format!("{p}\u{a0}%"))),
                "{}: turnout {turnout} ({near:?})",
                o.label.en
            );
        }
    }

    #[test]
    fn a_chapters_robustness_finding_is_its_lever_and_its_metric() {
        for c in CHAPTERS {
            assert!(robustness_finding(c, c.lever.to, Direction::Same).is_none());
            if c.expected == Direction::Same {
                continue; // "about the same" has no strict direction to test
            }
            let (base, f) = robustness_finding(c, c.lever.to, c.expected).unwrap();
            assert_eq!(base, c.scenario(c.lever.from).unwrap(), "{}", c.key);
            // A's setting applied to the base is the chapter's scenario at `to`.
            let mut a = base.clone();
            for s in &f.a {
                a.set_path(&s.path, s.value.clone()).unwrap();
            }
            let expected = c.scenario(c.lever.to).unwrap();
            assert_eq!(a, expected, "{}", c.key);
            // The metric's key reads the chapter's metric.
            let report = dialoglab_engine::run(&a).unwrap();
            let v = c.metric.value(&report);
            let read = sensitivity::report_number(&report, &f.metric);
            assert_eq!(read, v.is_finite().then_some(v), "{}: {}", c.key, f.metric);
            let want = if c.expected == Direction::Up {
                sensitivity::Direction::Greater
            } else {
                sensitivity::Direction::Less
            };
            assert_eq!(f.direction, want);
        }
    }

    #[test]
    fn directions_respect_the_tolerance() {
        assert_eq!(Direction::of(0.5, 0.56, 0.05), Direction::Up);
        assert_eq!(Direction::of(0.5, 0.54, 0.05), Direction::Same);
        assert_eq!(Direction::of(0.5, 0.44, 0.05), Direction::Down);
        assert_eq!(Direction::of(f64::NAN, 0.44, 0.05), Direction::Same);
        assert_eq!(Tr { da: "a", en: "b" }.get(Lang::En), "b");
    }
}
