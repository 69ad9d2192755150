//! abcvoting unit-cost instances (copied from pabutools' test suite, see
//! `tests/data/abcvoting_instances/SOURCE.txt`): multiwinner approval = PB with cost 1 and budget
//! = committee size. Our `greedy` must return one of abcvoting's tied `av` committees and our
//! `phragmen` one of the tied `seqphragmen` committees (`resolute: false` entries list them all).
//!
//! The `equal-shares` entries are not checked: abcvoting completes Equal Shares with Phragmén
//! ("equal-shares" = MES + seq-Phragmén completion), which is none of our rules.

use std::path::PathBuf;

use dialoglab_engine::pb::{Instance, Profile, Project, Rule, TieBreak};

/// The fields we need from one `.abc.yaml` file.
struct AbcInstance {
    profile: Vec<Vec<u32>>,
    num_cand: u32,
    committeesize: u64,
    /// `(rule_id, resolute, committees)`
    results: Vec<(String, bool, Vec<Vec<u32>>)>,
}

/// Integer lists at bracket depth 2 of `[[0, 1], [2]]`.
fn nested_lists(text: &str) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut num: Option<u32> = None;
    for c in text.chars() {
        match c {
            '[' => {
                depth += 1;
                if depth == 2 {
                    out.push(Vec::new());
                }
            }
            ']' | ',' => {
                if let (Some(n), Some(last)) = (num.take(), out.last_mut()) {
                    last.push(n);
                }
                if c == ']' {
                    depth -= 1;
                }
            }
            d if d.is_ascii_digit() => {
                num = Some(num.unwrap_or(0) * 10 + d.to_digit(10).unwrap());
            }
            _ => {}
        }
    }
    out
}

/// A hand-written reader for the fixed shape of these files (no YAML crate): top-level
/// `key: value` lines, a `compute:` list of `- rule_id:` / `result:` / `resolute:` entries, and
/// bracketed values that may continue on indented lines.
fn parse_abc(text: &str) -> AbcInstance {
    // Join continuation lines of bracketed values.
    let mut lines: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if open {
            lines.last_mut().unwrap().push_str(line.trim());
        } else {
            lines.push(line.to_string());
        }
        let last = lines.last().unwrap();
        open = last.matches('[').count() > last.matches(']').count();
    }
    let mut inst = AbcInstance {
        profile: Vec::new(),
        num_cand: 0,
        committeesize: 0,
        results: Vec::new(),
    };
    for line in &lines {
        let t = line.trim_start_matches([' ', '-']).trim();
        let Some((key, value)) = t.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key {
            "profile" => inst.profile = nested_lists(value),
            "num_cand" => inst.num_cand = value.parse().unwrap(),
            "committeesize" => inst.committeesize = value.parse().unwrap(),
            "rule_id" => inst.results.push((value.to_string(), false, Vec::new())),
            "result" => inst.results.last_mut().unwrap().2 = nested_lists(value),
            "resolute" => inst.results.last_mut().unwrap().1 = value == "true",
            _ => {}
        }
    }
    inst
}

fn instances() -> Vec<(String, AbcInstance)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/abcvoting_instances");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("abcvoting dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".abc.yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                parse_abc(&text),
            )
        })
        .collect()
}

fn as_pb(abc: &AbcInstance) -> (Instance, Profile) {
    // Zero-padded ids keep the string order equal to the numeric order.
    let projects = (0..abc.num_cand)
        .map(|c| Project::new(format!("{c:03}"), 1))
        .collect();
    (
        Instance::new(projects, abc.committeesize),
        Profile::approval(abc.profile.clone()),
    )
}

fn committee(instance: &Instance, winners: &[String]) -> Vec<u32> {
    let mut c: Vec<u32> = winners
        .iter()
        .map(|w| instance.project_index(w).unwrap())
        .collect();
    c.sort_unstable();
    c
}

fn check(rule: Rule, abc_rule: &str) {
    let all = instances();
    assert!(all.len() >= 30, "expected the abcvoting instances");
    let mut checked = 0;
    for (name, abc) in &all {
        let Some((_, _, expected)) = abc.results.iter().find(|(r, res, _)| r == abc_rule && !res)
        else {
            continue;
        };
        let (instance, profile) = as_pb(abc);
        for tb in TieBreak::ALL {
            let out = rule.run(&instance, &profile, &tb);
            let got = committee(&instance, &out.winners);
            assert!(
                expected.contains(&got),
                "{name} {rule} ({tb}): {got:?} not among {expected:?}"
            );
        }
        checked += 1;
    }
    assert!(
        checked >= 30,
        "{abc_rule}: only {checked} instances checked"
    );
}

#[test]
fn greedy_matches_abcvoting_av() {
    check(Rule::Greedy, "av");
}

#[test]
fn phragmen_matches_abcvoting_seqphragmen() {
    check(Rule::Phragmen, "seqphragmen");
}

#[test]
fn yaml_reader_handles_wrapped_lists() {
    let text = "profile: [[0, 1], [\n  2]]\nnum_cand: 3\ncommitteesize: 2\ncompute:\n- rule_id: av\n  result: [[0, 1], [\n      0, 2]]\n  resolute: false\n";
    let abc = parse_abc(text);
    assert_eq!(abc.profile, vec![vec![0, 1], vec![2]]);
    assert_eq!(abc.results[0].2, vec![vec![0, 1], vec![0, 2]]);
    assert!(!abc.results[0].1);
}
