//! The scenario: every parameter of a run, with defaults, documented ranges and validation.
//!
//! A `Scenario` is the unit of sharing: presets, links, saved JSON, worker messages and the CLI all
//! carry one. Unknown fields are rejected; missing fields take the default (the `faxe-dialogue`
//! preset). [`Scenario::validate`] names the first field outside its allowed range.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::pb::{Rule, TieBreak};

/// Defines a struct of `f64` coefficients with their defaults and its JSON: written as derived,
/// read through [`read_fields!`].
macro_rules! coefficients {
    ($(#[doc = $doc:expr])* pub struct $name:ident {
        $( $(#[doc = $fdoc:expr])* $field:ident : $default:expr ),* $(,)?
    }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq, Serialize)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: f64, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $( $field: $default, )* }
            }
        }

        impl $name {
            /// The fields' JSON names, in order.
            pub const FIELDS: &'static [&'static str] = &[$( stringify!($field) ),*];
        }

        read_fields!($name { $( $field ),* });
    };
}

/// Implements `Deserialize` for a parameter struct from the JSON object of its fields: each
/// known field read into the struct's default, an unknown field refused with the list of known
/// ones (serde's words). One string match per field, where the derived impl also builds a field
/// visitor, an `Option` and a duplicate check per field (the app's first load is at its size
/// limit). A repeated key cannot reach it: scenarios are read through a JSON tree, whose objects
/// keep the last value of a key.
macro_rules! read_fields {
    ($name:ident { $( $field:ident ),* $(,)? }) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$( stringify!($field) ),*];
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                            match key.as_ref() {
                                $( stringify!($field) => out.$field = map.next_value()?, )*
                                other => return Err(serde::de::Error::unknown_field(other, FIELDS)),
                            }
                        }
                        Ok(out)
                    }
                }
                deserializer.deserialize_struct(stringify!($name), FIELDS, Fields)
            }
        }
    };
}

/// Largest population the engine accepts.
pub const MAX_POPULATION: u32 = 1_000_000;
/// Largest budget in DKK (one trillion).
pub const MAX_BUDGET: u64 = 1_000_000_000_000;
/// Most districts a municipality can have in the model.
pub const MAX_DISTRICTS: u8 = 50;
/// Most projects a ballot can hold (`vote.max_projects`, and the length of `vote.projects`).
pub const MAX_PROJECTS: u8 = 60;
/// Longest project name in `vote.projects`, in characters.
pub const MAX_PROJECT_NAME_CHARS: usize = 200;

/// Whether this build can draw a panel by LEXIMIN (`invitation.selection = "leximin"`): the
/// command line and the Web Worker are built with the LP solver (`leximin-model`), the page's
/// bundle without it, where such a scenario is an [`Inconsistency::NoLeximinSolver`].
pub const LEXIMIN_AVAILABLE: bool = cfg!(feature = "leximin-model");

/// An inclusive range of a setting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range<T> {
    /// Smallest allowed value.
    pub min: T,
    /// Largest allowed value.
    pub max: T,
}

/// The ranges of the scenario's settings, written once: [`Scenario::validate`] checks them and
/// the app's controls offer exactly them. Ranges that depend on another setting (letters at most
/// the population, a panel at most the letters) are in `validate` and the app's `Field::kind`.
pub mod ranges {
    use super::{MAX_BUDGET, MAX_DISTRICTS, MAX_POPULATION, MAX_PROJECTS, Range};

    const fn u(min: u64, max: u64) -> Range<u64> {
        Range { min, max }
    }
    const fn f(min: f64, max: f64) -> Range<f64> {
        Range { min, max }
    }

    /// `budget`, DKK.
    pub const BUDGET: Range<u64> = u(0, MAX_BUDGET);
    /// `population.size`.
    pub const POPULATION_SIZE: Range<u64> = u(1, MAX_POPULATION as u64);
    /// `population.districts`.
    pub const DISTRICTS: Range<u64> = u(1, MAX_DISTRICTS as u64);
    /// `invitation.panel_size` (and at most the letters).
    pub const PANEL_SIZE: Range<u64> = u(1, 10_000);
    /// `invitation.contacts`.
    pub const CONTACTS: Range<u64> = u(1, 10);
    /// `invitation.selection_replicates`.
    pub const SELECTION_REPLICATES: Range<u64> = u(1, 1_000);
    /// `costs.letter_dkk`.
    pub const LETTER_DKK: Range<u64> = u(0, 1_000);
    /// `costs.staff_hour_dkk`.
    pub const STAFF_HOUR_DKK: Range<u64> = u(0, 10_000);
    /// `costs.open_call_hours`.
    pub const OPEN_CALL_HOURS: Range<f64> = f(0.0, 10_000.0);
    /// `costs.hours_per_contact`.
    pub const HOURS_PER_CONTACT: Range<f64> = f(0.0, 100.0);
    /// `costs.hours_per_association`.
    pub const HOURS_PER_ASSOCIATION: Range<f64> = f(0.0, 1_000.0);
    /// `costs.hours_per_response`.
    pub const HOURS_PER_RESPONSE: Range<f64> = f(0.0, 100.0);
    /// `meeting.table_size`.
    pub const TABLE_SIZE: Range<u64> = u(2, 20);
    /// `meeting.rounds`.
    pub const ROUNDS: Range<u64> = u(1, 20);
    /// `meeting.proposals_per_table`.
    pub const PROPOSALS_PER_TABLE: Range<u64> = u(0, 10);
    /// `municipality.municipal_proposals`.
    pub const MUNICIPAL_PROPOSALS: Range<u64> = u(0, 30);
    /// `vote.max_approvals` (0: no limit).
    pub const MAX_APPROVALS: Range<u64> = u(0, 60);
    /// `vote.points`.
    pub const POINTS: Range<u64> = u(1, 1_000);
    /// `vote.max_projects`.
    pub const MAX_PROJECTS_ON_BALLOT: Range<u64> = u(1, MAX_PROJECTS as u64);
    /// `cycles`.
    pub const CYCLES: Range<u64> = u(1, 20);
}

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

/// How a stratified panel is chosen from the pool of citizens who answered the letter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PanelSelection {
    /// The greedy quota pass over a shuffled pool (`selection.rs`), probabilities estimated from
    /// `invitation.selection_replicates` shuffles.
    #[default]
    Legacy,
    /// LEXIMIN (Flanigan et al. 2021, `panel`): the lottery over panels within the same quota caps
    /// that maximises the smallest selection probability, then the next; exact probabilities.
    Leximin,
}

impl PanelSelection {
    /// Both methods, in menu order.
    pub const ALL: [PanelSelection; 2] = [PanelSelection::Legacy, PanelSelection::Leximin];

    /// The stable name (`legacy`, `leximin`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            PanelSelection::Legacy => "legacy",
            PanelSelection::Leximin => "leximin",
        }
    }

    /// Whether this is the default (scenarios leave it out of their JSON then).
    #[must_use]
    pub fn is_legacy(&self) -> bool {
        *self == PanelSelection::Legacy
    }
}

/// A complete scenario. `Default` is the `faxe-dialogue` preset.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// The dialogue meeting: format, tables, rounds, persuasion, proposals.
    pub meeting: MeetingParams,
    /// The municipality: initiative, who writes the rules, control over proposals.
    pub municipality: MunicipalityParams,
    /// The PB vote: electorate, ballot, rule.
    pub vote: VoteParams,
    /// Year-to-year feedback on efficacy, trust and habit.
    pub feedback: FeedbackParams,
    /// Who knows which arguments for and against each project category (issue 17).
    pub arguments: ArgumentParams,
    /// Number of yearly cycles to simulate (1 – 20).
    pub cycles: u8,
    /// Who decides and who carries the projects out (issue 17).
    pub decision: DecisionParams,
    /// What a project does for a citizen: need by category and scale (issue 17).
    pub need: NeedParams,
}

