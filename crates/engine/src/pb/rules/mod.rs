//! The PB rules: greedy variants, Method of Equal Shares (with greedy, Add1 and increment
//! completions) and sequential Phragmén, all on project indices with exact arithmetic. Every rule
//! runs on a [`Prepared`] profile, and [`run_prepared`] is the one dispatch from [`Rule`] to the
//! rule (`Rule::run` prepares the profile and calls it).
//!
//! - `prepared`: the profile grouped and scored once for every rule;
//! - `greedy`: greedy by score and by score per cost;
//! - `money`: exact rationals and certified intervals for the MES and Phragmén loops;
//! - `mes`: the Method of Equal Shares without completion, and its trace;
//! - `completions`: MES completed by greedy, Add1 and budget increments (with the horizon);
//! - `phragmen`: sequential Phragmén.

mod completions;
mod greedy;
mod mes;
mod money;
mod phragmen;
mod prepared;
#[cfg(test)]
mod tests;

pub use completions::{mes_add1, mes_add1_greedy, mes_greedy, mes_increment};
pub use greedy::{greedy, greedy_no_skip, greedy_per_cost};
pub use mes::{MesPayment, MesTrace, MesUtility, mes, mes_cardinality, mes_trace};
pub use phragmen::phragmen;
pub(crate) use prepared::Prepared;

use super::{Allocation, Instance, Rule};

/// Runs `rule` on an already prepared profile.
pub(crate) fn run_prepared(rule: Rule, instance: &Instance, prep: &Prepared) -> Allocation {
    match rule {
        Rule::Greedy => greedy::greedy_by_score(instance, prep, true),
        Rule::GreedyNoSkip => greedy::greedy_by_score(instance, prep, false),
        Rule::GreedyPerCost => greedy::greedy_per_cost_on(instance, prep),
        Rule::Mes => mes::mes_on(instance, prep),
        Rule::MesCardinality => mes::mes_cardinality_on(instance, prep),
        Rule::MesGreedy => completions::mes_greedy_on(instance, prep),
        Rule::MesAdd1 => completions::mes_add1_on(instance, prep),
        Rule::MesAdd1Greedy => completions::mes_add1_greedy_on(instance, prep),
        Rule::MesIncrement => completions::mes_increment_on(instance, prep),
        Rule::Phragmen => phragmen::phragmen_on(instance, prep),
    }
}
