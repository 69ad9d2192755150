//! Seeding a simulated scenario from a real `.pb` file: the budget, the file's projects (names,
//! exact costs, categories), the distribution of ballot lengths, the ballot kind and the rule the
//! file says was used.
//!
//! What carries over (everything else is kept from the base scenario):
//!
//! | scenario field | from the file |
//! |---|---|
//! | `budget` | the budget in file units, rounded to a whole unit (the currency is not converted) |
//! | `vote.projects` | the projects: name (cut to 200 characters), cost in whole file units (rounded half up, at least 1) and a model category (table below). Projects dearer than the whole budget are left out (no rule can fund them); of more than 60, the 60 listed on the most ballots are kept (ties: file order), in file order |
//! | `vote.max_projects` | the number of projects carried over, so all of them fit on the ballot |
//! | `vote.cost_share_min`, `cost_share_max` | the cheapest and the dearest project as a share of the budget (within 0.001 – 1); informative only while `vote.projects` is set |
//! | `vote.ballot`, `vote.points` | cumulative files → cumulative ballots with `max_sum_points` points (1 – 1,000); every other kind → approval |
//! | `vote.ballot_lengths` | approval: the number of non-empty ballots of each length 1, 2, …, K (longer ballots than 60 count as 60) |
//! | `vote.max_approvals` | approval: META `max_length` when present, otherwise the 90th percentile of the lengths of non-empty ballots (1 – 60); a fallback, as the drawn lengths replace it |
//! | `vote.rule` | META `rule`: `greedy` → greedy, `greedy-no-skip` → greedy-no-skip, `equalshares` → mes, `equalshares/add1` → mes-add1 (others: unchanged) |
//!
//! How the simulation uses the projects (they are the pool the meeting's proposals come from,
//! and the municipal filter still acts) is described in [`crate::proposals`]; how the lengths are
//! drawn in [`crate::vote`].
//!
//! ## Categories
//!
//! A project's pabulib `category` values (comma-separated) are read in file order, then its name;
//! the first text with a word that *starts with* one of these keywords (case-insensitive; English,
//! Polish and Danish stems, as most pabulib files are Polish) gives the category, rows tried from
//! top to bottom:
//!
//! | model category | keywords |
//! |---|---|
//! | green areas | green, environment, nature, park, trees, garden, climate, ecolog, public space, ziele, przyrod, środowisk, drzew, ogrod, ogród, grøn, natur |
//! | children and schools | education, school, child, youth, kid, playground, young, teen, edukac, szkoł, szkol, przedszkol, dziec, młodzież, żłob, plac zabaw, skole, børn, unge |
//! | elderly | elder, senior, older, retire, emeryt, ældre, pension |
//! | culture and sports | culture, cultural, sport, recreation, leisure, arts, music, librar, festival, workout, fitness, kultur, rekreac, bibliot, boisk, siłown, festyn, koncert, idræt |
//! | social inclusion | social, welfare, health, inclusion, community, housing, homeless, disab, zdrow, społ, pomoc, integrac, niepełnospr, sundhed |
//! | roads and infrastructure | transport, transit, road, street, traffic, infrastructure, bike, bicycl, cycling, mobility, safety, security, parking, lighting, pedestrian, sidewalk, drog, ulic, chodnik, rower, oświetl, doświetl, bezpiecz, przejści, komunikac, trafik, cykel, vej |
//!
//! **Fallback**: a project no keyword matches (no `category` column, numeric codes, a name with
//! none of the words) gets the categories in turn — the first such project green areas, the
//! second children and schools, and so on round the six. A single fallback category would make
//! every citizen value all those projects alike; the turn-taking is arbitrary, and
//! [`Seeding::projects_by_keyword`] says how many projects it did not decide.

use serde::{Deserialize, Serialize};

use super::{Instance, Profile, Rule, VoteKind};
use crate::scenario::{
    BallotKind, MAX_BUDGET, MAX_PROJECT_NAME_CHARS, MAX_PROJECTS, ProjectCategory, RealProject,
    Scenario, ScenarioError,
};

