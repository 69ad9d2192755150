//! Reader and writer for pabulib `.pb` files (META / PROJECTS / VOTES, `;`-separated CSV).
//!
//! ```
//! use dialoglab_engine::pb::pabulib;
//! let text = "META\nkey;value\nbudget;10.5\nvote_type;approval\nPROJECTS\nproject_id;cost\n\
//!             a;4.25\nb;6\nVOTES\nvoter_id;vote\nv1;a,b\nv2;\n";
//! let (instance, profile) = pabulib::parse(text).unwrap();
//! assert_eq!((instance.budget, instance.scale, instance.projects[0].cost), (1050, 100, 425));
//! assert_eq!(profile.ballots.len(), 2);
//! let (again, profile2) = pabulib::parse(&pabulib::write(&instance, &profile)).unwrap();
//! assert_eq!((again.projects, again.budget, profile2), (instance.projects, instance.budget, profile));
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{Ballot, Instance, Profile, Project, VoteKind, Voter};

/// Largest `.pb` file the reader accepts, in bytes (50 MB). Reading takes about 23 bytes of memory
/// per byte of file (a 100 MB file peaked at 2.3 GB natively), more than a browser tab can count
/// on; real pabulib files are far smaller. See `docs/ROBUSTNESS.md`.
pub const MAX_BYTES: usize = 50_000_000;

/// Everything that can be wrong with a `.pb` file. Line numbers are 1-based and point at the
/// start of the offending record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PbError {
    /// The input is empty (or only blank lines).
    Empty,
    /// The input is larger than [`MAX_BYTES`].
    TooLarge {
        /// Size of the input in bytes.
        bytes: u64,
        /// The limit, [`MAX_BYTES`].
        limit: u64,
    },
    /// The input is not valid UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: u64,
    },
    /// A required section is absent.
    MissingSection {
        /// `META`, `PROJECTS` or `VOTES`.
        section: &'static str,
    },
    /// Sections out of order, repeated, or data before the first section.
    SectionOrder {
        /// Line of the problem.
        line: u64,
        /// What was found.
        found: String,
        /// What was expected there.
        expected: &'static str,
    },
    /// A section lacks a required column.
    MissingColumn {
        /// Line of the header.
        line: u64,
        /// Section name.
        section: &'static str,
        /// Required column.
        column: &'static str,
    },
    /// A vote names a project that is not in PROJECTS.
    UnknownProject {
        /// Line of the vote.
        line: u64,
        /// Voter id.
        voter: String,
        /// The unknown project id.
        project: String,
    },
    /// A cost is missing, not a non-negative decimal number, or too large.
    InvalidCost {
        /// Line of the project.
        line: u64,
        /// Project id.
        project: String,
        /// The text found.
        value: String,
    },
    /// The same project id appears twice.
    DuplicateProject {
        /// Line of the second occurrence.
        line: u64,
        /// Project id.
        project: String,
    },
    /// The same voter id appears twice.
    DuplicateVoter {
        /// Line of the second occurrence.
        line: u64,
        /// Voter id.
        voter: String,
    },
    /// `points` does not have one entry per project in `vote`.
    PointsMismatch {
        /// Line of the vote.
        line: u64,
        /// Voter id.
        voter: String,
        /// Number of projects in `vote`.
        votes: u64,
        /// Number of entries in `points`.
        points: u64,
    },
    /// A points entry is not a non-negative integer.
    InvalidPoints {
        /// Line of the vote.
        line: u64,
        /// Voter id.
        voter: String,
        /// The text found.
        value: String,
    },
    /// META has no `budget`.
    BudgetMissing,
    /// The budget is not a non-negative decimal number (or too large).
    BudgetInvalid {
        /// Line of the budget.
        line: u64,
        /// The text found.
        value: String,
    },
    /// `vote_type` is not one of approval, choose-1, cumulative, scoring, ordinal.
    UnknownVoteType {
        /// Line of the META entry.
        line: u64,
        /// The text found.
        value: String,
    },
    /// A field that must be a small integer (`selected`) is not one.
    InvalidField {
        /// Line of the record.
        line: u64,
        /// Column name.
        column: String,
        /// The text found.
        value: String,
    },
    /// Amounts need more than 18 decimal places or overflow 64 bits after scaling.
    MoneyTooPrecise {
        /// Number of decimal places found.
        decimals: u32,
    },
}

