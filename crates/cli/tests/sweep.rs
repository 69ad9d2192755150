//! `dialoglab sweep` and `dialoglab merge` end to end: a 1 × 1 sweep is `dialoglab run`, shards
//! merge into the unsharded file byte for byte, the thread count changes nothing, and bad input is
//! named.

use std::path::PathBuf;

mod common;

use common::dialoglab;

fn ok(args: &[&str]) -> String {
    let (ok, stdout, stderr) = dialoglab(args);
    assert!(ok, "{args:?}: {stderr}");
    stdout
}

fn err(args: &[&str]) -> String {
    let (ok, _, stderr) = dialoglab(args);
    assert!(!ok, "{args:?} should fail");
    stderr
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dialoglab-sweep-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A small sweep: 3 budgets (log grid) × 2 values of a fractional field × 3 seeds = 18 runs.
const SMALL: [&str; 12] = [
    "--set",
    "population.size=2000",
    "--set",
    "invitation.letters=400",
    "--vary",
    "budget=100000..10000000:log:3",
    "--vary",
    "municipality.control=0..1:lin:2",
    "--seeds",
    "3",
    "--first-seed",
    "7",
];

fn small(extra: &[&str]) -> Vec<String> {
    std::iter::once("sweep")
        .chain(SMALL)
        .chain(extra.iter().copied())
        .map(String::from)
        .collect()
}

fn run_small(extra: &[&str]) -> String {
    let args = small(extra);
    ok(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn one_point_one_seed_equals_run() {
    let common = [
        "--set",
        "population.size=2000",
        "--set",
        "invitation.letters=400",
        "--set",
        "invitation.strategy=targeted",
    ];
    let mut sweep = vec!["sweep", "--quiet", "--format", "jsonl", "--seeds", "1"];
    sweep.extend(common);
    sweep.extend(["--vary", "budget=400000", "--first-seed", "5"]);
    let line = ok(&sweep);
    assert_eq!(line.lines().count(), 1);
    let point: serde_json::Value = serde_json::from_str(&line).unwrap();
    let mut run = vec!["run", "--compact", "--seed", "5", "--set", "budget=400000"];
    run.extend(common);
    let r: serde_json::Value = serde_json::from_str(&ok(&run)).unwrap();
    assert_eq!(point["budget"], 400_000);
    assert_eq!(point["runs"], 1);
    let m = &point["metrics"];
    let mean = |name: &str| {
        assert_eq!(m[name]["n"], 1, "{name}");
        assert!(m[name]["ci_low"].is_null(), "{name}");
        m[name]["mean"].clone()
    };
    for stage in ["invited", "attendees", "speakers", "voters"] {
        assert_eq!(
            mean(&format!("representativeness.{stage}")),
            r["stages"][stage]["representativeness"]["index"],
            "{stage}"
        );
    }
    let gaps = r["influence"]["gap"].as_object().unwrap();
    assert_eq!(gaps.len(), 9);
    for (attribute, gap) in gaps {
        assert_eq!(mean(&format!("influence_gap.{attribute}")), *gap);
    }
    assert_eq!(mean("legitimacy"), r["influence"]["legitimacy"]);
    assert_eq!(mean("welfare_loss"), r["influence"]["welfare_loss"]);
    assert_eq!(mean("voice_gini"), r["deliberation"]["voice_gini"]);
    assert_eq!(mean("turnout"), r["outcome"]["turnout"]);
    assert_eq!(
        mean("attendees").as_f64(),
        r["stages"]["attendees"]["count"].as_f64()
    );
    assert_eq!(mean("cost_per_attendee"), r["cost"]["dkk_per_attendee"]);
}

#[test]
fn shards_merge_into_the_unsharded_file_byte_for_byte() {
    let dir = temp_dir("shards");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    for ext in ["csv", "jsonl"] {
        let full = path(&format!("full.{ext}"));
        run_small(&["--quiet", "--out", &full]);
        let full_text = std::fs::read_to_string(&full).unwrap();
        // Unsharded output on stdout is the same as the file.
        assert_eq!(run_small(&["--quiet", "--format", ext]), full_text);
        for n in [3u32, 4] {
            let shards: Vec<String> = (1..=n)
                .map(|i| {
                    let file = path(&format!("s{i}of{n}.jsonl"));
                    run_small(&["--quiet", "--shard", &format!("{i}/{n}"), "--out", &file]);
                    file
                })
                .collect();
            let merged = path(&format!("merged{n}.{ext}"));
            // Shards in any order.
            let mut args = vec!["merge"];
            args.extend(shards.iter().rev().map(String::as_str));
            args.extend(["--out", &merged]);
            ok(&args);
            let merged_text = std::fs::read_to_string(&merged).unwrap();
            assert!(merged_text == full_text, "{ext}, {n} shards");
        }
    }
    let csv = std::fs::read_to_string(path("full.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("point,budget,municipality.control,metric,n,mean,ci_low,ci_high")
    );
    assert_eq!(csv.lines().count(), 1 + 6 * 19);
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("0,100000,0,representativeness.invited,3,0.")
    );
    assert!(csv.contains("\n5,10000000,1,cost_per_attendee,"));
}

#[test]
fn the_thread_count_does_not_change_the_output() {
    let one = run_small(&["--quiet", "--threads", "1"]);
    let three = run_small(&["--quiet", "--threads", "3"]);
    // Without --quiet, but stderr is a pipe here: no progress bar is drawn into it.
    let args = small(&[]);
    let (ok_, all, stderr) = dialoglab(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(ok_ && stderr.is_empty(), "{stderr}");
    assert_eq!(one, three);
    assert_eq!(one, all);
    let stderr = err(&small(&["--threads", "0"])
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>());
    assert!(stderr.contains("--threads"), "{stderr}");
}

#[test]
fn bad_vary_and_shard_are_named() {
    let base = [
        "sweep",
        "--set",
        "population.size=2000",
        "--set",
        "invitation.letters=400",
    ];
    let bad = |extra: &[&str], expect: &[&str]| {
        let mut args = base.to_vec();
        args.extend(extra);
        let stderr = err(&args);
        for e in expect {
            assert!(stderr.contains(e), "{extra:?}: {stderr}");
        }
    };
    bad(
        &["--vary", "budget=1..10:cubic:5"],
        &["--vary", "unknown grid", "A..B:log:N"],
    );
    bad(&["--vary", "budget=0..100:log:5"], &["above 0"]);
    bad(
        &["--vary", "budgett=1,2"],
        &["no scenario field named budgett"],
    );
    bad(&["--vary", "budget=-5,10"], &["budget"]);
    bad(
        &["--vary", "invitation.strategy=open-call,by-pigeon"],
        &["by-pigeon", "invitation.strategy"],
    );
    bad(
        &[
            "--vary",
            "budget=1000,2000",
            "--vary",
            "meeting.rounds=1,2",
            "--vary",
            "vote.threshold=0.1,0.2",
        ],
        &["3 times", "at most one series"],
    );
    bad(
        &["--vary", "budget=1000,2000", "--vary", "budget=5,6"],
        &["both axes"],
    );
    bad(
        &["--vary", "budget=1000,2000", "--seeds", "0"],
        &["at least 1"],
    );
    bad(
        &["--vary", "budget=1000,2000", "--shard", "4/3"],
        &["--shard 4/3", "between 1 and 3"],
    );
    bad(
        &["--vary", "budget=1000,2000", "--shard", "2"],
        &["--shard 2", "i/n"],
    );
    bad(
        &["--vary", "budget=1000,2000", "--out", "x.txt"],
        &[".txt", "--format"],
    );
    let (ok_, _, stderr) = dialoglab(&["sweep", "--set", "population.size=2000"]);
    assert!(!ok_ && stderr.contains("--vary"), "{stderr}");
}

#[test]
fn merge_names_missing_duplicate_foreign_and_incomplete_shards() {
    let dir = temp_dir("merge");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let shard = |i: u32, n: u32, extra: &[&str]| {
        let file = path(&format!("s{i}of{n}{}.jsonl", extra.len()));
        let mut args = vec![
            "--quiet".to_string(),
            "--shard".into(),
            format!("{i}/{n}"),
            "--out".into(),
            file.clone(),
        ];
        args.extend(extra.iter().map(|s| (*s).to_string()));
        run_small(&args.iter().map(String::as_str).collect::<Vec<_>>());
        file
    };
    let (a, b, c) = (shard(1, 3, &[]), shard(2, 3, &[]), shard(3, 3, &[]));
    let e = err(&["merge", &a, &c]);
    assert!(e.contains("missing shard: 2/3 (jobs 6..12)"), "{e}");
    let e = err(&["merge", &a, &b, &b, &c]);
    assert!(e.contains("shard 2/3 is given twice"), "{e}");
    let other_base = shard(2, 3, &["--set", "meeting.rounds=4"]);
    let e = err(&["merge", &a, &other_base, &c]);
    assert!(
        e.contains("different sweeps") && e.contains("the base scenario differ"),
        "{e}"
    );
    let other_split = shard(2, 4, &[]);
    let e = err(&["merge", &a, &other_split, &c]);
    assert!(e.contains("split the sweep the same way"), "{e}");
    // A shard cut short (a job that died half way).
    let text = std::fs::read_to_string(&b).unwrap();
    let cut = path("cut.jsonl");
    let keep: Vec<&str> = text.lines().take(4).collect();
    std::fs::write(&cut, keep.join("\n") + "\n").unwrap();
    let e = err(&["merge", &a, &cut, &c]);
    assert!(
        e.contains("incomplete")
            && e.contains("3 of its 6 runs are missing")
            && e.contains("job 9"),
        "{e}"
    );
    let e = err(&["merge", &path("full.csv")]);
    assert!(e.contains("cannot read"), "{e}");
    let not_shard = path("not.jsonl");
    std::fs::write(&not_shard, "{\"point\":0}\n").unwrap();
    let e = err(&["merge", &not_shard]);
    assert!(e.contains("not a sweep shard"), "{e}");
    // And the three good ones merge.
    let merged = ok(&["merge", &c, &a, &b]);
    assert_eq!(merged, run_small(&["--quiet"]));
}
