//! The bad-input matrix of `docs/ROBUSTNESS.md`, command-line side: a bad file or setting ends
//! with exit code 2 and one line on stderr that names the file and the problem; never a panic.

use std::path::PathBuf;

mod common;

use common::run as dialoglab;

/// A file in a fresh temporary directory of this test.
fn temp_file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dialoglab-robustness-{}-{test}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The command fails cleanly: exit code 2, no panic, and stderr contains every `needle`.
fn refused(args: &[&str], needles: &[&str]) {
    let (code, stdout, stderr) = dialoglab(args);
    assert_eq!(code, Some(2), "{args:?}: {stderr}");
    assert!(stdout.is_empty(), "{args:?}: {stdout}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(stderr.starts_with("dialoglab: "), "{stderr}");
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{args:?}: `{needle}` not in {stderr}"
        );
    }
}

#[test]
fn pb_bad_files_are_named_with_their_problem() {
    let cases: [(&str, &[u8], &[&str]); 6] = [
        ("empty.pb", b"", &["empty.pb", "empty"]),
        (
            "order.pb",
            b"PROJECTS\nproject_id;cost\na;1\nMETA\nkey;value\nbudget;5\n",
            &["line 1", "PROJECTS"],
        ),
        (
            "unknown.pb",
            b"META\nkey;value\nbudget;5\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\nv1;a,q\n",
            &["v1", "`q`"],
        ),
        (
            "negative.pb",
            b"META\nkey;value\nbudget;5\nPROJECTS\nproject_id;cost\na;-1\nVOTES\nvoter_id;vote\nv1;a\n",
            &["`a`", "-1"],
        ),
        ("latin1.pb", b"META\nkey;value\nname;M\xb3yn\xf3w\n", &["UTF-8", "offset 21"]),
        (
            "budget.pb",
            b"META\nkey;value\nbudget;lots\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n",
            &["budget", "lots"],
        ),
    ];
    for (name, bytes, needles) in cases {
        let path = temp_file("pb", name, bytes);
        refused(&["pb", path.to_str().unwrap()], needles);
    }
    refused(
        &["pb", "/nonexistent/dialoglab.pb"],
        &["cannot read", "/nonexistent/dialoglab.pb"],
    );
}

#[test]
fn pb_a_100_mb_file_is_refused_with_the_limit() {
    let path = temp_file("big", "big.pb", &vec![b'x'; 100 * 1024 * 1024]);
    refused(
        &["pb", path.to_str().unwrap()],
        &["big.pb: the .pb file has 104857600 bytes; files of at most 50000000 bytes can be read"],
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn scenario_bad_settings_are_named() {
    refused(
        &["run", "--set", "population.size=10000000"],
        &["population.size", "10000000", "1000000"],
    );
    refused(&["run", "--set", "population.size=0"], &["population.size"]);
    refused(
        &["run", "--set", "meeting.persuasion=NaN"],
        &["meeting.persuasion"],
    );
    refused(
        &["run", "--set", "meeting.persuasion=1e999"],
        &["meeting.persuasion"],
    );
    refused(
        &["run", "--set", "meeting.rounds=99"],
        &["meeting.rounds", "20"],
    );
    refused(&["run", "--set", "budget=2.5"], &["budget"]);
    refused(&["run", "--set", "budget=-1"], &["budget"]);
    refused(&["run", "--set", "population.sise=3"], &["population.sise"]);
    refused(
        &["run", "--preset", "atlantis"],
        &["atlantis", "faxe-dialogue"],
    );
}

#[test]
fn scenario_bad_files_are_named() {
    let cases: [(&str, &[u8], &[&str]); 5] = [
        (
            "empty.json",
            b"",
            &["empty.json", "EOF while parsing a value at line 1 column 0"],
        ),
        (
            "unknown.json",
            b"{\"population\": {\"colour\": 1}}",
            &["unknown.json", "colour"],
        ),
        (
            "array.json",
            b"[1, 2]",
            &["array.json", "a scenario is a JSON object, starting with {"],
        ),
        (
            "latin1.json",
            b"{\"seed\": 1, \"x\": \"\xe6\"}",
            &[
                "cannot read",
                "latin1.json",
                "stream did not contain valid UTF-8",
            ],
        ),
        (
            "range.json",
            b"{\"population\": {\"size\": 10000000}}",
            &["population.size", "1000000"],
        ),
    ];
    for (name, bytes, needles) in cases {
        let path = temp_file("scenario", name, bytes);
        refused(&["run", "--scenario", path.to_str().unwrap()], needles);
    }
}

#[test]
fn one_citizen_and_budget_zero_run() {
    let (code, stdout, stderr) = dialoglab(&[
        "run",
        "--compact",
        "--set",
        "population.size=1",
        "--set",
        "invitation.letters=1",
        "--set",
        "budget=0",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let r: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(r["population"]["size"], 1);
    assert_eq!(r["outcome"]["spent"], 0);
}
