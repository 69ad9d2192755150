//! The glossary's terms and how a page opens one. The explanations live in `i18n::glossary` and
//! are drawn by the Glossary view (the views bundle); the sandbox bundle links to a term with
//! [`open`] and carries only the terms' keys.

use gloo::storage::{SessionStorage, Storage};

use crate::context::AppContext;
use crate::state::{Action, View};

/// A term the app uses, explained in the glossary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// The seed (frø) of the random numbers.
    Seed,
    /// The representativeness index.
    RepresentativenessIndex,
    /// Total variation distance.
    TotalVariation,
    /// The representation ratio of a group.
    RepresentationRatio,
    /// The Gini coefficient of speaking time.
    Gini,
    /// The top decile's share of speaking time.
    TopDecile,
    /// Turnout at the vote.
    Turnout,
    /// Overlap with "if everyone voted" (legitimacy).
    Legitimacy,
    /// The welfare loss, and why it can be negative.
    WelfareLoss,
    /// The influence ratio of a group.
    InfluenceRatio,
    /// The influence gap.
    InfluenceGap,
    /// Organised capture.
    OrganisedCapture,
    /// Greedy allocation and the other PB rules.
    PbRule,
    /// Stratified sortition (a citizens' panel).
    Sortition,
    /// The marginalised.
    Marginalised,
    /// The 95% interval: of the mean, or of the outcomes.
    Interval,
    /// Same citizens in A and B (common random numbers).
    SamePopulation,
    /// The cost rates of the invitation.
    CostRates,
    /// Arguments at the tables and how minds change (the meeting's update rule).
    Arguments,
    /// Who decides (the decision channel) and who carries the projects out.
    DecisionChannel,
    /// What the model leaves out.
    ModelLimits,
}

impl Term {
    /// Every term, in the glossary's order.
    pub const ALL: [Term; 21] = [
        Term::Seed,
        Term::RepresentativenessIndex,
        Term::TotalVariation,
        Term::RepresentationRatio,
        Term::Marginalised,
        Term::Sortition,
        Term::Gini,
        Term::TopDecile,
        Term::Turnout,
        Term::PbRule,
        Term::Legitimacy,
        Term::WelfareLoss,
        Term::InfluenceRatio,
        Term::InfluenceGap,
        Term::OrganisedCapture,
        Term::Interval,
        Term::SamePopulation,
        Term::Arguments,
        Term::DecisionChannel,
        Term::CostRates,
        Term::ModelLimits,
    ];

    /// Stable name (element id `term-{key}`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Term::Seed => "seed",
            Term::RepresentativenessIndex => "index",
            Term::TotalVariation => "tvd",
            Term::RepresentationRatio => "ratio",
            Term::Gini => "gini",
            Term::TopDecile => "top-decile",
            Term::Turnout => "turnout",
            Term::Legitimacy => "legitimacy",
            Term::WelfareLoss => "welfare-loss",
            Term::InfluenceRatio => "influence",
            Term::InfluenceGap => "influence-gap",
            Term::OrganisedCapture => "capture",
            Term::PbRule => "pb-rule",
            Term::Sortition => "sortition",
            Term::Marginalised => "marginalised",
            Term::Interval => "interval",
            Term::SamePopulation => "same-population",
            Term::CostRates => "cost-rates",
            Term::Arguments => "arguments",
            Term::DecisionChannel => "decision-channel",
            Term::ModelLimits => "model-limits",
        }
    }

    /// The term with this name.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Term> {
        Term::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Where the term to show travels from the page that links to it to the Glossary view (the two
/// may be different bundles): the tab's session storage, read once by the view.
const STORAGE_KEY: &str = "dialoglab-term";

/// Opens the glossary at `term`.
pub fn open(app: &AppContext, term: Term) {
    if cfg!(target_arch = "wasm32") {
        let _ = SessionStorage::set(STORAGE_KEY, term.key());
    }
    app.dispatch(Action::SetView(View::Glossary));
}

/// The term a link asked for, if any (forgotten once read).
#[must_use]
pub fn take_requested() -> Option<Term> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let key: String = SessionStorage::get(STORAGE_KEY).ok()?;
    SessionStorage::delete(STORAGE_KEY);
    Term::from_key(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_round_trip() {
        let mut keys: Vec<_> = Term::ALL.iter().map(|t| t.key()).collect();
        for t in Term::ALL {
            assert_eq!(Term::from_key(t.key()), Some(t));
        }
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Term::ALL.len());
        assert_eq!(Term::from_key("nope"), None);
    }
}
