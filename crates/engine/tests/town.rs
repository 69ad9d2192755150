//! The town's sample: real citizens, their stage flags as in the run, and counts per stage that
//! equal the report's (exactly for everyone, weighted for a sample, unweighted for the meeting).

use dialoglab_engine::town::{self, Channel};
use dialoglab_engine::{population, presets, simulate_full};

fn stage_count(report: &dialoglab_engine::Report, stage: &str) -> f64 {
    f64::from(report.stages[stage].count)
}

fn check(preset: &str, size: u32, n: u32) {
    let mut s = presets::get(preset).unwrap();
    s.population.size = size;
    s.invitation.letters = s.invitation.letters.min(size);
    s.invitation.panel_size = s.invitation.panel_size.min(s.invitation.letters);
    let pop = population::generate(&s.population, s.seed);
    let out = simulate_full(&pop, &s, false);
    let r = &out.report;
    let t = town::sample(&pop, &out, n);
    assert_eq!(t, town::sample(&pop, &out, n), "deterministic");
    assert!(t.figures.len() as u32 <= n.max(16).max(r.stages["attendees"].count));
    assert_eq!(t.population, size);
    let close = |a: f64, b: f64, what: &str| {
        assert!(
            (a - b).abs() < 1e-6 * b.max(1.0),
            "{preset} n={n} {what}: {a} vs {b}"
        );
    };
    close(
        t.weighted(town::Figure::invited),
        stage_count(r, "invited"),
        "invited",
    );
    close(
        t.weighted(|f| f.attended),
        stage_count(r, "attendees"),
        "attendees",
    );
    close(
        t.weighted(town::Figure::spoke),
        stage_count(r, "speakers"),
        "speakers",
    );
    close(t.weighted(|f| f.voted), stage_count(r, "voters"), "voters");
    close(t.weighted(|_| true), f64::from(size), "population");
    if t.all_attendees {
        assert_eq!(t.count(|f| f.attended), r.stages["attendees"].count);
        assert_eq!(t.count(town::Figure::spoke), r.stages["speakers"].count);
        assert!(
            t.figures
                .iter()
                .filter(|f| f.attended)
                .all(|f| (f.weight - 1.0).abs() < 1e-12)
        );
    }
    let y = &out.first;
    let mut last = None;
    for f in &t.figures {
        let i = f.citizen as usize;
        assert!(last < Some(i), "in the population's order, each once");
        last = Some(i);
        assert_eq!(f.district, pop.district[i]);
        assert_eq!(f.age_band, pop.age_band[i]);
        assert_eq!(f.gender, pop.gender[i]);
        assert_eq!(f.member, pop.association[i] > 0);
        assert_eq!(f.invited(), y.invitation.invited[i]);
        assert_eq!(f.attended, y.attendees.contains(&f.citizen));
        assert_eq!(f.voted, y.voters.contains(&f.citizen));
        assert!(!f.spoke() || f.attended);
        assert!(
            !f.attended || f.channel != Channel::None,
            "came without an invitation"
        );
    }
}

#[test]
fn everyone_counts_exactly_when_the_town_is_small() {
    let s = presets::get("faxe-dialogue").unwrap();
    let size = 2_000;
    let mut s2 = s.clone();
    s2.population.size = size;
    s2.invitation.letters = s2.invitation.letters.min(size);
    let pop = population::generate(&s2.population, s2.seed);
    let out = simulate_full(&pop, &s2, false);
    let t = town::sample(&pop, &out, size);
    assert_eq!(t.figures.len() as u32, size);
    for (stage, got) in [
        ("invited", t.count(town::Figure::invited)),
        ("attendees", t.count(|f| f.attended)),
        ("speakers", t.count(town::Figure::spoke)),
        ("voters", t.count(|f| f.voted)),
    ] {
        assert_eq!(got, out.report.stages[stage].count, "{stage}");
    }
    check("faxe-dialogue", size, size);
}

#[test]
fn a_sample_of_a_thousand_stands_for_every_stage_of_each_preset() {
    // Each preset at 12,000 citizens (porto-alegre then keeps its 30 M DKK budget for far fewer
    // voters, which once made Equal Shares' exact arithmetic run for ever) and at its own size.
    for p in presets::ALL {
        check(p.name, 12_000, 1_000);
        let size = presets::get(p.name).unwrap().population.size;
        if size != 12_000 {
            check(p.name, size, 1_000);
        }
    }
}

#[test]
fn a_tiny_picture_still_weights_to_the_report() {
    // Attendees overflow half the picture: they are sampled too, and the weights still add up.
    check("faxe-dialogue", 6_000, 20);
    check("outreach", 6_000, 8);
}