read_fields!(Scenario {
    seed,
    budget,
    population,
    invitation,
    attendance,
    costs,
    meeting,
    municipality,
    vote,
    feedback,
    arguments,
    cycles,
    decision,
    need
});

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            seed: 1,
            budget: 250_000,
            population: PopulationParams::default(),
            invitation: InvitationParams::default(),
            attendance: AttendanceParams::default(),
            costs: CostParams::default(),
            meeting: MeetingParams::default(),
            municipality: MunicipalityParams::default(),
            vote: VoteParams::default(),
            feedback: FeedbackParams::default(),
            arguments: ArgumentParams::default(),
            cycles: 1,
            decision: DecisionParams::default(),
            need: NeedParams::default(),
        }
    }
}

/// How the meeting is run (DESIGN §2.2 step 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingFormat {
    /// Speaking turns go to the skilled, the assertive and the organised; persuasion follows status.
    #[default]
    Realistic,
    /// A facilitator gives everyone equal turns; persuasion follows argument quality (Habermas).
    Ideal,
}

/// Who takes the initiative (DESIGN §2.2 step 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Initiative {
    /// The municipality has a task and puts its own proposals on the ballot.
    #[default]
    Municipality,
    /// Citizens formulate the projects; participants gain ownership.
    Citizens,
}

/// Who writes the rules of the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RulesBy {
    /// The municipality alone.
    #[default]
    Municipality,
    /// Co-designed with participants: the meetings take the times and formats participants ask
    /// for (evening meetings, childcare, interpretation; see [`Scenario::effective_supports`]).
    CoDesigned,
}

/// Who decides which projects are funded (`decision.channel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionChannel {
    /// Everyone may vote: online, on paper or at the meeting (the PB vote).
    #[default]
    Everyone,
    /// The meeting decides: its attendees vote, nobody else.
    Attendees,
    /// The meeting only advises: the municipality funds projects by its goals and the meeting's
    /// support for them.
    Advisory,
}

impl DecisionChannel {
    /// Every channel, in the order the app lists them.
    pub const ALL: [DecisionChannel; 3] = [
        DecisionChannel::Everyone,
        DecisionChannel::Attendees,
        DecisionChannel::Advisory,
    ];

    /// The stable name: `everyone`, `attendees`, `advisory`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            DecisionChannel::Everyone => "everyone",
            DecisionChannel::Attendees => "attendees",
            DecisionChannel::Advisory => "advisory",
        }
    }
}

/// Who carries a funded project out (`decision.implementer`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Implementer {
    /// The municipality: every funded project is completed.
    #[default]
    Municipality,
    /// The proposers, in their own time: a citizen project is completed with a probability that
    /// grows with its proposers' free time (municipal proposals stay with the municipality).
    Proposers,
}

impl Implementer {
    /// The stable name: `municipality`, `proposers`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Implementer::Municipality => "municipality",
            Implementer::Proposers => "proposers",
        }
    }
}

/// Who decides and who carries the projects out (docs/MODEL.md, "Budgets").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionParams {
    /// Who decides.
    pub channel: DecisionChannel,
    /// Who carries a funded project out.
    pub implementer: Implementer,
    /// Under `advisory`: weight of the meeting's support (the share of attendees approving a
    /// project) against the municipality's goal for its category (0 – 1).
    pub advice_weight: f64,
    /// Under `proposers`: log-odds that a citizen project is completed when its proposers have
    /// 20 free hours a week.
    pub completion_intercept: f64,
    /// Under `proposers`: per unit of the proposers' mean free time ÷ 40 hours, centred at ½.
    pub completion_time: f64,
}

read_fields!(DecisionParams {
    channel,
    implementer,
    advice_weight,
    completion_intercept,
    completion_time
});

impl Default for DecisionParams {
    fn default() -> Self {
        DecisionParams {
            channel: DecisionChannel::Everyone,
            implementer: Implementer::Municipality,
            advice_weight: 0.5,
            completion_intercept: 0.8,
            completion_time: 3.0,
        }
    }
}

coefficients! {
    /// What a project does for a citizen (docs/MODEL.md, "Budgets"): each category meets a need of
    /// those it serves (parents: children and schools; the 67+: elderly care and health; the
    /// 18–29: culture and sports; the marginalised: social inclusion; the employed: roads), every
    /// category a little for everyone, and a larger project does more, with diminishing returns.
    pub struct NeedParams {
        /// Need of every citizen for every category (0 – 1).
        base: 0.08,
        /// Added need of a citizen the category serves (0 – 1).
        served: 0.4,
        /// Cost in DKK at which a project's effect is `ln 2` (1 – 10⁹): effect `ln(1 + cost ÷ scale)`.
        scale_dkk: 10_000.0,
        /// Stakes of a citizen with total need 0: `stakes = total need · ln(1 + budget per district ÷
        /// scale_dkk) − stakes_offset`.
        stakes_offset: 2.65,
        /// How much need weighs in a citizen's utility against their preferences (0 – 1).
        utility_weight: 0.5,
        /// How much a project's scale weighs in a citizen's utility (0 – 1).
        scale_weight: 0.5,
    }
}

/// The kind of ballot in the PB vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BallotKind {
    /// Approve every project whose utility reaches `vote.threshold` (at most `vote.max_approvals`).
    #[default]
    Approval,
    /// Spread `vote.points` points over one's three favourite projects, in proportion to utility.
    Cumulative,
}

/// A project category citizens hold preferences over (DESIGN §2.1), in the order of
/// [`crate::attributes::PROJECT_CATEGORIES`], whose keys are also the serde names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectCategory {
    /// Green areas, nature, parks and public space.
    GreenAreas,
    /// Children, young people and schools.
    ChildrenSchools,
    /// The elderly.
    Elderly,
    /// Culture, sports and leisure.
    CultureSports,
    /// Social inclusion, health and welfare.
    SocialInclusion,
    /// Roads, transport and infrastructure.
    RoadsInfrastructure,
}

impl ProjectCategory {
    /// Every category, in preference order.
    pub const ALL: [ProjectCategory; 6] = [
        ProjectCategory::GreenAreas,
        ProjectCategory::ChildrenSchools,
        ProjectCategory::Elderly,
        ProjectCategory::CultureSports,
        ProjectCategory::SocialInclusion,
        ProjectCategory::RoadsInfrastructure,
    ];

    /// The category's index into preference arrays (`0 – 5`).
    #[must_use]
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The stable key (as in reports: `green_areas`, …).
    #[must_use]
    pub fn key(self) -> &'static str {
        crate::attributes::PROJECT_CATEGORIES[usize::from(self.index())]
    }
}

/// A project from a real participatory budget (for example a pabulib file) put on the simulated
/// ballot instead of a generated one (see `vote.projects`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealProject {
    /// The project's name as the file gives it (plain text, at most
    /// [`MAX_PROJECT_NAME_CHARS`] characters, no control characters; may be empty).
    pub name: String,
    /// Its cost in whole money units of the scenario's budget (1 – `budget`).
    pub cost: u64,
    /// The model category citizens judge it by (see [`crate::pb::seed`] for how file
    /// categories are mapped).
    pub category: ProjectCategory,
}

