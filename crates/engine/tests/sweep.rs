//! Sweeps: results are the averages of the runs they contain, the `--vary` grammar, common random
//! numbers, and the specification's JSON form.

use dialoglab_engine::metric::Metric;
use dialoglab_engine::sweep::{
    Axis, PopulationCache, Sample, Scale, Sweep, SweepError, SweepSpec, metric_index,
    t_quantile_975,
};
use dialoglab_engine::{Scenario, presets, run};
use serde_json::{Value, json};

/// A small Faxe-like scenario so that the tests stay fast.
fn base() -> Scenario {
    let mut s = presets::get("faxe-dialogue").unwrap();
    s.population.size = 3_000;
    s.invitation.letters = 600;
    s
}

fn spec(x: &str, series: Option<&str>, seeds: u32) -> SweepSpec {
    let base = base();
    SweepSpec {
        x: Axis::parse(x, &base).unwrap(),
        series: series.map(|s| Axis::parse(s, &base).unwrap()),
        base,
        seeds,
        first_seed: 11,
    }
}

#[test]
fn sweep_means_are_the_averages_of_the_individual_runs() {
    let sweep = Sweep::new(spec(
        "budget=100000..10000000:log:3",
        Some("invitation.strategy=open-call,targeted"),
        3,
    ))
    .unwrap();
    let result = sweep.run();
    assert_eq!(result.points.len(), 6);
    assert_eq!(result.samples.len(), 18);
    for summary in &result.points {
        let p = sweep.point(summary.point);
        let reports: Vec<_> = (0..3)
            .map(|k| {
                let mut s = base();
                s.budget = sweep.spec().x.values[p.x as usize].as_u64().unwrap();
                s.set_path(
                    "invitation.strategy",
                    sweep.spec().series.as_ref().unwrap().values[p.series as usize].clone(),
                )
                .unwrap();
                s.seed = 11 + u64::from(k);
                assert_eq!(s, sweep.scenario_for(summary.point, k));
                run(&s).unwrap()
            })
            .collect();
        assert_eq!(summary.runs, 3);
        for (m, name) in Metric::SWEEP.iter().enumerate() {
            let values: Vec<f64> = reports
                .iter()
                .filter_map(|r| Sample::metrics_of(r)[m])
                .collect();
            let e = &summary.metrics[m];
            assert_eq!(e.n as usize, values.len(), "{name}");
            if values.is_empty() {
                assert_eq!(e.mean, None);
                continue;
            }
            // Summed in seed order, as the sweep documents: the same bits.
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            assert_eq!(e.mean, Some(mean), "{name} at point {}", summary.point);
            if values.len() >= 2 {
                let (lo, hi) = (e.lo.unwrap(), e.hi.unwrap());
                assert!(lo <= mean && mean <= hi, "{name}");
                let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>()
                    / (values.len() - 1) as f64)
                    .sqrt();
                let half =
                    t_quantile_975(values.len() as u32 - 1) * sd / (values.len() as f64).sqrt();
                assert!((hi - lo - 2.0 * half).abs() < 1e-9 * (1.0 + half), "{name}");
            }
        }
        // A few named metrics, straight from the reports.
        let legit = reports.iter().map(|r| r.influence.legitimacy).sum::<f64>() / 3.0;
        assert_eq!(summary.get("legitimacy").unwrap().mean, Some(legit));
        let gini = reports
            .iter()
            .map(|r| r.deliberation.voice_gini)
            .sum::<f64>()
            / 3.0;
        assert_eq!(summary.get("voice_gini").unwrap().mean, Some(gini));
        let rep = reports
            .iter()
            .map(|r| r.stages["voters"].representativeness.index)
            .sum::<f64>()
            / 3.0;
        assert_eq!(
            summary.get("representativeness.voters").unwrap().mean,
            Some(rep)
        );
    }
    // Every job's sample is that run's metrics.
    for s in &result.samples {
        let report = run(&sweep.scenario_for(s.point, s.seed_index)).unwrap();
        assert_eq!(s.values, Sample::metrics_of(&report));
        assert_eq!(sweep.run_job(s.job), *s);
    }
}

#[test]
fn one_point_one_seed_equals_run() {
    let sweep = Sweep::new(spec("budget=400000", None, 1)).unwrap();
    assert_eq!((sweep.point_count(), sweep.job_count()), (1, 1));
    let result = sweep.run();
    let mut s = base();
    s.budget = 400_000;
    s.seed = 11;
    let report = run(&s).unwrap();
    let point = &result.points[0];
    assert_eq!(point.x, json!(400_000));
    assert_eq!(point.series, None);
    for (m, value) in Sample::metrics_of(&report).into_iter().enumerate() {
        let e = &point.metrics[m];
        assert_eq!(e.mean, value, "{}", Metric::SWEEP[m]);
        assert_eq!((e.lo, e.hi), (None, None), "one run has no interval");
    }
    assert_eq!(
        point.get("turnout").unwrap().mean,
        Some(report.outcome.turnout)
    );
    assert_eq!(
        point.get("cost_per_attendee").unwrap().mean,
        report.cost.dkk_per_attendee
    );
}

