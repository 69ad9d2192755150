//! Dialoglab's simulation engine: `Scenario → run → Report`.
//!
//! The engine knows nothing of the web; it builds natively and for `wasm32-unknown-unknown` and
//! gives bit-identical reports on both (one xoshiro256++ stream per stage, `libm` for transcendental
//! functions, no `usize` draws, no hash-map iteration).
//!
//! ```
//! let scenario = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
//! let report = dialoglab_engine::run(&scenario).unwrap();
//! assert!(report.stage(dialoglab_engine::metric::Stage::Attendees).unwrap().count > 0);
//! ```
#![deny(missing_docs)]

pub mod arguments;
pub mod attendance;
pub mod attributes;
pub mod calibration;
pub mod csv;
pub mod cycle;
pub mod deliberation;
pub mod influence;
pub mod invitation;
pub mod measure;
pub mod metric;
pub mod metrics;
pub mod panel;
pub mod path;
pub mod pb;
pub mod population;
pub mod presets;
pub mod proposals;
pub mod registry;
pub mod report;
pub mod rng;
pub mod scenario;
pub mod selection;
pub mod sensitivity;
pub mod sort;
pub mod split;
pub mod stats;
pub mod sweep;
pub mod town;
pub mod vote;
// Issue 17: budgets that buy real things, who decides.
pub mod catalogue;
pub mod decision;
pub mod need;

pub use deliberation::MeetingTrace;
pub use report::Report;
pub use scenario::{Inconsistency, PanelSelection, Scenario, ScenarioError, Strategy};

use attributes::Attribute;
use cycle::Year;
pub use measure::Detail;
use measure::{
    YearMetrics, channel_reports, real_name, selection_report, trait_means, year_metrics,
};
use metric::Stage;
use metrics::Counts;
use population::Population;
use report::{CostReport, CycleReport, PopulationReport};
use split::Threads;

/// Validates `scenario`, draws its population and simulates every cycle. Natively the run uses
/// two threads where it has independent parts ([`split`]); the report is the same as on one.
pub fn run(scenario: &Scenario) -> Result<Report, ScenarioError> {
    scenario.validate()?;
    Ok(whole_run(scenario, false).report)
}

/// The population and every cycle of a validated `scenario`, with the full report, on two
/// threads where the target has them (the first year's meeting traced if `trace`).
fn whole_run(scenario: &Scenario, trace: bool) -> Outcome {
    let pop = population::generate_on(&scenario.population, scenario.seed, Threads::Two);
    simulate_on(&pop, scenario, trace, Detail::Full, Threads::Two)
}

/// Like [`run`], also returning a trace of the first year's meeting for the animated view.
/// Runs that do not ask for a trace pay nothing for it.
pub fn run_traced(scenario: &Scenario) -> Result<(Report, MeetingTrace), ScenarioError> {
    scenario.validate()?;
    let out = whole_run(scenario, true);
    let trace = out
        .first
        .deliberation
        .trace
        .clone()
        .unwrap_or(MeetingTrace {
            format: scenario.meeting.format,
            tables: Vec::new(),
        });
    Ok((out.report, trace))
}