/// The dialogue meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeetingParams {
    /// Realistic or ideal (facilitated) meetings.
    pub format: MeetingFormat,
    /// Seats per table (2 – 20).
    pub table_size: u8,
    /// Rounds of conversation (1 – 20); each round has as many turns as there are seats.
    pub rounds: u8,
    /// Share of the distance to a speaker's preferences a listener moves per full-weight turn (0 – 1).
    pub persuasion: f64,
    /// Listeners only move towards speakers whose preferences differ by at most this mean
    /// absolute difference (0 – 1; 1 = no bound).
    pub confidence_bound: f64,
    /// In realistic meetings, how strongly speaking weight follows civic skill, assertiveness and
    /// organisational backing (0 – 10).
    pub status_weight: f64,
    /// In realistic meetings, the part of persuasion that follows status rather than argument
    /// quality (0 – 1).
    pub status_persuasion: f64,
    /// Weight of civic skill in a citizen's status (0 – 1):
    /// `status = skill·status_skill + assertiveness·status_assertiveness + backing·status_backing`.
    pub status_skill: f64,
    /// Weight of assertiveness in a citizen's status (0 – 1).
    pub status_assertiveness: f64,
    /// Weight of organisational backing (association membership) in a citizen's status (0 – 1).
    pub status_backing: f64,
    /// How much longer a turn lasts per unit of civic skill when nobody evens it out (0 – 2): a
    /// turn lasts `½ + turn_skill·skill + turn_assertiveness·assertiveness`.
    pub turn_skill: f64,
    /// How much longer a turn lasts per unit of assertiveness when nobody evens it out (0 – 2).
    pub turn_assertiveness: f64,
    /// Proposals each table sends to the ballot (0 – 10).
    pub proposals_per_table: u8,
    /// In ideal meetings, how far the facilitator evens out turn lengths (0 – 1): a turn lasts
    /// `facilitation + (1 − facilitation)·(½ + turn_skill·skill + turn_assertiveness·assertiveness)`.
    pub facilitation: f64,
    /// Speaking weight of a citizen with a language barrier when there is no interpretation,
    /// relative to others of the same status (0 – 1).
    pub language_voice: f64,
    /// How listeners change their minds: by the arguments they hear (default), by arguments
    /// only from speakers within `confidence_bound`, or by averaging towards the speaker.
    pub update: MeetingUpdate,
}

read_fields!(MeetingParams {
    format,
    table_size,
    rounds,
    persuasion,
    confidence_bound,
    status_weight,
    status_persuasion,
    status_skill,
    status_assertiveness,
    status_backing,
    turn_skill,
    turn_assertiveness,
    proposals_per_table,
    facilitation,
    language_voice,
    update
});

/// How a listener's preferences respond to a speaking turn (docs/MODEL.md, "Deliberation").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingUpdate {
    /// Argument exchange (Mäs & Flache 2013): the speaker voices an argument they know; a
    /// listener who did not know it takes it up with a probability set by its strength (ideal
    /// format) or by the speaker's status and its strength (realistic format) and moves by its
    /// value. Every listener hears every speaker.
    #[default]
    Arguments,
    /// Argument exchange in which listeners ignore speakers whose preferences differ by more
    /// than `confidence_bound` (bounded confidence, Deffuant et al. 2000): like-minded tables
    /// hear one side only.
    BoundedConfidence,
    /// No argument content: listeners within `confidence_bound` move `persuasion · ω` of the way
    /// towards the speaker's preferences, ω the turn's quality (a uniform draw) or status.
    Averaging,
}

impl MeetingUpdate {
    /// Every update rule.
    pub const ALL: [MeetingUpdate; 3] = [
        MeetingUpdate::Arguments,
        MeetingUpdate::BoundedConfidence,
        MeetingUpdate::Averaging,
    ];

    /// The kebab-case name used in scenario files.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            MeetingUpdate::Arguments => "arguments",
            MeetingUpdate::BoundedConfidence => "bounded-confidence",
            MeetingUpdate::Averaging => "averaging",
        }
    }
}

coefficients! {
    /// Who knows which arguments ([`crate::arguments`]): citizen `i` knows argument `a` of category `c`
    /// with probability `know_base + know_education · education/2 + know_experience · [a is a pro
    /// argument and i has experience of c] + know_association · [member]`, clamped to 0 – 1.
    pub struct ArgumentParams {
        /// Probability of knowing an argument with no education, experience or membership (0 – 1).
        know_base: 0.2,
        /// Added for higher education (half for vocational) (0 – 1).
        know_education: 0.25,
        /// Added for the pro arguments of a category one has experience of (parents: schools; 67+:
        /// the elderly; marginalised: social inclusion; …) (0 – 1).
        know_experience: 0.45,
        /// Added for association members (0 – 1).
        know_association: 0.15,
        /// How far one argument of strength 1 moves the preference for its category (0 – 1).
        impact: 0.25,
    }
}

impl Default for MeetingParams {
    fn default() -> Self {
        MeetingParams {
            format: MeetingFormat::Realistic,
            table_size: 8,
            rounds: 3,
            persuasion: 0.06,
            confidence_bound: 1.0,
            status_weight: 2.5,
            status_persuasion: 0.7,
            status_skill: 0.35,
            status_assertiveness: 0.35,
            status_backing: 0.3,
            turn_skill: 0.5,
            turn_assertiveness: 0.5,
            proposals_per_table: 2,
            facilitation: 0.8,
            language_voice: 0.33,
            update: MeetingUpdate::Arguments,
        }
    }
}

/// The municipality.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MunicipalityParams {
    /// Who takes the initiative.
    pub initiative: Initiative,
    /// Who writes the rules.
    pub rules_by: RulesBy,
    /// Municipal control over proposals (0 – 1): a proposal that conflicts with the municipality's
    /// goals is vetoed with probability `control`.
    pub control: f64,
    /// How well each project category fits the municipality's goals (each 0 – 1), in the order
    /// green areas, children and schools, elderly, culture and sports, social inclusion, roads and
    /// infrastructure. A citizen proposal conflicts with probability `1 − goal`.
    pub goals: [f64; 6],
    /// Proposals the municipality puts on the ballot when it has the initiative (0 – 30).
    pub municipal_proposals: u8,
    /// Trust gain of the year's attendees under co-designed rules (they shaped the process they
    /// took part in), as a share of the gap to 1 (0 – 1).
    pub co_design_trust: f64,
    /// Efficacy gain of participants under citizens' initiative, as a share of the gap to 1 (0 – 1).
    pub ownership: f64,
}

read_fields!(MunicipalityParams {
    initiative,
    rules_by,
    control,
    goals,
    municipal_proposals,
    co_design_trust,
    ownership
});

impl Default for MunicipalityParams {
    fn default() -> Self {
        MunicipalityParams {
            initiative: Initiative::Municipality,
            rules_by: RulesBy::Municipality,
            control: 0.3,
            goals: [0.8, 0.7, 0.8, 0.6, 0.5, 0.9],
            municipal_proposals: 4,
            co_design_trust: 0.15,
            ownership: 0.1,
        }
    }
}

