//! The scenario fields the panel edits, as one typed list. Each field knows its dotted path in the
//! scenario JSON, the kind of control and its range; the panel draws controls from this list and
//! the reducer sets values through `Scenario::set_path`, so a new scenario section needs a variant
//! here and its labels in `i18n` (a missing label is a compile error), nothing else.

use dialoglab_engine::pb::Rule;
use dialoglab_engine::scenario::{BallotKind, Initiative, MeetingFormat, RulesBy};
use dialoglab_engine::{Scenario, Strategy};
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
    /// The municipality's control.
    Municipality,
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
    pub const ALL: [Section; 10] = [
        Section::Population,
        Section::Invitation,
        Section::Supports,
        Section::Meeting,
        Section::Municipality,
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
            ],
            Section::Supports => Support::ALL.iter().map(|s| Field::Support(*s)).collect(),
            Section::Meeting => vec![
                Field::MeetingFormat,
                Field::TableSize,
                Field::Rounds,
                Field::ProposalsPerTable,
            ],
            Section::Municipality => vec![Field::Initiative, Field::RulesBy, Field::Control],
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
            Field::Support(s) => format!("invitation.supports.{}", s.key()),
            Field::Budget => "budget".into(),
            Field::Seed => "seed".into(),
            Field::MeetingFormat => "meeting.format".into(),
            Field::TableSize => "meeting.table_size".into(),
            Field::Rounds => "meeting.rounds".into(),
            Field::ProposalsPerTable => "meeting.proposals_per_table".into(),
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
        match self {
            Field::PopulationSize => count(100, 1_000_000, 100, false),
            Field::Districts => count(1, 50, 1, true),
            Field::Letters => count(1, s.population.size.into(), 100, false),
            Field::PanelSize => count(1, u64::from(s.invitation.letters).min(10_000), 1, false),
            Field::Contacts => count(1, 10, 1, true),
            Field::Seed => count(0, u64::from(u32::MAX), 1, false),
            Field::TableSize => count(2, 20, 1, true),
            Field::Rounds | Field::Cycles => count(1, 20, 1, true),
            Field::ProposalsPerTable => count(0, 10, 1, true),
            Field::MaxProjects => count(1, 60, 1, true),
            Field::LetterCost => count(0, 1_000, 1, false),
            Field::StaffHourCost => count(0, 10_000, 10, false),
            Field::OpenCallHours => Kind::Hours { max: 10_000.0 },
            Field::HoursPerContact | Field::HoursPerResponse => Kind::Hours { max: 100.0 },
            Field::HoursPerAssociation => Kind::Hours { max: 1_000.0 },
            Field::PanelDropout | Field::OutreachReach | Field::Mobilisation | Field::Control => {
                Kind::Share
            }
            Field::Support(_) | Field::VoteOnline => Kind::Flag,
            Field::Budget => Kind::Money,
            Field::Strategy
            | Field::MeetingFormat
            | Field::Initiative
            | Field::RulesBy
            | Field::Ballot
            | Field::Rule => Kind::Choice,
        }
    }

    /// Whether the field matters for this scenario (strategy parameters only for their strategy).
    #[must_use]
    pub fn applies(self, s: &Scenario) -> bool {
        let st = s.invitation.strategy;
        match self {
            Field::Letters => matches!(st, Strategy::Letters | Strategy::Stratified),
            Field::PanelSize | Field::PanelDropout => st == Strategy::Stratified,
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
            _ => Vec::new(),
        }
    }

    /// The field's current value in the scenario's JSON.
    #[must_use]
    pub fn value(self, tree: &Value) -> Value {
        self.path()
            .split('.')
            .try_fold(tree, |node, part| node.get(part))
            .cloned()
            .unwrap_or(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_path_exists_in_the_scenario() {
        let s = Scenario::default();
        let tree = serde_json::to_value(&s).unwrap();
        let mut ids = Vec::new();
        for section in Section::ALL {
            for f in section.fields() {
                assert_ne!(f.value(&tree), Value::Null, "{}", f.path());
                let mut t = s.clone();
                t.set_path(&f.path(), f.value(&tree)).unwrap();
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
                    s.set_path(&f.path(), c.value()).unwrap();
                    assert_eq!(f.value(&serde_json::to_value(&s).unwrap()), c.value());
                }
            }
        }
        assert_eq!(Field::Rule.choices().len(), Rule::ALL.len());
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
