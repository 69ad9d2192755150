//! Participatory-budgeting rules (greedy, Method of Equal Shares and its completions, sequential
//! Phragmén), pabulib `.pb` input/output and outcome analytics. Money is integer, ratios exact.
//!
//! ```
//! use dialoglab_engine::pb::{Instance, Profile, Project, Rule, TieBreak};
//! let projects = vec![Project::new("a", 60), Project::new("b", 50), Project::new("c", 40)];
//! let instance = Instance::new(projects, 100);
//! let profile = Profile::approval(vec![vec![0, 1], vec![0], vec![2], vec![1, 2]]);
//! let outcome = Rule::Greedy.run(&instance, &profile, &TieBreak::default());
//! assert_eq!(outcome.winners, vec!["a".to_string(), "c".to_string()]);
//! ```

mod analytics;
mod exact;
mod mes_jump;
pub mod pabulib;
pub mod reweight;
mod rules;
pub mod seed;
pub mod study;

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

pub use analytics::{Analytics, GroupStats, analytics};
pub use exact::Ratio;
pub use pabulib::PbError;
pub use rules::{
    MesPayment, MesTrace, MesUtility, greedy, greedy_no_skip, greedy_per_cost, mes, mes_add1,
    mes_add1_greedy, mes_cardinality, mes_greedy, mes_increment, mes_trace, phragmen,
};

/// One project on the ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// Identifier, unique within the instance (pabulib: first column of PROJECTS).
    pub id: String,
    /// Cost in the instance's integer money unit (see [`Instance::scale`]).
    pub cost: u64,
    /// Human-readable name (empty when unknown).
    #[serde(default)]
    pub name: String,
    /// Categories (pabulib `category` column, comma-separated there).
    #[serde(default)]
    pub category: Vec<String>,
    /// District or area the project belongs to, if any.
    #[serde(default)]
    pub district: Option<String>,
    /// Whether the project was funded in the real process (pabulib `selected`), if known.
    #[serde(default)]
    pub selected: Option<u8>,
    /// Other columns of the pabulib PROJECTS section (`votes`, `score`, `description`, ...),
    /// in file order, kept so that a file can be written back unchanged.
    #[serde(default)]
    pub extra: Vec<(String, String)>,
}

impl Project {
    /// A project with an id and a cost and no metadata.
    #[must_use]
    pub fn new(id: impl Into<String>, cost: u64) -> Self {
        Project {
            id: id.into(),
            cost,
            name: String::new(),
            category: Vec::new(),
            district: None,
            selected: None,
            extra: Vec::new(),
        }
    }
}

/// A PB instance: projects and a budget, all money in one integer unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    /// The projects; rules refer to them by index (`u32`).
    pub projects: Vec<Project>,
    /// Total budget in the integer money unit.
    pub budget: u64,
    /// Money unit: file amounts were multiplied by this power of ten to become integers
    /// (1 when every amount in the file is integral).
    pub scale: u64,
    /// pabulib META pairs in file order (empty for generated instances).
    #[serde(default)]
    pub meta: Vec<(String, String)>,
}

impl Instance {
    /// An instance with integral money (`scale = 1`) and no META.
    #[must_use]
    pub fn new(projects: Vec<Project>, budget: u64) -> Self {
        Instance {
            projects,
            budget,
            scale: 1,
            meta: Vec::new(),
        }
    }

    /// The value of a META key (case-insensitive), if present.
    #[must_use]
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// Index of the project with this id.
    #[must_use]
    pub fn project_index(&self, id: &str) -> Option<u32> {
        self.projects
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as u32)
    }

    /// Formats an amount in the integer money unit as an exact decimal in file units
    /// (`12345` with scale 100 → `"123.45"`).
    #[must_use]
    pub fn format_money(&self, amount: u64) -> String {
        pabulib::format_decimal(amount, self.scale)
    }
}

/// The kind of ballots in a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum VoteKind {
    /// Approval (also pabulib `choose-1`): each ballot is a set of projects.
    #[default]
    Approval,
    /// Cumulative: points per project summing to at most `max_sum_points`.
    Cumulative,
    /// Scoring: arbitrary non-negative points per project.
    Scoring,
    /// Ordinal: a ranking, most preferred first.
    Ordinal,
}

impl VoteKind {
    /// The pabulib `vote_type` value.
    #[must_use]
    pub fn pabulib_name(self) -> &'static str {
        match self {
            VoteKind::Approval => "approval",
            VoteKind::Cumulative => "cumulative",
            VoteKind::Scoring => "scoring",
            VoteKind::Ordinal => "ordinal",
        }
    }
}