/// The PB vote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VoteParams {
    /// Approval or cumulative ballots.
    pub ballot: BallotKind,
    /// The PB rule that allocates the budget.
    pub rule: Rule,
    /// Tie-breaking order of the rule.
    pub tie_break: TieBreak,
    /// Approval: approve projects with utility at least this (0 – 1).
    pub threshold: f64,
    /// Approval: most projects one may approve (0 = no limit; 0 – 60).
    pub max_approvals: u8,
    /// Cumulative: points each voter spreads (1 – 1,000).
    pub points: u16,
    /// Most projects on the ballot (1 – 60).
    pub max_projects: u8,
    /// Share of a project's utility that depends on it being in the citizen's own district (0 – 1).
    pub district_bonus: f64,
    /// Smallest project cost as a share of the budget (0.001 – 1).
    pub cost_share_min: f64,
    /// Largest project cost as a share of the budget (0.001 – 1, at least `cost_share_min`).
    pub cost_share_max: f64,
    /// Proposals take their cost from real projects of their own category (default), or, when
    /// false, from the whole catalogue whatever their category: an ablation switch, under which
    /// what a pot can buy no longer depends on what a project is for (see [`crate::catalogue`]).
    pub costs_by_category: bool,
    /// Voting online is possible: a channel without travel, with a digital barrier.
    pub online: bool,
    /// Baseline log-odds of voting.
    pub turnout_intercept: f64,
    /// Per unit of political interest, centred at 0.5.
    pub turnout_interest: f64,
    /// Per unit of efficacy, centred at 0.5.
    pub turnout_efficacy: f64,
    /// Per unit of trust, centred at 0.5.
    pub turnout_trust: f64,
    /// Per unit of stakes (as in attendance, with the same weight for the marginalised).
    pub turnout_stakes: f64,
    /// For citizens who attended the meeting.
    pub turnout_attendee: f64,
    /// Per unit of `ln(1 + invitation intensity)`: being asked in person also mobilises to vote.
    pub turnout_invited: f64,
    /// Paper ballot: cost (logit) of getting to a polling place (travel, opening hours).
    pub paper_cost: f64,
    /// Paper ballot: cost (logit) per unit of time pressure (1 − free hours ÷ 40, at least 0).
    pub paper_time: f64,
    /// Online ballot: cost (logit) per unit of time pressure.
    pub online_time: f64,
    /// Online ballot: cost (logit) per unit of missing digital skill (1 − digital skill).
    pub online_digital: f64,
    /// Real projects (1 – 60; absent by default). When present they are the pool the meetings'
    /// proposals come from instead of generated projects: every one of them is a proposal with
    /// its exact cost, citizens at the tables champion the ones in their favourite category, the
    /// municipal filter and `max_projects` act as usual, and `cost_share_min`/`cost_share_max`
    /// are not used (see [`crate::proposals`]). Real projects belong to no district: they count
    /// as local for every citizen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects: Option<Vec<RealProject>>,
    /// Approval: an empirical distribution of ballot lengths (absent by default). Entry `k` is
    /// the number (weight) of ballots with `k + 1` approvals (1 – 60 entries, not all zero).
    /// When present, each approval voter's most approvals is drawn from it (replacing
    /// `max_approvals`) from a random stream of its own; cumulative ballots ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballot_lengths: Option<Vec<u32>>,
}

read_fields!(VoteParams {
    ballot,
    rule,
    tie_break,
    threshold,
    max_approvals,
    points,
    max_projects,
    district_bonus,
    cost_share_min,
    cost_share_max,
    costs_by_category,
    online,
    turnout_intercept,
    turnout_interest,
    turnout_efficacy,
    turnout_trust,
    turnout_stakes,
    turnout_attendee,
    turnout_invited,
    paper_cost,
    paper_time,
    online_time,
    online_digital,
    projects,
    ballot_lengths
});

impl Default for VoteParams {
    fn default() -> Self {
        VoteParams {
            ballot: BallotKind::Approval,
            rule: Rule::Greedy,
            tie_break: TieBreak::ProjectId,
            threshold: 0.45,
            max_approvals: 0,
            points: 10,
            max_projects: 12,
            district_bonus: 0.4,
            cost_share_min: 0.04,
            cost_share_max: 0.3,
            costs_by_category: true,
            online: true,
            turnout_intercept: -1.8,
            turnout_interest: 1.6,
            turnout_efficacy: 0.8,
            turnout_trust: 0.6,
            turnout_stakes: 0.2,
            turnout_attendee: 3.0,
            turnout_invited: 0.6,
            paper_cost: 1.0,
            paper_time: 1.0,
            online_time: 0.3,
            online_digital: 2.51,
            projects: None,
            ballot_lengths: None,
        }
    }
}

coefficients! {
    /// Year-to-year feedback (DESIGN §2.2 step 8); each a share of the gap to 1 (gains) or of the
    /// current value (losses), 0 – 1.
    pub struct FeedbackParams {
        /// Efficacy gain of a participant (attendee or voter) whose favourite project was funded.
        efficacy_gain: 0.15,
        /// Efficacy loss of a participant whose favourite project was not funded.
        efficacy_loss: 0.08,
        /// Efficacy loss of a proposer whose proposal was vetoed.
        veto_efficacy_loss: 0.25,
        /// Trust loss of a proposer whose proposal was vetoed.
        veto_trust_loss: 0.15,
        /// Trust gain of a participant whose favourite project was funded.
        trust_gain: 0.05,
        /// Share of habit lost in a year without taking part.
        habit_decay: 0.5,
    }
}

/// The synthetic population (DESIGN §2.1).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PopulationParams {
    /// Number of adult citizens (1 – 1,000,000).
    pub size: u32,
    /// Number of districts (1 – 50).
    pub districts: u8,
    /// Shares of the age bands 18–29, 30–49, 50–66, 67+ (each 0 – 1, summing to 1 ± 0.01).
    pub age_shares: [f64; 4],
    /// Share of women in each age band 18–29, 30–49, 50–66, 67+ (each 0.3 – 0.7). The default,
    /// half under 67 and 55% among the 67+ (women outlive men), is Faxe's approximately; a city
    /// with more women (Polish cities: about 54% of adults) says so here.
    pub women_shares: [f64; 4],
    /// Share of citizens who are marginalised, socially vulnerable or facing a language barrier (0 – 0.6).
    pub marginalised_share: f64,
    /// Share of the marginalised whose barrier is language (0 – 1).
    pub language_barrier_share: f64,
    /// Share of citizens who are members of at least one association (0 – 1).
    pub association_share: f64,
    /// Mean disposable income of the low, middle and high income tercile relative to the middle
    /// (each 0.05 – 10): what a budget or a payment is worth to a citizen.
    pub relative_income: [f64; 3],
    /// Digital skill: log-odds at age 30–66 (centre of the age bands) and vocational education.
    pub digital_intercept: f64,
    /// Digital skill: change in log-odds per age band (18–29, 30–49, 50–66, 67+).
    pub digital_age: f64,
    /// Digital skill: change in log-odds per education level (basic, vocational, higher).
    pub digital_education: f64,
    /// Digital skill: standard deviation of the noise on its log-odds.
    pub digital_noise: f64,
    /// Coefficients of the traits' equations.
    pub traits: TraitParams,
}

read_fields!(PopulationParams {
    size,
    districts,
    age_shares,
    women_shares,
    marginalised_share,
    language_barrier_share,
    association_share,
    relative_income,
    digital_intercept,
    digital_age,
    digital_education,
    digital_noise,
    traits
});

impl Default for PopulationParams {
    fn default() -> Self {
        PopulationParams {
            size: 29_500,
            districts: 5,
            age_shares: [0.17, 0.28, 0.30, 0.25],
            women_shares: [0.50, 0.50, 0.50, 0.55],
            marginalised_share: 0.10,
            language_barrier_share: 0.35,
            association_share: 0.55,
            relative_income: [0.55, 1.0, 1.6],
            digital_intercept: 0.8,
            digital_age: -0.56,
            digital_education: 0.7,
            digital_noise: 0.6,
            traits: TraitParams::default(),
        }
    }
}

