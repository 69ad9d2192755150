//! Dialoglab's simulation engine: `Scenario → run → Report`.
//!
//! The engine knows nothing of the web; it builds natively and for `wasm32-unknown-unknown` and
//! gives bit-identical reports on both (one ChaCha8 stream per stage, `libm` for transcendental
//! functions, no `usize` draws, no hash-map iteration).
//!
//! ```
//! let scenario = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
//! let report = dialoglab_engine::run(&scenario).unwrap();
//! assert!(report.stages["attendees"].count > 0);
//! ```
#![deny(missing_docs)]

pub mod attendance;
pub mod attributes;
pub mod invitation;
pub mod metrics;
pub mod pb;
pub mod population;
pub mod presets;
pub mod report;
pub mod rng;
pub mod scenario;
pub mod selection;

use std::collections::BTreeMap;

pub use report::Report;
pub use scenario::{Scenario, ScenarioError, Strategy};

use attributes::Attribute;
use metrics::{Counts, representativeness};
use population::Population;
use report::{CostReport, PoolProbability, PopulationReport, SelectionReport, StageReport};
use rng::{Stage, chance, stream, unit};

/// Validates `scenario`, draws its population and simulates one cycle.
pub fn run(scenario: &Scenario) -> Result<Report, ScenarioError> {
    scenario.validate()?;
    let pop = population::generate(&scenario.population, scenario.seed);
    Ok(simulate(&pop, scenario))
}

/// Simulates one cycle on an already drawn population (which must come from
/// `scenario.population` and `scenario.seed` for the report to be reproducible).
#[must_use]
pub fn simulate(pop: &Population, scenario: &Scenario) -> Report {
    simulate_full(pop, scenario).report
}

/// A simulated cycle with the sets behind its report, for tests and deeper views.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Who was invited, how intensely, at what cost.
    pub invitation: invitation::Invitation,
    /// Citizens who attended, in citizen order (panel order for stratified sortition).
    pub attendees: Vec<u32>,
    /// The report.
    pub report: Report,
}

/// Like [`simulate`], also returning the invited and attending sets.
#[must_use]
pub fn simulate_full(pop: &Population, scenario: &Scenario) -> Outcome {
    let population_counts = Counts::population(pop);
    let invitation = invitation::invite(pop, scenario);
    let stakes = attendance::stakes(scenario);

    // One attendance draw per citizen in order, whoever is invited (common random numbers).
    let mut rng = stream(scenario.seed, Stage::Attendance);
    let mut willing: Vec<u32> = Vec::new();
    for i in 0..pop.len() {
        let u = unit(&mut rng);
        if invitation.invited[i]
            && u < attendance::probability(pop, i, invitation.intensity[i], stakes, scenario)
        {
            willing.push(i as u32);
        }
    }

    let mut staff_hours = invitation.staff_hours;
    let mut selection = None;
    let attendees = if scenario.invitation.strategy == Strategy::Stratified {
        staff_hours += willing.len() as f64 * scenario.costs.hours_per_response;
        let (attendees, report) = stratify(pop, scenario, &population_counts, &willing, stakes);
        selection = Some(report);
        attendees
    } else {
        if scenario.invitation.strategy == Strategy::Letters {
            staff_hours += willing.len() as f64 * scenario.costs.hours_per_response;
        }
        willing
    };

    let invited_counts = Counts::of(
        pop,
        invitation.invited.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i),
    );
    let attendee_counts = Counts::of(pop, attendees.iter().map(|&i| i as usize));
    let size = pop.len() as u32;
    let stage = |counts: &Counts| StageReport {
        count: counts.total,
        share_of_population: f64::from(counts.total) / f64::from(size.max(1)),
        representativeness: representativeness(&population_counts, counts),
    };
    let mut stages = BTreeMap::new();
    stages.insert("invited".to_string(), stage(&invited_counts));
    stages.insert("attendees".to_string(), stage(&attendee_counts));

    let dkk = invitation::cost_dkk(scenario, invitation.letters, staff_hours);
    let cost = CostReport {
        letters: invitation.letters,
        contacts: invitation.contacts,
        staff_hours,
        dkk,
        dkk_per_attendee: (attendee_counts.total > 0)
            .then(|| dkk as f64 / f64::from(attendee_counts.total)),
    };
    let report = Report {
        report_version: report::REPORT_VERSION,
        seed: scenario.seed,
        strategy: scenario.invitation.strategy,
        budget: scenario.budget,
        population: PopulationReport {
            size,
            shares: metrics::share_table(&population_counts),
            means: trait_means(pop),
        },
        stages,
        selection,
        cost,
    };
    Outcome {
        invitation,
        attendees,
        report,
    }
}

