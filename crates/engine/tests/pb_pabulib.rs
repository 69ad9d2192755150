//! The `.pb` reader's leniencies and errors.

use dialoglab_engine::pb::{Ballot, PbError, VoteKind, pabulib};

const BASIC: &str = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n\
1;60;One\n2;50;Two\nVOTES\nvoter_id;vote\nv1;1,2\nv2;2\n";

fn err(text: &str) -> PbError {
    pabulib::parse(text).expect_err("should fail")
}

#[test]
fn basic_file_parses() {
    let (i, p) = pabulib::parse(BASIC).unwrap();
    assert_eq!(i.budget, 100);
    assert_eq!(i.projects[1].name, "Two");
    assert_eq!(
        p.ballots,
        vec![Ballot::Approval(vec![0, 1]), Ballot::Approval(vec![1])]
    );
    assert_eq!(p.voters[1].id, "v2");
}

#[test]
fn lenient_about_bom_crlf_blank_lines_case_whitespace_and_none() {
    let text = "\u{feff}meta\r\nkey;value\r\n\r\n budget ; 100 \r\nvote_type;choose-1\r\nProjects\r\n\
project_id;cost;name;district;selected\r\n1;60;One;none;1\r\n2;50;\"Two; quoted \"\"x\"\"\";North;0\r\n\
votes\r\nvoter_id;vote;age;sex\r\nv1; 1 , 2 ;none;F\r\nv2;;42;none\r\n\r\n";
    let (i, p) = pabulib::parse(text).unwrap();
    assert_eq!(i.budget, 100);
    assert_eq!(i.meta[0], ("budget".to_string(), "100".to_string()));
    assert_eq!(p.kind, VoteKind::Approval);
    assert_eq!(i.projects[0].district, None);
    assert_eq!(i.projects[1].name, "Two; quoted \"x\"");
    assert_eq!(i.projects[1].district.as_deref(), Some("North"));
    assert_eq!(i.projects[0].selected, Some(1));
    assert_eq!(p.ballots[0], Ballot::Approval(vec![0, 1]));
    assert_eq!(p.ballots[1], Ballot::Approval(vec![]));
    assert_eq!(
        (p.voters[0].age, p.voters[0].sex.as_deref()),
        (None, Some("F"))
    );
    assert_eq!(
        (p.voters[1].age, p.voters[1].sex.as_deref()),
        (Some(42), None)
    );
}

#[test]
fn decimal_money_is_scaled_exactly() {
    let text = "META\nkey;value\nbudget;1000,5\nPROJECTS\nproject_id;cost\na;12.25\nb;400000.0\nVOTES\nvoter_id;vote\nv;a\n";
    let (i, _) = pabulib::parse(text).unwrap();
    assert_eq!(i.scale, 100);
    assert_eq!(i.budget, 100_050);
    assert_eq!(i.projects[0].cost, 1225);
    assert_eq!(i.projects[1].cost, 40_000_000);
    assert_eq!(i.format_money(i.budget), "1000.5");
}

#[test]
fn cumulative_points_and_missing_points() {
    let text = "META\nkey;value\nbudget;10\nvote_type;cumulative\nmax_sum_points;10\nPROJECTS\nproject_id;cost\na;5\nb;5\n\
VOTES\nvoter_id;vote;points\nv1;a,b;7,3\nv2;a\n";
    let (_, p) = pabulib::parse(text).unwrap();
    assert_eq!(p.kind, VoteKind::Cumulative);
    assert_eq!(p.ballots[0], Ballot::Points(vec![(0, 7), (1, 3)]));
    assert_eq!(p.ballots[1], Ballot::Points(vec![]));
    assert_eq!(p.max_sum_points, Some(10));
}

#[test]
fn errors_name_the_problem_and_line() {
    assert_eq!(err(""), PbError::Empty);
    assert_eq!(err("\n\n  \n"), PbError::Empty);
    assert!(matches!(
        pabulib::parse_bytes(b"META\nkey;value\nbudget;\xff\n"),
        Err(PbError::NotUtf8 { offset: 22 })
    ));
    assert_eq!(
        err("META\nkey;value\nbudget;1\nPROJECTS\nproject_id;cost\n"),
        PbError::MissingSection {
            section: "VOTES".into()
        }
    );
    assert!(matches!(
        err("PROJECTS\nproject_id;cost\nMETA\n"),
        PbError::SectionOrder { line: 1, .. }
    ));
    assert!(matches!(
        err("META\nkey;value\nbudget;1\nVOTES\nvoter_id;vote\nPROJECTS\n"),
        PbError::SectionOrder { line: 4, .. }
    ));
    assert!(matches!(
        err("hello\nMETA\n"),
        PbError::SectionOrder { line: 1, .. }
    ));

    let e = err(&BASIC.replace("v2;2", "v2;7"));
    assert_eq!(
        e,
        PbError::UnknownProject {
            line: 12,
            voter: "v2".into(),
            project: "7".into()
        }
    );
    assert!(e.to_string().contains("line 12") && e.to_string().contains("`7`"));

    assert!(matches!(
        err(&BASIC.replace("2;50;Two", "2;-50;Two")),
        PbError::InvalidCost { line: 8, .. }
    ));
    assert!(matches!(
        err(&BASIC.replace("2;50;Two", "2;fifty;Two")),
        PbError::InvalidCost { line: 8, .. }
    ));
    assert!(matches!(
        err(&BASIC.replace("2;50;Two", "1;50;Two")),
        PbError::DuplicateProject { line: 8, .. }
    ));
    assert!(matches!(
        err(&BASIC.replace("v2;2", "v1;2")),
        PbError::DuplicateVoter { line: 12, .. }
    ));
    assert_eq!(
        err(&BASIC.replace("budget;100\n", "")),
        PbError::BudgetMissing
    );
    assert!(matches!(
        err(&BASIC.replace("budget;100", "budget;lots")),
        PbError::BudgetInvalid { line: 3, .. }
    ));
    assert!(matches!(
        err(&BASIC.replace("approval", "quadratic")),
        PbError::UnknownVoteType { line: 4, .. }
    ));
    assert!(matches!(
        err(&BASIC.replace("project_id;cost;name", "project_id;price;name")),
        PbError::MissingColumn { column, .. } if column == "cost"
    ));
    let cum = BASIC
        .replace("approval", "cumulative")
        .replace("voter_id;vote", "voter_id;vote;points")
        .replace("v1;1,2", "v1;1,2;3");
    assert!(matches!(
        err(&cum),
        PbError::PointsMismatch {
            line: 11,
            votes: 2,
            points: 1,
            ..
        }
    ));
    assert!(matches!(
        err(&cum.replace("v1;1,2;3", "v1;1,2;3,x")),
        PbError::InvalidPoints { line: 11, .. }
    ));
    assert!(matches!(
        err(&BASIC
            .replace("project_id;cost;name", "project_id;cost;selected")
            .replace("1;60;One", "1;60;yes")),
        PbError::InvalidField { line: 7, .. }
    ));
}

#[test]
fn writer_quotes_fields_that_need_it() {
    let (mut i, p) = pabulib::parse(BASIC).unwrap();
    i.projects[0].name = "semi;colon \"quoted\"".into();
    let text = pabulib::write(&i, &p);
    assert!(text.contains("\"semi;colon \"\"quoted\"\"\""));
    let (i2, p2) = pabulib::parse(&text).unwrap();
    assert_eq!((&i2.projects, &p2), (&i.projects, &p));
    // The writer adds num_projects / num_votes to META.
    assert_eq!(i2.meta_value("num_projects"), Some("2"));
}
