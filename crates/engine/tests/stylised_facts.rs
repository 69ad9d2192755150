//! Stylised facts, each marked as a calibration target (the defaults were chosen to produce it)
//! or a validation fact (not fitted), and each with an ablation: switching off the mechanism it
//! rests on (its registry parameters set to their neutral value) makes the fact disappear.
//! Every check is a mean over several seeds of `faxe-dialogue`, with margins. See
//! docs/MODEL.md, "Calibration and validation".

use dialoglab_engine::{Report, Scenario, Strategy, presets, run};

const SEEDS: [u64; 6] = [1, 2, 3, 4, 5, 6];

/// `faxe-dialogue` with `strategy`, `seed` and the settings `sets` (`path=value`).
fn faxe(strategy: Strategy, seed: u64, sets: &[&str]) -> Scenario {
    let mut s = presets::get("faxe-dialogue").unwrap();
    s.invitation.strategy = strategy;
    s.seed = seed;
    for kv in sets {
        let (path, value) = kv.split_once('=').unwrap();
        s.set_path_text(path, value).unwrap();
    }
    s
}

/// Mean over [`SEEDS`] of `measure` on the run of `faxe(strategy, seed, sets)`.
fn mean(strategy: Strategy, sets: &[&str], measure: impl Fn(&Report) -> f64) -> f64 {
    SEEDS
        .iter()
        .map(|&seed| measure(&run(&faxe(strategy, seed, sets)).unwrap()))
        .sum::<f64>()
        / SEEDS.len() as f64
}

fn ratio(r: &Report, stage: &str, attribute: &str, category: &str) -> f64 {
    r.stages[stage].representativeness.ratios[attribute][category]
}

fn attendee_share(r: &Report, attribute: &str, category: &str) -> f64 {
    ratio(r, "attendees", attribute, category) * r.population.shares[attribute][category]
}

fn channel_share(r: &Report, channel: &str, attribute: &str, category: &str) -> f64 {
    r.channels[channel].shares[attribute][category]
}

/// The attendance mechanisms through which people select themselves into an open call: time,
/// skill, interest, efficacy, trust, habit, stakes, language, and hearing of the call.
const NO_SELF_SELECTION: [&str; 11] = [
    "attendance.free_time=0",
    "attendance.civic_skill=0",
    "attendance.interest=0",
    "attendance.efficacy=0",
    "attendance.trust=0",
    "attendance.habit=0",
    "attendance.stakes=0",
    "attendance.language_penalty=0",
    "attendance.awareness_media=0",
    "attendance.awareness_member=0",
    "attendance.awareness_interest=0",
];

// ---- Calibration targets ----

/// Calibrated (`attendance.intercept`, `vote.turnout_intercept`): about 1–2% of adults attend an
/// open-call meeting and about 10% vote. Levels, not facts: no ablation.
#[test]
fn calibrated_levels_of_attendance_and_turnout() {
    let attendance = mean(Strategy::OpenCall, &[], |r| {
        r.stages["attendees"].share_of_population
    });
    let turnout = mean(Strategy::OpenCall, &[], |r| {
        r.stages["voters"].share_of_population
    });
    assert!(
        (0.01..0.02).contains(&attendance),
        "attendance {attendance}"
    );
    assert!((0.07..0.13).contains(&turnout), "turnout {turnout}");
}

/// Calibrated (seed deck, Faxe): retirees dominate a daytime open-call dialogue meeting — the
/// 67+ (a quarter of adults) are the majority of attendees. Mechanism: time (working hours and
/// free time). Without it they are no longer a majority.
#[test]
fn calibrated_retirees_dominate_a_daytime_meeting_and_not_without_the_time_barrier() {
    let daytime = ["invitation.supports.evening=false"];
    let old = |sets: &[&str]| {
        mean(Strategy::OpenCall, sets, |r| {
            attendee_share(r, "age_band", "67+")
        })
    };
    let with = old(&daytime);
    let without = old(&[
        "invitation.supports.evening=false",
        "attendance.daytime_penalty=0",
        "attendance.free_time=0",
    ]);
    assert!(with > 0.6, "67+ share of a daytime meeting {with}");
    assert!(without < 0.45, "without the time barrier {without}");
}

/// Calibrated (`shared/data/pb_voters`): the 67+ are more common among paper than among internet
/// voters, 1.26 times in Łódź and 2.04 times in Wrocław (1.73 pooled). The defaults, fitted to the
/// paper-odds targets (docs/MODEL.md §12), give about 1.9 (seeds 1–6), between the two cities; the
/// hand-set defaults before the fit gave 2.6, above both.
/// Mechanism: the online ballot's digital barrier; without it the ratio is about 1.2, what the
/// channels' time costs alone give.
#[test]
fn calibrated_paper_ballots_bring_older_voters_and_not_without_the_digital_barrier() {
    let paper_over_online = |sets: &[&str]| {
        mean(Strategy::OpenCall, sets, |r| {
            channel_share(r, "paper", "age_band", "67+")
                / channel_share(r, "online", "age_band", "67+")
        })
    };
    let with = paper_over_online(&[]);
    let without = paper_over_online(&["vote.online_digital=0"]);
    assert!(with > 1.5, "67+ paper/online share {with}");
    assert!(without < 1.4, "without the digital barrier {without}");
}

