//! The reader as it was before it worked on bytes, kept for the tests only: the byte reader must
//! return exactly what this one returns, errors included, on any input (`pabulib::tests`). One
//! change made to both since: a cost too large for 64 bits is named as written in the file.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::{
    Decimal, PbError, check_size, get, parse_decimal, parse_small, scale_decimal, vote_kind,
};
use crate::pb::{Ballot, Instance, Profile, Project, VoteKind, Voter};

/// One CSV record with the line it starts on.
pub(super) struct Record {
    pub(super) line: u64,
    pub(super) fields: Vec<String>,
}

/// Splits text into `;`-separated records the way Python's `csv.reader` does (double quotes,
/// doubled inner quotes, quoted newlines; a quote closing early continues as plain text).
pub(super) fn records(text: &str) -> Vec<Record> {
    #[derive(PartialEq)]
    enum St {
        Start,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut st = St::Start;
    let mut line: u64 = 1;
    let mut rec_line: u64 = 1;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        let newline = c == '\n' || c == '\r';
        if newline && c == '\r' && chars.peek() == Some(&'\n') && st != St::Quoted {
            chars.next();
        }
        match st {
            St::Quoted => {
                if c == '"' {
                    st = St::QuoteInQuoted;
                } else {
                    field.push(c);
                }
                any = true;
            }
            St::Start | St::Plain | St::QuoteInQuoted => {
                if c == ';' {
                    fields.push(std::mem::take(&mut field));
                    st = St::Start;
                    any = true;
                } else if newline {
                    if any || !field.is_empty() || st == St::QuoteInQuoted {
                        fields.push(std::mem::take(&mut field));
                    }
                    if !fields.is_empty() {
                        out.push(Record {
                            line: rec_line,
                            fields: std::mem::take(&mut fields),
                        });
                    }
                    any = false;
                    st = St::Start;
                } else if c == '"' && st == St::Start {
                    st = St::Quoted;
                    any = true;
                } else if c == '"' && st == St::QuoteInQuoted {
                    field.push('"');
                    st = St::Quoted;
                } else {
                    field.push(c);
                    st = St::Plain;
                    any = true;
                }
            }
        }
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            if st == St::Start && fields.is_empty() {
                rec_line = line;
            }
        }
    }
    if any || !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push(Record {
            line: rec_line,
            fields,
        });
    }
    out
}

struct RawProject {
    line: u64,
    project: Project,
    cost: Decimal,
    /// The cost as written, for an error message.
    cost_text: String,
}