/// One ballot; project references are indices into [`Instance::projects`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ballot {
    /// Approved projects (order meaningless).
    Approval(Vec<u32>),
    /// Projects with points (cumulative and scoring ballots).
    Points(Vec<(u32, u64)>),
    /// Ranked projects, most preferred first.
    Ranking(Vec<u32>),
}

impl Ballot {
    /// The listed projects in ballot order (approval projection: listed = approved).
    #[must_use]
    pub fn projects(&self) -> Vec<u32> {
        match self {
            Ballot::Approval(v) | Ballot::Ranking(v) => v.clone(),
            Ballot::Points(v) => v.iter().map(|&(p, _)| p).collect(),
        }
    }

    /// Number of listed projects.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Ballot::Approval(v) | Ballot::Ranking(v) => v.len(),
            Ballot::Points(v) => v.len(),
        }
    }

    /// True when the ballot lists no project.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Voter metadata from the pabulib VOTES section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voter {
    /// Voter id (pabulib: first column of VOTES).
    pub id: String,
    /// Age in years, if known.
    #[serde(default)]
    pub age: Option<u16>,
    /// Sex as written in the file (`M`, `F`, ...), if known.
    #[serde(default)]
    pub sex: Option<String>,
    /// District of residence, if known.
    #[serde(default)]
    pub district: Option<String>,
    /// How the vote was cast (`internet`, `paper`, ...), if known.
    #[serde(default)]
    pub voting_method: Option<String>,
    /// Other VOTES columns in file order (survey answers, ...).
    #[serde(default)]
    pub extra: Vec<(String, String)>,
}

impl Voter {
    /// A voter with only an id.
    #[must_use]
    pub fn anonymous(id: impl Into<String>) -> Self {
        Voter {
            id: id.into(),
            age: None,
            sex: None,
            district: None,
            voting_method: None,
            extra: Vec::new(),
        }
    }
}

/// The ballots of an election (one per voter, empty ballots included) and the ballot limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Kind of every ballot.
    pub kind: VoteKind,
    /// One ballot per voter.
    pub ballots: Vec<Ballot>,
    /// Voter metadata, aligned with `ballots`.
    pub voters: Vec<Voter>,
    /// Minimum number of projects per ballot (META `min_length`), informative.
    #[serde(default)]
    pub min_length: Option<u32>,
    /// Maximum number of projects per ballot (META `max_length`), informative.
    #[serde(default)]
    pub max_length: Option<u32>,
    /// Maximum total cost of an approval ballot in the money unit (META `max_sum_cost`).
    #[serde(default)]
    pub max_sum_cost: Option<u64>,
    /// Points per voter for cumulative ballots (META `max_sum_points`).
    #[serde(default)]
    pub max_sum_points: Option<u64>,
}

impl Profile {
    fn with_ballots(kind: VoteKind, ballots: Vec<Ballot>) -> Self {
        let voters = (0..ballots.len())
            .map(|i| Voter::anonymous(i.to_string()))
            .collect();
        Profile {
            kind,
            ballots,
            voters,
            min_length: None,
            max_length: None,
            max_sum_cost: None,
            max_sum_points: None,
        }
    }

    /// An approval profile from ballots given as project indices; voters get ids `"0"`, `"1"`, ...
    #[must_use]
    pub fn approval(ballots: Vec<Vec<u32>>) -> Self {
        Self::with_ballots(
            VoteKind::Approval,
            ballots.into_iter().map(Ballot::Approval).collect(),
        )
    }

    /// A cumulative profile from `(project index, points)` ballots.
    #[must_use]
    pub fn cumulative(ballots: Vec<Vec<(u32, u32)>>) -> Self {
        Self::with_ballots(
            VoteKind::Cumulative,
            ballots
                .into_iter()
                .map(|b| Ballot::Points(b.into_iter().map(|(p, s)| (p, u64::from(s))).collect()))
                .collect(),
        )
    }

    /// An ordinal profile from rankings (most preferred first).
    #[must_use]
    pub fn ordinal(ballots: Vec<Vec<u32>>) -> Self {
        Self::with_ballots(
            VoteKind::Ordinal,
            ballots.into_iter().map(Ballot::Ranking).collect(),
        )
    }
}

/// The funded projects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    /// Project ids in the order the rule selected them.
    pub winners: Vec<String>,
    /// Total cost of the winners in the money unit.
    pub total_cost: u64,
}