/// Calibrated (`pb_voters`: 30–49 by far the largest band of internet voters): the 30–49 are
/// over-represented among online voters, more than among paper voters. Mechanisms: digital skill
/// and time pressure (online saves the trip busy people lack time for). Without channel costs
/// that differ between citizens, channels draw the same people.
#[test]
fn calibrated_30_to_49_lean_online_and_not_without_person_specific_channel_costs() {
    let measure = |sets: &[&str]| {
        let online_vs_paper = mean(Strategy::OpenCall, sets, |r| {
            channel_share(r, "online", "age_band", "30-49")
                / channel_share(r, "paper", "age_band", "30-49")
        });
        let online_vs_population = mean(Strategy::OpenCall, sets, |r| {
            channel_share(r, "online", "age_band", "30-49")
                / r.population.shares["age_band"]["30-49"]
        });
        (online_vs_paper, online_vs_population)
    };
    let (vs_paper, vs_population) = measure(&[]);
    assert!(vs_paper > 1.3, "30–49 online/paper {vs_paper}");
    assert!(
        vs_population > 1.1,
        "30–49 online/population {vs_population}"
    );
    let (ablated, _) = measure(&[
        "vote.online_digital=0",
        "vote.paper_time=0",
        "vote.online_time=0",
    ]);
    assert!(
        (0.85..1.15).contains(&ablated),
        "without person-specific costs {ablated}"
    );
}

// ---- Validation facts (not fitted) ----

/// Validated: parents of school-age children are under-represented at an open-call meeting even
/// in the evening. Mechanism: free time (children take about 12 hours a week).
#[test]
fn validated_parents_are_under_represented_and_not_without_the_time_resource() {
    let parents = |sets: &[&str]| {
        mean(Strategy::OpenCall, sets, |r| {
            ratio(r, "attendees", "children", "yes")
        })
    };
    let with = parents(&[]);
    let without = parents(&["attendance.free_time=0"]);
    assert!(with < 0.6, "parents' ratio {with}");
    assert!(without > 0.7, "without the time resource {without}");
}

/// Validated: targeted outreach with three personal contacts raises the marginalised's ratio
/// among attendees several-fold over an open call. Mechanism: being asked in person (Gerber &
/// Green 2000). With contacts that carry no intensity, outreach only informs, and the rise is
/// small.
#[test]
fn validated_targeted_outreach_brings_the_marginalised_and_not_without_being_asked() {
    let marginalised = |strategy, sets: &[&str]| {
        mean(strategy, sets, |r| {
            ratio(r, "attendees", "marginalised", "yes")
        })
    };
    let open = marginalised(Strategy::OpenCall, &[]);
    let targeted = marginalised(Strategy::Targeted, &[]);
    assert!(
        targeted > open * 3.0 && targeted > open + 0.4,
        "open {open}, targeted {targeted}"
    );
    let ablated = marginalised(Strategy::Targeted, &["attendance.intensity_contact=0"]);
    assert!(
        ablated < open * 2.0,
        "open {open}, targeted without being asked {ablated}"
    );
}

/// Validated: stratified sortition gives more representative attendees than an open call.
/// Mechanism: self-selection into open calls (which quotas correct). Without it, an open call is
/// as representative as a panel.
#[test]
fn validated_stratified_sortition_is_more_representative_and_not_without_self_selection() {
    let index = |strategy, sets: &[&str]| {
        mean(strategy, sets, |r| {
            r.stages["attendees"].representativeness.index
        })
    };
    let (open, strat) = (
        index(Strategy::OpenCall, &[]),
        index(Strategy::Stratified, &[]),
    );
    assert!(strat > open + 0.05, "open {open}, stratified {strat}");
    let (open, strat) = (
        index(Strategy::OpenCall, &NO_SELF_SELECTION),
        index(Strategy::Stratified, &NO_SELF_SELECTION),
    );
    assert!(
        (strat - open).abs() < 0.03,
        "without self-selection: open {open}, stratified {strat}"
    );
}