/// Parses a `.pb` file. Never panics; see `docs/PB.md` for the accepted leniencies.
pub(super) fn parse(text: &str) -> Result<(Instance, Profile), PbError> {
    const ORDER: [&str; 3] = ["META", "PROJECTS", "VOTES"];
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let recs: Vec<Record> = records(text)
        .into_iter()
        .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    if recs.is_empty() {
        return Err(PbError::Empty);
    }
    // Split into sections.
    let mut sections: Vec<(usize, &Record, Vec<&Record>)> = Vec::new();
    for r in &recs {
        let title = r.fields[0].trim().to_ascii_uppercase();
        if let Some(pos) = ORDER.iter().position(|s| *s == title) {
            let expected = sections.len();
            if pos != expected {
                return Err(PbError::SectionOrder {
                    line: r.line,
                    found: title,
                    expected: Cow::Borrowed(if expected < 3 {
                        ["section META", "section PROJECTS", "section VOTES"][expected]
                    } else {
                        "no further section"
                    }),
                });
            }
            sections.push((pos, r, Vec::new()));
        } else if let Some(last) = sections.last_mut() {
            last.2.push(r);
        } else {
            return Err(PbError::SectionOrder {
                line: r.line,
                found: r.fields[0].trim().to_string(),
                expected: Cow::Borrowed("section META"),
            });
        }
    }
    for (i, name) in ORDER.iter().enumerate() {
        if sections.len() <= i {
            return Err(PbError::MissingSection {
                section: Cow::Borrowed(name),
            });
        }
    }
    // The line after each title is its header.
    let split = |i: usize| -> (Option<&Record>, &[&Record]) {
        let body = &sections[i].2;
        match body.split_first() {
            Some((h, rest)) => (Some(*h), rest),
            None => (None, &[]),
        }
    };

    // META
    let (_, meta_rows) = split(0);
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut meta_lines: Vec<u64> = Vec::new();
    for r in meta_rows {
        let key = r.fields[0].trim().to_string();
        if key.is_empty() || key.eq_ignore_ascii_case("none") {
            continue;
        }
        let Some(value) = get(&r.fields, 1).map(str::to_string).or_else(|| {
            if r.fields.len() < 2 {
                Some(String::new())
            } else {
                None
            }
        }) else {
            continue;
        };
        meta.push((key, value));
        meta_lines.push(r.line);
    }
    let meta_get = |k: &str| -> Option<(u64, &str)> {
        meta.iter()
            .zip(&meta_lines)
            .find(|((key, _), _)| key.eq_ignore_ascii_case(k))
            .map(|((_, v), l)| (*l, v.as_str()))
    };
    let (budget_line, budget_text) = meta_get("budget").ok_or(PbError::BudgetMissing)?;
    let budget_dec = parse_decimal(budget_text).ok_or_else(|| PbError::BudgetInvalid {
        line: budget_line,
        value: budget_text.to_string(),
    })?;
    let kind = match meta_get("vote_type") {
        None => VoteKind::Approval,
        Some((line, v)) => vote_kind(v).ok_or_else(|| PbError::UnknownVoteType {
            line,
            value: v.to_string(),
        })?,
    };
    let max_sum_cost_dec = meta_get("max_sum_cost").and_then(|(_, v)| parse_decimal(v));

    // PROJECTS
    let (header, rows) = split(1);
    let header: Vec<String> = header
        .map(|h| h.fields.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default();
    let header_line = sections[1].1.line + 1;
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let cost_col = col("cost").ok_or(PbError::MissingColumn {
        line: header_line,
        section: Cow::Borrowed("PROJECTS"),
        column: Cow::Borrowed("cost"),
    })?;
    let (name_col, cat_col, dist_col, sel_col) = (
        col("name"),
        col("category"),
        col("district"),
        col("selected"),
    );
    let mut raw: Vec<RawProject> = Vec::new();
    let mut index: BTreeMap<String, u32> = BTreeMap::new();
    for r in rows {
        let id = r.fields[0].trim().to_string();
        if index.contains_key(&id) {
            return Err(PbError::DuplicateProject {
                line: r.line,
                project: id,
            });
        }
        let cost_text = get(&r.fields, cost_col).unwrap_or("");
        let cost = parse_decimal(cost_text).ok_or_else(|| PbError::InvalidCost {
            line: r.line,
            project: id.clone(),
            value: cost_text.to_string(),
        })?;
        let mut project = Project::new(id.clone(), 0);
        if let Some(c) = name_col {
            project.name = get(&r.fields, c).unwrap_or("").to_string();
        }
        if let Some(c) = cat_col {
            project.category = get(&r.fields, c)
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
        }
        if let Some(c) = dist_col {
            project.district = get(&r.fields, c).map(str::to_string);
        }
        if let Some(c) = sel_col
            && let Some(v) = get(&r.fields, c)
        {
            project.selected = Some(parse_small::<u8>(v).ok_or_else(|| PbError::InvalidField {
                line: r.line,
                column: header[c].clone(),
                value: v.to_string(),
            })?);
        }
        for (c, h) in header.iter().enumerate().skip(1) {
            if Some(c) == name_col
                || c == cost_col
                || Some(c) == cat_col
                || Some(c) == dist_col
                || Some(c) == sel_col
            {
                continue;
            }
            if let Some(v) = get(&r.fields, c) {
                project.extra.push((h.clone(), v.to_string()));
            }
        }
        index.insert(id, raw.len() as u32);
        raw.push(RawProject {
            line: r.line,
            project,
            cost,
            cost_text: cost_text.to_string(),
        });
    }

    // Money scale: enough decimals for every amount.
    let decimals = raw
        .iter()
        .map(|p| p.cost.frac.len())
        .chain([budget_dec.frac.len()])
        .chain(max_sum_cost_dec.iter().map(|d| d.frac.len()))
        .max()
        .unwrap_or(0) as u32;
    if decimals > 18 {
        return Err(PbError::MoneyTooPrecise { decimals });
    }
    let scale = 10u64.pow(decimals);
    let budget = scale_decimal(&budget_dec, decimals).ok_or_else(|| PbError::BudgetInvalid {
        line: budget_line,
        value: budget_text.to_string(),
    })?;
    let mut projects = Vec::with_capacity(raw.len());
    for mut rp in raw {
        rp.project.cost =
            scale_decimal(&rp.cost, decimals).ok_or_else(|| PbError::InvalidCost {
                line: rp.line,
                project: rp.project.id.clone(),
                value: rp.cost_text,
            })?;
        projects.push(rp.project);
    }

    // VOTES
    let (header, rows) = split(2);
    let header: Vec<String> = header
        .map(|h| h.fields.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default();
    let header_line = sections[2].1.line + 1;
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let vote_col = col("vote").ok_or(PbError::MissingColumn {
        line: header_line,
        section: Cow::Borrowed("VOTES"),
        column: Cow::Borrowed("vote"),
    })?;
    let points_col = col("points");
    let (age_col, sex_col, dist_col, method_col) = (
        col("age"),
        col("sex"),
        col("district"),
        col("voting_method"),
    );
    let mut ballots = Vec::with_capacity(rows.len());
    let mut voters = Vec::with_capacity(rows.len());
    let mut seen_voters: BTreeSet<String> = BTreeSet::new();
    for r in rows {
        let id = r.fields[0].trim().to_string();
        if !seen_voters.insert(id.clone()) {
            return Err(PbError::DuplicateVoter {
                line: r.line,
                voter: id,
            });
        }
        let mut listed = Vec::new();
        for piece in get(&r.fields, vote_col).unwrap_or("").split(',') {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            let p = *index.get(piece).ok_or_else(|| PbError::UnknownProject {
                line: r.line,
                voter: id.clone(),
                project: piece.to_string(),
            })?;
            listed.push(p);
        }
        let ballot = match kind {
            VoteKind::Approval => Ballot::Approval(listed),
            VoteKind::Ordinal => Ballot::Ranking(listed),
            VoteKind::Cumulative | VoteKind::Scoring => {
                let text = points_col.and_then(|c| get(&r.fields, c)).unwrap_or("");
                let pts: Vec<&str> = text
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if pts.is_empty() {
                    // pabutools: a row without points is an empty ballot.
                    Ballot::Points(Vec::new())
                } else {
                    if pts.len() != listed.len() {
                        return Err(PbError::PointsMismatch {
                            line: r.line,
                            voter: id,
                            votes: listed.len() as u64,
                            points: pts.len() as u64,
                        });
                    }
                    let mut v = Vec::with_capacity(listed.len());
                    for (p, s) in listed.into_iter().zip(pts) {
                        let s = parse_small::<u64>(s).ok_or_else(|| PbError::InvalidPoints {
                            line: r.line,
                            voter: id.clone(),
                            value: s.to_string(),
                        })?;
                        v.push((p, s));
                    }
                    Ballot::Points(v)
                }
            }
        };
        let mut voter = Voter::anonymous(id);
        voter.age = age_col
            .and_then(|c| get(&r.fields, c))
            .and_then(parse_small::<u16>);
        voter.sex = sex_col.and_then(|c| get(&r.fields, c)).map(str::to_string);
        voter.district = dist_col.and_then(|c| get(&r.fields, c)).map(str::to_string);
        voter.voting_method = method_col
            .and_then(|c| get(&r.fields, c))
            .map(str::to_string);
        for (c, h) in header.iter().enumerate().skip(1) {
            if c == vote_col
                || Some(c) == points_col
                || Some(c) == age_col
                || Some(c) == sex_col
                || Some(c) == dist_col
                || Some(c) == method_col
            {
                continue;
            }
            if let Some(v) = get(&r.fields, c) {
                voter.extra.push((h.clone(), v.to_string()));
            }
        }
        ballots.push(ballot);
        voters.push(voter);
    }

    let meta_u32 = |k: &str| meta_get(k).and_then(|(_, v)| parse_small::<u32>(v));
    let profile = Profile {
        kind,
        ballots,
        voters,
        min_length: meta_u32("min_length"),
        max_length: meta_u32("max_length"),
        max_sum_cost: max_sum_cost_dec.and_then(|d| scale_decimal(&d, decimals)),
        max_sum_points: meta_get("max_sum_points").and_then(|(_, v)| parse_small::<u64>(v)),
    };
    let instance = Instance {
        projects,
        budget,
        scale,
        meta,
    };
    Ok((instance, profile))
}