/// The first year's simulated vote as a PB instance and profile, ready for `.pb` export
/// (`pb::pabulib::write`). Voters carry sex, district and age band (as the extra column `age_band`).
pub fn simulated_vote(scenario: &Scenario) -> Result<(pb::Instance, pb::Profile), ScenarioError> {
    scenario.validate()?;
    let pop = population::generate_on(&scenario.population, scenario.seed, Threads::Two);
    let out = simulate_on(&pop, scenario, false, Detail::Full, Threads::Two);
    let y = &out.first;
    let mut instance = vote::instance(&y.projects, scenario.budget);
    instance.meta = vec![
        (
            "description".into(),
            format!("Dialoglab simulated vote, seed {}", scenario.seed),
        ),
        ("country".into(), "Denmark".into()),
        ("unit".into(), "Dialoglab".into()),
        ("instance".into(), "simulation".into()),
        ("num_projects".into(), y.projects.len().to_string()),
        ("num_votes".into(), y.voters.len().to_string()),
        ("budget".into(), scenario.budget.to_string()),
        (
            "vote_type".into(),
            match scenario.vote.ballot {
                scenario::BallotKind::Approval => "approval".into(),
                scenario::BallotKind::Cumulative => "cumulative".into(),
            },
        ),
        ("rule".into(), scenario.vote.rule.name().into()),
        ("date_begin".into(), "2026".into()),
        ("date_end".into(), "2026".into()),
        ("currency".into(), "DKK".into()),
        ("experimental".into(), "1".into()),
    ];
    if scenario.vote.ballot == scenario::BallotKind::Cumulative {
        instance
            .meta
            .push(("max_sum_points".into(), scenario.vote.points.to_string()));
    }
    for ((p, &f), &k) in instance
        .projects
        .iter_mut()
        .zip(&y.funded)
        .zip(&y.on_ballot)
    {
        p.selected = Some(u8::from(f));
        if let Some(name) = real_name(scenario, &y.proposals[k]) {
            p.name = name.to_string();
        }
    }
    let mut slot_of = vec![u32::MAX; pop.len()];
    for (slot, &i) in y.attendees.iter().enumerate() {
        slot_of[i as usize] = slot as u32;
    }
    let mut scratch = Vec::new();
    let sizes = need::sizes(&y.projects, &scenario.need);
    let mut u = Vec::with_capacity(y.projects.len());
    let ballots = y
        .voters
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let i = i as usize;
            let prefs = if slot_of[i] == u32::MAX {
                vote::true_prefs(&pop, i)
            } else {
                y.deliberation.prefs_after[slot_of[i] as usize]
            };
            // The limit the run drew for this voter, when it drew one.
            let cap = y
                .caps
                .get(k)
                .copied()
                .unwrap_or(scenario.vote.max_approvals);
            // The utilities the run used: need-weighed, scaled by project size.
            cycle::citizen_utilities(&prefs, &pop, i, &y.projects, &sizes, scenario, &mut u);
            vote::ballot_from_utilities_with_cap(&u, &scenario.vote, cap, &mut scratch)
        })
        .collect();
    let mut profile = vote::profile(scenario.vote.ballot, ballots);
    profile.voters = y
        .voters
        .iter()
        .map(|&i| {
            let i = i as usize;
            let mut voter = pb::Voter::anonymous(format!("v{}", i + 1));
            voter.sex = Some(if pop.gender[i] == 0 { "F" } else { "M" }.to_string());
            voter.district = Some(Attribute::District.category_key(pop.district[i]));
            voter.extra = vec![(
                "age_band".into(),
                Attribute::AgeBand.category_key(pop.age_band[i]),
            )];
            voter
        })
        .collect();
    if scenario.vote.ballot == scenario::BallotKind::Cumulative {
        profile.max_sum_points = Some(u64::from(scenario.vote.points));
    }
    Ok((instance, profile))
}

/// Simulates every cycle on an already drawn population (which must come from
/// `scenario.population` and `scenario.seed` for the report to be reproducible).
#[must_use]
pub fn simulate(pop: &Population, scenario: &Scenario) -> Report {
    simulate_full(pop, scenario, false).report
}

/// [`simulate`] at a level of [`Detail`]: with [`Detail::Headline`] the report holds every
/// [`metric::Metric`] exactly as [`simulate`]'s does (tested), and leaves out what only a full
/// report shows.
#[must_use]
pub fn simulate_with(pop: &Population, scenario: &Scenario, detail: Detail) -> Report {
    simulate_on(pop, scenario, false, detail, Threads::One).report
}

/// A simulation with the sets behind its report, for tests and deeper views.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The first year in full.
    pub first: Year,
    /// The report.
    pub report: Report,
}

/// Like [`simulate`], also returning the first year's sets (and its meeting trace if `trace`).
#[must_use]
pub fn simulate_full(pop: &Population, scenario: &Scenario, trace: bool) -> Outcome {
    simulate_on(pop, scenario, trace, Detail::Full, Threads::One)
}

