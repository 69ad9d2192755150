//! The scenario fields the panel edits, as one typed list. Each field knows its dotted path in the
//! scenario JSON, the kind of control and its range; the panel draws controls from this list and
//! the reducer sets values through `Scenario::set_path`, so a new scenario section needs a variant
//! here and its labels in `i18n` (a missing label is a compile error), nothing else.

use dialoglab_engine::pb::Rule;
use dialoglab_engine::scenario::{
    BallotKind, DecisionChannel, Implementer, Initiative, MeetingFormat, MeetingUpdate,
    PanelSelection, RulesBy,
};
use dialoglab_engine::scenario::{Range, ranges};
use dialoglab_engine::{Scenario, ScenarioError, Strategy};
use serde_json::Value;

/// A support offered to participants (`invitation.supports.*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Support {
    /// Childcare during the meeting.
    Childcare,
    /// Evening meetings.
    Evening,
    /// Interpretation.
    Interpretation,
    /// Payment or gift card.
    Payment,
    /// An online option.
    Online,
}

impl Support {
    /// All supports, in panel order.
    pub const ALL: [Support; 5] = [
        Support::Childcare,
        Support::Evening,
        Support::Interpretation,
        Support::Payment,
        Support::Online,
    ];

    /// The serde key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Support::Childcare => "childcare",
            Support::Evening => "evening",
            Support::Interpretation => "interpretation",
            Support::Payment => "payment",
            Support::Online => "online",
        }
    }
}

/// An editable scenario field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `population.size`.
    PopulationSize,
    /// `population.districts`.
    Districts,
    /// `invitation.strategy`.
    Strategy,
    /// `invitation.letters`.
    Letters,
    /// `invitation.panel_size`.
    PanelSize,
    /// `invitation.panel_dropout`.
    PanelDropout,
    /// `invitation.contacts`.
    Contacts,
    /// `invitation.outreach_reach`.
    OutreachReach,
    /// `invitation.mobilisation`.
    Mobilisation,
    /// `invitation.selection` (how a stratified panel is chosen: greedy or LEXIMIN).
    Selection,
    /// `invitation.supports.*`.
    Support(Support),
    /// `budget`.
    Budget,
    /// `seed`.
    Seed,
    /// `meeting.format`.
    MeetingFormat,
    /// `meeting.table_size`.
    TableSize,
    /// `meeting.rounds`.
    Rounds,
    /// `meeting.proposals_per_table`.
    ProposalsPerTable,
    /// `meeting.update` (how listeners respond to a speaking turn).
    MeetingUpdate,
    /// `meeting.confidence_bound`.
    ConfidenceBound,
    /// `arguments.know_base`.
    KnowBase,
    /// `arguments.know_education`.
    KnowEducation,
    /// `arguments.know_experience`.
    KnowExperience,
    /// `arguments.know_association`.
    KnowAssociation,
    /// `arguments.impact`.
    ArgumentImpact,
    /// `decision.channel`.
    Channel,
    /// `decision.implementer`.
    Implementer,
    /// `decision.advice_weight`.
    AdviceWeight,
    /// `municipality.initiative`.
    Initiative,
    /// `municipality.rules_by`.
    RulesBy,
    /// `municipality.control`.
    Control,
    /// `vote.ballot`.
    Ballot,
    /// `vote.rule`.
    Rule,
    /// `vote.online`.
    VoteOnline,
    /// `vote.max_projects`.
    MaxProjects,
    /// `cycles`.
    Cycles,
    /// `costs.letter_dkk`.
    LetterCost,
    /// `costs.staff_hour_dkk`.
    StaffHourCost,
    /// `costs.open_call_hours`.
    OpenCallHours,
    /// `costs.hours_per_contact`.
    HoursPerContact,
    /// `costs.hours_per_association`.
    HoursPerAssociation,
    /// `costs.hours_per_response`.
    HoursPerResponse,
}

