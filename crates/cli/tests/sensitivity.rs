//! `dialoglab sensitivity` end to end: Morris and ensembles give the same bytes whatever the
//! thread count and however they are split in shards, a finding's summary agrees with its
//! members, and bad arguments are named.

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
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    stderr
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dialoglab-sensitivity-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SMALL: [&str; 12] = [
    "--set",
    "population.size=2000",
    "--set",
    "invitation.letters=400",
    "--factor",
    "attendance.intercept=-5.5..-3.5",
    "--factor",
    "attendance.free_time=0.9..2.7",
    "--factor",
    "meeting.persuasion=0.03..0.12",
    "--quiet",
    "--first-seed=3",
];

fn args<'a>(head: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["sensitivity"];
    v.extend(head);
    v.extend(SMALL);
    v.extend(extra);
    v
}

const MORRIS: [&str; 6] = ["--method", "morris", "--trajectories", "4", "--seeds", "2"];
const ENSEMBLE: [&str; 8] = [
    "--method",
    "ensemble",
    "--samples",
    "7",
    "--seeds",
    "2",
    "--finding",
    "facilitation-evens-voice",
];

fn sharded_equals_unsharded(head: &[&str], name: &str, n: u32) {
    let dir = temp_dir(name);
    let whole = ok(&args(head, &["--threads", "2"]));
    assert_eq!(whole, ok(&args(head, &["--threads", "1"])));
    let files: Vec<String> = (1..=n)
        .map(|i| {
            let file = dir.join(format!("s{i}.jsonl")).display().to_string();
            let shard = format!("{i}/{n}");
            ok(&args(head, &["--shard", &shard, "--out", &file]));
            file
        })
        .collect();
    let mut merge = vec!["merge"];
    merge.extend(files.iter().rev().map(String::as_str));
    assert_eq!(ok(&merge), whole);
    // The same split as JSON Lines equals the unsharded JSON Lines.
    merge.extend(["--format", "jsonl"]);
    assert_eq!(ok(&merge), ok(&args(head, &["--format", "jsonl"])));
    // A shard missing is named.
    let e = err(&["merge", &files[0]]);
    assert!(e.contains("missing shard"), "{e}");
}

#[test]
fn morris_shards_merge_into_the_unsharded_file() {
    sharded_equals_unsharded(&MORRIS, "morris", 3);
    let csv = ok(&args(&MORRIS, &[]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("factor,low,high,metric,n,mu_star,mu,sigma")
    );
    // 3 factors × 19 metrics, each with 4 effects where defined.
    assert_eq!(lines.clone().count(), 3 * 19);
    assert!(
        lines.any(|l| l.starts_with("attendance.intercept,-5.5,-3.5,attendees,4,")),
        "{csv}"
    );
}

#[test]
fn ensemble_shards_merge_and_the_summary_counts_the_members() {
    sharded_equals_unsharded(&ENSEMBLE, "ensemble", 2);
    let jsonl = ok(&args(&ENSEMBLE, &["--format", "jsonl"]));
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary = &lines[0];
    assert_eq!(summary["finding"], "facilitation-evens-voice");
    assert_eq!(summary["members"], 7);
    let holding = lines[1..]
        .iter()
        .filter(|m| m["a"].as_f64().unwrap() < m["b"].as_f64().unwrap())
        .count();
    assert_eq!(summary["holds"], holding);
    assert_eq!(lines.len(), 8);
    assert_eq!(summary["top_factors"].as_array().unwrap().len(), 3);
    // Without --quiet the verdict goes to standard error.
    let mut loud: Vec<&str> = args(&ENSEMBLE, &[]);
    loud.retain(|a| *a != "--quiet");
    let (ok_, _, stderr) = dialoglab(&loud);
    assert!(
        ok_ && stderr.contains(&format!("holds in {holding} of 7")),
        "{stderr}"
    );
}

#[test]
fn bad_arguments_are_named() {
    for (extra, needle) in [
        (
            vec!["--method", "morris", "--levels", "5"],
            "even number of levels",
        ),
        (
            vec!["--method", "morris", "--trajectories", "0"],
            "trajectories",
        ),
        (vec!["--method", "ensemble", "--samples", "0"], "samples"),
        (vec!["--method", "ensemble", "--seeds", "0"], "seeds"),
        (
            vec!["--method", "ensemble", "--finding", "nope"],
            "no finding named \"nope\"",
        ),
        (
            vec!["--method", "morris", "--finding", "targeted-outreach"],
            "--finding needs --method ensemble",
        ),
        (vec!["--factor", "attendance.nope=0..1"], "attendance.nope"),
        (vec!["--factor", "attendance.intercept=2..1"], "low < high"),
        (vec!["--factor", "invitation.strategy=0..1"], "not a number"),
        (vec!["--factor", "budget"], "PATH=LOW..HIGH"),
        (vec!["--shard", "3/2"], "between 1 and 2"),
        (vec!["--threads", "0"], "--threads"),
        (vec!["--out", "x.txt"], ".txt"),
    ] {
        let mut a = vec![
            "sensitivity",
            "--quiet",
            "--set",
            "population.size=500",
            "--set",
            "invitation.letters=100",
            "--samples",
            "2",
            "--trajectories",
            "1",
        ];
        a.extend(extra.iter().copied());
        let e = err(&a);
        assert!(e.contains(needle), "{extra:?}: {e}");
    }
    let list = ok(&["sensitivity", "--finding", "list"]);
    assert!(
        list.contains("targeted-outreach: Targeted outreach"),
        "{list}"
    );
}