/// Validated: a larger budget raises marginalised attendance (DESIGN fact 3, first half).
/// Mechanism: each citizen's stakes. Without it the budget leaves attendance unchanged.
#[test]
fn validated_a_larger_budget_raises_marginalised_attendance_and_not_without_stakes() {
    for strategy in [Strategy::OpenCall, Strategy::Targeted] {
        let growth = |sets: &[&str]| {
            let count = |budget: &str| {
                let mut with_budget = sets.to_vec();
                with_budget.push(budget);
                mean(strategy, &with_budget, |r| {
                    f64::from(r.stages["attendees"].count)
                        * ratio(r, "attendees", "marginalised", "yes")
                })
            };
            count("budget=5000000") / count("budget=100000")
        };
        let with = growth(&[]);
        let without = growth(&["attendance.stakes=0"]);
        assert!(with > 1.5, "{strategy:?}: growth {with}");
        assert!(
            (0.85..1.15).contains(&without),
            "{strategy:?}: without stakes {without}"
        );
    }
}

/// Validated (the seed's central claim; Einstein, Glick & Palmer 2019): under an open call the
/// 67+ get more than their share of the outcome. Mechanism: self-selection into the meeting,
/// whose proposals make the ballot. Without the time, interest and habit that bring the old to
/// the meeting, their advantage shrinks towards parity.
#[test]
fn validated_the_67_plus_gain_influence_from_an_open_call_and_not_without_self_selection() {
    let influence = |sets: &[&str]| {
        mean(Strategy::OpenCall, sets, |r| {
            r.influence.ratios["age_band"]["67+"]
        })
    };
    let with = influence(&[]);
    let without = influence(&[
        "attendance.free_time=0",
        "attendance.interest=0",
        "attendance.habit=0",
    ]);
    assert!(with > 1.1, "67+ influence ratio {with}");
    assert!(
        without < with - 0.07,
        "without self-selection {without} (with {with})"
    );
}

/// Validated: more municipal control leaves proposers less efficacious over three years.
/// Mechanism: vetoes discourage their proposers. (That control raises the veto rate holds by
/// construction and is a unit test in proposals.rs.)
#[test]
fn validated_more_control_discourages_proposers_and_not_without_veto_feedback() {
    let drop = |sets: &[&str]| {
        let efficacy = |control: &str| {
            let mut all = sets.to_vec();
            all.extend([control, "cycles=3"]);
            mean(Strategy::OpenCall, &all, |r| {
                r.cycles.last().unwrap().proposer_efficacy_after
            })
        };
        efficacy("municipality.control=0.1") - efficacy("municipality.control=0.9")
    };
    let with = drop(&[]);
    let without = drop(&[
        "feedback.veto_efficacy_loss=0",
        "feedback.veto_trust_loss=0",
    ]);
    assert!(with > 0.01, "efficacy drop {with}");
    assert!(
        without < with / 2.0,
        "without veto feedback {without} (with {with})"
    );
}

/// Validated: over five years of open calls the share of repeat attendees grows ("Tordenskjold's
/// soldiers"). Mechanism: habit and the personal re-invitation of last year's attendees.
#[test]
fn validated_repeat_attendance_grows_and_not_without_habit() {
    let growth = |sets: &[&str]| {
        let mut all = sets.to_vec();
        all.push("cycles=5");
        mean(Strategy::OpenCall, &all, |r| {
            r.cycles[4].repeat_share - r.cycles[1].repeat_share
        })
    };
    let with = growth(&[]);
    let without = growth(&["attendance.habit=0", "invitation.recontact=false"]);
    assert!(with > 0.05, "growth {with}");
    assert!(without.abs() < 0.03, "without habit {without}");
}

/// Validated before issue 17: under Equal Shares, targeted outreach narrows the marginalised's
/// influence gap. Mechanism: being asked in person, as above.
///
/// Not produced since proposal costs come from the real-project catalogue and stakes from need
/// (issue 17): over these seeds the gap narrows by less than 0.01 (about 0.003 with need switched
/// off as well), because the catalogue's only social-inclusion project costs the same in every
/// proposal, so who attends changes little of what is funded for the marginalised. Reported in
/// docs/MODEL.md ("Calibration and validation"), not tuned back in.
#[test]
#[ignore = "not produced by the model since issue 17's catalogue costs; see docs/MODEL.md"]
fn validated_outreach_narrows_the_influence_gap_under_equal_shares_and_not_without_being_asked() {
    let gap = |strategy, sets: &[&str]| {
        let mut all = sets.to_vec();
        all.push("vote.rule=\"mes\"");
        mean(strategy, &all, |r| r.influence.gap["marginalised"])
    };
    let open = gap(Strategy::OpenCall, &[]);
    let with = open - gap(Strategy::Targeted, &[]);
    let without = open - gap(Strategy::Targeted, &["attendance.intensity_contact=0"]);
    assert!(with > 0.01, "narrowing {with}");
    // Outreach also informs those it reaches, so without being asked part of the effect stays.
    assert!(
        without < with * 0.7,
        "without being asked {without} (with {with})"
    );
}