impl fmt::Display for PbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PbError::Empty => write!(f, "the .pb file is empty"),
            PbError::TooLarge { bytes, limit } => write!(
                f,
                "the .pb file has {bytes} bytes; files of at most {limit} bytes can be read"
            ),
            PbError::NotUtf8 { offset } => {
                write!(
                    f,
                    "the .pb file is not UTF-8 (invalid byte at offset {offset})"
                )
            }
            PbError::MissingSection { section } => {
                write!(f, "the .pb file has no {section} section")
            }
            PbError::SectionOrder {
                line,
                found,
                expected,
            } => write!(f, "line {line}: found `{found}` but expected {expected}"),
            PbError::MissingColumn {
                line,
                section,
                column,
            } => write!(
                f,
                "line {line}: the {section} header has no `{column}` column"
            ),
            PbError::UnknownProject {
                line,
                voter,
                project,
            } => write!(
                f,
                "line {line}: voter `{voter}` votes for project `{project}`, which is not in PROJECTS"
            ),
            PbError::InvalidCost {
                line,
                project,
                value,
            } => write!(
                f,
                "line {line}: project `{project}` has cost `{value}`, expected a non-negative number"
            ),
            PbError::DuplicateProject { line, project } => {
                write!(f, "line {line}: project id `{project}` appears twice")
            }
            PbError::DuplicateVoter { line, voter } => {
                write!(f, "line {line}: voter id `{voter}` appears twice")
            }
            PbError::PointsMismatch {
                line,
                voter,
                votes,
                points,
            } => write!(
                f,
                "line {line}: voter `{voter}` lists {votes} projects but {points} points"
            ),
            PbError::InvalidPoints { line, voter, value } => write!(
                f,
                "line {line}: voter `{voter}` has points `{value}`, expected non-negative integers"
            ),
            PbError::BudgetMissing => write!(f, "META has no `budget` entry"),
            PbError::BudgetInvalid { line, value } => write!(
                f,
                "line {line}: budget `{value}` is not a non-negative number"
            ),
            PbError::UnknownVoteType { line, value } => write!(
                f,
                "line {line}: vote_type `{value}` is not one of approval, choose-1, cumulative, scoring, ordinal"
            ),
            PbError::InvalidField {
                line,
                column,
                value,
            } => write!(
                f,
                "line {line}: `{column}` is `{value}`, expected a small integer"
            ),
            PbError::MoneyTooPrecise { decimals } => write!(
                f,
                "amounts with {decimals} decimal places cannot be represented exactly in 64 bits"
            ),
        }
    }
}

impl std::error::Error for PbError {}

/// One CSV record with the line it starts on.
struct Record {
    line: u64,
    fields: Vec<String>,
}