coefficients! {
    /// Coefficients of the population draw's traits (DESIGN §2.1; docs/MODEL.md §1): who the citizens
    /// are, the inputs the participation mechanisms act on. Log-odds before the logistic transform
    /// unless a unit says otherwise; education levels are centred at vocational (−1, 0, 1).
    pub struct TraitParams {
        /// Mean free hours per week of the employed.
        free_time_employed: 22.0,
        /// Mean free hours per week of students.
        free_time_student: 26.0,
        /// Mean free hours per week of retirees.
        free_time_retired: 44.0,
        /// Mean free hours per week of those outside the labour force.
        free_time_outside: 34.0,
        /// Free hours per week that school-age children at home take.
        free_time_children: 12.0,
        /// Standard deviation of free time around its mean.
        free_time_noise: 5.0,
        /// Civic skill's log-odds per education level.
        skill_education: 0.6,
        /// Civic skill's log-odds for association members.
        skill_member: 0.5,
        /// Civic skill's log-odds for the marginalised.
        skill_marginalised: -0.9,
        /// Political interest's log-odds at the reference.
        interest_intercept: -0.2,
        /// Political interest's log-odds per education level.
        interest_education: 0.35,
        /// Political interest's log-odds for the 67+.
        interest_old: 0.6,
        /// Political interest's log-odds for the 18–29.
        interest_young: -0.5,
        /// Political interest's log-odds for the marginalised.
        interest_marginalised: -0.6,
        /// Political interest's log-odds for association members.
        interest_member: 0.3,
        /// Efficacy's log-odds per education level.
        efficacy_education: 0.4,
        /// Efficacy's log-odds for the marginalised.
        efficacy_marginalised: -0.8,
        /// Efficacy's log-odds for association members.
        efficacy_member: 0.2,
        /// Trust's log-odds at the reference.
        trust_intercept: 0.3,
        /// Trust's log-odds for the marginalised.
        trust_marginalised: -0.9,
        /// Trust's log-odds per education level.
        trust_education: 0.15,
        /// Assertiveness's log-odds, men against women, as (gender − ½) times this.
        assertiveness_men: 0.3,
        /// Assertiveness's log-odds per education level.
        assertiveness_education: 0.3,
        /// Assertiveness's log-odds for the marginalised.
        assertiveness_marginalised: -0.4,
        /// Local media use's log-odds for the 18–29.
        media_intercept: -0.5,
        /// Local media use's log-odds gain per 1.5 age bands.
        media_age: 0.9,
        /// Local media use's log-odds for the marginalised.
        media_marginalised: -0.4,
        /// Local media use's log-odds per education level.
        media_education: 0.2,
        /// Log-odds of having taken part before, at the reference.
        past_intercept: -2.6,
        /// Log-odds of having taken part before per half unit of interest above ½.
        past_interest: 1.2,
        /// Log-odds of having taken part before for association members.
        past_member: 0.8,
        /// Log-odds of having taken part before for the 67+.
        past_old: 0.6,
        /// Log-odds of having taken part before for the marginalised.
        past_marginalised: -0.8,
        /// Standard deviation of the noise on civic skill's log-odds.
        skill_noise: 0.5,
        /// Standard deviation of the noise on political interest's log-odds.
        interest_noise: 0.6,
        /// Standard deviation of the noise on efficacy's log-odds.
        efficacy_noise: 0.6,
        /// Standard deviation of the noise on trust's log-odds.
        trust_noise: 0.6,
        /// Standard deviation of the noise on assertiveness's log-odds.
        assertiveness_noise: 0.7,
        /// Standard deviation of the noise on local media use's log-odds.
        media_noise: 0.5,
        /// Odds multiplier of being marginalised with basic education and outside the labour force.
        marginalised_basic_outside: 4.0,
        /// Odds multiplier of being marginalised with basic education or outside the labour force.
        marginalised_basic_or_outside: 2.0,
        /// Odds multiplier of being marginalised with higher education (in the labour force).
        marginalised_higher: 0.4,
        /// Odds multiplier of being marginalised otherwise (vocational education, in the labour force).
        marginalised_other: 0.8,
        /// Association membership's log-odds per education level.
        member_education: 0.35,
        /// Association membership's log-odds for the marginalised.
        member_marginalised: -0.9,
        /// Association membership's log-odds for those not marginalised.
        member_not_marginalised: 0.1,
        /// Association membership's log-odds for the 67+.
        member_old: 0.2,
        /// Latent income score per education level.
        income_education: 0.7,
        /// Latent income score of the employed.
        income_employed: 1.0,
        /// Latent income score of retirees.
        income_retired: 0.1,
        /// Latent income score of students and those outside the labour force.
        income_other: -0.6,
        /// Latent income score for the 50–66 (late career).
        income_late_career: 0.3,
        /// Latent income score for the marginalised.
        income_marginalised: -0.8,
        /// Standard deviation of the noise on the latent income score.
        income_noise: 0.6,
        /// Weight of green areas as favourite, per education level above basic.
        pref_green_education: 0.6,
        /// Weight of children and schools for parents of school-age children.
        pref_children_parents: 5.0,
        /// Weight of children and schools for the 18–29.
        pref_children_young: 0.5,
        /// Weight of the elderly for the 67+.
        pref_elderly_old: 5.0,
        /// Weight of culture and sports for the 18–29.
        pref_culture_young: 2.5,
        /// Weight of social inclusion for the marginalised.
        pref_social_marginalised: 5.0,
        /// Weight of roads and infrastructure for the employed.
        pref_roads_employed: 1.0,
        /// Weight of green areas for members of a nature association.
        pref_green_nature_members: 3.0,
        /// Weight of culture and sports for members of a sports association.
        pref_culture_sports_members: 3.0,
        /// Weight of roads and infrastructure for members of a residents' association.
        pref_roads_residents_members: 2.0,
        /// Weight of the elderly for members of a social association.
        pref_elderly_social_members: 0.5,
        /// Weight of social inclusion for members of a social association.
        pref_social_social_members: 2.0,
        /// Lowest preference for the favourite category.
        pref_favourite: 0.85,
        /// Spread of the preference for the favourite category above its lowest.
        pref_favourite_spread: 0.15,
        /// Lowest preference for the second category.
        pref_second: 0.45,
        /// Spread of the preference for the second category above its lowest.
        pref_second_spread: 0.15,
        /// Lowest preference for the other categories.
        pref_other: 0.1,
        /// Spread of the preference for the other categories above their lowest.
        pref_other_spread: 0.2,
    }
}

/// Which supports the meetings offer (DESIGN §2.2 step 3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default)]
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

read_fields!(Supports {
    childcare,
    evening,
    interpretation,
    payment,
    online
});

/// Fields of earlier versions that the model no longer has (they set a named group's outcome;
/// see docs/MODEL.md). Links and files carrying them still load: the fields are dropped.
pub const REMOVED_FIELDS: [&str; 6] = [
    "attendance.stakes_reference_dkk",
    "attendance.stakes_marginalised",
    "municipality.co_design_attendance",
    "vote.online_young",
    "vote.online_women",
    "vote.online_old",
];

/// Drops [`REMOVED_FIELDS`] from a scenario's JSON tree before it is read, and returns the paths
/// it dropped.
pub fn drop_removed_fields(tree: &mut serde_json::Value) -> Vec<&'static str> {
    let mut dropped = Vec::new();
    for path in REMOVED_FIELDS {
        let Some((section, field)) = path.split_once('.') else {
            continue;
        };
        if let Some(map) = tree
            .get_mut(section)
            .and_then(serde_json::Value::as_object_mut)
            && map.remove(field).is_some()
        {
            dropped.push(path);
        }
    }
    dropped
}

/// The invitation strategy and its parameters.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// How `stratified` chooses its panel: `legacy` (default) or `leximin`. Left out of the JSON
    /// when `legacy`, so older scenarios and links read and write as before.
    #[serde(default, skip_serializing_if = "PanelSelection::is_legacy")]
    pub selection: PanelSelection,
    /// Last year's attendees are invited again personally (a mailing list), with intensity
    /// `attendance.intensity_recontact`.
    pub recontact: bool,
    /// Supports offered to participants.
    pub supports: Supports,
}