/// One option of a choice field, typed by the engine's enums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// An invitation strategy.
    Strategy(Strategy),
    /// A meeting format.
    Format(MeetingFormat),
    /// Who takes the initiative.
    Initiative(Initiative),
    /// Who writes the rules.
    RulesBy(RulesBy),
    /// The ballot kind.
    Ballot(BallotKind),
    /// The PB rule.
    Rule(Rule),
    /// How a stratified panel is chosen.
    Selection(PanelSelection),
    /// How listeners respond to a speaking turn.
    Update(MeetingUpdate),
    /// Who decides.
    Channel(DecisionChannel),
    /// Who carries the projects out.
    Implementer(Implementer),
}

impl Choice {
    /// The option's JSON value (its serde name).
    #[must_use]
    pub fn value(self) -> Value {
        let v = match self {
            Choice::Strategy(x) => serde_json::to_value(x),
            Choice::Format(x) => serde_json::to_value(x),
            Choice::Initiative(x) => serde_json::to_value(x),
            Choice::RulesBy(x) => serde_json::to_value(x),
            Choice::Ballot(x) => serde_json::to_value(x),
            Choice::Rule(x) => serde_json::to_value(x),
            Choice::Selection(x) => serde_json::to_value(x),
            Choice::Update(x) => serde_json::to_value(x),
            Choice::Channel(x) => serde_json::to_value(x),
            Choice::Implementer(x) => serde_json::to_value(x),
        };
        v.unwrap_or(Value::Null)
    }
}

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A whole number with a linear slider (or only a number field when `slider` is false).
    Count {
        /// Smallest value.
        min: u64,
        /// Largest value.
        max: u64,
        /// Step of slider and field.
        step: u64,
        /// Whether a slider is shown beside the number field.
        slider: bool,
    },
    /// A share 0 – 1 edited as a percentage.
    Share,
    /// An amount in DKK on a log slider with a number field.
    Money,
    /// A yes/no checkbox.
    Flag,
    /// One of the invitation strategies.
    Choice,
    /// Staff hours with decimals (a number field, no slider), from 0 to `max`.
    Hours {
        /// Largest value.
        max: f64,
    },
}

/// Panel sections, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Who lives there.
    Population,
    /// How they are invited.
    Invitation,
    /// Supports offered.
    Supports,
    /// Money.
    Budget,
    /// The meeting.
    Meeting,
    /// How minds change at the tables: the update rule and the arguments.
    Arguments,
    /// The municipality's control.
    Municipality,
    /// Who decides and who carries the projects out.
    Decision,
    /// The PB vote.
    Vote,
    /// Years simulated.
    Cycles,
    /// Randomness.
    Seed,
    /// The cost rates of the invitation.
    Costs,
}

impl Section {
    /// Every section, in panel order.
    pub const ALL: [Section; 12] = [
        Section::Population,
        Section::Invitation,
        Section::Supports,
        Section::Meeting,
        Section::Arguments,
        Section::Municipality,
        Section::Decision,
        Section::Budget,
        Section::Costs,
        Section::Vote,
        Section::Cycles,
        Section::Seed,
    ];

    /// The fields of the section, in order.
    #[must_use]
    pub fn fields(self) -> Vec<Field> {
        match self {
            Section::Population => vec![Field::PopulationSize, Field::Districts],
            Section::Invitation => vec![
                Field::Strategy,
                Field::Letters,
                Field::PanelSize,
                Field::PanelDropout,
                Field::Contacts,
                Field::OutreachReach,
                Field::Mobilisation,
                Field::Selection,
            ],
            Section::Supports => Support::ALL.iter().map(|s| Field::Support(*s)).collect(),
            Section::Meeting => vec![
                Field::MeetingFormat,
                Field::TableSize,
                Field::Rounds,
                Field::ProposalsPerTable,
            ],
            Section::Arguments => vec![
                Field::MeetingUpdate,
                Field::ConfidenceBound,
                Field::KnowBase,
                Field::KnowEducation,
                Field::KnowExperience,
                Field::KnowAssociation,
                Field::ArgumentImpact,
            ],
            Section::Municipality => vec![Field::Initiative, Field::RulesBy, Field::Control],
            Section::Decision => vec![Field::Channel, Field::Implementer, Field::AdviceWeight],
            Section::Vote => vec![
                Field::Ballot,
                Field::Rule,
                Field::MaxProjects,
                Field::VoteOnline,
            ],
            Section::Cycles => vec![Field::Cycles],
            Section::Budget => vec![Field::Budget],
            Section::Seed => vec![Field::Seed],
            Section::Costs => vec![
                Field::LetterCost,
                Field::StaffHourCost,
                Field::OpenCallHours,
                Field::HoursPerContact,
                Field::HoursPerAssociation,
                Field::HoursPerResponse,
            ],
        }
    }
}

