//! The bad-input matrix of `docs/ROBUSTNESS.md`, engine side: every bad `.pb` file or scenario
//! gives an error that names the problem, never a panic; odd but legal inputs run.

use dialoglab_engine::pb::pabulib::{self, MAX_BYTES};
use dialoglab_engine::pb::{PbError, Rule, TieBreak};
use dialoglab_engine::scenario::MAX_POPULATION;
use dialoglab_engine::{Report, Scenario, ScenarioError, presets, run};

/// A small approval file with these META lines, projects (`id;cost`) and votes (`id;projects`).
fn pb_file(meta: &str, projects: &str, votes: &str) -> String {
    format!(
        "META\nkey;value\n{meta}\nvote_type;approval\nPROJECTS\nproject_id;cost\n{projects}\nVOTES\nvoter_id;vote\n{votes}\n"
    )
}

fn pb_err(text: &str) -> PbError {
    pabulib::parse(text).expect_err("the file must be refused")
}

/// Every rule runs on the file within its budget.
fn rules_within_budget(text: &str) {
    let (instance, profile) = pabulib::parse(text).expect("parses");
    for rule in Rule::ALL {
        let out = rule.run(&instance, &profile, &TieBreak::ProjectId);
        assert!(out.total_cost <= instance.budget, "{}", rule.name());
    }
}

#[test]
fn pb_empty_file() {
    for text in ["", "\n\n  \n", "\u{feff}", ";;;\n"] {
        let err = pb_err(text);
        assert_eq!(err, PbError::Empty, "{text:?}");
        assert!(err.to_string().contains("empty"));
    }
    assert_eq!(pabulib::parse_bytes(b""), Err(PbError::Empty));
}