/// What was taken from the file, to show next to the seeded scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seeding {
    /// The seeded scenario (validated).
    pub scenario: Scenario,
    /// The rule read from META `rule`, when it maps to one of ours.
    pub rule_from_file: Option<Rule>,
    /// Median length of the non-empty ballots (0 when every ballot is empty).
    pub median_ballot_length: u32,
    /// Projects in the file.
    pub projects_in_file: u32,
    /// Projects carried over whose category a keyword decided (the rest took the fallback).
    pub projects_by_keyword: u32,
}

/// Keywords per model category, in the order they are tried (see the module docs).
const KEYWORDS: [(ProjectCategory, &[&str]); 6] = [
    (
        ProjectCategory::GreenAreas,
        &[
            "green",
            "environment",
            "nature",
            "park",
            "trees",
            "garden",
            "climate",
            "ecolog",
            "public space",
            "ziele",
            "przyrod",
            "środowisk",
            "drzew",
            "ogrod",
            "ogród",
            "grøn",
            "natur",
        ],
    ),
    (
        ProjectCategory::ChildrenSchools,
        &[
            "education",
            "school",
            "child",
            "youth",
            "kid",
            "playground",
            "young",
            "teen",
            "edukac",
            "szkoł",
            "szkol",
            "przedszkol",
            "dziec",
            "młodzież",
            "żłob",
            "plac zabaw",
            "skole",
            "børn",
            "unge",
        ],
    ),
    (
        ProjectCategory::Elderly,
        &[
            "elder", "senior", "older", "retire", "emeryt", "ældre", "pension",
        ],
    ),
    (
        ProjectCategory::CultureSports,
        &[
            "culture",
            "cultural",
            "sport",
            "recreation",
            "leisure",
            "arts",
            "music",
            "librar",
            "festival",
            "workout",
            "fitness",
            "kultur",
            "rekreac",
            "bibliot",
            "boisk",
            "siłown",
            "festyn",
            "koncert",
            "idræt",
        ],
    ),
    (
        ProjectCategory::SocialInclusion,
        &[
            "social",
            "welfare",
            "health",
            "inclusion",
            "community",
            "housing",
            "homeless",
            "disab",
            "zdrow",
            "społ",
            "pomoc",
            "integrac",
            "niepełnospr",
            "sundhed",
        ],
    ),
    (
        ProjectCategory::RoadsInfrastructure,
        &[
            "transport",
            "transit",
            "road",
            "street",
            "traffic",
            "infrastructure",
            "bike",
            "bicycl",
            "cycling",
            "mobility",
            "safety",
            "security",
            "parking",
            "lighting",
            "pedestrian",
            "sidewalk",
            "drog",
            "ulic",
            "chodnik",
            "rower",
            "oświetl",
            "doświetl",
            "bezpiecz",
            "przejści",
            "komunikac",
            "trafik",
            "cykel",
            "vej",
        ],
    ),
];

/// Whether `text` (lower case) has a word starting with `keyword`.
fn has_word_starting(text: &str, keyword: &str) -> bool {
    text.match_indices(keyword).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The model category of one text (a pabulib category value or a name), if a keyword matches.
#[must_use]
pub fn category_from_text(text: &str) -> Option<ProjectCategory> {
    let text = text.to_lowercase();
    KEYWORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| has_word_starting(&text, w)))
        .map(|(c, _)| *c)
}

/// The model category of a project from its `category` values, then its name.
#[must_use]
pub fn category_of(project: &super::Project) -> Option<ProjectCategory> {
    project
        .category
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(project.name.as_str()))
        .find_map(category_from_text)
}

/// A name cut to [`MAX_PROJECT_NAME_CHARS`] characters (with `…` when cut), control characters
/// replaced by spaces.
fn clean_name(name: &str) -> String {
    let mut out: String = name
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if out.chars().count() > MAX_PROJECT_NAME_CHARS {
        out = out.chars().take(MAX_PROJECT_NAME_CHARS - 1).collect();
        out.push('…');
    }
    out
}