read_fields!(InvitationParams {
    strategy,
    letters,
    panel_size,
    contacts,
    outreach_reach,
    mobilisation,
    panel_dropout,
    selection_replicates,
    selection,
    recontact,
    supports
});

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
            selection: PanelSelection::Legacy,
            recontact: true,
            supports: Supports {
                evening: true,
                ..Supports::default()
            },
        }
    }
}

coefficients! {
    /// Coefficients of the awareness and attendance models (logit scale; each −20 – 20).
    ///
    /// Attendance: `P = logistic(intercept + Σ coefficient · feature)`; see docs/MODEL.md for each
    /// feature's scale. Awareness of an open call: `P = logistic(awareness_intercept + ...)`.
    pub struct AttendanceParams {
        /// Baseline log-odds of attending when invited.
        intercept: -4.6,
        /// Per unit of (free hours per week ÷ 40), centred at 0.5.
        free_time: 1.8,
        /// Per unit of civic skill, centred at 0.5.
        civic_skill: 1.4,
        /// Per unit of political interest, centred at 0.5.
        interest: 1.8,
        /// Per unit of political efficacy, centred at 0.5.
        efficacy: 0.8,
        /// Per unit of trust in the municipality, centred at 0.5.
        trust: 0.7,
        /// Per unit of habit (past participation, 0 – 1).
        habit: 2.4,
        /// Per unit of a citizen's stakes: what the budget can buy that they need
        /// ([`crate::need::own_stakes`]).
        stakes: 0.25,
        /// Per unit of `ln(1 + invitation intensity)`.
        intensity: 1.3,
        /// Intensity of a personal letter (0 – 10).
        intensity_letter: 1.0,
        /// Intensity of one personal outreach contact (0 – 10); contacts add up.
        intensity_contact: 1.5,
        /// Intensity of a call from one's own association (0 – 10).
        intensity_association: 0.8,
        /// Intensity of a personal re-invitation of last year's attendees (0 – 10).
        intensity_recontact: 1.0,
        /// Penalty for employed citizens and students when meetings are in working hours.
        daytime_penalty: 1.0,
        /// Effect of childcare for parents of school-age children.
        childcare: 0.9,
        /// Penalty for citizens with a language barrier when there is no interpretation.
        language_penalty: 1.2,
        /// Effect of payment for a citizen of the lowest income tercile; others get it scaled by
        /// `relative_income[0] ÷ relative_income[own tercile]` (money matters less the more one has).
        payment: 0.6,
        /// An online option: gain per unit of time pressure (1 − free hours ÷ 40, at least 0).
        online: 1.2,
        /// An online option: cost per unit of missing digital skill; a citizen uses the option only
        /// when the time saved outweighs it.
        digital_barrier: 1.5,
        /// Baseline log-odds of hearing of an open call.
        awareness_intercept: -0.9,
        /// Per unit of local media use, centred at 0.5.
        awareness_media: 2.0,
        /// For association members (the call spreads through networks).
        awareness_member: 0.7,
        /// Per unit of political interest, centred at 0.5.
        awareness_interest: 1.2,
    }
}

/// Unit costs of the invitation for the cost report.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

read_fields!(CostParams {
    letter_dkk,
    staff_hour_dkk,
    open_call_hours,
    hours_per_contact,
    hours_per_association,
    hours_per_response
});

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
        /// What is wrong (typed, so the app can say it in either language).
        problem: Inconsistency,
    },
    /// The JSON could not be read as a scenario (unknown field, wrong type, syntax).
    Json(String),
    /// A dotted path that names no scenario field.
    UnknownPath(String),
}

/// What is wrong with values that are each fine but do not fit together. `Display` writes it in
/// English for the command line; the app words each kind in Danish and English.
#[derive(Clone, Debug, PartialEq)]
pub enum Inconsistency {
    /// A project's name is longer than [`MAX_PROJECT_NAME_CHARS`] characters.
    NameTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A project's name contains a control character (such as a line break).
    NameControlCharacter,
    /// A project costs more than the whole budget.
    CostAboveBudget {
        /// The project's cost (DKK).
        cost: u64,
        /// The budget (DKK).
        budget: u64,
    },
    /// Every ballot length has a weight of zero.
    NoBallotLength,
    /// The age shares do not add up to 1 (within 0.01).
    SharesSum {
        /// Their sum.
        total: f64,
    },
    /// LEXIMIN panel selection in a build without its solver (the page bundle).
    NoLeximinSolver,
    /// A stratified panel larger than the number of letters sent.
    PanelAboveLetters {
        /// The panel's size.
        panel: u32,
        /// The letters sent.
        letters: u32,
    },
}

impl fmt::Display for Inconsistency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Inconsistency::NameTooLong { chars } => write!(
                f,
                "the name has {chars} characters; at most {MAX_PROJECT_NAME_CHARS} are allowed"
            ),
            Inconsistency::NameControlCharacter => {
                f.write_str("the name contains a control character (such as a line break)")
            }
            Inconsistency::CostAboveBudget { cost, budget } => {
                write!(
                    f,
                    "the project costs {cost} but the whole budget is {budget}"
                )
            }
            Inconsistency::NoBallotLength => {
                f.write_str("every count is zero; at least one ballot length needs a weight")
            }
            Inconsistency::SharesSum { total } => {
                write!(f, "the shares add up to {total}, not 1")
            }
            Inconsistency::NoLeximinSolver => f.write_str(
                "this build has no LEXIMIN solver (the command line and the Web Worker have it)",
            ),
            Inconsistency::PanelAboveLetters { panel, letters } => {
                write!(
                    f,
                    "a panel of {panel} cannot be drawn from {letters} letters"
                )
            }
        }
    }
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

fn check_range(field: &str, value: f64, range: Range<f64>) -> Result<(), ScenarioError> {
    check_f(field, value, range.min, range.max)
}

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

/// Checks shares: each 0 – 1 (named `field[k]`), together 1 ± 0.01.
fn check_shares(field: &str, shares: &[f64]) -> Result<(), ScenarioError> {
    for (k, share) in shares.iter().enumerate() {
        check_f(&format!("{field}[{k}]"), *share, 0.0, 1.0)?;
    }
    let total: f64 = shares.iter().sum();
    if (total - 1.0).abs() > 0.01 {
        return Err(ScenarioError::Inconsistent {
            field: field.into(),
            problem: Inconsistency::SharesSum { total },
        });
    }
    Ok(())
}