#[test]
fn pb_wrong_section_order() {
    let text =
        "PROJECTS\nproject_id;cost\na;1\nMETA\nkey;value\nbudget;5\nVOTES\nvoter_id;vote\nv;a\n";
    let err = pb_err(text);
    assert!(
        matches!(err, PbError::SectionOrder { line: 1, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("line 1"), "{err}");
    // A section twice.
    let twice = pb_file("budget;5", "a;1", "v;a") + "VOTES\nvoter_id;vote\n";
    assert!(matches!(pb_err(&twice), PbError::SectionOrder { .. }));
    // Data before the first section.
    assert!(matches!(
        pb_err(&format!("hello\n{}", pb_file("budget;5", "a;1", "v;a"))),
        PbError::SectionOrder { line: 1, .. }
    ));
}

#[test]
fn pb_unknown_project_in_a_vote() {
    let err = pb_err(&pb_file("budget;5", "a;1\nb;2", "v1;a\nv2;a,zz"));
    assert_eq!(
        err,
        PbError::UnknownProject {
            line: 12,
            voter: "v2".into(),
            project: "zz".into()
        }
    );
    let text = err.to_string();
    assert!(text.contains("v2") && text.contains("zz"), "{text}");
}

#[test]
fn pb_negative_cost_is_refused_with_the_project_named() {
    let err = pb_err(&pb_file("budget;5", "a;1\nb;-3", "v;a"));
    assert!(
        matches!(&err, PbError::InvalidCost { project, value, .. } if project == "b" && value == "-3"),
        "{err:?}"
    );
    assert!(err.to_string().contains("`b`"), "{err}");
    // (A decimal comma, `1,5`, is accepted: docs/PB.md.)
    for bad in ["", "abc", "1e3", "NaN", "inf", "1.2.3"] {
        let err = pb_err(&pb_file("budget;5", &format!("a;{bad}"), "v;a"));
        assert!(matches!(err, PbError::InvalidCost { .. }), "{bad}: {err:?}");
    }
}

#[test]
fn pb_zero_decimal_and_huge_costs_are_exact() {
    // Zero cost: accepted, and every rule may fund it even with nothing left.
    let text = pb_file("budget;5", "free;0\na;5", "v1;free,a\nv2;free");
    let (instance, profile) = pabulib::parse(&text).unwrap();
    assert_eq!(instance.projects[0].cost, 0);
    rules_within_budget(&text);
    // Every rule funds it first (most votes, best per cost, ρ = 0, Phragmén load 0); MES cannot
    // afford `a` (one supporter with 5/2), greedy can.
    for rule in Rule::ALL {
        let out = rule.run(&instance, &profile, &TieBreak::ProjectId);
        assert_eq!(
            out.winners.first().map(String::as_str),
            Some("free"),
            "{}",
            rule.name()
        );
    }
    let winners = |rule: Rule| rule.run(&instance, &profile, &TieBreak::ProjectId).winners;
    assert_eq!(winners(Rule::Greedy), ["free", "a"]);
    assert_eq!(winners(Rule::Mes), ["free"]);
    assert_eq!(winners(Rule::MesGreedy), ["free", "a"]);
    // Decimal costs: kept exact as integers in the file's smallest unit.
    let (instance, _) = pabulib::parse(&pb_file("budget;10.5", "a;4.25\nb;6", "v;a,b")).unwrap();
    assert_eq!(instance.scale, 100);
    assert_eq!(instance.budget, 1050);
    assert_eq!(
        instance.projects.iter().map(|p| p.cost).collect::<Vec<_>>(),
        [425, 600]
    );
    assert_eq!(instance.format_money(425), "4.25");
    assert_eq!(instance.format_money(instance.budget), "10.5");
    // A decimal comma reads the same.
    let (comma, _) = pabulib::parse(&pb_file("budget;10,5", "a;4,25\nb;6", "v;a,b")).unwrap();
    assert_eq!(comma.projects, instance.projects);
    assert_eq!((comma.budget, comma.scale), (1050, 100));
    // 10^15: integer money, no overflow in any rule.
    let big = pb_file(
        "budget;3000000000000000",
        "a;1000000000000000\nb;1000000000000000\nc;1500000000000000",
        "v1;a,b\nv2;c\nv3;a,c",
    );
    let (instance, _) = pabulib::parse(&big).unwrap();
    assert_eq!(instance.projects[2].cost, 1_500_000_000_000_000);
    rules_within_budget(&big);
    // The Add1 and increment completions step the endowment one unit at a time: from ⌊1/2⌋ to
    // 10^15 here. They skip the steps that cannot change the outcome, so this ends at once.
    let tiny_budget = pb_file("budget;1", "a;1000000000000000\nb;1", "v1;a\nv2;a,b");
    rules_within_budget(&tiny_budget);
    let (instance, profile) = pabulib::parse(&tiny_budget).unwrap();
    for rule in [Rule::MesAdd1, Rule::MesAdd1Greedy, Rule::MesIncrement] {
        let out = rule.run(&instance, &profile, &TieBreak::ProjectId);
        assert_eq!(out.winners, ["b"], "{}", rule.name());
    }
    // Beyond 64 bits after scaling: a named error, not a wrapped number.
    let err = pb_err(&pb_file("budget;1", "a;100000000000000000000", "v;a"));
    assert_eq!(
        err,
        PbError::InvalidCost {
            line: 7,
            project: "a".into(),
            value: "100000000000000000000".into()
        }
    );
    // 19 decimal places cannot be scaled into 64 bits.
    let err = pb_err(&pb_file("budget;1", "a;0.0000000000000000001", "v;a"));
    assert_eq!(err, PbError::MoneyTooPrecise { decimals: 19 });
    let err = pb_err(&pb_file("budget;99999999999999999999", "a;1", "v;a"));
    assert_eq!(
        err,
        PbError::BudgetInvalid {
            line: 3,
            value: "99999999999999999999".into()
        }
    );
}

#[test]
fn pb_budget_zero_funds_nothing_that_costs_money() {
    let text = pb_file("budget;0", "a;10\nb;20", "v1;a,b\nv2;a");
    let (instance, profile) = pabulib::parse(&text).unwrap();
    assert_eq!(instance.budget, 0);
    for rule in Rule::ALL {
        let out = rule.run(&instance, &profile, &TieBreak::ProjectId);
        assert!(out.winners.is_empty(), "{}: {:?}", rule.name(), out.winners);
        assert_eq!(out.total_cost, 0);
    }
    for bad in ["-1", "lots", ""] {
        let err = pb_err(&pb_file(&format!("budget;{bad}"), "a;1", "v;a"));
        assert!(
            matches!(err, PbError::BudgetInvalid { .. } | PbError::BudgetMissing),
            "{bad}: {err:?}"
        );
    }
}

#[test]
fn pb_non_utf8_bytes_name_their_offset() {
    let mut bytes = pb_file("budget;5", "a;1", "v;a").into_bytes();
    bytes.insert(20, 0xff);
    let err = pabulib::parse_bytes(&bytes).unwrap_err();
    assert_eq!(err, PbError::NotUtf8 { offset: 20 });
    assert!(err.to_string().contains("UTF-8") && err.to_string().contains("20"));
    // Latin-1 "ł" as a single byte, as in an old Polish export.
    let latin1 = b"META\nkey;value\ndescription;M\xb3yn\xf3w\n";
    assert!(matches!(
        pabulib::parse_bytes(latin1),
        Err(PbError::NotUtf8 { offset: 28 })
    ));
}

#[test]
fn pb_a_100_mb_upload_is_refused_before_it_is_read() {
    let bytes = vec![b'x'; 100 * 1024 * 1024];
    let err = pabulib::parse_bytes(&bytes).unwrap_err();
    assert_eq!(
        err,
        PbError::TooLarge {
            bytes: 100 * 1024 * 1024,
            limit: MAX_BYTES as u64
        }
    );
    let text = err.to_string();
    assert!(
        text.contains("104857600") && text.contains(&MAX_BYTES.to_string()),
        "{text}"
    );
    // The same through `parse` (text already decoded), one byte over the limit.
    let over = "x".repeat(MAX_BYTES + 1);
    assert_eq!(
        pabulib::parse(&over),
        Err(PbError::TooLarge {
            bytes: MAX_BYTES as u64 + 1,
            limit: MAX_BYTES as u64
        })
    );
    // Exactly at the limit the file is read (and here refused for what it contains).
    let at = "x".repeat(MAX_BYTES);
    assert!(matches!(
        pabulib::parse(&at),
        Err(PbError::SectionOrder { line: 1, .. })
    ));
}

#[test]
fn pb_a_project_name_with_markup_is_kept_as_text() {
    let name = "<img src=x onerror=alert(1)>";
    let text = format!(
        "META\nkey;value\nbudget;5\nvote_type;approval\nPROJECTS\nproject_id;cost;name\na;1;{name}\nVOTES\nvoter_id;vote\nv;a\n"
    );
    let (instance, _) = pabulib::parse(&text).unwrap();
    assert_eq!(instance.projects[0].name, name);
}

fn scenario_err(json: &str) -> ScenarioError {
    Scenario::from_json(json).expect_err("the scenario must be refused")
}

#[test]
fn scenario_zero_citizens_is_refused_and_one_citizen_runs() {
    let err = scenario_err(r#"{"population": {"size": 0}}"#);
    assert!(
        matches!(&err, ScenarioError::OutOfRange { field, .. } if field == "population.size"),
        "{err:?}"
    );
    let mut one = presets::get("borgerbudget-small").unwrap();
    one.population.size = 1;
    one.invitation.letters = 1;
    one.invitation.panel_size = 1;
    for strategy in dialoglab_engine::Strategy::ALL {
        one.invitation.strategy = strategy;
        let report = run(&one).unwrap_or_else(|e| panic!("{strategy:?}: {e}"));
        assert_eq!(report.population.size, 1);
        assert!(report.stages["attendees"].count <= 1);
        assert!(report.outcome.spent <= one.budget);
        assert_report_is_finite(&report);
    }
}

#[test]
fn scenario_population_of_ten_million_is_refused_with_the_limit() {
    let err = scenario_err(r#"{"population": {"size": 10000000}}"#);
    let text = err.to_string();
    assert!(
        text.contains("population.size")
            && text.contains("10000000")
            && text.contains(&MAX_POPULATION.to_string()),
        "{text}"
    );
    // And beyond u32: a JSON error naming the field's type, not a wrapped number.
    let err = scenario_err(r#"{"population": {"size": 10000000000}}"#);
    assert!(matches!(err, ScenarioError::Json(_)), "{err:?}");
}

#[test]
fn scenario_nan_infinite_and_out_of_range_parameters_are_named() {
    for (value, what) in [
        (f64::NAN, "NaN"),
        (f64::INFINITY, "∞"),
        (f64::NEG_INFINITY, "-∞"),
        (1.5, "above"),
        (-0.1, "below"),
    ] {
        let mut s = Scenario::default();
        s.meeting.persuasion = value;
        let err = s.validate().unwrap_err();
        assert!(
            err.to_string().contains("meeting.persuasion"),
            "{what}: {err}"
        );
        assert!(run(&s).is_err(), "{what}: run must refuse too");
    }
    // JSON itself has no NaN or infinity: such text is a JSON error.
    for json in [
        r#"{"meeting": {"persuasion": NaN}}"#,
        r#"{"meeting": {"persuasion": Infinity}}"#,
        r#"{"meeting": {"persuasion": 1e400}}"#,
    ] {
        assert!(
            matches!(scenario_err(json), ScenarioError::Json(_)),
            "{json}"
        );
    }
    // An out-of-range value names the field and the range.
    let text = scenario_err(r#"{"meeting": {"rounds": 99}}"#).to_string();
    assert!(
        text.contains("meeting.rounds") && text.contains("20"),
        "{text}"
    );
}

#[test]
fn scenario_money_is_integer_and_budget_zero_runs() {
    // The decoder names the value and the integer type it expected (not the field).
    for (json, message) in [
        (
            r#"{"budget": 2.5}"#,
            "invalid type: floating point `2.5`, expected u64",
        ),
        (
            r#"{"budget": -1}"#,
            "invalid value: integer `-1`, expected u64",
        ),
        (
            r#"{"costs": {"letter_dkk": -3}}"#,
            "invalid value: integer `-3`, expected u32",
        ),
    ] {
        let err = scenario_err(json);
        assert!(matches!(err, ScenarioError::Json(_)), "{json}: {err:?}");
        let text = err.to_string();
        assert!(
            text.starts_with("the scenario could not be read: ") && text.contains(message),
            "{json}: {text}"
        );
    }
    let text = scenario_err(r#"{"budget": 1000000000000000}"#).to_string();
    assert!(text.contains("budget"), "{text}");
    let mut s = presets::get("borgerbudget-small").unwrap();
    s.budget = 0;
    let report = run(&s).unwrap();
    assert_eq!(report.outcome.spent, 0);
    assert!(
        report.outcome.funded.is_empty()
            || report
                .outcome
                .projects
                .iter()
                .all(|p| !p.funded || p.cost == 0)
    );
    assert_report_is_finite(&report);
}

#[test]
fn scenario_unknown_fields_are_named() {
    for (json, name) in [
        (r#"{"populaton": {}}"#, "populaton"),
        (r#"{"population": {"sise": 3}}"#, "sise"),
        (r#"{"vote": {"rule": "borda"}}"#, "borda"),
    ] {
        let text = scenario_err(json).to_string();
        assert!(text.contains(name), "{json}: {text}");
    }
}

#[test]
fn scenario_non_json_and_non_utf8_text_is_a_json_error() {
    for (json, message) in [
        ("", "EOF while parsing a value at line 1 column 0"),
        ("not json", "expected ident at line 1 column 2"),
        ("[1, 2]", "a scenario is a JSON object, starting with {"),
        (
            "{\"seed\": 1",
            "EOF while parsing an object at line 1 column 10",
        ),
        ("\u{0}", "expected value at line 1 column 1"),
        ("null", "a scenario is a JSON object, starting with {"),
        ("7", "a scenario is a JSON object, starting with {"),
    ] {
        let err = scenario_err(json);
        assert!(matches!(err, ScenarioError::Json(_)), "{json:?}: {err:?}");
        assert!(err.to_string().contains(message), "{json:?}: {err}");
    }
    // Bytes that are not UTF-8 never reach the decoder as text: the caller's lossy decoding
    // turns them into U+FFFD, which is not JSON.
    let lossy = String::from_utf8_lossy(b"{\"seed\": \xff}");
    let err = scenario_err(&lossy);
    assert!(matches!(err, ScenarioError::Json(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("expected value at line 1 column 10"),
        "{err}"
    );
}

/// No NaN or infinity anywhere in the report: serde writes those as `null`, so the only nulls in
/// its JSON are the optional fields.
fn assert_report_is_finite(report: &Report) {
    fn walk(value: &serde_json::Value, path: &str, nulls: &mut Vec<String>) {
        match value {
            serde_json::Value::Null => nulls.push(path.to_string()),
            serde_json::Value::Array(items) => {
                for (k, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{k}]"), nulls);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    walk(v, &format!("{path}.{k}"), nulls);
                }
            }
            _ => {}
        }
    }
    let mut nulls = Vec::new();
    walk(&serde_json::to_value(report).unwrap(), "", &mut nulls);
    nulls.retain(|p| p != ".selection" && p != ".cost.dkk_per_attendee");
    assert!(nulls.is_empty(), "NaN or infinity at {nulls:?}");
}
