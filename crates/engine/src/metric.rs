//! The typed vocabulary for reading a [`Report`]: the funnel's [`Stage`]s and the headline
//! [`Metric`]s, each with one stable name (used in sweep files, worker messages, links and the
//! app) and one way to read its value from a report.
//!
//! Code outside this module names a stage or a metric through these types, never by a string
//! literal; [`Metric::parse`] and [`Stage::from_key`] are the only ways back from a name.
//!
//! ```
//! use dialoglab_engine::metric::{Metric, Stage};
//! let scenario = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
//! let report = dialoglab_engine::run(&scenario).unwrap();
//! let m = Metric::Representativeness(Stage::Attendees);
//! assert_eq!(m.name(), "representativeness.attendees");
//! assert_eq!(Metric::parse(m.name()), Some(m));
//! assert!(m.of(&report).is_some());
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::attributes::Attribute;
use crate::report::{Report, StageReport};

/// A stage of the funnel from the invited to the voters (year 1 of a report).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Citizens who got an invitation.
    Invited,
    /// Citizens who came to the meeting.
    Attendees,
    /// Attendees who spoke.
    Speakers,
    /// Citizens who voted in the participatory budget.
    Voters,
}

impl Stage {
    /// Every stage, in funnel order.
    pub const ALL: [Stage; 4] = [
        Stage::Invited,
        Stage::Attendees,
        Stage::Speakers,
        Stage::Voters,
    ];

    /// The stable key (the key of [`Report::stages`]).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Stage::Invited => "invited",
            Stage::Attendees => "attendees",
            Stage::Speakers => "speakers",
            Stage::Voters => "voters",
        }
    }

    /// The stage with this key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Report {
    /// The report of one stage (absent only in a hand-made report).
    #[must_use]
    pub fn stage(&self, stage: Stage) -> Option<&StageReport> {
        self.stages.get(stage.key())
    }
}

/// A headline number of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Metric {
    /// Representativeness index of a stage (1 − mean total variation distance, DESIGN §3.1).
    Representativeness(Stage),
    /// Influence gap over an attribute's categories (DESIGN §3.2).
    InfluenceGap(Attribute),
    /// Overlap of the funded set with the set funded if everyone had voted.
    Legitimacy,
    /// Welfare loss against "if everyone had voted".
    WelfareLoss,
    /// Gini coefficient of speaking time among attendees.
    VoiceGini,
    /// Share of speaking time of the top decile of speakers.
    TopDecileShare,
    /// Share of the population that voted.
    Turnout,
    /// Number of attendees.
    Attendees,
    /// Cost of the invitation, DKK.
    Cost,
    /// Cost of the invitation per attendee, DKK (undefined when nobody came).
    CostPerAttendee,
    /// Citizen-decided money per capita, DKK.
    MoneyPerCapita,
}

impl Metric {
    /// The metrics of a sweep, Morris and ensemble files, in their column order (an API: the
    /// order of [`crate::sweep::Sample::values`] and of every file written from it).
    pub const SWEEP: [Metric; 19] = [
        Metric::Representativeness(Stage::Invited),
        Metric::Representativeness(Stage::Attendees),
        Metric::Representativeness(Stage::Speakers),
        Metric::Representativeness(Stage::Voters),
        Metric::InfluenceGap(Attribute::AgeBand),
        Metric::InfluenceGap(Attribute::Gender),
        Metric::InfluenceGap(Attribute::Occupation),
        Metric::InfluenceGap(Attribute::Children),
        Metric::InfluenceGap(Attribute::Education),
        Metric::InfluenceGap(Attribute::Income),
        Metric::InfluenceGap(Attribute::Marginalised),
        Metric::InfluenceGap(Attribute::AssociationMember),
        Metric::InfluenceGap(Attribute::District),
        Metric::Legitimacy,
        Metric::WelfareLoss,
        Metric::VoiceGini,
        Metric::Turnout,
        Metric::Attendees,
        Metric::CostPerAttendee,
    ];

    /// The numbers of the results view's Monte-Carlo panel, in its order.
    pub const HEADLINE: [Metric; 10] = [
        Metric::Representativeness(Stage::Attendees),
        Metric::Representativeness(Stage::Invited),
        Metric::Attendees,
        Metric::Cost,
        Metric::Turnout,
        Metric::VoiceGini,
        Metric::TopDecileShare,
        Metric::Legitimacy,
        Metric::WelfareLoss,
        Metric::MoneyPerCapita,
    ];

    /// Every metric: the sweep's ([`Metric::SWEEP`], in its order), then the rest.
    pub const ALL: [Metric; 22] = {
        let rest = [Metric::TopDecileShare, Metric::Cost, Metric::MoneyPerCapita];
        let mut all = [Metric::Legitimacy; 22];
        let mut k = 0;
        while k < Metric::SWEEP.len() {
            all[k] = Metric::SWEEP[k];
            k += 1;
        }
        while k < all.len() {
            all[k] = rest[k - Metric::SWEEP.len()];
            k += 1;
        }
        all
    };

