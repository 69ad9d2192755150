//! Deliberation with content (issue 17): arguments, informed preferences, proposals after the
//! meeting. Every check is over several seeds with margins; each mechanism has an ablation.

use dialoglab_engine::arguments::{self, balance};
use dialoglab_engine::deliberation::{Prefs, deliberate};
use dialoglab_engine::population::{CATEGORY_COUNT, Population, generate};
use dialoglab_engine::rng::{Stage, stream};
use dialoglab_engine::scenario::{MeetingFormat, MeetingUpdate};
use dialoglab_engine::{Report, Scenario, presets, run, run_traced};

fn faxe(seed: u64, sets: &[&str]) -> Scenario {
    let mut s = presets::get("faxe-dialogue").unwrap();
    s.seed = seed;
    for kv in sets {
        let (path, value) = kv.split_once('=').unwrap();
        s.set_path_text(path, value).unwrap();
    }
    s
}

fn mean_of(seeds: &[u64], sets: &[&str], measure: impl Fn(&Report) -> f64) -> f64 {
    seeds
        .iter()
        .map(|&seed| measure(&run(&faxe(seed, sets)).unwrap()))
        .sum::<f64>()
        / seeds.len() as f64
}

fn prefs(pop: &Population, i: u32) -> Prefs {
    std::array::from_fn(|c| pop.prefs[c][i as usize])
}

/// Over [`MEETING_SEEDS`] seeds, a meeting of 200 citizens of a 4,000-citizen faxe population in `format`:
/// (category results where the attendees' mean shift follows the stronger side, of those
/// where one side is clearly stronger; mean share of the distance to the informed preferences
/// closed).
fn stronger_side(format: MeetingFormat) -> (u32, u32, f64) {
    let b = balance();
    let (mut wins, mut total, mut moved) = (0, 0, 0.0);
    for seed in 1..=MEETING_SEEDS {
        let mut s = faxe(seed, &[]);
        s.population.size = 4_000;
        s.meeting.format = format;
        let pop = generate(&s.population, seed);
        let att: Vec<u32> = (0..200).map(|k| k * 19).collect();
        let d = deliberate(
            &pop,
            &att,
            &s,
            &mut stream(seed, Stage::Deliberation),
            false,
        );
        let knowledge = arguments::knowledge(&pop, &s);
        for c in 0..CATEGORY_COUNT {
            if b[c].abs() > 0.15 {
                let shift: f64 = att
                    .iter()
                    .zip(&d.prefs_after)
                    .map(|(&i, p)| f64::from(p[c] - pop.prefs[c][i as usize]))
                    .sum();
                total += 1;
                wins += u32::from(shift * b[c] > 0.0);
            }
        }
        let (mut before, mut after) = (0.0, 0.0);
        for (&i, p) in att.iter().zip(&d.prefs_after) {
            let raw = prefs(&pop, i);
            let inf = arguments::informed(&raw, knowledge[i as usize], s.arguments.impact);
            before += f64::from(arguments::distance(&raw, &inf));
            after += f64::from(arguments::distance(p, &inf));
        }
        moved += 1.0 - after / before;
    }
    (wins, total, moved / MEETING_SEEDS as f64)
}

/// Seeds of [`stronger_side`]: five categories are clearly one-sided, so 80 seeds give 400
/// results per format (a binomial standard error of about 2.3 in 100 each). With 20 seeds the
/// difference swung from 19 to 9 in 100 when the population draw changed its random sample.
const MEETING_SEEDS: u64 = 80;

#[test]
fn the_stronger_side_wins_more_often_in_the_ideal_format_than_in_the_realistic_one() {
    let (ideal, total, ideal_moved) = stronger_side(MeetingFormat::Ideal);
    let (real, total_real, real_moved) = stronger_side(MeetingFormat::Realistic);
    assert_eq!(total, total_real);
    eprintln!(
        "stronger side: ideal {ideal}/{total} ({ideal_moved:.3}), realistic {real}/{total} ({real_moved:.3})"
    );
    // Measured 303 vs 252 of 400: the margin is a tenth of the results, four standard errors of
    // the difference.
    assert!(
        ideal >= real + total / 10,
        "stronger side won {ideal}/{total} ideal, {real}/{total} realistic"
    );
    assert!(
        ideal * 2 > total,
        "ideal meetings follow the stronger side: {ideal}/{total}"
    );
    assert!(
        ideal_moved > real_moved,
        "ideal meetings close more of the gap to informed preferences: {ideal_moved} vs {real_moved}"
    );
}

