//! Everything the app's real-data view shows about one `.pb` file, computed in one call (so it
//! can run in a Web Worker): the instance, the ballots in numbers, every rule's winners and
//! analytics, and optionally the same after reweighting to a population profile, and turnout by
//! age band and sex.

use serde::{Deserialize, Serialize};

use super::reweight::{self, CellTurnout, CellWeight, PopulationProfile};
use super::seed::{Seeding, seed_scenario};
use super::{Allocation, Analytics, Instance, PbError, Profile, Rule, TieBreak, VoteKind};

/// What to compute besides the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StudyOptions {
    /// Tie-breaking order of every rule.
    #[serde(default)]
    pub tie_break: TieBreak,
    /// Reweight to this profile and re-run the rules.
    #[serde(default)]
    pub population: Option<PopulationProfile>,
    /// Adults living in the area (for turnout by age band and sex, with `population`).
    #[serde(default)]
    pub adults: Option<u64>,
}

/// One rule's outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The rule.
    pub rule: Rule,
    /// Its winners.
    pub allocation: Allocation,
    /// Its analytics.
    pub analytics: Analytics,
}

/// The rules re-run on the reweighted ballots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reweighted {
    /// The scale `S` of the integer weights.
    pub scale: u64,
    /// The eight cells with their weights.
    pub cells: Vec<CellWeight>,
    /// Voters without age band and sex (kept at weight 1).
    pub outside: u64,
    /// Cells of the profile with no voter: `(band, sex)`.
    pub empty_cells: Vec<(u8, u8)>,
    /// Largest rounding error of a weight.
    pub max_weight_error: f64,
    /// One outcome per rule, in [`Rule::ALL`] order.
    pub outcomes: Vec<Outcome>,
}

/// The study of one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Study {
    /// Projects, budget, META.
    pub instance: Instance,
    /// Ballot kind.
    pub kind: VoteKind,
    /// Number of ballots, empty ones included.
    pub voters: u64,
    /// Ballots listing no project.
    pub empty_ballots: u64,
    /// Voters with an age.
    pub with_age: u64,
    /// Voters with a sex.
    pub with_sex: u64,
    /// `ballot_lengths[k]` = number of ballots listing `k` projects.
    pub ballot_lengths: Vec<u64>,
    /// Ids of the officially selected projects (`selected = 1`), when the file has the column.
    pub official: Option<Vec<String>>,
    /// One outcome per rule, in [`Rule::ALL`] order.
    pub outcomes: Vec<Outcome>,
    /// The rules after reweighting (`Err`: why it could not be done), when asked for.
    pub reweighted: Option<Result<Reweighted, String>>,
    /// Turnout per age band × sex, when a profile and the number of adults are given.
    pub turnout: Option<Vec<CellTurnout>>,
    /// The default scenario seeded from the file ([`super::seed::seed_scenario`]), if valid.
    pub seeding: Option<Seeding>,
}

/// How far a study has come: `done` of `total` steps (parsing is step 1, then one per rule run).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
}

fn outcomes(
    instance: &Instance,
    profile: &Profile,
    tie_break: TieBreak,
    progress: &mut dyn FnMut(Progress),
    done: &mut u32,
    total: u32,
) -> Vec<Outcome> {
    Rule::ALL
        .iter()
        .map(|&rule| {
            let allocation = rule.run(instance, profile, &tie_break);
            let analytics = super::analytics(instance, profile, &allocation);
            *done += 1;
            progress(Progress { done: *done, total });
            Outcome {
                rule,
                allocation,
                analytics,
            }
        })
        .collect()
}