impl Field {
    /// Dotted path in the scenario JSON.
    #[must_use]
    pub fn path(self) -> String {
        match self {
            Field::PopulationSize => "population.size".into(),
            Field::Districts => "population.districts".into(),
            Field::Strategy => "invitation.strategy".into(),
            Field::Letters => "invitation.letters".into(),
            Field::PanelSize => "invitation.panel_size".into(),
            Field::PanelDropout => "invitation.panel_dropout".into(),
            Field::Contacts => "invitation.contacts".into(),
            Field::OutreachReach => "invitation.outreach_reach".into(),
            Field::Mobilisation => "invitation.mobilisation".into(),
            Field::Selection => "invitation.selection".into(),
            Field::Support(s) => format!("invitation.supports.{}", s.key()),
            Field::Budget => "budget".into(),
            Field::Seed => "seed".into(),
            Field::MeetingFormat => "meeting.format".into(),
            Field::TableSize => "meeting.table_size".into(),
            Field::Rounds => "meeting.rounds".into(),
            Field::ProposalsPerTable => "meeting.proposals_per_table".into(),
            Field::MeetingUpdate => "meeting.update".into(),
            Field::ConfidenceBound => "meeting.confidence_bound".into(),
            Field::KnowBase => "arguments.know_base".into(),
            Field::KnowEducation => "arguments.know_education".into(),
            Field::KnowExperience => "arguments.know_experience".into(),
            Field::KnowAssociation => "arguments.know_association".into(),
            Field::ArgumentImpact => "arguments.impact".into(),
            Field::Channel => "decision.channel".into(),
            Field::Implementer => "decision.implementer".into(),
            Field::AdviceWeight => "decision.advice_weight".into(),
            Field::Initiative => "municipality.initiative".into(),
            Field::RulesBy => "municipality.rules_by".into(),
            Field::Control => "municipality.control".into(),
            Field::Ballot => "vote.ballot".into(),
            Field::Rule => "vote.rule".into(),
            Field::VoteOnline => "vote.online".into(),
            Field::MaxProjects => "vote.max_projects".into(),
            Field::Cycles => "cycles".into(),
            Field::LetterCost => "costs.letter_dkk".into(),
            Field::StaffHourCost => "costs.staff_hour_dkk".into(),
            Field::OpenCallHours => "costs.open_call_hours".into(),
            Field::HoursPerContact => "costs.hours_per_contact".into(),
            Field::HoursPerAssociation => "costs.hours_per_association".into(),
            Field::HoursPerResponse => "costs.hours_per_response".into(),
        }
    }

    /// Id of the control's input element.
    #[must_use]
    pub fn id(self) -> String {
        match self {
            Field::PopulationSize => "population".into(),
            Field::Budget => "budget".into(),
            Field::Strategy => "strategy".into(),
            Field::MeetingFormat => "meeting-format".into(),
            Field::VoteOnline => "vote-online".into(),
            Field::LetterCost => "cost-letter".into(),
            Field::StaffHourCost => "cost-staff-hour".into(),
            Field::MeetingUpdate => "meeting-update".into(),
            Field::Selection => "panel-selection".into(),
            Field::Channel => "decision-channel".into(),
            Field::ArgumentImpact => "argument-impact".into(),
            other => other
                .path()
                .rsplit('.')
                .next()
                .unwrap_or("x")
                .replace('_', "-"),
        }
    }

