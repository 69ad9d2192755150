//! Fair panel selection (`panel`): the published example, exactness against brute force on small
//! pools, infeasible quotas, households and determinism.
//!
//! The golden selection (`golden/panel-example.json`, also checked in wasm by
//! `wasm_determinism.rs`) is rewritten by `UPDATE_GOLDEN=1 cargo test -p dialoglab-engine --test
//! panel`.

use dialoglab_engine::panel::{
    self, Algorithm, Category, Feature, Options, PanelError, Pool, Selection,
};
use dialoglab_engine::rng::{Stage, below, stream};
use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

const CATEGORIES: &str = include_str!("data/sortition/example_small_20/categories.csv");
const RESPONDENTS: &str = include_str!("data/sortition/example_small_20/respondents.csv");

fn example() -> Pool {
    panel::parse(CATEGORIES, RESPONDENTS, None).expect("the example parses")
}

fn run(pool: &Pool, k: u32, algorithm: Algorithm, seed: u64) -> Selection {
    let options = Options {
        seed,
        ..Options::default()
    };
    panel::select(pool, k, algorithm, &options, &mut |_| true).expect("selection succeeds")
}

#[test]
fn leximin_gives_everyone_in_the_example_ten_percent() {
    let pool = example();
    assert_eq!(pool.len, 200);
    let s = run(&pool, 20, Algorithm::Leximin, 7);
    assert_eq!(s.probabilities.len(), 200);
    for (i, p) in s.probabilities.iter().enumerate() {
        assert!((p - 0.1).abs() < 1e-6, "respondent {i}: {p}");
    }
    let cert = s.certificate.as_ref().expect("a certificate");
    assert!(cert.max_gap <= 1e-6, "gap {}", cert.max_gap);
    assert!(s.gini < 1e-6);
    assert!((s.geometric_mean - 0.1).abs() < 1e-6);
    assert_eq!(s.panel.len(), 20);
    let weights: f64 = s.panels.iter().map(|p| p.weight).sum();
    assert!((weights - 1.0).abs() < 1e-9);
}

#[test]
fn legacy_leaves_some_respondents_near_one_percent_in_the_example() {
    let pool = example();
    let s = run(&pool, 20, Algorithm::Legacy, 7);
    assert_eq!(s.draws, Some(10_000));
    // The published 99% upper confidence bound is 1.21%.
    assert!(s.min < 0.03, "LEGACY's smallest probability {}", s.min);
    let total: f64 = s.probabilities.iter().sum();
    assert!(
        (total - 20.0).abs() < 1e-9,
        "probabilities sum to the panel size"
    );
    assert!(s.gini > 0.01, "LEGACY is unequal: Gini {}", s.gini);
    assert_eq!(s.panel.len(), 20);
}

#[test]
fn maximin_reaches_the_leximin_minimum() {
    let pool = example();
    let s = run(&pool, 20, Algorithm::Maximin, 3);
    assert!((s.min - 0.1).abs() < 1e-6, "{}", s.min);
    assert!(s.certificate.unwrap().max_gap <= 1e-6);
}

/// A random pool of `n` respondents over `cats` categories of 2–3 features with household
/// pairs when `households`; quotas drawn around the pool's shares.
fn random_pool(seed: u64, n: u32, cats: u32, k: u32, households: bool) -> Pool {
    let mut rng = stream(seed, Stage::Selection);
    let sizes: Vec<u32> = (0..cats).map(|_| 2 + below(&mut rng, 2)).collect();
    let rows: Vec<Vec<u16>> = (0..n)
        .map(|_| sizes.iter().map(|&s| below(&mut rng, s) as u16).collect())
        .collect();
    let categories = sizes
        .iter()
        .enumerate()
        .map(|(c, &s)| Category {
            name: format!("c{c}"),
            features: (0..s)
                .map(|f| {
                    let have = rows.iter().filter(|r| u32::from(r[c]) == f).count() as u32;
                    let share = f64::from(have) * f64::from(k) / f64::from(n);
                    Feature {
                        name: format!("f{f}"),
                        min: (share.floor() as u32).saturating_sub(below(&mut rng, 2)),
                        max: share.ceil() as u32 + below(&mut rng, 2),
                    }
                })
                .collect(),
        })
        .collect();
    let hh = if households {
        (0..n)
            .map(|i| (i % 3 == 0 || i % 3 == 1).then_some(i / 3))
            .collect()
    } else {
        Vec::new()
    };
    Pool::new(categories, &rows, hh).unwrap()
}