/// Splits text into `;`-separated records the way Python's `csv.reader` does (double quotes,
/// doubled inner quotes, quoted newlines; a quote closing early continues as plain text).
fn records(text: &str) -> Vec<Record> {
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

/// Trimmed field `i`, `None` when absent or `none` (any case).
fn get(fields: &[String], i: usize) -> Option<&str> {
    let v = fields.get(i)?.trim();
    if v.eq_ignore_ascii_case("none") {
        None
    } else {
        Some(v)
    }
}

/// A non-negative decimal number as digits: integer part and significant fraction digits.
#[derive(Clone, Debug)]
struct Decimal {
    int: String,
    frac: String,
}

fn parse_decimal(s: &str) -> Option<Decimal> {
    let s = s.trim().replace(',', ".");
    let s = s.strip_prefix('+').unwrap_or(&s);
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, b),
        None => (s, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    Some(Decimal {
        int: int.to_string(),
        frac: frac.to_string(),
    })
}

/// `d × 10^decimals` as an integer, if it fits.
fn scale_decimal(d: &Decimal, decimals: u32) -> Option<u64> {
    let mut digits = d.int.clone();
    digits.push_str(&d.frac);
    for _ in d.frac.len()..decimals as usize {
        digits.push('0');
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() > 20 {
        return None;
    }
    digits.parse::<u64>().ok()
}

/// Formats `amount / scale` as an exact decimal without trailing zeros.
pub(crate) fn format_decimal(amount: u64, scale: u64) -> String {
    let scale = scale.max(1);
    let int = amount / scale;
    let frac = amount % scale;
    if frac == 0 {
        return int.to_string();
    }
    let width = scale.ilog10() as usize;
    let f = format!("{frac:0width$}");
    format!("{int}.{}", f.trim_end_matches('0'))
}

fn parse_small<T: std::str::FromStr>(s: &str) -> Option<T> {
    let s = s.trim();
    if let Ok(v) = s.parse::<T>() {
        return Some(v);
    }
    // Accept `34.0`.
    let (a, b) = s.split_once('.')?;
    if b.bytes().all(|c| c == b'0') {
        a.parse::<T>().ok()
    } else {
        None
    }
}

fn vote_kind(value: &str) -> Option<VoteKind> {
    match value.trim().to_ascii_lowercase().as_str() {
        "approval" | "choose-1" => Some(VoteKind::Approval),
        "cumulative" => Some(VoteKind::Cumulative),
        "scoring" => Some(VoteKind::Scoring),
        "ordinal" => Some(VoteKind::Ordinal),
        _ => None,
    }
}

/// Parses a `.pb` file given as bytes: checks UTF-8 (a BOM is skipped), then [`parse`].
pub fn parse_bytes(bytes: &[u8]) -> Result<(Instance, Profile), PbError> {
    check_size(bytes.len())?;
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => Err(PbError::NotUtf8 {
            offset: e.valid_up_to() as u64,
        }),
    }
}

/// Refuses inputs larger than [`MAX_BYTES`] before any work is done.
fn check_size(bytes: usize) -> Result<(), PbError> {
    if bytes > MAX_BYTES {
        return Err(PbError::TooLarge {
            bytes: bytes as u64,
            limit: MAX_BYTES as u64,
        });
    }
    Ok(())
}

struct RawProject {
    line: u64,
    project: Project,
    cost: Decimal,
}

/// Parses a `.pb` file. Never panics; see `docs/PB.md` for the accepted leniencies.
pub fn parse(text: &str) -> Result<(Instance, Profile), PbError> {
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
                    expected: if expected < 3 {
                        ["section META", "section PROJECTS", "section VOTES"][expected]
                    } else {
                        "no further section"
                    },
                });
            }
            sections.push((pos, r, Vec::new()));
        } else if let Some(last) = sections.last_mut() {
            last.2.push(r);
        } else {
            return Err(PbError::SectionOrder {
                line: r.line,
                found: r.fields[0].trim().to_string(),
                expected: "section META",
            });
        }
    }
    for (i, name) in ORDER.iter().enumerate() {
        if sections.len() <= i {
            return Err(PbError::MissingSection { section: name });
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
        section: "PROJECTS",
        column: "cost",
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
                value: format!("{}.{}", rp.cost.int, rp.cost.frac),
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
        section: "VOTES",
        column: "vote",
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

fn quote(field: &str) -> String {
    let needs = field.contains([';', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn push_row(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.push_str(&row.join(";"));
    out.push('\n');
}

/// Union of extra column names in first-appearance order.
fn extra_columns<'a>(rows: impl Iterator<Item = &'a [(String, String)]>) -> Vec<String> {
    let mut cols: Vec<String> = Vec::new();
    for extra in rows {
        for (k, _) in extra {
            if !cols.contains(k) {
                cols.push(k.clone());
            }
        }
    }
    cols
}

fn extra_value(extra: &[(String, String)], key: &str) -> String {
    extra
        .iter()
        .find(|(k, _)| k == key)
        .map_or_else(|| "none".to_string(), |(_, v)| v.clone())
}

/// Writes a `.pb` file. META keeps the instance's pairs in order; `budget`, `vote_type`,
/// `num_projects`, `num_votes` and the ballot limits are updated (or appended) so that they agree
/// with the data. `parse(&write(i, p))` returns `(i, p)` for parsed files.
#[must_use]
pub fn write(instance: &Instance, profile: &Profile) -> String {
    let scale = instance.scale.max(1);
    let money = |v: u64| format_decimal(v, scale);
    let mut meta = instance.meta.clone();
    let mut set = |key: &str, value: String, keep: &dyn Fn(&str) -> bool| {
        if let Some(pair) = meta.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
            if !keep(&pair.1) {
                pair.1 = value;
            }
        } else {
            meta.push((key.to_string(), value));
        }
    };
    let budget = instance.budget;
    set("budget", money(budget), &|v| {
        parse_decimal(v)
            .and_then(|d| {
                let decimals = scale.ilog10();
                if d.frac.len() as u32 > decimals {
                    None
                } else {
                    scale_decimal(&d, decimals)
                }
            })
            .is_some_and(|b| b == budget)
    });
    let kind = profile.kind;
    set("vote_type", kind.pabulib_name().to_string(), &|v| {
        vote_kind(v) == Some(kind)
    });
    let np = instance.projects.len();
    set("num_projects", np.to_string(), &|v| {
        parse_small::<usize>(v) == Some(np)
    });
    let nv = profile.ballots.len();
    set("num_votes", nv.to_string(), &|v| {
        parse_small::<usize>(v) == Some(nv)
    });
    if let Some(x) = profile.min_length {
        set("min_length", x.to_string(), &|v| {
            parse_small::<u32>(v) == Some(x)
        });
    }
    if let Some(x) = profile.max_length {
        set("max_length", x.to_string(), &|v| {
            parse_small::<u32>(v) == Some(x)
        });
    }
    if let Some(x) = profile.max_sum_cost {
        set("max_sum_cost", money(x), &|v| {
            parse_decimal(v).is_some_and(|d| {
                d.frac.len() as u32 <= scale.ilog10()
                    && scale_decimal(&d, scale.ilog10()) == Some(x)
            })
        });
    }
    if let Some(x) = profile.max_sum_points {
        set("max_sum_points", x.to_string(), &|v| {
            parse_small::<u64>(v) == Some(x)
        });
    }

    let mut out = String::new();
    out.push_str("META\n");
    push_row(&mut out, &["key".into(), "value".into()]);
    for (k, v) in &meta {
        push_row(&mut out, &[k.clone(), v.clone()]);
    }

    out.push_str("PROJECTS\n");
    let has_cat = instance.projects.iter().any(|p| !p.category.is_empty());
    let has_dist = instance.projects.iter().any(|p| p.district.is_some());
    let has_sel = instance.projects.iter().any(|p| p.selected.is_some());
    let extras = extra_columns(instance.projects.iter().map(|p| p.extra.as_slice()));
    let mut header: Vec<String> = vec!["project_id".into(), "cost".into(), "name".into()];
    if has_cat {
        header.push("category".into());
    }
    if has_dist {
        header.push("district".into());
    }
    if has_sel {
        header.push("selected".into());
    }
    header.extend(extras.iter().cloned());
    push_row(&mut out, &header);
    for p in &instance.projects {
        let mut row = vec![p.id.clone(), money(p.cost), p.name.clone()];
        if has_cat {
            row.push(p.category.join(","));
        }
        if has_dist {
            row.push(p.district.clone().unwrap_or_else(|| "none".into()));
        }
        if has_sel {
            row.push(p.selected.map_or_else(|| "none".into(), |s| s.to_string()));
        }
        row.extend(extras.iter().map(|k| extra_value(&p.extra, k)));
        push_row(&mut out, &row);
    }

    out.push_str("VOTES\n");
    let voters = &profile.voters;
    let has_points = matches!(kind, VoteKind::Cumulative | VoteKind::Scoring);
    let has_age = voters.iter().any(|v| v.age.is_some());
    let has_sex = voters.iter().any(|v| v.sex.is_some());
    let has_vdist = voters.iter().any(|v| v.district.is_some());
    let has_method = voters.iter().any(|v| v.voting_method.is_some());
    let vextras = extra_columns(voters.iter().map(|v| v.extra.as_slice()));
    let mut header: Vec<String> = vec!["voter_id".into(), "vote".into()];
    for (flag, name) in [
        (has_points, "points"),
        (has_age, "age"),
        (has_sex, "sex"),
        (has_method, "voting_method"),
        (has_vdist, "district"),
    ] {
        if flag {
            header.push(name.into());
        }
    }
    header.extend(vextras.iter().cloned());
    push_row(&mut out, &header);
    let pid = |p: u32| {
        instance
            .projects
            .get(p as usize)
            .map_or_else(|| p.to_string(), |x| x.id.clone())
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
    for (i, ballot) in profile.ballots.iter().enumerate() {
        let voter = voters.get(i);
        let id = voter.map_or_else(|| i.to_string(), |v| v.id.clone());
        let listed: Vec<String> = ballot.projects().into_iter().map(pid).collect();
        let mut row = vec![id, listed.join(",")];
        if has_points {
            let pts: Vec<String> = match ballot {
                Ballot::Points(v) => v.iter().map(|(_, s)| s.to_string()).collect(),
                _ => ballot.projects().iter().map(|_| "1".to_string()).collect(),
            };
            row.push(pts.join(","));
        }
        if has_age {
            row.push(
                voter
                    .and_then(|v| v.age)
                    .map_or_else(|| "none".into(), |a| a.to_string()),
            );
        }
        if has_sex {
            row.push(voter.map_or_else(|| "none".into(), |v| opt(&v.sex)));
        }
        if has_method {
            row.push(voter.map_or_else(|| "none".into(), |v| opt(&v.voting_method)));
        }
        if has_vdist {
            row.push(voter.map_or_else(|| "none".into(), |v| opt(&v.district)));
        }
        row.extend(
            vextras
                .iter()
                .map(|k| voter.map_or_else(|| "none".into(), |v| extra_value(&v.extra, k))),
        );
        push_row(&mut out, &row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text).into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn csv_follows_python_reader() {
        assert_eq!(
            fields("47;12000;\"Odkupmy\" i my - zakup;x\n"),
            [["47", "12000", "Odkupmy i my - zakup", "x"]]
        );
        assert_eq!(fields("a;\"b;c\";d\r\n"), [["a", "b;c", "d"]]);
        assert_eq!(fields("a;x\"y\"z;q"), [["a", "x\"y\"z", "q"]]);
        assert_eq!(fields("a;\"q\"\"x\";b\n"), [["a", "q\"x", "b"]]);
        assert_eq!(
            fields("a;\"multi\nline\";b\nc\n"),
            [vec!["a", "multi\nline", "b"], vec!["c"]]
        );
        assert_eq!(fields("a;\n\nb"), [vec!["a", ""], vec!["b"]]);
        let recs = records("x\r\ny\n\nz\n");
        assert_eq!(recs.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
    }

    #[test]
    fn decimals_scale_exactly() {
        assert_eq!(format_decimal(12345, 100), "123.45");
        assert_eq!(format_decimal(12300, 100), "123");
        assert_eq!(format_decimal(5, 1000), "0.005");
        let d = parse_decimal("1 234").is_none();
        assert!(d);
        let d = parse_decimal("0012,50").unwrap();
        assert_eq!(scale_decimal(&d, 2), Some(1250));
        assert!(parse_decimal("-5").is_none());
        assert!(parse_decimal("1e5").is_none());
        assert!(parse_decimal(".").is_none());
    }
}
