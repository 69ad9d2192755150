//! Budgets that buy real things, who decides and who carries out (issue 17; docs/MODEL.md,
//! "Budgets"). Every check is over several seeds, with margins, and each new mechanism has an
//! ablation: switched off, its effect disappears.

use dialoglab_engine::population::generate;
use dialoglab_engine::{Report, Scenario, catalogue, need, presets, run, simulate_full};

const SEEDS: [u64; 6] = [1, 2, 3, 4, 5, 6];

/// A cost above which a project is structural: a street, a square, a building (not a bench).
const STRUCTURAL_DKK: u64 = 500_000;

fn scenario(preset: &str, seed: u64, sets: &[&str]) -> Scenario {
    let mut s = presets::get(preset).unwrap();
    s.seed = seed;
    for kv in sets {
        let (path, value) = kv.split_once('=').unwrap();
        s.set_path_text(path, value).unwrap();
    }
    s
}

fn runs(preset: &str, sets: &[&str]) -> Vec<Report> {
    SEEDS
        .iter()
        .map(|&seed| run(&scenario(preset, seed, sets)).unwrap())
        .collect()
}

fn mean(reports: &[Report], f: impl Fn(&Report) -> f64) -> f64 {
    reports.iter().map(f).sum::<f64>() / reports.len() as f64
}

fn funded_costs(r: &Report) -> Vec<u64> {
    r.outcome
        .projects
        .iter()
        .filter(|p| p.funded)
        .map(|p| p.cost)
        .collect()
}

#[test]
fn a_small_pot_funds_only_small_things_and_a_large_one_structural_projects() {
    for preset in ["faxe-dialogue", "faxe-small-pot"] {
        for channel in ["everyone", "attendees", "advisory"] {
            let set = format!("decision.channel={channel}");
            for r in runs(preset, &["budget=100000", &set]) {
                let costs = funded_costs(&r);
                assert!(!costs.is_empty(), "{preset} {channel}: nothing funded");
                assert!(costs.iter().all(|&c| c <= 100_000), "{costs:?}");
                assert!(costs.iter().sum::<u64>() <= 100_000);
                // Every proposal is a small thing: nothing structural is even proposed.
                assert!(r.outcome.projects.iter().all(|p| p.cost < STRUCTURAL_DKK));
            }
        }
    }
    let big = runs("faxe-dialogue", &["budget=10000000"]);
    let with_structural = big
        .iter()
        .filter(|r| funded_costs(r).iter().any(|&c| c > STRUCTURAL_DKK))
        .count();
    assert!(with_structural >= 5, "{with_structural} of 6 seeds");
}

#[test]
fn funded_money_is_reported_by_category_and_adds_up() {
    for r in runs("faxe-dialogue", &[]) {
        let o = &r.outcome;
        assert_eq!(o.money_by_category.len(), 6);
        assert_eq!(o.money_by_category.values().sum::<u64>(), o.spent);
        assert_eq!(o.funded_count as usize, o.funded.len());
        // The municipality carries everything out.
        assert_eq!(o.completed, o.funded);
        assert_eq!(o.spent_completed, o.spent);
        for (attribute, shares) in &o.benefit_shares {
            let total: f64 = shares.values().sum();
            assert!((total - 1.0).abs() < 1e-9, "{attribute}: {total}");
        }
        // Generated proposals carry the catalogue project whose cost they took.
        for p in &o.projects {
            let source = p.catalogue.as_deref().unwrap();
            assert!(p.name.is_none());
            assert!(
                catalogue::items().iter().any(|it| {
                    source == format!("{} {}: {}", it.file, it.id, it.gloss)
                        && it.cost_dkk == p.cost
                }),
                "{source}"
            );
        }
    }
}