/// The file's projects for `vote.projects` (see the module docs), with how many a keyword
/// categorised. `budget` is the seeded budget in whole units.
fn real_projects(instance: &Instance, profile: &Profile, budget: u64) -> (Vec<RealProject>, u32) {
    let scale = instance.scale.max(1);
    let whole = |c: u64| (c / scale + u64::from(c % scale * 2 >= scale)).max(1);
    let mut keep: Vec<usize> = (0..instance.projects.len())
        .filter(|&k| whole(instance.projects[k].cost) <= budget)
        .collect();
    if keep.len() > usize::from(MAX_PROJECTS) {
        let mut support = vec![0u64; instance.projects.len()];
        for b in &profile.ballots {
            for p in b.projects() {
                if let Some(s) = support.get_mut(p as usize) {
                    *s += 1;
                }
            }
        }
        crate::sort::by(&mut keep, |&a, &b| {
            support[b].cmp(&support[a]).then(a.cmp(&b))
        });
        keep.truncate(usize::from(MAX_PROJECTS));
        crate::sort::unstable(&mut keep);
    }
    let mut by_keyword = 0;
    let mut turn = 0;
    let projects = keep
        .into_iter()
        .map(|k| {
            let p = &instance.projects[k];
            let category = if let Some(c) = category_of(p) {
                by_keyword += 1;
                c
            } else {
                let c = ProjectCategory::ALL[turn % ProjectCategory::ALL.len()];
                turn += 1;
                c
            };
            RealProject {
                name: clean_name(&p.name),
                cost: whole(p.cost),
                category,
            }
        })
        .collect();
    (projects, by_keyword)
}

/// Counts of non-empty ballots by length: entry `k` counts ballots of length `k + 1` (longer
/// than 60 count as 60). `None` when every ballot is empty.
#[must_use]
pub fn length_counts(profile: &Profile) -> Option<Vec<u32>> {
    let mut counts: Vec<u32> = Vec::new();
    for b in &profile.ballots {
        let k = b.len().min(usize::from(MAX_PROJECTS));
        if k == 0 {
            continue;
        }
        if counts.len() < k {
            counts.resize(k, 0);
        }
        counts[k - 1] = counts[k - 1].saturating_add(1);
    }
    (!counts.is_empty()).then_some(counts)
}

/// The `q`-quantile (0 – 1, nearest rank) of the lengths of non-empty ballots.
fn length_quantile(profile: &Profile, q: f64) -> u32 {
    let mut lengths: Vec<u32> = profile
        .ballots
        .iter()
        .map(|b| b.len() as u32)
        .filter(|&k| k > 0)
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    crate::sort::unstable(&mut lengths);
    let rank = libm::ceil(q * lengths.len() as f64).max(1.0) as usize;
    lengths[rank.min(lengths.len()) - 1]
}

/// Our rule for a pabulib META `rule` value.
#[must_use]
pub fn rule_from_meta(value: &str) -> Option<Rule> {
    match value.trim().to_lowercase().as_str() {
        "greedy" => Some(Rule::Greedy),
        "greedy-no-skip" => Some(Rule::GreedyNoSkip),
        "equalshares" => Some(Rule::Mes),
        "equalshares/add1" => Some(Rule::MesAdd1),
        _ => None,
    }
}

