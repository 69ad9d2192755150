//! What each results chart shows: the kinds that both a chart component and the string table
//! name. A leaf of the app's modules (docs/ARCHITECTURE.md), so that [`crate::i18n`] need not
//! import the chart components that use it.

use dialoglab_engine::report::{CycleReport, ProjectReport};

use super::palette;

/// What is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairKind {
    /// Representation ratio among attendees (share among attendees ÷ share in the population).
    Representation,
    /// Influence ratio (mean satisfaction of the group ÷ mean of all).
    Influence,
}

impl PairKind {
    /// Element id of the chart.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            PairKind::Representation => "compare-representation",
            PairKind::Influence => "compare-influence",
        }
    }
}

/// A series over the years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    /// Representativeness index of the attendees.
    Representativeness,
    /// Share of attendees who took part the year before.
    Repeat,
    /// Share of the population that voted.
    Turnout,
    /// Mean efficacy of marginalised citizens.
    EfficacyMarginalised,
}

impl Series {
    /// Every series with colour, dash and marker (0 circle, 1 diamond, 2 square, 3 triangle).
    pub const ALL: [(Series, &'static str, &'static str, u8); 4] = [
        (Series::Representativeness, palette::BLUE, "", 0),
        (Series::Repeat, palette::ORANGE, "6 3", 1),
        (Series::Turnout, palette::GREEN, "2 3", 2),
        (Series::EfficacyMarginalised, palette::PURPLE, "8 3 2 3", 3),
    ];

    /// The value in a year.
    #[must_use]
    pub fn value(self, c: &CycleReport) -> f64 {
        match self {
            Series::Representativeness => c.representativeness,
            Series::Repeat => c.repeat_share,
            Series::Turnout => c.turnout,
            Series::EfficacyMarginalised => c
                .efficacy
                .get("marginalised")
                .and_then(|m| m.get("yes"))
                .copied()
                .unwrap_or(0.0),
        }
    }
}

/// What the values are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// Probability from letter to panel (stratified sortition).
    Selection,
    /// Probability of invited × attended × spoke × favourite funded.
    Inclusion,
    /// Influence ratio (mean satisfaction of the group ÷ mean of all).
    Influence,
}

impl GroupKind {
    /// Whether the values are ratios around 1 (log axis) rather than probabilities.
    #[must_use]
    pub fn is_ratio(self) -> bool {
        self == GroupKind::Influence
    }

    /// Element id of the chart.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            GroupKind::Selection => "selection-chart",
            GroupKind::Inclusion => "inclusion-chart",
            GroupKind::Influence => "influence-chart",
        }
    }
}

/// Status of a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// On the ballot and funded.
    Funded,
    /// On the ballot, not funded.
    NotFunded,
    /// Vetoed by the municipality.
    Vetoed,
    /// Neither vetoed nor on the ballot (the ballot was full).
    OffBallot,
}

/// The status of a project.
#[must_use]
pub fn status(p: &ProjectReport) -> Status {
    if p.vetoed {
        Status::Vetoed
    } else if p.funded {
        Status::Funded
    } else if p.on_ballot {
        Status::NotFunded
    } else {
        Status::OffBallot
    }
}