fn check_u(field: &str, value: u64, range: Range<u64>) -> Result<(), ScenarioError> {
    let Range { min: lo, max: hi } = range;
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

/// `vote.projects`: 1 – [`MAX_PROJECTS`] projects, each named in plain text and costing
/// 1 – `budget`.
fn check_projects(projects: &[RealProject], budget: u64) -> Result<(), ScenarioError> {
    check_u(
        "vote.projects (number of projects)",
        projects.len() as u64,
        ranges::MAX_PROJECTS_ON_BALLOT,
    )?;
    for (k, p) in projects.iter().enumerate() {
        let chars = p.name.chars().count();
        if chars > MAX_PROJECT_NAME_CHARS {
            return Err(ScenarioError::Inconsistent {
                field: format!("vote.projects[{k}].name"),
                problem: Inconsistency::NameTooLong { chars },
            });
        }
        if p.name.chars().any(char::is_control) {
            return Err(ScenarioError::Inconsistent {
                field: format!("vote.projects[{k}].name"),
                problem: Inconsistency::NameControlCharacter,
            });
        }
        check_u(
            &format!("vote.projects[{k}].cost"),
            p.cost,
            Range {
                min: 1,
                max: MAX_BUDGET,
            },
        )?;
        if p.cost > budget {
            return Err(ScenarioError::Inconsistent {
                field: format!("vote.projects[{k}].cost"),
                problem: Inconsistency::CostAboveBudget {
                    cost: p.cost,
                    budget,
                },
            });
        }
    }
    Ok(())
}

/// `vote.ballot_lengths`: 1 – [`MAX_PROJECTS`] weights, not all zero.
fn check_lengths(lengths: &[u32]) -> Result<(), ScenarioError> {
    check_u(
        "vote.ballot_lengths (number of lengths)",
        lengths.len() as u64,
        ranges::MAX_PROJECTS_ON_BALLOT,
    )?;
    if lengths.iter().all(|&c| c == 0) {
        return Err(ScenarioError::Inconsistent {
            field: "vote.ballot_lengths".into(),
            problem: Inconsistency::NoBallotLength,
        });
    }
    Ok(())
}

impl Scenario {
    /// Reads a scenario from JSON (unknown fields are errors; missing ones take defaults) and
    /// validates it.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        // Through a JSON tree: syntax errors keep their line and column, and the scenario's
        // types are decoded by one code path (`from_value`), which keeps the browser build small.
        let tree: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ScenarioError::Json(e.to_string()))?;
        // serde would also read a JSON array positionally (`[1, 2]` as seed 1, budget 2).
        if !tree.is_object() {
            return Err(ScenarioError::Json(
                "a scenario is a JSON object, starting with {".into(),
            ));
        }
        let mut tree = tree;
        drop_removed_fields(&mut tree);
        let scenario: Scenario =
            serde_json::from_value(tree).map_err(|e| ScenarioError::Json(e.to_string()))?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Checks every field against its documented range; the error names the first bad field.
    #[allow(
        clippy::too_many_lines,
        reason = "one check per field, in the order of the scenario's sections"
    )]
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_u("budget", self.budget, ranges::BUDGET)?;
        let p = &self.population;
        check_u("population.size", p.size.into(), ranges::POPULATION_SIZE)?;
        check_u(
            "population.districts",
            p.districts.into(),
            ranges::DISTRICTS,
        )?;
        check_shares("population.age_shares", &p.age_shares)?;
        for (k, share) in p.women_shares.iter().enumerate() {
            check_f(&format!("population.women_shares[{k}]"), *share, 0.3, 0.7)?;
        }

        let inv = &self.invitation;
        check_u(
            "invitation.letters",
            inv.letters.into(),
            Range {
                min: 1,
                max: p.size.into(),
            },
        )?;
        check_u(
            "invitation.panel_size",
            inv.panel_size.into(),
            ranges::PANEL_SIZE,
        )?;
        check_u("invitation.contacts", inv.contacts.into(), ranges::CONTACTS)?;
        check_u(
            "invitation.selection_replicates",
            inv.selection_replicates.into(),
            ranges::SELECTION_REPLICATES,
        )?;
        if inv.selection == PanelSelection::Leximin && !LEXIMIN_AVAILABLE {
            return Err(ScenarioError::Inconsistent {
                field: "invitation.selection".into(),
                problem: Inconsistency::NoLeximinSolver,
            });
        }
        if inv.strategy == Strategy::Stratified && inv.panel_size > inv.letters {
            return Err(ScenarioError::Inconsistent {
                field: "invitation.panel_size".into(),
                problem: Inconsistency::PanelAboveLetters {
                    panel: inv.panel_size,
                    letters: inv.letters,
                },
            });
        }

        let c = &self.costs;
        check_u("costs.letter_dkk", c.letter_dkk.into(), ranges::LETTER_DKK)?;
        check_u(
            "costs.staff_hour_dkk",
            c.staff_hour_dkk.into(),
            ranges::STAFF_HOUR_DKK,
        )?;
        check_range(
            "costs.open_call_hours",
            c.open_call_hours,
            ranges::OPEN_CALL_HOURS,
        )?;
        check_range(
            "costs.hours_per_contact",
            c.hours_per_contact,
            ranges::HOURS_PER_CONTACT,
        )?;
        check_range(
            "costs.hours_per_association",
            c.hours_per_association,
            ranges::HOURS_PER_ASSOCIATION,
        )?;
        check_range(
            "costs.hours_per_response",
            c.hours_per_response,
            ranges::HOURS_PER_RESPONSE,
        )?;

        let m = &self.meeting;
        check_u(
            "meeting.table_size",
            m.table_size.into(),
            ranges::TABLE_SIZE,
        )?;
        check_u("meeting.rounds", m.rounds.into(), ranges::ROUNDS)?;
        check_u(
            "meeting.proposals_per_table",
            m.proposals_per_table.into(),
            ranges::PROPOSALS_PER_TABLE,
        )?;

        let mu = &self.municipality;
        check_f("municipality.control", mu.control, 0.0, 1.0)?;
        for (k, g) in mu.goals.iter().enumerate() {
            check_f(&format!("municipality.goals[{k}]"), *g, 0.0, 1.0)?;
        }
        check_u(
            "municipality.municipal_proposals",
            mu.municipal_proposals.into(),
            ranges::MUNICIPAL_PROPOSALS,
        )?;
        let v = &self.vote;
        check_u(
            "vote.max_approvals",
            v.max_approvals.into(),
            ranges::MAX_APPROVALS,
        )?;
        check_u("vote.points", v.points.into(), ranges::POINTS)?;
        check_u(
            "vote.max_projects",
            v.max_projects.into(),
            ranges::MAX_PROJECTS_ON_BALLOT,
        )?;
        check_f("vote.cost_share_min", v.cost_share_min, 0.001, 1.0)?;
        check_f(
            "vote.cost_share_max",
            v.cost_share_max,
            v.cost_share_min,
            1.0,
        )?;
        if let Some(projects) = &v.projects {
            check_projects(projects, self.budget)?;
        }
        if let Some(lengths) = &v.ballot_lengths {
            check_lengths(lengths)?;
        }

        check_u("cycles", self.cycles.into(), ranges::CYCLES)?;
        crate::registry::validate(self)
    }

    /// The supports the meetings actually offer: those chosen, plus, under co-designed rules,
    /// evening meetings, childcare and interpretation (the times and formats co-designers ask
    /// for).
    #[must_use]
    pub fn effective_supports(&self) -> Supports {
        let mut s = self.invitation.supports.clone();
        if self.municipality.rules_by == RulesBy::CoDesigned {
            s.evening = true;
            s.childcare = true;
            s.interpretation = true;
        }
        s
    }

    /// Sets the field at a dotted path (`population.size`, `invitation.supports.childcare`) from a
    /// JSON value. Unknown paths and values of the wrong type are errors naming the path.
    pub fn set_path(&mut self, path: &str, value: serde_json::Value) -> Result<(), ScenarioError> {
        let mut tree =
            serde_json::to_value(&*self).map_err(|e| ScenarioError::Json(e.to_string()))?;
        let node = crate::path::get_mut(&mut tree, path)
            .ok_or_else(|| ScenarioError::UnknownPath(path.to_string()))?;
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
    fn files_and_links_with_removed_group_bonuses_still_load_without_them() {
        let old = r#"{"attendance": {"stakes_marginalised": 3.0, "trust": 0.7,
            "stakes_reference_dkk": 20.0},
            "municipality": {"co_design_attendance": 0.6},
            "vote": {"online_young": 0.6, "online_women": 0.3, "online_old": -0.6}}"#;
        assert_eq!(Scenario::from_json(old).unwrap(), Scenario::default());
        let mut tree: serde_json::Value = serde_json::from_str(old).unwrap();
        assert_eq!(drop_removed_fields(&mut tree), REMOVED_FIELDS.to_vec());
        let mut s = Scenario::default();
        assert_eq!(
            s.set_path_text("vote.online_old", "1").unwrap_err(),
            ScenarioError::UnknownPath("vote.online_old".into())
        );
    }

    #[test]
    fn co_design_brings_the_supports_participants_ask_for() {
        let mut s = Scenario::default();
        s.invitation.supports = Supports::default();
        assert_eq!(s.effective_supports(), Supports::default());
        s.municipality.rules_by = RulesBy::CoDesigned;
        let e = s.effective_supports();
        assert!(e.evening && e.childcare && e.interpretation && !e.payment && !e.online);
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
        // A town of women only is not a share of women this model can draw sensibly.
        let mut s = Scenario::default();
        s.population.women_shares[3] = 0.95;
        let text = s.validate().unwrap_err().to_string();
        assert!(
            text.contains("population.women_shares[3]") && text.contains("0.7"),
            "{text}"
        );
        s.set_path_text("population.women_shares", "[0.52, 0.52, 0.53, 0.6]")
            .unwrap();
        assert!(s.validate().is_ok());
    }

    #[test]
    #[allow(clippy::float_cmp, reason = "the values are read back exactly")]
    fn coefficient_structs_read_and_write_json_as_derived_structs_do() {
        let refused = |json: &str, words: &str| {
            let e = Scenario::from_json(json).unwrap_err().to_string();
            assert!(e.contains(words), "{json}: {e}");
        };
        // Every field in order, each a number.
        let text = serde_json::to_string(&TraitParams::default()).unwrap();
        let places: Vec<usize> = TraitParams::FIELDS
            .iter()
            .map(|f| text.find(&format!("\"{f}\":")).unwrap())
            .collect();
        assert!(places.is_sorted() && places.len() == 72, "{text}");
        assert!(text.contains("\"pref_children_parents\":5.0,"), "{text}");
        // A missing field takes its default, an integer is a number.
        let s = Scenario::from_json(
            r#"{"population": {"traits": {"skill_noise": 1}}, "attendance": {"intercept": -4.5}}"#,
        )
        .unwrap();
        assert_eq!(s.population.traits.skill_noise, 1.0);
        assert_eq!(s.population.traits.skill_member, 0.5);
        assert_eq!(s.attendance.intercept, -4.5);
        // An unknown field and a wrong type are refused as serde words them.
        refused(
            r#"{"need": {"nonsense": 1}}"#,
            "unknown field `nonsense`, expected one of `",
        );
        // A repeated key: the JSON tree keeps the last, before any struct sees it.
        let s = Scenario::from_json(r#"{"feedback": {"habit_decay": 0.1, "habit_decay": 0.2}}"#)
            .unwrap();
        assert_eq!(s.feedback.habit_decay, 0.2);
        refused(
            r#"{"arguments": {"impact": "high"}}"#,
            "invalid type: string \"high\", expected f64",
        );
        refused(r#"{"arguments": [1, 2]}"#, "expected struct ArgumentParams");
        // Arrays keep serde's own check of their length.
        refused(
            r#"{"population": {"age_shares": [0.3, 0.7]}}"#,
            "invalid length 2, expected an array of length 4",
        );
        // The mixed structs (read_fields!): the same words for an unknown field, a missing field
        // takes the default, null is None.
        refused(
            r#"{"vote": {"rule": "mes", "nope": 1}}"#,
            "unknown field `nope`, expected one of `ballot`, `rule`",
        );
        refused(
            r#"{"colour": "blue"}"#,
            "unknown field `colour`, expected one of `seed`",
        );
        let s = Scenario::from_json(
            r#"{"vote": {"rule": "mes", "projects": null}, "meeting": {"table_size": 6}}"#,
        )
        .unwrap();
        assert_eq!(
            (
                s.vote.rule,
                s.vote.projects,
                s.meeting.table_size,
                s.meeting.rounds
            ),
            (Rule::Mes, None, 6, MeetingParams::default().rounds)
        );
        refused(
            r#"{"meeting": {"table_size": 600}}"#,
            "invalid value: integer `600`, expected u8",
        );
        // And the whole default scenario reads back as itself.
        let text = serde_json::to_string(&Scenario::default()).unwrap();
        assert_eq!(Scenario::from_json(&text).unwrap(), Scenario::default());
    }

    fn real(cost: u64) -> RealProject {
        RealProject {
            name: "Benches by the lake".into(),
            cost,
            category: ProjectCategory::GreenAreas,
        }
    }

    /// The field named by a validation error.
    fn field_of(s: &Scenario) -> String {
        match s.validate().unwrap_err() {
            ScenarioError::OutOfRange { field, .. } | ScenarioError::Inconsistent { field, .. } => {
                field
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn real_projects_are_validated_field_by_field() {
        let mut s = Scenario::default();
        s.vote.projects = Some(vec![real(1_000), real(s.budget)]);
        s.validate().unwrap();
        s.vote.projects = Some(Vec::new());
        assert_eq!(field_of(&s), "vote.projects (number of projects)");
        s.vote.projects = Some(vec![real(1_000); 61]);
        assert_eq!(field_of(&s), "vote.projects (number of projects)");
        s.vote.projects = Some(vec![real(1_000), real(0)]);
        assert_eq!(field_of(&s), "vote.projects[1].cost");
        s.vote.projects = Some(vec![real(s.budget + 1)]);
        let err = s.validate().unwrap_err().to_string();
        assert!(
            err.contains("vote.projects[0].cost") && err.contains("250000"),
            "{err}"
        );
        let mut long = real(1);
        long.name = "é".repeat(MAX_PROJECT_NAME_CHARS);
        s.vote.projects = Some(vec![long.clone()]);
        s.validate().unwrap();
        long.name.push('x');
        s.vote.projects = Some(vec![real(1), long]);
        assert_eq!(field_of(&s), "vote.projects[1].name");
        let mut broken = real(1);
        broken.name = "two\nlines".into();
        s.vote.projects = Some(vec![broken]);
        assert_eq!(field_of(&s), "vote.projects[0].name");
    }

    #[test]
    fn ballot_lengths_are_validated() {
        let mut s = Scenario::default();
        s.vote.ballot_lengths = Some(vec![0, 3, 1]);
        s.validate().unwrap();
        for bad in [Vec::new(), vec![0, 0], vec![1; 61]] {
            s.vote.ballot_lengths = Some(bad);
            assert!(field_of(&s).starts_with("vote.ballot_lengths"));
        }
    }

    #[test]
    fn real_projects_round_trip_and_refuse_unknown_names() {
        let mut s = Scenario::default();
        s.vote.projects = Some(vec![real(5_000)]);
        s.vote.ballot_lengths = Some(vec![2, 1]);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""category":"green_areas""#), "{json}");
        assert_eq!(Scenario::from_json(&json).unwrap(), s);
        let err = Scenario::from_json(
            r#"{"vote": {"projects": [{"name": "a", "cost": 1, "category": "green_areas", "colour": 1}]}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
        let err = Scenario::from_json(
            r#"{"vote": {"projects": [{"name": "a", "cost": 1, "category": "moon_base"}]}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("moon_base"), "{err}");
        let err = Scenario::from_json(
            r#"{"vote": {"projects": [{"name": "a", "cost": -1, "category": "elderly"}]}}"#,
        )
        .unwrap_err();
        assert!(matches!(err, ScenarioError::Json(_)), "{err}");
    }

    #[test]
    fn project_categories_match_the_report_keys() {
        for (k, c) in ProjectCategory::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(c.index()), k);
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::Value::String(c.key().into())
            );
        }
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