/// Seeds a scenario from `base` and a parsed file (see the module docs for what is taken).
pub fn seed_scenario(
    instance: &Instance,
    profile: &Profile,
    base: &Scenario,
) -> Result<Seeding, ScenarioError> {
    let mut s = base.clone();
    let scale = instance.scale.max(1);
    s.budget = (instance.budget.saturating_add(scale / 2) / scale).clamp(1, MAX_BUDGET);
    let (projects, projects_by_keyword) = real_projects(instance, profile, s.budget);
    let v = &mut s.vote;
    v.max_projects = (projects.len() as u8).clamp(1, MAX_PROJECTS);
    if instance.budget > 0 && !instance.projects.is_empty() {
        let share = |c: u64| (c as f64 / instance.budget as f64).clamp(0.001, 1.0);
        let min = instance.projects.iter().map(|p| p.cost).min().unwrap_or(0);
        let max = instance.projects.iter().map(|p| p.cost).max().unwrap_or(0);
        v.cost_share_min = share(min);
        v.cost_share_max = share(max).max(v.cost_share_min);
    }
    v.projects = (!projects.is_empty()).then_some(projects);
    if profile.kind == VoteKind::Cumulative {
        v.ballot = BallotKind::Cumulative;
        v.ballot_lengths = None;
        if let Some(points) = profile.max_sum_points {
            v.points = points.clamp(1, 1_000) as u16;
        }
    } else {
        v.ballot = BallotKind::Approval;
        v.ballot_lengths = length_counts(profile);
        let cap = profile
            .max_length
            .unwrap_or_else(|| length_quantile(profile, 0.9));
        if cap > 0 {
            v.max_approvals = cap.clamp(1, 60) as u8;
        }
    }
    let rule_from_file = instance.meta_value("rule").and_then(rule_from_meta);
    if let Some(rule) = rule_from_file {
        v.rule = rule;
    }
    s.validate()?;
    Ok(Seeding {
        scenario: s,
        rule_from_file,
        median_ballot_length: length_quantile(profile, 0.5),
        projects_in_file: instance.projects.len() as u32,
        projects_by_keyword,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Project, pabulib};
    use super::*;

    #[test]
    fn budget_costs_ballots_and_rule_carry_over() {
        let text = "META\nkey;value\nbudget;1000.5\nrule;equalshares/add1\nPROJECTS\nproject_id;cost\n\
                    a;100\nb;500\nc;20\nVOTES\nvoter_id;vote\nv1;a\nv2;a,b\nv3;a,b,c\nv4;\n";
        let (i, p) = pabulib::parse(text).unwrap();
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        assert_eq!(s.scenario.budget, 1001, "1000.5 rounds half up");
        assert_eq!(s.scenario.vote.max_projects, 3);
        assert!((s.scenario.vote.cost_share_min - 20.0 / 1000.5).abs() < 1e-12);
        assert!((s.scenario.vote.cost_share_max - 500.0 / 1000.5).abs() < 1e-12);
        assert_eq!(
            s.scenario.vote.max_approvals, 3,
            "90th percentile of 1, 2, 3"
        );
        assert_eq!(s.median_ballot_length, 2);
        assert_eq!(s.scenario.vote.rule, Rule::MesAdd1);
        assert_eq!(s.rule_from_file, Some(Rule::MesAdd1));
        // The seeded scenario runs.
        let mut small = s.scenario.clone();
        small.population.size = 2_000;
        small.invitation.letters = small.invitation.letters.min(2_000);
        assert!(crate::run(&small).is_ok());
    }

    #[test]
    fn categories_come_from_word_starts_then_names_then_turns() {
        let cat = |t: &str| category_from_text(t);
        assert_eq!(
            cat("public transit and roads"),
            Some(ProjectCategory::RoadsInfrastructure)
        );
        assert_eq!(cat("Transport"), Some(ProjectCategory::RoadsInfrastructure));
        assert_eq!(cat("Nature"), Some(ProjectCategory::GreenAreas));
        assert_eq!(cat("urban greenery"), Some(ProjectCategory::GreenAreas));
        assert_eq!(cat("education"), Some(ProjectCategory::ChildrenSchools));
        assert_eq!(cat("Culture"), Some(ProjectCategory::CultureSports));
        assert_eq!(cat("health"), Some(ProjectCategory::SocialInclusion));
        assert_eq!(
            cat("Zakup sprzętu dla seniorów"),
            Some(ProjectCategory::Elderly)
        );
        assert_eq!(
            cat("Ścieżka rowerowa"),
            Some(ProjectCategory::RoadsInfrastructure)
        );
        // Inside a word is no match: "street" holds "tree", "recycling" holds "cycl".
        assert_eq!(cat("56"), None);
        assert_eq!(cat("recycling bins"), None);
        let text = "META\nkey;value\nbudget;1000\nPROJECTS\nproject_id;cost;name;category\n\
                    a;100;Skatepark;sport\nb;200;Lamps;\nc;300;Benches;55\nd;5000;Too dear;sport\n\
                    VOTES\nvoter_id;vote\nv1;a\nv2;a,b\nv3;a,b,c\n";
        let (i, p) = pabulib::parse(text).unwrap();
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        let projects = s.scenario.vote.projects.unwrap();
        let got: Vec<(&str, u64, ProjectCategory)> = projects
            .iter()
            .map(|p| (p.name.as_str(), p.cost, p.category))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Skatepark", 100, ProjectCategory::CultureSports),
                ("Lamps", 200, ProjectCategory::GreenAreas),
                ("Benches", 300, ProjectCategory::ChildrenSchools),
            ],
            "by keyword, then the fallback in turn; the project dearer than the budget is left out"
        );
        assert_eq!((s.projects_in_file, s.projects_by_keyword), (4, 1));
        assert_eq!(s.scenario.vote.max_projects, 3);
        assert_eq!(s.scenario.vote.ballot_lengths, Some(vec![1, 1, 1]));
    }

    #[test]
    fn decimal_costs_round_to_whole_units_and_long_names_are_cut() {
        let long = "x".repeat(300);
        let text = format!(
            "META\nkey;value\nbudget;100.5\nPROJECTS\nproject_id;cost;name\na;10.5;{long}\nb;0.2;B\n\
             VOTES\nvoter_id;vote\nv1;a\n"
        );
        let (i, p) = pabulib::parse(&text).unwrap();
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        let projects = s.scenario.vote.projects.unwrap();
        assert_eq!(projects[0].cost, 11, "10.5 rounds half up");
        assert_eq!(projects[1].cost, 1, "at least one unit");
        assert_eq!(projects[0].name.chars().count(), MAX_PROJECT_NAME_CHARS);
        assert!(projects[0].name.ends_with('…'));
    }

    #[test]
    fn of_more_than_60_projects_the_most_supported_are_kept_in_file_order() {
        let projects: Vec<Project> = (0..70)
            .map(|k| {
                let mut p = Project::new(format!("p{k}"), 1);
                p.name = format!("project {k}");
                p
            })
            .collect();
        let i = Instance::new(projects, 100);
        // Projects 0 – 9 are on no ballot; 10 – 69 on one each.
        let p = Profile::approval((10..70).map(|k| vec![k]).collect());
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        let kept = s.scenario.vote.projects.unwrap();
        assert_eq!(kept.len(), 60);
        assert_eq!(
            (kept[0].name.as_str(), kept[59].name.as_str()),
            ("project 10", "project 69")
        );
        assert_eq!(s.scenario.vote.max_projects, 60);
        assert_eq!(s.projects_in_file, 70);
    }

    #[test]
    fn cumulative_files_give_cumulative_ballots_and_max_length_wins() {
        let mut p = Profile::cumulative(vec![vec![(0, 3), (1, 2)]]);
        p.max_sum_points = Some(5);
        let i = Instance::new(vec![Project::new("a", 10), Project::new("b", 10)], 10);
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        assert_eq!(s.scenario.vote.ballot, BallotKind::Cumulative);
        assert_eq!(s.scenario.vote.points, 5);
        assert!((s.scenario.vote.cost_share_max - 1.0).abs() < 1e-12);
        let mut a = Profile::approval(vec![vec![0, 1], vec![0, 1]]);
        a.max_length = Some(1);
        let s = seed_scenario(&i, &a, &Scenario::default()).unwrap();
        assert_eq!(s.scenario.vote.max_approvals, 1);
        assert_eq!(s.rule_from_file, None);
        assert_eq!(s.scenario.vote.rule, Scenario::default().vote.rule);
    }
}