/// Studies a parsed file, reporting progress after each rule.
#[must_use]
pub fn study(
    instance: &Instance,
    profile: &Profile,
    options: &StudyOptions,
    progress: &mut dyn FnMut(Progress),
) -> Study {
    let rules = Rule::ALL.len() as u32;
    let total = 1
        + rules
        + if options.population.is_some() {
            rules
        } else {
            0
        };
    let mut done = 1;
    let mut lengths: Vec<u64> = Vec::new();
    for b in &profile.ballots {
        let k = b.len();
        if lengths.len() <= k {
            lengths.resize(k + 1, 0);
        }
        lengths[k] += 1;
    }
    let has_selected = instance.projects.iter().any(|p| p.selected.is_some());
    let official = has_selected.then(|| {
        instance
            .projects
            .iter()
            .filter(|p| p.selected == Some(1))
            .map(|p| p.id.clone())
            .collect()
    });
    let main = outcomes(
        instance,
        profile,
        options.tie_break,
        progress,
        &mut done,
        total,
    );
    let reweighted = options.population.as_ref().map(|pop| {
        reweight::reweight(profile, pop)
            .map(|r| Reweighted {
                outcomes: outcomes(
                    instance,
                    &r.profile,
                    options.tie_break,
                    progress,
                    &mut done,
                    total,
                ),
                scale: r.scale,
                cells: r.cells,
                outside: r.outside,
                empty_cells: r.empty_cells,
                max_weight_error: r.max_weight_error,
            })
            .map_err(|e| e.to_string())
    });
    let turnout = match (&options.population, options.adults) {
        (Some(pop), Some(adults)) if adults > 0 => Some(reweight::turnout(profile, pop, adults)),
        _ => None,
    };
    Study {
        instance: instance.clone(),
        kind: profile.kind,
        voters: profile.ballots.len() as u64,
        empty_ballots: lengths.first().copied().unwrap_or(0),
        with_age: profile.voters.iter().filter(|v| v.age.is_some()).count() as u64,
        with_sex: profile.voters.iter().filter(|v| v.sex.is_some()).count() as u64,
        ballot_lengths: lengths,
        official,
        outcomes: main,
        reweighted,
        turnout,
        seeding: seed_scenario(instance, profile, &crate::Scenario::default()).ok(),
    }
}

/// Parses `.pb` bytes and studies them.
pub fn study_bytes(
    bytes: &[u8],
    options: &StudyOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Study, PbError> {
    let (instance, profile) = super::pabulib::parse_bytes(bytes)?;
    Ok(study(&instance, &profile, options, progress))
}

#[cfg(test)]
mod tests {
    use super::super::{Project, pabulib};
    use super::*;

    #[test]
    fn a_small_file_is_studied_with_progress() {
        let text = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;selected\na;60;1\nb;50;0\n\
                    VOTES\nvoter_id;vote;age;sex\nv1;a;70;F\nv2;a;71;F\nv3;b;20;M\nv4;;30;M\n";
        let mut steps = Vec::new();
        let options = StudyOptions {
            population: Some(PopulationProfile {
                cells: [[0, 10], [0, 1], [0, 0], [1, 0]],
            }),
            adults: Some(400),
            ..StudyOptions::default()
        };
        let s = study_bytes(text.as_bytes(), &options, &mut |p| steps.push(p)).unwrap();
        assert_eq!(s.voters, 4);
        assert_eq!(s.empty_ballots, 1);
        assert_eq!(s.ballot_lengths, vec![1, 3]);
        assert_eq!(s.official, Some(vec!["a".to_string()]));
        assert_eq!(s.outcomes.len(), Rule::ALL.len());
        assert_eq!(s.outcomes[0].allocation.winners, ["a"]);
        let last = steps.last().copied().unwrap();
        assert_eq!(last.done, last.total);
        assert_eq!(last.total, 1 + 2 * Rule::ALL.len() as u32);
        let r = s.reweighted.unwrap().unwrap();
        assert_eq!(
            r.outcomes[0].allocation.winners,
            ["b"],
            "young men dominate the profile"
        );
        let t = s.turnout.unwrap();
        assert_eq!(t.len(), 8);
        assert_eq!(t[1].voters, 1);
        let seeded = s.seeding.unwrap().scenario;
        assert_eq!((seeded.budget, seeded.vote.max_projects), (100, 2));
    }

    #[test]
    fn errors_and_missing_demographics_are_reported() {
        let err = study_bytes(b"META\nkey;value\n", &StudyOptions::default(), &mut |_| {});
        assert_eq!(
            err,
            Err(PbError::MissingSection {
                section: "PROJECTS".into()
            })
        );
        let bad =
            "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;x\nVOTES\nvoter_id;vote\n";
        let e = pabulib::parse(bad).unwrap_err();
        assert!(matches!(e, PbError::InvalidCost { line: 6, .. }), "{e:?}");
        let inst = Instance::new(vec![Project::new("a", 1)], 1);
        let prof = Profile::approval(vec![vec![0]]);
        let options = StudyOptions {
            population: Some(reweight::PRESETS[0].profile()),
            ..StudyOptions::default()
        };
        let s = study(&inst, &prof, &options, &mut |_| {});
        assert!(s.reweighted.unwrap().unwrap_err().contains("age"));
        assert!(s.official.is_none() && s.turnout.is_none());
        // The parsed instance travels whole: the file round-trips through the writer.
        let text = pabulib::write(&s.instance, &prof);
        assert!(pabulib::parse(&text).is_ok());
    }
}