    /// The stable dotted name, e.g. `representativeness.attendees`, `influence_gap.age_band`,
    /// `legitimacy`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Metric::Representativeness(s) => match s {
                Stage::Invited => "representativeness.invited",
                Stage::Attendees => "representativeness.attendees",
                Stage::Speakers => "representativeness.speakers",
                Stage::Voters => "representativeness.voters",
            },
            Metric::InfluenceGap(a) => match a {
                Attribute::AgeBand => "influence_gap.age_band",
                Attribute::Gender => "influence_gap.gender",
                Attribute::Occupation => "influence_gap.occupation",
                Attribute::Children => "influence_gap.children",
                Attribute::Education => "influence_gap.education",
                Attribute::Income => "influence_gap.income",
                Attribute::Marginalised => "influence_gap.marginalised",
                Attribute::AssociationMember => "influence_gap.association_member",
                Attribute::District => "influence_gap.district",
            },
            Metric::Legitimacy => "legitimacy",
            Metric::WelfareLoss => "welfare_loss",
            Metric::VoiceGini => "voice_gini",
            Metric::TopDecileShare => "top_decile_share",
            Metric::Turnout => "turnout",
            Metric::Attendees => "attendees",
            Metric::Cost => "cost",
            Metric::CostPerAttendee => "cost_per_attendee",
            Metric::MoneyPerCapita => "money_per_capita",
        }
    }

    /// The metric with this [`name`](Metric::name).
    #[must_use]
    pub fn parse(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The value in `report`; `None` where it is undefined (a missing stage, no attendee to
    /// divide the cost by, an attribute without an influence gap).
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // costs are far below 2^53 DKK
    pub fn of(self, report: &Report) -> Option<f64> {
        match self {
            Metric::Representativeness(s) => report.stage(s).map(|r| r.representativeness.index),
            Metric::InfluenceGap(a) => report.influence.gap.get(a.key()).copied(),
            Metric::Legitimacy => Some(report.influence.legitimacy),
            Metric::WelfareLoss => Some(report.influence.welfare_loss),
            Metric::VoiceGini => Some(report.deliberation.voice_gini),
            Metric::TopDecileShare => Some(report.deliberation.top_decile_share),
            Metric::Turnout => Some(report.outcome.turnout),
            Metric::Attendees => report.stage(Stage::Attendees).map(|s| f64::from(s.count)),
            Metric::Cost => Some(report.cost.dkk as f64),
            Metric::CostPerAttendee => report.cost.dkk_per_attendee,
            Metric::MoneyPerCapita => Some(report.influence.money_per_capita),
        }
    }

    /// Whether a larger value is the better outcome for the deliberative ideal (`None` for
    /// counts and costs, which are neither).
    #[must_use]
    pub fn higher_is_better(self) -> Option<bool> {
        match self {
            Metric::Representativeness(_) | Metric::Legitimacy | Metric::Turnout => Some(true),
            Metric::InfluenceGap(_)
            | Metric::WelfareLoss
            | Metric::VoiceGini
            | Metric::TopDecileShare => Some(false),
            Metric::Attendees | Metric::Cost | Metric::CostPerAttendee | Metric::MoneyPerCapita => {
                None
            }
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Metric, D::Error> {
        let name = String::deserialize(deserializer)?;
        Metric::parse(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown metric `{name}`")))
    }
}

impl Serialize for Stage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Stage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stage, D::Error> {
        let key = String::deserialize(deserializer)?;
        Stage::from_key(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown stage `{key}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        for (k, m) in Metric::ALL.iter().enumerate() {
            assert_eq!(Metric::parse(m.name()), Some(*m));
            assert!(
                Metric::ALL[..k].iter().all(|o| o.name() != m.name()),
                "{m} twice"
            );
        }
        for s in Stage::ALL {
            assert_eq!(Stage::from_key(s.key()), Some(s));
        }
        assert_eq!(Metric::parse("representativeness.population"), None);
        assert_eq!(Stage::from_key("population"), None);
    }

    #[test]
    fn every_subset_is_in_all_and_the_sweep_comes_first() {
        assert_eq!(&Metric::ALL[..Metric::SWEEP.len()], &Metric::SWEEP[..]);
        for m in Metric::HEADLINE {
            assert!(Metric::ALL.contains(&m), "{m}");
        }
        let attributes: Vec<Attribute> = Metric::ALL
            .iter()
            .filter_map(|m| match m {
                Metric::InfluenceGap(a) => Some(*a),
                _ => None,
            })
            .collect();
        assert_eq!(attributes, Attribute::ALL.to_vec());
    }

    #[test]
    fn serde_uses_the_stable_names_and_rejects_others() {
        let json = serde_json::to_string(&Metric::InfluenceGap(Attribute::AgeBand)).unwrap();
        assert_eq!(json, "\"influence_gap.age_band\"");
        let back: Metric = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Metric::InfluenceGap(Attribute::AgeBand));
        let err = serde_json::from_str::<Metric>("\"influence_gap.shoe_size\"").unwrap_err();
        assert!(err.to_string().contains("influence_gap.shoe_size"), "{err}");
        assert_eq!(serde_json::to_string(&Stage::Voters).unwrap(), "\"voters\"");
    }
}