/// Every panel of `k` that meets the quotas and households, by enumeration.
fn all_panels(pool: &Pool, k: u32) -> Vec<Vec<u32>> {
    let n = pool.len;
    let mut out = Vec::new();
    for mask in 0u32..(1 << n) {
        if mask.count_ones() != k {
            continue;
        }
        let members: Vec<u32> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
        let mut hh: Vec<u32> = members
            .iter()
            .filter_map(|&i| pool.households[i as usize])
            .collect();
        let before = hh.len();
        hh.sort_unstable();
        hh.dedup();
        if hh.len() != before {
            continue;
        }
        let ok = pool.categories.iter().enumerate().all(|(c, cat)| {
            cat.features.iter().enumerate().all(|(f, feat)| {
                let have = members
                    .iter()
                    .filter(|&&i| usize::from(pool.feature(i, c)) == f)
                    .count() as u32;
                feat.min <= have && have <= feat.max
            })
        });
        if ok {
            out.push(members);
        }
    }
    out
}

/// LEXIMIN over every panel, one respondent at a time and with no duals: at each level maximise
/// the smallest free probability `z`, then fix each free respondent whose probability cannot
/// exceed `z` (its own LP) — the textbook definition, independent of the engine's method.
fn brute_leximin(n: u32, panels: &[Vec<u32>]) -> Vec<f64> {
    let mut fixed: Vec<Option<f64>> = vec![None; n as usize];
    let build = |fixed: &[Option<f64>], z: Option<f64>, objective: Option<u32>| {
        let mut p = Problem::new(OptimizationDirection::Maximize);
        let lambda: Vec<Variable> = panels.iter().map(|_| p.add_var(0.0, (0.0, 1.0))).collect();
        let zv = p.add_var(if objective.is_none() { 1.0 } else { 0.0 }, (0.0, 1.0));
        let all: Vec<(Variable, f64)> = lambda.iter().map(|&v| (v, 1.0)).collect();
        p.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
        let mut pis = Vec::new();
        for i in 0..n {
            let mut terms: Vec<(Variable, f64)> = panels
                .iter()
                .zip(&lambda)
                .filter(|(m, _)| m.contains(&i))
                .map(|(_, &v)| (v, 1.0))
                .collect();
            pis.push(terms.clone());
            match (fixed[i as usize], z) {
                (Some(f), _) => p.add_constraint(terms.as_slice(), ComparisonOp::Ge, f - 1e-9),
                (None, Some(z)) => p.add_constraint(terms.as_slice(), ComparisonOp::Ge, z - 1e-9),
                (None, None) => {
                    terms.push((zv, -1.0));
                    p.add_constraint(terms.as_slice(), ComparisonOp::Ge, 0.0);
                }
            }
        }
        if let Some(i) = objective {
            let obj = p.add_var(1.0, (0.0, 1.0));
            let mut terms = pis[i as usize].clone();
            terms.push((obj, -1.0));
            p.add_constraint(terms.as_slice(), ComparisonOp::Eq, 0.0);
        }
        p.solve().unwrap().into_solution().unwrap().objective()
    };
    while fixed.iter().any(Option::is_none) {
        let z = build(&fixed, None, None);
        let free: Vec<u32> = (0..n).filter(|&i| fixed[i as usize].is_none()).collect();
        let mut any = false;
        for &i in &free {
            if build(&fixed, Some(z), Some(i)) <= z + 1e-7 {
                fixed[i as usize] = Some(z);
                any = true;
            }
        }
        assert!(any, "some respondent is fixed at each level");
    }
    fixed.into_iter().map(Option::unwrap).collect()
}