/// The guide's budgets chapter (`borgerbudget-small`, pot 100,000 → 5 M DKK): the 67+'s share of
/// what the funded money does for residents falls, for every one of seeds 1 – 8. Mechanism: what
/// the real catalogue offers each category at each pot size: its elderly projects are small (the
/// largest below 200,000 DKK), so a large pot buys squares and streets that serve others.
/// Ablation: with `vote.costs_by_category = false` a proposal draws its cost from the whole
/// catalogue, an elderly project may cost what a street costs, and the fall is no longer there in
/// every seed and shrinks to under half. (Measured: with categories 0.51 → 0.18, falling in 8 of
/// 8 seeds; without, 0.32 → 0.27, falling in 4 of 8.)
#[test]
fn a_larger_pot_moves_the_money_away_from_the_67_plus_because_their_projects_are_small() {
    let seeds = 1..=8u64;
    let share = |seed: u64, budget: &str, sets: &[&str]| {
        let mut all = vec![budget];
        all.extend_from_slice(sets);
        let r = run(&scenario("borgerbudget-small", seed, &all)).unwrap();
        r.outcome.benefit_shares["age_band"]["67+"]
    };
    let fall = |sets: &[&str]| {
        let (mut falls, mut drop) = (0, 0.0);
        for seed in seeds.clone() {
            let (small, large) = (
                share(seed, "budget=100000", sets),
                share(seed, "budget=5000000", sets),
            );
            falls += usize::from(large < small);
            drop += (small - large) / 8.0;
        }
        (falls, drop)
    };
    let (falls, drop) = fall(&[]);
    assert_eq!(falls, 8, "falls in {falls} of 8 seeds");
    assert!(drop > 0.2, "mean fall {drop}");
    let (falls_pooled, drop_pooled) = fall(&["vote.costs_by_category=false"]);
    assert!(
        falls_pooled <= 6,
        "without categories: falls in {falls_pooled} of 8"
    );
    assert!(
        drop_pooled < drop / 2.0,
        "without categories: mean fall {drop_pooled} against {drop}"
    );
}

/// Need is the mechanism behind whom the funded money benefits: the 67+ get more than their
/// population share of the benefit where elderly projects are funded. Ablation: with
/// `need.served = 0` everyone's need is the same, the stakes are flat and the benefit follows
/// the population (up to where the projects are).
#[test]
fn need_decides_who_benefits_and_without_it_stakes_are_flat() {
    let excess = |sets: &[&str]| {
        mean(&runs("faxe-dialogue", sets), |r| {
            r.outcome.benefit_shares["age_band"]["67+"] - r.population.shares["age_band"]["67+"]
        })
    };
    let with = excess(&[]);
    let without = excess(&["need.served=0"]);
    assert!(with > 0.1, "67+ benefit excess {with}");
    assert!(without.abs() < 0.03, "without need {without}");

    let mut s = presets::get("faxe-dialogue").unwrap();
    s.population.size = 3_000;
    let pop = generate(&s.population, 1);
    let reach = need::reach(&s);
    let spread = |s: &Scenario| {
        let x: Vec<f64> = (0..pop.len())
            .map(|i| need::own_stakes(reach, &pop, i, s))
            .collect();
        x.iter().copied().fold(f64::MIN, f64::max) - x.iter().copied().fold(f64::MAX, f64::min)
    };
    assert!(spread(&s) > 0.5, "{}", spread(&s));
    s.need.served = 0.0;
    assert!(spread(&s) < 1e-12);
}

/// Proposers who carry their projects out in their own time complete fewer of them the less time
/// they have. Ablation: `decision.completion_time = 0` removes the difference.
#[test]
fn projects_of_proposers_without_time_fail_more_often_and_not_without_the_time_cost() {
    let gap = |sets: &[&str]| {
        let (mut done, mut failed) = (Vec::new(), Vec::new());
        for &seed in &SEEDS {
            let mut s = scenario("faxe-small-pot", seed, sets);
            s.budget = 1_000_000;
            s.population.size = 10_000;
            let pop = generate(&s.population, seed);
            let y = simulate_full(&pop, &s, false).first;
            for (k, &p) in y.on_ballot.iter().enumerate() {
                let prop = &y.proposals[p];
                if !y.funded[k] || prop.proposers.is_empty() {
                    continue;
                }
                let time = prop
                    .proposers
                    .iter()
                    .map(|&i| f64::from(pop.free_time[i as usize]))
                    .sum::<f64>()
                    / prop.proposers.len() as f64;
                if y.completed[k] {
                    done.push(time);
                } else {
                    failed.push(time);
                }
            }
        }
        let m = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        (m(&done) - m(&failed), done.len(), failed.len())
    };
    let (with, done, failed) = gap(&[]);
    assert!(done > 5 && failed > 5, "{done} completed, {failed} failed");
    assert!(with > 2.0, "completed minus failed, free hours: {with}");
    let (without, _, failed) = gap(&["decision.completion_time=0"]);
    assert!(failed > 5);
    assert!(
        without.abs() < with * 0.5,
        "without the time cost {without}"
    );
}

