//! The report of a run: plain serde data that the app draws and the CLI prints.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::metrics::Representativeness;
use crate::scenario::Strategy;

/// Version of the report format; bumped when a field changes meaning.
pub const REPORT_VERSION: u32 = 2;

/// Values per attribute key and category key.
pub type GroupTable = BTreeMap<String, BTreeMap<String, f64>>;

/// Everything a run measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Report format version ([`REPORT_VERSION`]).
    pub report_version: u32,
    /// The scenario's seed.
    pub seed: u64,
    /// The invitation strategy used.
    pub strategy: Strategy,
    /// The budget in DKK.
    pub budget: u64,
    /// The population the stages are compared with.
    pub population: PopulationReport,
    /// Each stage by name: `invited`, `attendees`, `speakers`, `voters` (year 1).
    pub stages: BTreeMap<String, StageReport>,
    /// The voters of each ballot channel by name: `online`, `paper`, `meeting` (year 1).
    pub channels: BTreeMap<String, ChannelReport>,
    /// The meeting (year 1).
    pub deliberation: DeliberationReport,
    /// Proposals, the ballot and what was funded (year 1).
    pub outcome: OutcomeReport,
    /// Whose preferences the outcome reflects (year 1).
    pub influence: InfluenceReport,
    /// End-to-end inclusion probability per attribute and category: P(invited) × P(attend |
    /// invited) × P(speak | attend) × P(own favourite ballot project funded) (year 1).
    pub inclusion: GroupTable,
    /// One entry per simulated year.
    pub cycles: Vec<CycleReport>,
    /// Panel selection details (stratified sortition only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<SelectionReport>,
    /// What the invitation cost.
    pub cost: CostReport,
}

/// The population.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PopulationReport {
    /// Number of adult citizens.
    pub size: u32,
    /// Share of each category per attribute.
    pub shares: BTreeMap<String, BTreeMap<String, f64>>,
    /// Means of the continuous traits (free time in hours per week, the rest 0 – 1).
    pub means: BTreeMap<String, f64>,
}

/// One stage of the funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageReport {
    /// Citizens in the stage.
    pub count: u32,
    /// `count` ÷ population size.
    pub share_of_population: f64,
    /// How well the stage mirrors the population.
    pub representativeness: Representativeness,
}

/// The voters who used one ballot channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelReport {
    /// Voters who used the channel.
    pub count: u32,
    /// Share of the channel's voters in each category, per attribute (all 0 when nobody used it).
    pub shares: GroupTable,
}

/// How the stratified panel was selected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelectionReport {
    /// Citizens who answered the letter and joined the pool.
    pub pool: u32,
    /// Panel members selected (before drop-outs).
    pub panel: u32,
    /// Whether the quotas were met without filling up past them.
    pub quotas_met: bool,
    /// Replicate draws behind the probability estimates (0 with LEXIMIN, whose probabilities are
    /// exact).
    pub replicates: u16,
    /// How the panel was chosen (left out of the JSON when `legacy`).
    #[serde(
        default,
        skip_serializing_if = "crate::scenario::PanelSelection::is_legacy"
    )]
    pub method: crate::scenario::PanelSelection,
    /// Smallest estimated selection probability of a pool member, given the pool.
    pub min_probability: f64,
    /// Largest estimated selection probability of a pool member, given the pool.
    pub max_probability: f64,
    /// Each pool member (citizen index) with the estimated probability of selection given the pool.
    pub probabilities: Vec<PoolProbability>,
    /// Estimated end-to-end selection probability (letter × answer × selection) by category: the
    /// mean over the category's citizens of `letters/N · P(answer) · s̄(cell)`, with `s̄(cell)` the
    /// mean selection probability of pool members of the same age band, gender and education.
    pub end_to_end: BTreeMap<String, BTreeMap<String, f64>>,
}

/// One pool member's estimated selection probability.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolProbability {
    /// Citizen index in the population.
    pub citizen: u32,
    /// Estimated probability of being selected, given the pool.
    pub probability: f64,
}

/// What the invitation cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostReport {
    /// Letters sent.
    pub letters: u32,
    /// Personal outreach contacts made.
    pub contacts: u32,
    /// Staff hours.
    pub staff_hours: f64,
    /// Letters and staff hours in DKK.
    pub dkk: u64,
    /// `dkk` per attendee (absent when nobody attended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dkk_per_attendee: Option<f64>,
}

/// The meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliberationReport {
    /// Number of tables.
    pub tables: u32,
    /// Gini coefficient of speaking time among attendees (0 = equal voice).
    pub voice_gini: f64,
    /// Share of speaking time taken by the most talkative tenth of attendees.
    pub top_decile_share: f64,
    /// Mean absolute change of attendees' category preferences during the meeting.
    pub preference_shift: f64,
    /// Mean distance (mean absolute difference over categories) of attendees' preferences before
    /// the meeting from their informed preferences (what they would want knowing every argument).
    #[serde(default)]
    pub informed_distance_before: f64,
    /// The same after the meeting.
    #[serde(default)]
    pub informed_distance_after: f64,
    /// Share of the distance to the informed preferences the meeting closed:
    /// `1 − after / before` (0 when before is 0; negative when the meeting moved attendees away).
    #[serde(default)]
    pub moved_toward_informed: f64,
    /// Arguments taken up per attendee during the meeting.
    #[serde(default)]
    pub arguments_learned: f64,
}