fn simulate_on(
    pop: &Population,
    scenario: &Scenario,
    trace: bool,
    detail: Detail,
    threads: Threads,
) -> Outcome {
    let counts = Counts::population(pop);
    let mut cycles = Vec::with_capacity(usize::from(scenario.cycles));
    // Attended the previous simulated year (nobody before year 1).
    let mut previous: Vec<bool> = vec![false; pop.len()];
    // Year 1 runs on the population itself; the feedback changes only efficacy, trust and habit,
    // so later years run on a copy with those columns replaced (a single year copies nothing else).
    let (y, m, mut changed) = year_step(
        pop,
        scenario,
        (&counts, detail, threads),
        0,
        trace,
        &mut previous,
        &mut cycles,
    );
    if scenario.cycles > 1 {
        let mut state = pop.clone();
        for year in 1..u32::from(scenario.cycles) {
            (state.efficacy, state.trust, state.habit) = changed;
            changed = year_step(
                &state,
                scenario,
                (&counts, detail, threads),
                year,
                false,
                &mut previous,
                &mut cycles,
            )
            .2;
        }
    }
    let size = pop.len() as u32;
    let dkk = invitation::cost_dkk(scenario, y.invitation.letters, y.staff_hours);
    let attendees = y.attendees.len() as u32;
    let report = Report {
        report_version: report::REPORT_VERSION,
        seed: scenario.seed,
        strategy: scenario.invitation.strategy,
        budget: scenario.budget,
        population: PopulationReport {
            size,
            shares: metrics::share_table(&counts),
            means: trait_means(pop),
        },
        stages: m.stages,
        channels: channel_reports(pop, &y),
        deliberation: m.deliberation,
        outcome: m.outcome,
        influence: m.influence,
        inclusion: m.inclusion,
        cycles,
        selection: y
            .panel
            .as_ref()
            .map(|p| selection_report(pop, scenario, &counts, &y.willing, p)),
        cost: CostReport {
            letters: y.invitation.letters,
            contacts: y.invitation.contacts,
            staff_hours: y.staff_hours,
            dkk,
            dkk_per_attendee: (attendees > 0).then(|| dkk as f64 / f64::from(attendees)),
        },
    };
    Outcome { first: y, report }
}

/// Efficacy, trust and habit of every citizen after a year's feedback.
type Changed = (Vec<f32>, Vec<f32>, Vec<f32>);

/// Simulates year `year` on `state`, appends its cycle summary, and returns the year with its
/// report parts and the columns of `state` that the feedback changed, as they are after it.
fn year_step(
    state: &Population,
    scenario: &Scenario,
    (counts, detail, threads): (&Counts, Detail, Threads),
    year: u32,
    trace: bool,
    previous: &mut [bool],
    cycles: &mut Vec<CycleReport>,
) -> (Year, YearMetrics, Changed) {
    let y = cycle::simulate_year_on(state, scenario, counts, (year, trace), threads);
    let favourite = &y.favourites;
    let metrics = year_metrics(state, scenario, counts, &y, favourite, (detail, threads));
    let repeat = if y.attendees.is_empty() {
        0.0
    } else {
        y.attendees
            .iter()
            .filter(|&&i| previous[i as usize])
            .count() as f64
            / y.attendees.len() as f64
    };
    let (mut efficacy, mut trust, mut habit) = (
        state.efficacy.clone(),
        state.trust.clone(),
        state.habit.clone(),
    );
    cycle::feedback_on(
        &mut cycle::Feedback {
            efficacy: &mut efficacy,
            trust: &mut trust,
            habit: &mut habit,
        },
        &y,
        scenario,
        favourite,
    );
    let proposers: Vec<u32> = y
        .proposals
        .iter()
        .flat_map(|p| p.proposers.iter().copied())
        .collect();
    let proposer_efficacy_after = if proposers.is_empty() {
        0.0
    } else {
        proposers
            .iter()
            .map(|&i| f64::from(efficacy[i as usize]))
            .sum::<f64>()
            / proposers.len() as f64
    };
    cycles.push(CycleReport {
        year: year + 1,
        attendees: y.attendees.len() as u32,
        representativeness: metrics.stages[Stage::Attendees.key()]
            .representativeness
            .index,
        repeat_share: repeat,
        influence_gap: metrics.influence.gap.clone(),
        veto_rate: metrics.influence.veto_rate,
        turnout: metrics.outcome.turnout,
        spent: metrics.outcome.spent,
        efficacy: metrics.efficacy.clone(),
        proposer_efficacy_after,
    });
    previous.fill(false);
    for &i in &y.attendees {
        previous[i as usize] = true;
    }
    (y, metrics, (efficacy, trust, habit))
}