    /// The control kind and range (ranges may depend on the scenario, e.g. letters ≤ population).
    #[must_use]
    pub fn kind(self, s: &Scenario) -> Kind {
        let count = |min, max, step, slider| Kind::Count {
            min,
            max,
            step,
            slider,
        };
        let ranged = |r: Range<u64>, step, slider| count(r.min, r.max, step, slider);
        match self {
            Field::PopulationSize => ranged(ranges::POPULATION_SIZE, 100, false),
            Field::Districts => ranged(ranges::DISTRICTS, 1, true),
            Field::Letters => count(1, s.population.size.into(), 100, false),
            Field::PanelSize => count(
                ranges::PANEL_SIZE.min,
                u64::from(s.invitation.letters).min(ranges::PANEL_SIZE.max),
                1,
                false,
            ),
            Field::Contacts => ranged(ranges::CONTACTS, 1, true),
            Field::Seed => count(0, u64::from(u32::MAX), 1, false),
            Field::TableSize => ranged(ranges::TABLE_SIZE, 1, true),
            Field::Rounds => ranged(ranges::ROUNDS, 1, true),
            Field::Cycles => ranged(ranges::CYCLES, 1, true),
            Field::ProposalsPerTable => ranged(ranges::PROPOSALS_PER_TABLE, 1, true),
            Field::MaxProjects => ranged(ranges::MAX_PROJECTS_ON_BALLOT, 1, true),
            Field::LetterCost => ranged(ranges::LETTER_DKK, 1, false),
            Field::StaffHourCost => ranged(ranges::STAFF_HOUR_DKK, 10, false),
            Field::OpenCallHours => Kind::Hours {
                max: ranges::OPEN_CALL_HOURS.max,
            },
            Field::HoursPerContact => Kind::Hours {
                max: ranges::HOURS_PER_CONTACT.max,
            },
            Field::HoursPerResponse => Kind::Hours {
                max: ranges::HOURS_PER_RESPONSE.max,
            },
            Field::HoursPerAssociation => Kind::Hours {
                max: ranges::HOURS_PER_ASSOCIATION.max,
            },
            Field::PanelDropout
            | Field::OutreachReach
            | Field::Mobilisation
            | Field::Control
            | Field::ConfidenceBound
            | Field::KnowBase
            | Field::KnowEducation
            | Field::KnowExperience
            | Field::KnowAssociation
            | Field::ArgumentImpact
            | Field::AdviceWeight => Kind::Share,
            Field::Support(_) | Field::VoteOnline => Kind::Flag,
            Field::Budget => Kind::Money,
            Field::Strategy
            | Field::MeetingFormat
            | Field::Initiative
            | Field::RulesBy
            | Field::Ballot
            | Field::Rule
            | Field::Selection
            | Field::MeetingUpdate
            | Field::Channel
            | Field::Implementer => Kind::Choice,
        }
    }

    /// Whether the field matters for this scenario (strategy parameters only for their strategy).
    #[must_use]
    pub fn applies(self, s: &Scenario) -> bool {
        let st = s.invitation.strategy;
        match self {
            Field::Letters => matches!(st, Strategy::Letters | Strategy::Stratified),
            Field::PanelSize | Field::PanelDropout | Field::Selection => st == Strategy::Stratified,
            // The bound matters where listeners may ignore distant speakers; the arguments where
            // arguments are exchanged.
            Field::ConfidenceBound => s.meeting.update != MeetingUpdate::Arguments,
            Field::KnowBase
            | Field::KnowEducation
            | Field::KnowExperience
            | Field::KnowAssociation
            | Field::ArgumentImpact => s.meeting.update != MeetingUpdate::Averaging,
            Field::AdviceWeight => s.decision.channel == DecisionChannel::Advisory,
            Field::Contacts | Field::OutreachReach | Field::HoursPerContact => {
                st == Strategy::Targeted
            }
            Field::Mobilisation | Field::HoursPerAssociation => st == Strategy::Associations,
            Field::LetterCost | Field::HoursPerResponse => {
                matches!(st, Strategy::Letters | Strategy::Stratified)
            }
            Field::OpenCallHours => matches!(
                st,
                Strategy::OpenCall | Strategy::Targeted | Strategy::Associations
            ),
            _ => true,
        }
    }