/// How ties between projects are broken. Each variant is a total order on projects; the first
/// project in the order wins the tie. Every order ends with the project id (string comparison),
/// so outcomes are deterministic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum TieBreak {
    /// Smaller project id first (byte-wise string comparison; pabutools' default lexicographic
    /// order on project names).
    #[default]
    ProjectId,
    /// More approvals (listed on more ballots) first, then smaller id.
    MostVotes,
    /// Cheaper first, then smaller id.
    LowestCost,
    /// More expensive first, then smaller id.
    HighestCost,
}

impl TieBreak {
    /// All tie-breaking orders.
    pub const ALL: [TieBreak; 4] = [
        TieBreak::ProjectId,
        TieBreak::MostVotes,
        TieBreak::LowestCost,
        TieBreak::HighestCost,
    ];

    /// Stable kebab-case name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            TieBreak::ProjectId => "project-id",
            TieBreak::MostVotes => "most-votes",
            TieBreak::LowestCost => "lowest-cost",
            TieBreak::HighestCost => "highest-cost",
        }
    }
}

impl FromStr for TieBreak {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TieBreak::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = TieBreak::ALL.iter().map(|t| t.name()).collect();
                format!(
                    "unknown tie-break `{s}`; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

impl fmt::Display for TieBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Every PB rule; all share the signature `fn(&Instance, &Profile, &TieBreak) -> Allocation`.
/// Definitions are in `docs/PB.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Greedy by score, skipping projects that no longer fit.
    Greedy,
    /// Greedy by score, stopping at the first project that does not fit.
    GreedyNoSkip,
    /// Greedy by score per unit of cost, skipping.
    GreedyPerCost,
    /// Method of Equal Shares, cost utilities, no completion.
    Mes,
    /// Method of Equal Shares, cardinality utilities, no completion.
    MesCardinality,
    /// MES then utilitarian greedy by approval count over the leftover budget.
    MesGreedy,
    /// MES with the equalshares.net "Add1" completion.
    MesAdd1,
    /// MES with Add1, then greedy completion.
    MesAdd1Greedy,
    /// MES with pabutools' budget-increment completion (stops at the first exhaustive outcome).
    MesIncrement,
    /// Sequential Phragmén, stopping at the first project that would exceed the budget.
    Phragmen,
}

impl Rule {
    /// Every rule, in a fixed order.
    pub const ALL: [Rule; 10] = [
        Rule::Greedy,
        Rule::GreedyNoSkip,
        Rule::GreedyPerCost,
        Rule::Mes,
        Rule::MesCardinality,
        Rule::MesGreedy,
        Rule::MesAdd1,
        Rule::MesAdd1Greedy,
        Rule::MesIncrement,
        Rule::Phragmen,
    ];

    /// Stable kebab-case name (the serde name).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::GreedyNoSkip => "greedy-no-skip",
            Rule::GreedyPerCost => "greedy-per-cost",
            Rule::Mes => "mes",
            Rule::MesCardinality => "mes-cardinality",
            Rule::MesGreedy => "mes-greedy",
            Rule::MesAdd1 => "mes-add1",
            Rule::MesAdd1Greedy => "mes-add1-greedy",
            Rule::MesIncrement => "mes-increment",
            Rule::Phragmen => "phragmen",
        }
    }

    /// Runs the rule: prepares the profile once and hands it to the rule (`rules::run_prepared`,
    /// the one table from a rule to its code).
    #[must_use]
    pub fn run(self, instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
        let prep = rules::Prepared::new(instance, profile, *tie_break);
        rules::run_prepared(self, instance, &prep)
    }

    /// Runs the rule on approval ballots given as bit masks, one per ballot (bit `p` set = the
    /// ballot approves project `p`; `0` = an empty ballot, which still counts as a voter). The
    /// result equals [`Rule::run`] on the same ballots as [`Ballot::Approval`], without building
    /// a ballot list per voter. Returns `None` when the instance has more than 128 projects.
    #[must_use]
    pub fn run_approval_masks(
        self,
        instance: &Instance,
        masks: &[u128],
        tie_break: &TieBreak,
    ) -> Option<Allocation> {
        (instance.projects.len() <= 128).then(|| {
            let prep = rules::Prepared::from_approval_masks(instance, masks, *tie_break);
            rules::run_prepared(self, instance, &prep)
        })
    }
}

impl FromStr for Rule {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .into_iter()
            .find(|r| r.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
                format!("unknown rule `{s}`; expected one of {}", names.join(", "))
            })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_round_trip_through_fromstr_and_serde() {
        for r in Rule::ALL {
            assert_eq!(r.name().parse::<Rule>(), Ok(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.name())
            );
        }
        for t in TieBreak::ALL {
            assert_eq!(t.name().parse::<TieBreak>(), Ok(t));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.name())
            );
        }
        assert!("nope".parse::<Rule>().is_err());
    }
}