#[test]
fn maximin_and_leximin_match_brute_force_on_small_pools() {
    let mut checked = 0;
    for seed in 0..40u64 {
        let households = seed % 4 == 3;
        let n = 8 + (seed % 5) as u32;
        let k = 3 + (seed % 3) as u32;
        let pool = random_pool(seed, n, 2 + (seed % 2) as u32, k, households);
        let panels = all_panels(&pool, k);
        let result = panel::select(
            &pool,
            k,
            Algorithm::Leximin,
            &Options::default(),
            &mut |_| true,
        );
        if panels.is_empty() {
            assert!(result.is_err(), "seed {seed}: no panel exists");
            continue;
        }
        let s = result.unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let mut expected = brute_leximin(n, &panels);
        let mut actual = s.probabilities.clone();
        expected.sort_by(f64::total_cmp);
        actual.sort_by(f64::total_cmp);
        for (a, e) in actual.iter().zip(&expected) {
            assert!(
                (a - e).abs() < 1e-6,
                "seed {seed}: {actual:?} vs {expected:?}"
            );
        }
        let m = run(&pool, k, Algorithm::Maximin, seed);
        assert!(
            (m.min - expected[0]).abs() < 1e-6,
            "seed {seed}: maximin {} vs {}",
            m.min,
            expected[0]
        );
        assert!(s.certificate.unwrap().max_gap <= 1e-6);
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} feasible instances");
}

#[test]
fn infeasible_quotas_name_the_category_and_feature() {
    let cats = "category,feature,min,max\ngender,female,3,3\ngender,male,0,4\nage,young,3,3\nage,old,0,4\n";
    let resp =
        "gender,age\nfemale,old\nfemale,old\nfemale,old\nmale,young\nmale,young\nmale,young\n";
    let pool = panel::parse(cats, resp, None).unwrap();
    let err = panel::select(
        &pool,
        4,
        Algorithm::Leximin,
        &Options::default(),
        &mut |_| true,
    )
    .unwrap_err();
    assert_eq!(
        err,
        PanelError::Infeasible {
            category: "gender".into(),
            feature: "female".into()
        }
    );
    assert!(
        err.to_string().contains("»gender«, feature »female«"),
        "{err}"
    );
    let few = panel::parse(
        "category,feature,min,max\ngender,female,4,4\ngender,male,0,4\n",
        resp.replace(",age", "")
            .replace(",old", "")
            .replace(",young", "")
            .as_str(),
        None,
    )
    .unwrap();
    let err = panel::check(&few, 4).unwrap_err();
    assert!(
        matches!(&err, PanelError::TooFewRespondents { feature, available: 3, .. } if feature == "female"),
        "{err}"
    );
    let sum = panel::check(&pool, 2).unwrap_err();
    assert!(
        matches!(&sum, PanelError::CategorySum { category, bound, .. } if category == "gender" && bound == "minimums"),
        "{sum}"
    );
    assert!(matches!(
        panel::check(&pool, 0),
        Err(PanelError::PanelSize { .. })
    ));
}

#[test]
fn no_two_members_of_a_household_sit_on_a_panel() {
    let cats = "category,feature,min,max\ngender,female,2,2\ngender,male,2,2\n";
    let resp =
        "gender,household\nfemale,a\nmale,a\nfemale,b\nmale,b\nfemale,\nmale,\nfemale,c\nmale,d\n";
    let pool = panel::parse(cats, resp, None).unwrap();
    let house = |i: u32| pool.households[i as usize];
    for algorithm in Algorithm::ALL {
        for seed in 0..30 {
            let s = run(&pool, 4, algorithm, seed);
            let mut hh: Vec<u32> = s.panel.iter().filter_map(|&i| house(i)).collect();
            let before = hh.len();
            hh.sort_unstable();
            hh.dedup();
            assert_eq!(
                hh.len(),
                before,
                "{algorithm:?} seed {seed}: panel {:?}",
                s.panel
            );
            // Households a and b: at most one seat each.
            for pair in [[0, 1], [2, 3]] {
                let p = s.probabilities[pair[0]] + s.probabilities[pair[1]];
                assert!(p <= 1.0 + 1e-6, "{algorithm:?}: {p}");
            }
        }
    }
}

#[test]
fn selection_is_deterministic_and_matches_the_golden_file() {
    let pool = example();
    let a = serde_json::to_string_pretty(&run(&pool, 20, Algorithm::Leximin, 42)).unwrap() + "\n";
    let b = serde_json::to_string_pretty(&run(&pool, 20, Algorithm::Leximin, 42)).unwrap() + "\n";
    assert_eq!(a, b);
    let other = run(&pool, 20, Algorithm::Leximin, 43);
    assert_ne!(
        serde_json::from_str::<Selection>(&a).unwrap().panel,
        other.panel
    );
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/panel-example.json");
    // Only `UPDATE_GOLDEN=1` rewrites the file (`=0` or an empty value compares), as in determinism.rs.
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, &a).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        a == golden,
        "the selection differs from {}; if deliberate, rerun with UPDATE_GOLDEN=1",
        path.display()
    );
}