#[test]
fn axis_grammar_reads_grids_and_lists() {
    let b = base();
    let log = Axis::parse("budget=100000..10000000:log:5", &b).unwrap();
    assert_eq!(log.path, "budget");
    assert_eq!(log.scale, Scale::Log);
    assert_eq!(
        log.values,
        vec![
            json!(100_000),
            json!(316_228),
            json!(1_000_000),
            json!(3_162_278),
            json!(10_000_000)
        ]
    );
    let lin = Axis::parse("municipality.control = 0..1:lin:5", &b).unwrap();
    assert_eq!(lin.scale, Scale::Linear);
    assert_eq!(
        lin.values,
        vec![json!(0.0), json!(0.25), json!(0.5), json!(0.75), json!(1.0)]
    );
    // Integer fields on a linear grid are rounded too.
    let size = Axis::parse("population.size=1000..2000:lin:4", &b).unwrap();
    assert_eq!(
        size.values,
        vec![json!(1000), json!(1333), json!(1667), json!(2000)]
    );
    let list = Axis::parse("invitation.strategy=open-call,stratified, targeted", &b).unwrap();
    assert_eq!(list.scale, Scale::Categorical);
    assert_eq!(
        list.values,
        vec![json!("open-call"), json!("stratified"), json!("targeted")]
    );
    let flags = Axis::parse("invitation.supports.childcare=false,true", &b).unwrap();
    assert_eq!(flags.values, vec![json!(false), json!(true)]);
    // Fractional values keep 15 significant digits, so they survive JSON bit for bit.
    let sevenths = Axis::parse("meeting.persuasion=0..1:lin:7", &b).unwrap();
    assert_eq!(sevenths.values[1], json!(0.166_666_666_666_667));
    let long = Axis::parse("meeting.persuasion=0.12345678901234567,0.5", &b).unwrap();
    assert_eq!(long.values[0], json!(0.123_456_789_012_346));
    for axis in [&sevenths, &long, &lin] {
        let text = serde_json::to_string(axis).unwrap();
        assert_eq!(serde_json::from_str::<Axis>(&text).unwrap(), *axis);
    }
    let nested = Axis::parse("population.age_shares.0=0.17", &b).unwrap();
    assert_eq!(nested.values, vec![json!(0.17)]);
}

fn grammar_error(text: &str) -> String {
    match Axis::parse(text, &base()) {
        Ok(axis) => panic!("{text} parsed as {axis:?}"),
        Err(e) => {
            assert!(matches!(e, SweepError::Grammar { .. }), "{e:?}");
            e.to_string()
        }
    }
}

#[test]
fn axis_grammar_errors_say_what_is_wrong() {
    for (text, expect) in [
        ("budget", "PATH=VALUES"),
        ("=1,2", "path is empty"),
        ("budget=", "no values"),
        ("nope.field=1,2", "no scenario field named nope.field"),
        ("seed=1..10:lin:10", "seed cannot be varied"),
        ("budget=100..1000:cubic:5", "unknown grid \"cubic\""),
        ("budget=100..1000:log", "A..B:log:N"),
        ("budget=100..1000:log:5:7", "A..B:log:N"),
        ("budget=abc..1000:log:5", "start \"abc\" is not a number"),
        ("budget=100..inf:log:5", "end \"inf\" is not a number"),
        ("budget=100..1000:log:x", "\"x\" is not a whole number"),
        ("budget=100..1000:log:1", "2 – 1000 points, not 1"),
        ("budget=100..1000:log:5000", "not 5000"),
        ("budget=0..1000:log:5", "above 0"),
        ("budget=100..100:lin:5", "equal"),
        ("budget=1..5:lin:20", "rounding makes grid values repeat"),
        ("invitation.strategy=1..2:lin:3", "not a number"),
        ("invitation.strategy=open-call,,targeted", "empty value"),
    ] {
        let msg = grammar_error(text);
        assert!(msg.contains(expect), "{text}: {msg}");
    }
}

#[test]
fn bad_points_and_sizes_are_named() {
    let b = base();
    let mut s = spec("budget=100000,200000", None, 2);
    s.x = Axis::parse("invitation.strategy=open-call,carrier-pigeon", &b).unwrap();
    let e = Sweep::new(s).unwrap_err().to_string();
    assert!(
        e.contains("invitation.strategy = \"carrier-pigeon\""),
        "{e}"
    );
    let e = Sweep::new(spec("population.size=100..100000:log:3", None, 1))
        .unwrap_err()
        .to_string();
    // 100 citizens cannot receive the base's 600 letters.
    assert!(
        e.contains("population.size = 100") && e.contains("invitation.letters"),
        "{e}"
    );
    let e = Sweep::new(spec("meeting.persuasion=0.5..2:lin:4", None, 1))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("meeting.persuasion") && e.contains("0 – 1"),
        "{e}"
    );
    let e = Sweep::new(spec(
        "municipality.control=0..1:lin:1000",
        Some("vote.threshold=0..1:lin:20"),
        1,
    ))
    .unwrap_err()
    .to_string();
    assert!(e.contains("20000 points") && e.contains("10000"), "{e}");
    let e = Sweep::new(spec("budget=1000..1000000:log:100", None, 20_000))
        .unwrap_err()
        .to_string();
    assert!(e.contains("2000000 runs") && e.contains("1000000"), "{e}");
    let e = Sweep::new(spec("budget=1000,2000", None, 0))
        .unwrap_err()
        .to_string();
    assert!(e.contains("at least 1"), "{e}");
    let e = Sweep::new(spec("budget=1000,2000", Some("budget=5,6"), 1))
        .unwrap_err()
        .to_string();
    assert!(e.contains("both axes"), "{e}");
    let mut s = spec("budget=1000,2000", None, 2);
    s.first_seed = u64::MAX;
    assert!(Sweep::new(s).unwrap_err().to_string().contains("overflow"));
}