    /// The options of a choice field (empty for other fields).
    #[must_use]
    pub fn choices(self) -> Vec<Choice> {
        match self {
            Field::Strategy => Strategy::ALL.iter().map(|x| Choice::Strategy(*x)).collect(),
            Field::MeetingFormat => vec![
                Choice::Format(MeetingFormat::Realistic),
                Choice::Format(MeetingFormat::Ideal),
            ],
            Field::Initiative => vec![
                Choice::Initiative(Initiative::Municipality),
                Choice::Initiative(Initiative::Citizens),
            ],
            Field::RulesBy => vec![
                Choice::RulesBy(RulesBy::Municipality),
                Choice::RulesBy(RulesBy::CoDesigned),
            ],
            Field::Ballot => vec![
                Choice::Ballot(BallotKind::Approval),
                Choice::Ballot(BallotKind::Cumulative),
            ],
            Field::Rule => Rule::ALL.iter().map(|x| Choice::Rule(*x)).collect(),
            Field::Selection => PanelSelection::ALL
                .iter()
                .map(|x| Choice::Selection(*x))
                .collect(),
            Field::MeetingUpdate => MeetingUpdate::ALL
                .iter()
                .map(|x| Choice::Update(*x))
                .collect(),
            Field::Channel => DecisionChannel::ALL
                .iter()
                .map(|x| Choice::Channel(*x))
                .collect(),
            Field::Implementer => vec![
                Choice::Implementer(Implementer::Municipality),
                Choice::Implementer(Implementer::Proposers),
            ],
            _ => Vec::new(),
        }
    }

    /// Sets the field in `s` to `value` (a JSON value of the field's type), without validating.
    ///
    /// Goes through `Scenario::set_path`, except for `invitation.selection`: the scenario leaves
    /// its default out of the JSON, where `set_path` cannot find it.
    pub fn set(self, s: &mut Scenario, value: Value) -> Result<(), ScenarioError> {
        if self == Field::Selection {
            s.invitation.selection = serde_json::from_value(value)
                .map_err(|e| ScenarioError::Json(format!("{}: {e}", self.path())))?;
            return Ok(());
        }
        s.set_path(&self.path(), value)
    }