fn trait_means(pop: &Population) -> BTreeMap<String, f64> {
    [
        ("free_time_hours", &pop.free_time),
        ("civic_skill", &pop.civic_skill),
        ("interest", &pop.interest),
        ("efficacy", &pop.efficacy),
        ("trust", &pop.trust),
        ("assertiveness", &pop.assertiveness),
        ("habit", &pop.habit),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), population::mean(v)))
    .collect()
}

/// Panel selection for stratified sortition: returns the attendees and the selection report.
fn stratify(
    pop: &Population,
    scenario: &Scenario,
    population_counts: &Counts,
    pool: &[u32],
    stakes: f64,
) -> (Vec<u32>, SelectionReport) {
    let inv = &scenario.invitation;
    let mut rng = stream(scenario.seed, Stage::Selection);
    let panel = selection::select(
        pop,
        population_counts,
        pool,
        inv.panel_size,
        inv.selection_replicates,
        &mut rng,
    );
    let attendees: Vec<u32> = panel
        .members
        .iter()
        .copied()
        .filter(|_| !chance(&mut rng, inv.panel_dropout))
        .collect();

    // End-to-end estimate: letters/N · P(answer | letter) · mean selection probability of pool
    // members in the same age × gender × education cell (overall mean where the cell is empty).
    let cell = |i: usize| usize::from(pop.age_band[i]) * 6 + usize::from(pop.gender[i]) * 3 + usize::from(pop.education[i]);
    let mut cell_sum = [0.0f64; 24];
    let mut cell_n = [0u32; 24];
    for p in &panel.probabilities {
        let c = cell(p.0 as usize);
        cell_sum[c] += p.1;
        cell_n[c] += 1;
    }
    let overall = if pool.is_empty() {
        0.0
    } else {
        cell_sum.iter().sum::<f64>() / pool.len() as f64
    };
    let p_letter = f64::from(inv.letters) / pop.len() as f64;
    let letter_intensity = scenario.attendance.intensity_letter as f32;
    let mut sums: Vec<Vec<f64>> = Attribute::ALL
        .iter()
        .map(|a| vec![0.0; a.category_count(pop.districts)])
        .collect();
    for i in 0..pop.len() {
        let c = cell(i);
        let s = if cell_n[c] > 0 { cell_sum[c] / f64::from(cell_n[c]) } else { overall };
        let e2e = p_letter * attendance::probability(pop, i, letter_intensity, stakes, scenario) * s;
        for (row, a) in Attribute::ALL.into_iter().enumerate() {
            sums[row][usize::from(pop.category(a, i))] += e2e;
        }
    }
    let end_to_end = Attribute::ALL
        .into_iter()
        .enumerate()
        .map(|(row, a)| {
            let by_cat = sums[row]
                .iter()
                .enumerate()
                .filter(|(c, _)| population_counts.by_attribute[row][*c] > 0)
                .map(|(c, s)| {
                    (a.category_key(c as u8), s / f64::from(population_counts.by_attribute[row][c]))
                })
                .collect();
            (a.key().to_string(), by_cat)
        })
        .collect();
    let probs: Vec<f64> = panel.probabilities.iter().map(|p| p.1).collect();
    let report = SelectionReport {
        pool: pool.len() as u32,
        panel: panel.members.len() as u32,
        quotas_met: panel.quotas_met,
        replicates: inv.selection_replicates,
        min_probability: if probs.is_empty() {
            0.0
        } else {
            probs.iter().copied().fold(1.0, f64::min)
        },
        max_probability: probs.iter().copied().fold(0.0, f64::max),
        probabilities: panel
            .probabilities
            .iter()
            .map(|&(citizen, probability)| PoolProbability { citizen, probability })
            .collect(),
        end_to_end,
    };
    (attendees, report)
}