#[test]
fn common_random_numbers_same_seed_index_same_population() {
    let sweep = Sweep::new(spec(
        "budget=50000..5000000:log:4",
        Some("invitation.strategy=open-call,letters"),
        2,
    ))
    .unwrap();
    for k in 0..2 {
        let reports: Vec<_> = (0..sweep.point_count())
            .map(|p| run(&sweep.scenario_for(p, k)).unwrap())
            .collect();
        for r in &reports {
            assert_eq!(r.seed, 11 + u64::from(k));
            // The same citizens at every point.
            assert_eq!(r.population, reports[0].population);
        }
    }
    // Seed by seed, the population is drawn once per seed and reused at all 8 points.
    let mut cache = PopulationCache::new(1);
    for k in 0..2 {
        for p in 0..sweep.point_count() {
            let sample = sweep.run_job_cached(p * 2 + k, &mut cache);
            assert_eq!(sample, sweep.run_job(p * 2 + k));
        }
    }
    assert_eq!(cache.draws(), 2);
    // Point by point, a cache with room for every seed also draws each population once.
    let mut cache = PopulationCache::new(2);
    let result = sweep.run();
    for p in 0..sweep.point_count() {
        let (summary, samples) = sweep.run_point(p, &mut cache);
        assert_eq!(summary, result.points[p as usize]);
        assert_eq!(
            samples[..],
            result.samples[(p * 2) as usize..(p * 2 + 2) as usize]
        );
    }
    assert_eq!(cache.draws(), 2);
    // Varying the population draws a population per size and seed.
    let sized = Sweep::new(spec("population.size=3000,4000", None, 2)).unwrap();
    let mut cache = PopulationCache::new(8);
    for j in 0..sized.job_count() {
        sized.run_job_cached(j, &mut cache);
    }
    assert_eq!(cache.draws(), 4);
}

#[test]
fn aggregate_does_not_depend_on_sample_order_and_counts_partial_results() {
    let sweep = Sweep::new(spec("budget=100000,1000000", None, 3)).unwrap();
    let result = sweep.run();
    let mut shuffled = result.samples.clone();
    shuffled.reverse();
    shuffled.swap(0, 3);
    assert_eq!(sweep.aggregate(&shuffled), result.points);
    // Only the first seed of each point so far: n = 1, no interval; no samples: n = 0.
    let first: Vec<Sample> = sweep.run_seed(0);
    assert_eq!(first.len(), 2);
    let partial = sweep.aggregate(&first[..1]);
    assert_eq!(partial[0].runs, 1);
    assert_eq!(partial[0].get("legitimacy").unwrap().lo, None);
    assert_eq!(partial[1].runs, 0);
    assert_eq!(partial[1].get("legitimacy").unwrap().mean, None);
    let turnout = metric_index("turnout").unwrap();
    assert_eq!(partial[0].metrics[turnout].mean, first[0].values[turnout]);
}

#[test]
fn spec_round_trips_through_json_and_rejects_unknown_fields() {
    let s = spec(
        "budget=100000..10000000:log:20",
        Some("invitation.strategy=open-call,stratified,targeted"),
        50,
    );
    let text = serde_json::to_string(&s).unwrap();
    let back: SweepSpec = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    assert_eq!(Sweep::new(back).unwrap(), Sweep::new(s.clone()).unwrap());
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["x"]["scale"], "log");
    assert_eq!(v["series"]["path"], "invitation.strategy");
    assert_eq!(v["seeds"], 50);
    for (at, field) in [("", "colour"), ("x", "step"), ("base", "sise")] {
        let mut v = v.clone();
        let node = if at.is_empty() { &mut v } else { &mut v[at] };
        node[field] = json!(1);
        let err = serde_json::from_value::<SweepSpec>(v)
            .unwrap_err()
            .to_string();
        assert!(err.contains(field), "{err}");
    }
    // A worker-style message with the minimum of fields.
    let minimal = json!({
        "base": {"population": {"size": 2000}, "invitation": {"letters": 100}},
        "x": {"path": "budget", "values": [100_000, 200_000]},
        "seeds": 2,
        "first_seed": 1
    });
    let s: SweepSpec = serde_json::from_value(minimal).unwrap();
    assert_eq!(s.series, None);
    assert_eq!(s.x.scale, Scale::Categorical);
    assert_eq!(Sweep::new(s).unwrap().job_count(), 4);
}