    /// The field's current value in the scenario's JSON.
    #[must_use]
    pub fn value(self, tree: &Value) -> Value {
        match dialoglab_engine::path::get(tree, &self.path()) {
            Some(v) => v.clone(),
            // The scenario leaves the default panel selection out of its JSON.
            None if self == Field::Selection => Choice::Selection(PanelSelection::Legacy).value(),
            None => Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_field_path_exists_in_the_scenario() {
        let s = Scenario::default();
        let tree = serde_json::to_value(&s).unwrap();
        let mut ids = Vec::new();
        for section in Section::ALL {
            for f in section.fields() {
                assert_ne!(f.value(&tree), Value::Null, "{}", f.path());
                let mut t = s.clone();
                f.set(&mut t, f.value(&tree)).unwrap();
                assert_eq!(t, s);
                ids.push(f.id());
            }
        }
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "ids are unique");
    }

    #[test]
    fn every_choice_is_a_valid_value_of_its_field() {
        for section in Section::ALL {
            for f in section.fields() {
                for c in f.choices() {
                    let mut s = Scenario::default();
                    f.set(&mut s, c.value()).unwrap();
                    assert_eq!(f.value(&serde_json::to_value(&s).unwrap()), c.value());
                }
            }
        }
        assert_eq!(Field::Rule.choices().len(), Rule::ALL.len());
    }

    #[test]
    fn every_count_and_hours_control_offers_exactly_what_validate_accepts() {
        let mut base = Scenario::default();
        base.population.size = 20_000;
        base.invitation.letters = 10_000;
        for section in Section::ALL {
            for f in section.fields() {
                let (lo, hi, next) = match f.kind(&base) {
                    Kind::Count { min, max, .. } => (json!(min), json!(max), json!(max + 1)),
                    Kind::Hours { max } => (json!(0.0), json!(max), json!(max + 1.0)),
                    // Shown as 0 – 100 %.
                    Kind::Share => (json!(0.0), json!(1.0), json!(1.01)),
                    _ => continue,
                };
                for ok in [lo, hi] {
                    let mut s = base.clone();
                    f.set(&mut s, ok.clone()).unwrap();
                    // Keep the settings that depend on this one in their own ranges.
                    s.invitation.letters = s.invitation.letters.min(s.population.size);
                    s.invitation.panel_size = s.invitation.panel_size.min(s.invitation.letters);
                    assert_eq!(s.validate(), Ok(()), "{} = {ok}", f.path());
                }
                if f == Field::Seed {
                    continue; // any u64 is a seed; the control offers the u32 ones
                }
                let mut s = base.clone();
                if f.set(&mut s, next.clone()).is_ok() {
                    assert!(s.validate().is_err(), "{} = {next} passed", f.path());
                }
            }
        }
    }

    #[test]
    fn a_share_control_is_a_registered_share_where_the_registry_knows_it() {
        let mut registered = 0;
        for f in Section::ALL.iter().flat_map(|s| s.fields()) {
            if f.kind(&Scenario::default()) != Kind::Share {
                continue;
            }
            if let Some(p) = dialoglab_engine::registry::parameter(&f.path()) {
                assert_eq!((p.min, p.max), (0.0, 1.0), "{}", f.path());
                registered += 1;
            }
        }
        // The bound, the five argument settings and the advice weight.
        assert!(registered >= 7, "{registered}");
    }

    #[test]
    fn the_new_model_parts_have_controls_that_apply_where_they_matter() {
        let mut s = Scenario::default();
        // Arguments are exchanged by default: their settings show, the bound does not.
        assert!(Field::KnowBase.applies(&s) && !Field::ConfidenceBound.applies(&s));
        s.meeting.update = MeetingUpdate::Averaging;
        assert!(!Field::ArgumentImpact.applies(&s) && Field::ConfidenceBound.applies(&s));
        s.meeting.update = MeetingUpdate::BoundedConfidence;
        assert!(Field::ArgumentImpact.applies(&s) && Field::ConfidenceBound.applies(&s));
        assert!(!Field::AdviceWeight.applies(&s));
        s.decision.channel = DecisionChannel::Advisory;
        assert!(Field::AdviceWeight.applies(&s));
        assert!(!Field::Selection.applies(&s));
        s.invitation.strategy = Strategy::Stratified;
        assert!(Field::Selection.applies(&s));
        assert_eq!(
            Field::MeetingUpdate.choices().len(),
            MeetingUpdate::ALL.len()
        );
        assert_eq!(Field::Channel.choices().len(), DecisionChannel::ALL.len());
        assert_eq!(Field::Selection.choices().len(), PanelSelection::ALL.len());
        // The default selection is left out of the scenario's JSON; the control still reads it.
        let tree = serde_json::to_value(Scenario::default()).unwrap();
        assert_eq!(Field::Selection.value(&tree), json!("legacy"));
    }

    #[test]
    fn strategy_parameters_apply_to_their_strategy_only() {
        let mut s = Scenario::default();
        assert!(!Field::Contacts.applies(&s));
        s.invitation.strategy = Strategy::Targeted;
        assert!(Field::Contacts.applies(&s) && Field::OutreachReach.applies(&s));
        assert!(!Field::PanelSize.applies(&s));
        assert!(Field::Budget.applies(&s));
    }
}