/// One project that was proposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectReport {
    /// Ballot id (`p01`, …) when on the ballot; `x01`, … for proposals that did not make it.
    pub id: String,
    /// Category key.
    pub category: String,
    /// The real project's name (`vote.projects`); absent for generated projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// District key (`d1`, …), or `all` for a real project, which belongs to no district.
    pub district: String,
    /// Cost in DKK.
    pub cost: u64,
    /// Number of citizens who proposed it (0 for municipal proposals).
    pub proposers: u32,
    /// Association members account for more than half of its proposers' speaking time.
    pub association_backed: bool,
    /// Proposed by the municipality.
    pub municipal: bool,
    /// Vetoed by the municipal filter.
    pub vetoed: bool,
    /// On the ballot (not vetoed and within `vote.max_projects`).
    pub on_ballot: bool,
    /// Voters who approved it (listed it, for cumulative ballots).
    pub supporters: u32,
    /// Funded by the vote.
    pub funded: bool,
    /// Funded in the counterfactual where every citizen votes sincerely.
    pub funded_if_all_voted: bool,
    /// Funded and carried out (see `decision.implementer`).
    #[serde(default)]
    pub completed: bool,
    /// For a generated proposal, the real project whose cost it took: `<pabulib file> <project
    /// id>: <English gloss>` ([`crate::catalogue`]; data, not a translated label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    /// Representation ratio of each group among its supporters (share among supporters ÷ share
    /// in the population), core attributes only.
    pub supporter_ratios: GroupTable,
}

/// Proposals, ballot and allocation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeReport {
    /// Every proposal: ballot projects in ballot order, then the rest.
    pub projects: Vec<ProjectReport>,
    /// Ids of funded projects, in ballot order.
    pub funded: Vec<String>,
    /// Money spent, DKK.
    pub spent: u64,
    /// Ids of vetoed proposals.
    pub vetoed: Vec<String>,
    /// Ids funded in the counterfactual where every citizen votes sincerely.
    pub funded_if_all_voted: Vec<String>,
    /// Money spent in the counterfactual, DKK.
    pub spent_if_all_voted: u64,
    /// Share of the population that voted.
    pub turnout: f64,
    /// The PB rule used.
    pub rule: String,
    /// Who decided: `everyone`, `attendees` or `advisory` (`decision.channel`).
    #[serde(default)]
    pub decision: String,
    /// Who carried the projects out: `municipality` or `proposers` (`decision.implementer`).
    #[serde(default)]
    pub implementer: String,
    /// Number of funded projects.
    #[serde(default)]
    pub funded_count: u32,
    /// Ids of funded projects that were carried out, in ballot order.
    #[serde(default)]
    pub completed: Vec<String>,
    /// Number of completed projects.
    #[serde(default)]
    pub completed_count: u32,
    /// Money spent on completed projects, DKK.
    #[serde(default)]
    pub spent_completed: u64,
    /// Money spent on funded projects per project category, DKK (every category listed).
    #[serde(default)]
    pub money_by_category: BTreeMap<String, u64>,
    /// Share of the funded money benefiting each group, per attribute and category: each funded
    /// project's cost is split over the citizens in proportion to what it does for them (need ×
    /// effect of its size, where it is local; [`crate::need::benefits`]); a group's share is the
    /// sum over its members (0 everywhere when nothing is funded).
    #[serde(default)]
    pub benefit_shares: GroupTable,
    /// [`Self::benefit_shares`] over the completed projects only.
    #[serde(default)]
    pub benefit_shares_completed: GroupTable,
}

/// Whose preferences the outcome reflects (DESIGN §2.3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InfluenceReport {
    /// Mean satisfaction of all citizens: `s_i = Σ_{p∈W} u_i(p)·cost(p)/budget` with true utilities.
    pub mean_satisfaction: f64,
    /// Influence ratio `I_g = mean_{i∈g} s_i / mean_all s_i` per attribute and category (1 for
    /// every group when nobody gets anything).
    pub ratios: GroupTable,
    /// Influence gap per attribute: `max_g I_g − min_g I_g`.
    pub gap: BTreeMap<String, f64>,
    /// `cost(W ∩ W_all) / max(cost(W), cost(W_all))` (1 when both are empty).
    pub legitimacy: f64,
    /// `1 − Σ s_i(W) / Σ s_i(W_all)` (0 when `W_all` gives nobody anything).
    pub welfare_loss: f64,
    /// Share of funded money on projects proposed by association-backed participants (projects
    /// whose proposers' speaking time comes mostly from association members).
    pub organised_capture: f64,
    /// Citizen-decided money per capita, DKK.
    pub money_per_capita: f64,
    /// Share of citizen proposals vetoed by the municipality.
    pub veto_rate: f64,
    /// `cost(W ∩ W_inf) / max(cost(W), cost(W_inf))`, `W_inf` what every citizen voting with
    /// their informed preferences would fund (1 when both are empty).
    #[serde(default)]
    pub legitimacy_informed: f64,
    /// `1 − Σ s_i(W) / Σ s_i(W_inf)`, satisfaction with informed utilities (0 when `W_inf`
    /// gives nobody anything).
    #[serde(default)]
    pub welfare_loss_informed: f64,
}

/// One simulated year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CycleReport {
    /// Year number, from 1.
    pub year: u32,
    /// Attendees.
    pub attendees: u32,
    /// Representativeness index of the attendees.
    pub representativeness: f64,
    /// Share of attendees who also took part the year before (year 1: who had taken part before).
    pub repeat_share: f64,
    /// Influence gap per attribute.
    pub influence_gap: BTreeMap<String, f64>,
    /// Share of citizen proposals vetoed.
    pub veto_rate: f64,
    /// Share of the population that voted.
    pub turnout: f64,
    /// Money spent, DKK.
    pub spent: u64,
    /// Mean efficacy per core attribute and category at the start of the year.
    pub efficacy: GroupTable,
    /// Mean efficacy of this year's proposers after the year's feedback (0 if none).
    pub proposer_efficacy_after: f64,
}