/// Mean change of attendees' extremity `Σ_c |p_c − population mean_c|` over 10 seeds, for a
/// meeting of 120 citizens whose favourite is green areas (homogeneous) or of 60 of them and 60
/// whose favourite is the elderly (mixed).
fn polarisation(update: MeetingUpdate, mixed: bool) -> f64 {
    let mut total = 0.0;
    for seed in 1..=10u64 {
        let mut s = faxe(seed, &[]);
        s.population.size = 6_000;
        s.meeting.update = update;
        s.meeting.confidence_bound = 0.2;
        let pop = generate(&s.population, seed);
        let favourite = |i: usize| {
            (0..CATEGORY_COUNT)
                .max_by(|&a, &b| pop.prefs[a][i].total_cmp(&pop.prefs[b][i]))
                .unwrap()
        };
        let of = |c: usize, k: usize| (0..pop.len()).filter(move |&i| favourite(i) == c).take(k);
        let mut att: Vec<u32> = of(0, if mixed { 60 } else { 120 })
            .map(|i| i as u32)
            .collect();
        if mixed {
            att.extend(of(2, 60).map(|i| i as u32));
        }
        let mean: Vec<f32> = (0..CATEGORY_COUNT)
            .map(|c| pop.prefs[c].iter().sum::<f32>() / pop.len() as f32)
            .collect();
        let extremity = |p: &Prefs| {
            (0..CATEGORY_COUNT)
                .map(|c| f64::from((p[c] - mean[c]).abs()))
                .sum::<f64>()
        };
        let d = deliberate(
            &pop,
            &att,
            &s,
            &mut stream(seed, Stage::Deliberation),
            false,
        );
        total += att
            .iter()
            .zip(&d.prefs_after)
            .map(|(&i, p)| extremity(p) - extremity(&prefs(&pop, i)))
            .sum::<f64>()
            / att.len() as f64;
    }
    total / 10.0
}

#[test]
fn homogeneous_tables_polarise_under_bounded_confidence_and_mixed_ones_less() {
    let homogeneous = polarisation(MeetingUpdate::BoundedConfidence, false);
    let mixed = polarisation(MeetingUpdate::BoundedConfidence, true);
    // Measured 0.126 vs 0.078.
    assert!(homogeneous > 0.06, "{homogeneous}");
    assert!(homogeneous > mixed + 0.02, "{homogeneous} vs {mixed}");
    // Ablation: averaging without arguments pulls every table together instead.
    for mixed in [false, true] {
        let p = polarisation(MeetingUpdate::Averaging, mixed);
        assert!(p < 0.0, "averaging, mixed = {mixed}: {p}");
    }
}

const SEEDS: [u64; 4] = [1, 2, 3, 4];

#[test]
fn meetings_move_attendees_toward_informed_preferences_and_not_without_arguments() {
    let moved = |sets: &[&str]| mean_of(&SEEDS, sets, |r| r.deliberation.moved_toward_informed);
    let with = moved(&[]);
    assert!(with > 0.05, "{with}");
    let learned = mean_of(&SEEDS, &[], |r| r.deliberation.arguments_learned);
    assert!(learned > 1.0, "{learned}");
    // Ablation 1: averaging preferences carries no arguments and moves nobody toward them.
    let averaging = moved(&["meeting.update=averaging"]);
    assert!(averaging <= 0.0, "{averaging}");
    assert!(
        mean_of(&SEEDS, &["meeting.update=averaging"], |r| r
            .deliberation
            .arguments_learned)
        .abs()
            < 1e-12
    );
    // Ablation 2: arguments without impact: informed preferences are the raw ones.
    for seed in SEEDS {
        let r = run(&faxe(seed, &["arguments.impact=0"])).unwrap();
        assert!(r.deliberation.informed_distance_before.abs() < 1e-12);
        assert!(r.deliberation.informed_distance_after.abs() < 1e-12);
        assert!(r.deliberation.moved_toward_informed.abs() < 1e-12);
    }
}

#[test]
fn when_everyone_knows_everything_informed_and_raw_figures_agree() {
    for seed in SEEDS {
        let r = run(&faxe(seed, &["arguments.know_base=1"])).unwrap();
        let i = &r.influence;
        assert!(r.deliberation.informed_distance_before.abs() < 1e-12);
        // Nothing left to learn: the meeting changes nobody.
        assert!(r.deliberation.arguments_learned.abs() < 1e-12);
        assert!(r.deliberation.preference_shift.abs() < 1e-12);
        assert!((i.legitimacy_informed - i.legitimacy).abs() < 1e-12);
        assert!((i.welfare_loss_informed - i.welfare_loss).abs() < 1e-12);
    }
    // With the defaults the two differ in some seed: arguments change what citizens would fund.
    let differ = (1..=6u64).any(|seed| {
        let i = run(&faxe(seed, &[])).unwrap().influence;
        (i.legitimacy_informed - i.legitimacy).abs() > 1e-9
            || (i.welfare_loss_informed - i.welfare_loss).abs() > 1e-9
    });
    assert!(differ);
}

#[test]
fn tables_propose_what_they_favour_after_deliberating() {
    let favourite =
        |p: &Prefs| (0..CATEGORY_COUNT).fold(0, |best, c| if p[c] > p[best] { c } else { best });
    let mut changed = 0;
    for seed in 1..=6u64 {
        let s = faxe(seed, &["meeting.format=ideal"]);
        let (_, trace) = run_traced(&s).unwrap();
        for table in &trace.tables {
            let last = &table.rounds.last().unwrap().prefs_after;
            for (k, category) in &table.proposals {
                let k = usize::from(*k);
                let after = dialoglab_engine::attributes::PROJECT_CATEGORIES[favourite(&last[k])];
                assert_eq!(category, after, "seed {seed}");
                changed +=
                    usize::from(favourite(&table.members[k].prefs_before) != favourite(&last[k]));
            }
        }
    }
    assert!(changed > 0, "deliberation changed some table's agenda");
}