// ---- Facts the model does not produce, as docs/MODEL.md reports them ----
//
// These hold the model to what MODEL.md says it cannot do: when a change to the model makes one
// of these facts appear, the test fails, and MODEL.md (and the ignored test above) must be brought
// up to date rather than keep saying it is not produced.

/// Not produced: women are 55 – 60% of the voters in real Polish PBs (`calibration/polish_pb_voters.json`)
/// while about 54% of the adults. The model has no mechanism that makes women vote more than men,
/// so with the Polish share of women in the population (the calibration's target scenarios) its
/// women vote about as often as its men: their representation ratio among voters stays within
/// 0.96 – 1.05 and their share of the voters below the observed 0.55.
#[test]
fn not_produced_women_vote_about_as_often_as_men() {
    let polish = ["population.women_shares=[0.526,0.526,0.526,0.576]"];
    // Both measures from the same runs (as `mean` averages them: summed, then divided).
    let reports: Vec<Report> = SEEDS
        .iter()
        .map(|&seed| run(&faxe(Strategy::OpenCall, seed, &polish)).unwrap())
        .collect();
    let average = |measure: &dyn Fn(&Report) -> f64| {
        reports.iter().map(measure).sum::<f64>() / reports.len() as f64
    };
    let ratio_of_women = average(&|r| ratio(r, "voters", "gender", "woman"));
    let share_of_women = average(&|r| {
        ratio(r, "voters", "gender", "woman") * r.population.shares["gender"]["woman"]
    });
    assert!(
        (0.96..1.05).contains(&ratio_of_women),
        "representation ratio of women among voters {ratio_of_women}"
    );
    assert!(
        share_of_women < 0.55,
        "share of women among voters {share_of_women}"
    );
}

/// Not produced: in the Polish cities that record the channel, voters aged 18–29 choose a paper
/// ballot over an online one more often than the 30–49 do (odds 1.38 in Łódź, 1.81 in Wrocław;
/// the calibration target `pl-paper-odds-18-29`). The model's channel costs are time, which weighs
/// on the employed and on parents, and digital skill, highest among the young, so its young
/// choose online more than the 30–49 (odds below 1).
#[test]
fn not_produced_the_young_choose_paper_more_often_than_the_30_to_49() {
    let polish = ["population.women_shares=[0.526,0.526,0.526,0.576]"];
    let odds = mean(Strategy::OpenCall, &polish, |r| {
        let paper = |band| channel_share(r, "paper", "age_band", band);
        let online = |band| channel_share(r, "online", "age_band", band);
        (paper("18-29") / online("18-29")) / (paper("30-49") / online("30-49"))
    });
    assert!(
        odds < 1.0,
        "paper odds of the 18–29 against the 30–49: {odds}"
    );
}

/// Not produced since issue 17 (the ignored test above has the fact with its ablation): under
/// Equal Shares, targeted outreach narrows the marginalised's influence gap by less than 0.01.
#[test]
fn not_produced_outreach_barely_narrows_the_influence_gap_under_equal_shares() {
    let gap = |strategy| {
        mean(
            strategy,
            &["vote.rule=\"mes\""],
            |r| r.influence.gap["marginalised"],
        )
    };
    let narrowing = gap(Strategy::OpenCall) - gap(Strategy::Targeted);
    assert!(narrowing.abs() < 0.01, "narrowing {narrowing}");
}

// ---- A metric identity, not a fact ----

/// Legitimacy is 1 when everyone votes sincerely and the meeting changes nobody's mind (neither
/// by averaging nor by arguments: a property of the metric), and below 1 with the default turnout
/// of about 10% under Equal Shares.
#[test]
fn legitimacy_is_one_when_everyone_votes_sincerely_and_falls_as_the_electorate_skews() {
    for seed in SEEDS {
        let r = run(&faxe(
            Strategy::OpenCall,
            seed,
            &[
                "vote.turnout_intercept=20",
                "meeting.persuasion=0",
                "arguments.impact=0",
            ],
        ))
        .unwrap();
        assert!((r.influence.legitimacy - 1.0).abs() < 1e-12, "seed {seed}");
        assert!(r.influence.welfare_loss.abs() < 1e-12);
    }
    // Under Equal Shares, whose allocation depends on who voted for what. (Under greedy approval
    // the default ballots' most approved projects are the same among voters and among everyone,
    // so legitimacy is 1 in most seeds: docs/MODEL.md, "Budgets".)
    let skewed = mean(Strategy::OpenCall, &["vote.rule=\"mes\""], |r| {
        r.influence.legitimacy
    });
    assert!(skewed < 0.9, "mean legitimacy {skewed}");
}
