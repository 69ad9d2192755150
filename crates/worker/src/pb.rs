//! The `.pb` job: parse a pabulib file and study it ([`dialoglab_engine::pb::study`]) off the
//! page, reporting progress after parsing and after each rule.

use dialoglab_engine::pb::study::{StudyOptions, study_bytes};

use crate::{Message, Output};

/// Largest file the job takes: the parser's limit (the page refuses bigger files before reading).
pub const MAX_BYTES: usize = dialoglab_engine::pb::pabulib::MAX_BYTES;

/// Studies `bytes`. A file the parser rejects is a result (`Output::Pb(Err(problem))`, so the
/// page can say it in its language); only a missing or oversized file is a job error.
pub fn run(
    bytes: &[u8],
    options: &StudyOptions,
    send: &mut dyn FnMut(Message),
) -> Result<Output, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "the file has {} bytes; the limit is {MAX_BYTES}",
            bytes.len()
        ));
    }
    let result = study_bytes(bytes, options, &mut |p| {
        send(Message::Progress {
            done: p.done,
            total: p.total,
        });
    });
    Ok(Output::Pb(Box::new(result)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Job, Request, Response, serve_with_bytes};
    use dialoglab_engine::pb::PbError;

    #[test]
    fn a_file_is_studied_with_progress_and_a_bad_one_names_its_line() {
        let request = Request {
            id: 4,
            job: Job::Pb {
                options: StudyOptions::default(),
            },
        };
        let file = b"META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;6\nb;5\nVOTES\nvoter_id;vote\nv1;a\nv2;a,b\n";
        let mut answers = Vec::new();
        serve_with_bytes(&request.to_json(), file, &mut |t| answers.push(t));
        let answers: Vec<Response> = answers
            .iter()
            .map(|t| Response::from_json(t).unwrap())
            .collect();
        assert!(answers.iter().all(|r| r.id == 4));
        let progress = answers
            .iter()
            .filter(|r| matches!(r.message, Message::Progress { .. }))
            .count();
        assert_eq!(progress, dialoglab_engine::pb::Rule::ALL.len());
        let Message::Done(Output::Pb(result)) = &answers.last().unwrap().message else {
            panic!("{answers:?}");
        };
        let study = result.as_ref().as_ref().unwrap();
        assert_eq!(study.outcomes[0].allocation.winners, ["a"]);

        let bad =
            b"META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;x\nVOTES\nvoter_id;vote\n";
        let mut sent = Vec::new();
        let out = run(bad, &StudyOptions::default(), &mut |m| sent.push(m)).unwrap();
        let Output::Pb(result) = out else {
            panic!("not a pb output")
        };
        assert!(matches!(*result, Err(PbError::InvalidCost { line: 6, .. })));
        assert!(
            run(
                &vec![b' '; MAX_BYTES + 1],
                &StudyOptions::default(),
                &mut |_| {}
            )
            .is_err()
        );
    }
}