/// Who decides (`decision.channel`), with influence measured over the whole population.
///
/// The seed expects the meeting's tilt toward the retirees to show where the meeting decides or
/// advises, and a broad vote to correct it. **The model does not produce that contrast**: in
/// `faxe-dialogue` (open call) the 67+'s influence ratio is about 1.29 under every channel (6
/// seeds: 0.98–1.61, the same projects funded), and about 1.0 with a 2 M DKK pot. The tilt is made
/// when the meeting sets the agenda — the ballot holds the proposals of those who attended, which
/// all three channels share — and among those proposals the most approved are the same for the
/// attendees, for the voters and for the municipality weighing its goals. The test records this:
/// the channels stay within 0.05 of each other, and a broad vote never tilts the outcome further
/// toward the 67+ than the meeting deciding alone. docs/MODEL.md, "Budgets", says so.
#[test]
fn who_decides_changes_little_once_the_meeting_has_set_the_agenda() {
    let old = |channel: &str| {
        let set = format!("decision.channel={channel}");
        mean(&runs("faxe-dialogue", &[&set]), |r| {
            r.influence.ratios["age_band"]["67+"]
        })
    };
    let everyone = old("everyone");
    let attendees = old("attendees");
    let advisory = old("advisory");
    assert!(everyone > 1.2, "the meeting's tilt: 67+ ratio {everyone}");
    assert!(everyone <= attendees + 0.02, "{everyone} vs {attendees}");
    assert!(
        (advisory - everyone).abs() < 0.05,
        "{advisory} vs {everyone}"
    );
    assert!(
        (attendees - everyone).abs() < 0.05,
        "{attendees} vs {everyone}"
    );
    // The electorates differ although the outcome does not.
    let voters = |channel: &str| {
        let set = format!("decision.channel={channel}");
        mean(&runs("faxe-dialogue", &[&set]), |r| {
            f64::from(r.stages["voters"].count)
        })
    };
    assert!(voters("everyone") > 5.0 * voters("attendees"));
}

#[test]
fn a_small_town_with_a_budget_above_every_cost_funds_every_supported_proposal() {
    // Regression: porto-alegre shrunk to a few thousand citizens keeps its 30 M DKK (or more), so
    // each voter's equal share is far above any cost. Equal Shares then ties many projects exactly
    // and decides them in exact rationals, whose unreduced sums once grew without bound (the run
    // never finished). With a pot above every cost, every supported proposal must be funded.
    for (size, budget) in [
        (3_000, dialoglab_engine::scenario::MAX_BUDGET),
        (12_000, 30_000_000),
    ] {
        let mut s = scenario("porto-alegre", 1, &[]);
        s.population.size = size;
        s.invitation.letters = s.invitation.letters.min(size);
        s.budget = budget;
        let r = run(&s).unwrap();
        let ballot: Vec<_> = r.outcome.projects.iter().filter(|p| p.on_ballot).collect();
        assert!(!ballot.is_empty(), "{size}: an empty ballot");
        let costs: u64 = ballot.iter().map(|p| p.cost).sum();
        assert!(r.outcome.spent <= budget, "{size}: spent above the budget");
        if costs <= budget / u64::from(size) {
            for p in &ballot {
                assert_eq!(p.funded, p.supporters > 0, "{size}: project {}", p.id);
            }
            let funded: u64 = ballot.iter().filter(|p| p.funded).map(|p| p.cost).sum();
            assert_eq!(r.outcome.spent, funded, "{size}: spent is the funded costs");
        }
    }
}
