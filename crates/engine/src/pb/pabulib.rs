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

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use super::{Ballot, Instance, Profile, Project, VoteKind, Voter};

/// Largest `.pb` file the reader accepts, in bytes (50 MB). Reading takes about 8 bytes of memory
/// per byte of file (a generated 49.9 MB file peaked at 391 MB natively, MES included), more than a
/// browser tab can count on for bigger files; real pabulib files are far smaller. See
/// `docs/ROBUSTNESS.md`.
pub const MAX_BYTES: usize = 50_000_000;

/// Everything that can be wrong with a `.pb` file. Line numbers are 1-based and point at the
/// start of the offending record. Plain serde data (kebab-case variant names), so the page can show
/// an error from the worker in its own language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
        section: Cow<'static, str>,
    },
    /// Sections out of order, repeated, or data before the first section.
    SectionOrder {
        /// Line of the problem.
        line: u64,
        /// What was found.
        found: String,
        /// What was expected there.
        expected: Cow<'static, str>,
    },
    /// A section lacks a required column.
    MissingColumn {
        /// Line of the header.
        line: u64,
        /// Section name.
        section: Cow<'static, str>,
        /// Required column.
        column: Cow<'static, str>,
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

/// Where a field ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// At a `;`: the record goes on.
    Semicolon,
    /// At a line break or the end of the input: the record is complete.
    Record,
}

/// Splits text into `;`-separated records the way Python's `csv.reader` does (double quotes,
/// doubled inner quotes, quoted newlines; a quote closing early continues as plain text).
///
/// Works on bytes: every byte it looks for is ASCII, so fields are slices of the text at
/// character boundaries. An unquoted field is borrowed from the text; only a quoted one is copied.
/// The record's field vector is reused, so reading allocates nothing per line.
struct Records<'a> {
    text: &'a str,
    pos: usize,
    /// Line of the byte at `pos` (1-based).
    line: u64,
}

impl<'a> Records<'a> {
    fn new(text: &'a str) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The next record into `fields` (cleared first); returns the line it starts on, or `None` at
    /// the end. Blank lines give no record; a line of spaces gives one (callers skip it).
    fn next_into(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<u64> {
        fields.clear();
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b == b'\n' || b == b'\r' {
                self.newline();
            } else {
                break;
            }
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let line = self.line;
        loop {
            let end = if bytes[self.pos..].first() == Some(&b'"') {
                self.quoted(fields)
            } else {
                let start = self.pos;
                let end = self.plain_end(start);
                fields.push(Cow::Borrowed(&self.text[start..end]));
                self.finish(end)
            };
            if end == End::Record {
                return Some(line);
            }
        }
    }

    /// An estimate of the records left, for reserving room: the `\n` after the current position
    /// that some text follows (blank lines make no record), at most one per four bytes (`1;2\n`; a
    /// shorter row only makes the vectors grow as usual).
    fn lines_left(&self) -> usize {
        let rest = &self.text.as_bytes()[self.pos..];
        let lines = rest
            .windows(2)
            .filter(|w| w[0] == b'\n' && w[1] != b'\n' && w[1] != b'\r')
            .count();
        lines.min(rest.len() / 4)
    }

    /// First `;`, `\n` or `\r` at or after `from` (or the end).
    fn plain_end(&self, from: usize) -> usize {
        self.text.as_bytes()[from..]
            .iter()
            .position(|&b| b == b';' || b == b'\n' || b == b'\r')
            .map_or(self.text.len(), |k| from + k)
    }

    /// Consumes the separator at `at` (a `;`, a line break, or the end of the input).
    fn finish(&mut self, at: usize) -> End {
        self.pos = at;
        match self.text.as_bytes().get(at) {
            Some(b';') => {
                self.pos += 1;
                End::Semicolon
            }
            Some(_) => {
                self.newline();
                End::Record
            }
            None => End::Record,
        }
    }

    /// Consumes a line break outside quotes at `pos`: `\r\n` counts as one. (As the reader always
    /// has: a `\r\n` directly followed by `\n` does not advance the line count; the `\n` does.)
    fn newline(&mut self) {
        let bytes = self.text.as_bytes();
        if bytes[self.pos] == b'\r' && bytes.get(self.pos + 1) == Some(&b'\n') {
            self.pos += 2;
            if bytes.get(self.pos) != Some(&b'\n') {
                self.line += 1;
            }
        } else {
            self.pos += 1;
            self.line += 1;
        }
    }

    /// A field starting with `"` at `pos`: doubled quotes are one quote, line breaks are kept, and
    /// text after the closing quote continues the field as plain text.
    fn quoted(&mut self, fields: &mut Vec<Cow<'a, str>>) -> End {
        let bytes = self.text.as_bytes();
        let mut field = String::new();
        self.pos += 1;
        loop {
            // Inside quotes: everything up to the next quote.
            let start = self.pos;
            let Some(k) = bytes[start..].iter().position(|&b| b == b'"') else {
                field.push_str(&self.text[start..]);
                self.count_quoted_lines(start, bytes.len());
                self.pos = bytes.len();
                fields.push(Cow::Owned(field));
                return End::Record;
            };
            let close = start + k;
            field.push_str(&self.text[start..close]);
            self.count_quoted_lines(start, close);
            self.pos = close + 1;
            // After a quote inside quotes.
            match bytes.get(self.pos) {
                Some(b'"') => {
                    field.push('"');
                    self.pos += 1;
                }
                Some(b';' | b'\n' | b'\r') | None => {
                    fields.push(Cow::Owned(field));
                    return self.finish(self.pos);
                }
                Some(_) => {
                    let end = self.plain_end(self.pos);
                    field.push_str(&self.text[self.pos..end]);
                    fields.push(Cow::Owned(field));
                    return self.finish(end);
                }
            }
        }
    }

    /// Counts the line breaks inside quotes in `from..to`: every `\n` and every `\r` not followed
    /// by `\n`.
    fn count_quoted_lines(&mut self, from: usize, to: usize) {
        let bytes = self.text.as_bytes();
        for i in from..to {
            if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
    }
}

/// Trimmed field `i`, `None` when absent or `none` (any case).
fn get<S: AsRef<str>>(fields: &[S], i: usize) -> Option<&str> {
    let v = fields.get(i)?.as_ref().trim();
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

/// A hasher for the reader's lookups (project ids, voter ids): FNV-1a over the bytes, then a
/// final mix. Keys are only looked up, never iterated, so the order of the tables cannot reach a
/// result; and no OS randomness is involved (`std`'s default hasher seeds itself from the OS).
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        let z = (self.0 ^ (self.0 >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z ^ (z >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xCBF2_9CE4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        self.0 = h;
    }
}

type IdBuild = BuildHasherDefault<IdHasher>;

/// An id of at most 7 bytes packed into an integer (its bytes and its length), so that looking
/// it up hashes one word and compares integers instead of strings. Real files' project and voter
/// ids are short (`1003`, `c21`, `17-1001`).
fn short_key(id: &str) -> Option<u64> {
    let bytes = id.as_bytes();
    if bytes.len() > 7 {
        return None;
    }
    Some(
        bytes
            .iter()
            .enumerate()
            .fold((bytes.len() as u64) << 56, |k, (i, &b)| {
                k | u64::from(b) << (8 * i)
            }),
    )
}

/// Ids mapped to values: short ids by [`short_key`], longer ones by their text.
struct IdTable<'a, V> {
    short: HashMap<u64, V, IdBuild>,
    long: HashMap<Cow<'a, str>, V, IdBuild>,
}

impl<V: Copy> Default for IdTable<'_, V> {
    fn default() -> Self {
        IdTable {
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<'a, V: Copy> IdTable<'a, V> {
    fn get(&self, id: &str) -> Option<V> {
        match short_key(id) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(id).copied(),
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Inserts `id`; false (and the table unchanged) when it is already there.
    fn insert(&mut self, id: Cow<'a, str>, value: V) -> bool {
        match short_key(&id) {
            Some(k) => match self.short.entry(k) {
                Entry::Occupied(_) => false,
                Entry::Vacant(e) => {
                    e.insert(value);
                    true
                }
            },
            None => match self.long.entry(id) {
                Entry::Occupied(_) => false,
                Entry::Vacant(e) => {
                    e.insert(value);
                    true
                }
            },
        }
    }

    fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }
}

/// Calls `f` with each comma-separated piece of `list`, trimmed, skipping empty pieces (as
/// `list.split(',').map(str::trim).filter(|p| !p.is_empty())`, in one scan of the bytes).
fn for_each_piece<'s>(
    list: &'s str,
    mut f: impl FnMut(&'s str) -> Result<(), PbError>,
) -> Result<(), PbError> {
    let bytes = list.as_bytes();
    let mut start = 0;
    loop {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b',')
            .map_or(bytes.len(), |k| start + k);
        let mut piece = &list[start..end];
        // Only a piece that starts or ends with a control or space byte (ASCII white space) or a
        // non-ASCII byte (other Unicode white space) can need trimming.
        let edge = |b: Option<&u8>| b.is_some_and(|&b| b <= b' ' || b >= 0x80);
        if edge(piece.as_bytes().first()) || edge(piece.as_bytes().last()) {
            piece = piece.trim();
        }
        if !piece.is_empty() {
            f(piece)?;
        }
        if end == bytes.len() {
            return Ok(());
        }
        start = end + 1;
    }
}

/// The field trimmed, still borrowed from the text when it was.
fn trimmed<'a>(field: &Cow<'a, str>) -> Cow<'a, str> {
    match field {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

struct RawProject {
    line: u64,
    project: Project,
    cost: Decimal,
    /// The cost as written, for an error message.
    cost_text: String,
}

/// The columns of a section header, trimmed.
fn header_of(fields: &[Cow<'_, str>]) -> Vec<String> {
    fields.iter().map(|f| f.trim().to_string()).collect()
}

/// What the reader has taken from META (once the PROJECTS title is reached).
struct Meta {
    kind: VoteKind,
    budget: Decimal,
    budget_line: u64,
    budget_text: String,
    max_sum_cost: Option<Decimal>,
}

/// The PROJECTS section while it is read.
#[derive(Default)]
struct ProjectsSection<'a> {
    header: Option<Vec<String>>,
    cost_col: usize,
    name_col: Option<usize>,
    cat_col: Option<usize>,
    dist_col: Option<usize>,
    sel_col: Option<usize>,
    raw: Vec<RawProject>,
    index: IdTable<'a, u32>,
}

/// The VOTES section while it is read.
struct VotesSection<'a> {
    header: Option<Vec<String>>,
    vote_col: usize,
    points_col: Option<usize>,
    age_col: Option<usize>,
    sex_col: Option<usize>,
    dist_col: Option<usize>,
    method_col: Option<usize>,
    ballots: Vec<Ballot>,
    voters: Vec<Voter>,
    seen: IdTable<'a, ()>,
}

/// The reader's state between records. Sections are processed as they stream by; the first
/// problem in their content is kept (`failed`) while the rest of the file is still scanned for
/// section-structure problems, which are reported first, as a reader that splits the file into
/// sections before looking at them would.
struct Reader<'a> {
    /// Sections seen so far (0 – 3).
    sections: usize,
    /// Line of each section title.
    title_lines: [u64; 3],
    /// Rows of the current section seen so far (the first is its header).
    rows: u64,
    failed: Option<PbError>,
    meta: Vec<(String, String)>,
    meta_lines: Vec<u64>,
    meta_done: Option<Meta>,
    projects: ProjectsSection<'a>,
    /// Scale exponent and scaled projects, once the VOTES title is reached.
    money: Option<(u32, u64, Vec<Project>)>,
    votes: VotesSection<'a>,
}

impl<'a> Reader<'a> {
    fn meta_get(&self, k: &str) -> Option<(u64, &str)> {
        self.meta
            .iter()
            .zip(&self.meta_lines)
            .find(|((key, _), _)| key.eq_ignore_ascii_case(k))
            .map(|((_, v), l)| (*l, v.as_str()))
    }

    /// One row of the current section (not a title).
    fn row(&mut self, line: u64, fields: &[Cow<'a, str>]) -> Result<(), PbError> {
        self.rows += 1;
        match self.sections {
            1 => {
                if self.rows > 1 {
                    self.meta_row(line, fields);
                }
                Ok(())
            }
            2 => self.project_row(line, fields),
            _ => self.vote_row(line, fields),
        }
    }

    fn meta_row(&mut self, line: u64, fields: &[Cow<'a, str>]) {
        let key = fields[0].trim();
        if key.is_empty() || key.eq_ignore_ascii_case("none") {
            return;
        }
        let value = match get(fields, 1) {
            Some(v) => v.to_string(),
            None if fields.len() < 2 => String::new(),
            None => return,
        };
        self.meta.push((key.to_string(), value));
        self.meta_lines.push(line);
    }

    /// At the PROJECTS title: budget, vote type and `max_sum_cost` from META.
    fn end_meta(&mut self) -> Result<(), PbError> {
        let (budget_line, budget_text) = self.meta_get("budget").ok_or(PbError::BudgetMissing)?;
        let budget = parse_decimal(budget_text).ok_or_else(|| PbError::BudgetInvalid {
            line: budget_line,
            value: budget_text.to_string(),
        })?;
        let kind = match self.meta_get("vote_type") {
            None => VoteKind::Approval,
            Some((line, v)) => vote_kind(v).ok_or_else(|| PbError::UnknownVoteType {
                line,
                value: v.to_string(),
            })?,
        };
        let max_sum_cost = self
            .meta_get("max_sum_cost")
            .and_then(|(_, v)| parse_decimal(v));
        self.meta_done = Some(Meta {
            kind,
            budget_line,
            budget_text: budget_text.to_string(),
            budget,
            max_sum_cost,
        });
        Ok(())
    }

    fn project_header(&mut self, fields: &[Cow<'a, str>]) -> Result<(), PbError> {
        let header = header_of(fields);
        let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let p = &mut self.projects;
        p.cost_col = col("cost").ok_or(PbError::MissingColumn {
            line: self.title_lines[1] + 1,
            section: Cow::Borrowed("PROJECTS"),
            column: Cow::Borrowed("cost"),
        })?;
        p.name_col = col("name");
        p.cat_col = col("category");
        p.dist_col = col("district");
        p.sel_col = col("selected");
        p.header = Some(header);
        Ok(())
    }

    fn project_row(&mut self, line: u64, fields: &[Cow<'a, str>]) -> Result<(), PbError> {
        if self.rows == 1 {
            return self.project_header(fields);
        }
        let p = &mut self.projects;
        let header = p.header.as_deref().unwrap_or_default();
        let id_cow = trimmed(&fields[0]);
        let id = id_cow.as_ref();
        if p.index.contains(id) {
            return Err(PbError::DuplicateProject {
                line,
                project: id.to_string(),
            });
        }
        let cost_text = get(fields, p.cost_col).unwrap_or("");
        let cost = parse_decimal(cost_text).ok_or_else(|| PbError::InvalidCost {
            line,
            project: id.to_string(),
            value: cost_text.to_string(),
        })?;
        let mut project = Project::new(id, 0);
        if let Some(c) = p.name_col {
            project.name = get(fields, c).unwrap_or("").to_string();
        }
        if let Some(c) = p.cat_col {
            project.category = get(fields, c)
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
        }
        if let Some(c) = p.dist_col {
            project.district = get(fields, c).map(str::to_string);
        }
        if let Some(c) = p.sel_col
            && let Some(v) = get(fields, c)
        {
            project.selected = Some(parse_small::<u8>(v).ok_or_else(|| PbError::InvalidField {
                line,
                column: header[c].clone(),
                value: v.to_string(),
            })?);
        }
        for (c, h) in header.iter().enumerate().skip(1) {
            if Some(c) == p.name_col
                || c == p.cost_col
                || Some(c) == p.cat_col
                || Some(c) == p.dist_col
                || Some(c) == p.sel_col
            {
                continue;
            }
            if let Some(v) = get(fields, c) {
                project.extra.push((h.clone(), v.to_string()));
            }
        }
        let at = p.raw.len() as u32;
        p.index.insert(id_cow.clone(), at);
        p.raw.push(RawProject {
            line,
            project,
            cost,
            cost_text: cost_text.to_string(),
        });
        Ok(())
    }

    /// At the VOTES title: the money scale (enough decimals for every amount) and exact costs.
    fn end_projects(&mut self) -> Result<(), PbError> {
        if self.projects.header.is_none() {
            self.project_header(&[])?;
        }
        let meta = self.meta_done.as_ref().ok_or(PbError::BudgetMissing)?;
        let raw = std::mem::take(&mut self.projects.raw);
        let decimals = raw
            .iter()
            .map(|p| p.cost.frac.len())
            .chain([meta.budget.frac.len()])
            .chain(meta.max_sum_cost.iter().map(|d| d.frac.len()))
            .max()
            .unwrap_or(0) as u32;
        if decimals > 18 {
            return Err(PbError::MoneyTooPrecise { decimals });
        }
        let budget =
            scale_decimal(&meta.budget, decimals).ok_or_else(|| PbError::BudgetInvalid {
                line: meta.budget_line,
                value: meta.budget_text.clone(),
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
        self.money = Some((decimals, budget, projects));
        Ok(())
    }

    fn vote_header(&mut self, fields: &[Cow<'a, str>]) -> Result<(), PbError> {
        let header = header_of(fields);
        let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let v = &mut self.votes;
        v.vote_col = col("vote").ok_or(PbError::MissingColumn {
            line: self.title_lines[2] + 1,
            section: Cow::Borrowed("VOTES"),
            column: Cow::Borrowed("vote"),
        })?;
        v.points_col = col("points");
        v.age_col = col("age");
        v.sex_col = col("sex");
        v.dist_col = col("district");
        v.method_col = col("voting_method");
        v.header = Some(header);
        Ok(())
    }

    fn vote_row(&mut self, line: u64, fields: &[Cow<'a, str>]) -> Result<(), PbError> {
        if self.rows == 1 {
            return self.vote_header(fields);
        }
        let kind = self
            .meta_done
            .as_ref()
            .map_or(VoteKind::Approval, |m| m.kind);
        let index = &self.projects.index;
        let v = &mut self.votes;
        let header = v.header.as_deref().unwrap_or_default();
        let id = trimmed(&fields[0]);
        // One probe: a new id is entered at once (an error ends the reading anyway).
        if !v.seen.insert(id.clone(), ()) {
            return Err(PbError::DuplicateVoter {
                line,
                voter: id.into_owned(),
            });
        }
        let vote = get(fields, v.vote_col).unwrap_or("");
        let mut listed = Vec::with_capacity(1 + vote.bytes().filter(|&b| b == b',').count());
        for_each_piece(vote, |piece| {
            let p = index.get(piece).ok_or_else(|| PbError::UnknownProject {
                line,
                voter: id.to_string(),
                project: piece.to_string(),
            })?;
            listed.push(p);
            Ok(())
        })?;
        let ballot = match kind {
            VoteKind::Approval => Ballot::Approval(listed),
            VoteKind::Ordinal => Ballot::Ranking(listed),
            VoteKind::Cumulative | VoteKind::Scoring => {
                let text = v.points_col.and_then(|c| get(fields, c)).unwrap_or("");
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
                            line,
                            voter: id.into_owned(),
                            votes: listed.len() as u64,
                            points: pts.len() as u64,
                        });
                    }
                    let mut scored = Vec::with_capacity(listed.len());
                    for (p, s) in listed.into_iter().zip(pts) {
                        let s = parse_small::<u64>(s).ok_or_else(|| PbError::InvalidPoints {
                            line,
                            voter: id.to_string(),
                            value: s.to_string(),
                        })?;
                        scored.push((p, s));
                    }
                    Ballot::Points(scored)
                }
            }
        };
        let mut voter = Voter::anonymous(id.as_ref());
        voter.age = v
            .age_col
            .and_then(|c| get(fields, c))
            .and_then(parse_small::<u16>);
        voter.sex = v.sex_col.and_then(|c| get(fields, c)).map(str::to_string);
        voter.district = v.dist_col.and_then(|c| get(fields, c)).map(str::to_string);
        voter.voting_method = v
            .method_col
            .and_then(|c| get(fields, c))
            .map(str::to_string);
        for (c, h) in header.iter().enumerate().skip(1) {
            if c == v.vote_col
                || Some(c) == v.points_col
                || Some(c) == v.age_col
                || Some(c) == v.sex_col
                || Some(c) == v.dist_col
                || Some(c) == v.method_col
            {
                continue;
            }
            if let Some(x) = get(fields, c) {
                voter.extra.push((h.clone(), x.to_string()));
            }
        }
        v.ballots.push(ballot);
        v.voters.push(voter);
        Ok(())
    }

    /// Room for about `n` voters (an upper bound from the line breaks left in the file).
    fn reserve_votes(&mut self, n: usize) {
        let v = &mut self.votes;
        v.ballots.reserve(n);
        v.voters.reserve(n);
        v.seen.reserve(n);
    }

    /// A section title at `line`; `pos` is its place in META, PROJECTS, VOTES.
    fn title(&mut self, line: u64, pos: usize) -> Result<(), PbError> {
        self.title_lines[pos] = line;
        self.sections = pos + 1;
        self.rows = 0;
        match pos {
            1 => self.end_meta(),
            2 => self.end_projects(),
            _ => Ok(()),
        }
    }

    /// After the last record: the instance and the profile.
    fn finish(mut self) -> Result<(Instance, Profile), PbError> {
        if self.votes.header.is_none() {
            self.vote_header(&[])?;
        }
        let (decimals, budget, projects) = self.money.take().ok_or(PbError::BudgetMissing)?;
        let max_sum_cost = self
            .meta_done
            .as_ref()
            .and_then(|m| m.max_sum_cost.as_ref())
            .and_then(|d| scale_decimal(d, decimals));
        let kind = self
            .meta_done
            .as_ref()
            .map_or(VoteKind::Approval, |m| m.kind);
        let meta_u32 = |k: &str| self.meta_get(k).and_then(|(_, v)| parse_small::<u32>(v));
        let min_length = meta_u32("min_length");
        let max_length = meta_u32("max_length");
        let max_sum_points = self
            .meta_get("max_sum_points")
            .and_then(|(_, v)| parse_small::<u64>(v));
        let profile = Profile {
            kind,
            ballots: self.votes.ballots,
            voters: self.votes.voters,
            min_length,
            max_length,
            max_sum_cost,
            max_sum_points,
        };
        let instance = Instance {
            projects,
            budget,
            scale: 10u64.pow(decimals),
            meta: self.meta,
        };
        Ok((instance, profile))
    }
}

/// Parses a `.pb` file. Never panics; see `docs/PB.md` for the accepted leniencies.
///
/// One pass over the text: records are split on bytes, fields are borrowed from the text, rows
/// are turned into projects and ballots as they are read (project ids are looked up in a hash
/// table built once from PROJECTS), and the first problem is reported as described in
/// [`PbError`] (section structure first, then the sections' content in file order).
pub fn parse(text: &str) -> Result<(Instance, Profile), PbError> {
    const ORDER: [&str; 3] = ["META", "PROJECTS", "VOTES"];
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records::new(text);
    let mut fields: Vec<Cow<'_, str>> = Vec::new();
    let mut any = false;
    let mut reader = Reader {
        sections: 0,
        title_lines: [0; 3],
        rows: 0,
        failed: None,
        meta: Vec::new(),
        meta_lines: Vec::new(),
        meta_done: None,
        projects: ProjectsSection::default(),
        money: None,
        votes: VotesSection {
            header: None,
            vote_col: 0,
            points_col: None,
            age_col: None,
            sex_col: None,
            dist_col: None,
            method_col: None,
            ballots: Vec::new(),
            voters: Vec::new(),
            seen: IdTable::default(),
        },
    };
    while let Some(line) = records.next_into(&mut fields) {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        any = true;
        let first = fields[0].trim();
        if let Some(pos) = ORDER.iter().position(|s| first.eq_ignore_ascii_case(s)) {
            if pos != reader.sections {
                return Err(PbError::SectionOrder {
                    line,
                    found: first.to_ascii_uppercase(),
                    expected: Cow::Borrowed(if reader.sections < 3 {
                        ["section META", "section PROJECTS", "section VOTES"][reader.sections]
                    } else {
                        "no further section"
                    }),
                });
            }
            if reader.failed.is_none() {
                if let Err(e) = reader.title(line, pos) {
                    reader.failed = Some(e);
                } else if pos == 2 {
                    reader.reserve_votes(records.lines_left());
                }
            } else {
                reader.sections = pos + 1;
            }
        } else if reader.sections == 0 {
            return Err(PbError::SectionOrder {
                line,
                found: first.to_string(),
                expected: Cow::Borrowed("section META"),
            });
        } else if reader.failed.is_none()
            && let Err(e) = reader.row(line, &fields)
        {
            reader.failed = Some(e);
        }
    }
    if !any {
        return Err(PbError::Empty);
    }
    if reader.sections < 3 {
        return Err(PbError::MissingSection {
            section: Cow::Borrowed(ORDER[reader.sections]),
        });
    }
    if let Some(e) = reader.failed {
        return Err(e);
    }
    reader.finish()
}

/// A `.pb` field: CSV quoting with `;`, and quoted also when it starts or ends with white space
/// (which Python's reader would otherwise keep or strip differently).
fn quote(field: &str) -> String {
    if field.starts_with(char::is_whitespace) || field.ends_with(char::is_whitespace) {
        crate::csv::quoted(field)
    } else {
        crate::csv::field(field, ';').into_owned()
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
#[allow(
    clippy::too_many_lines,
    reason = "the writer: the three sections in file order, in one place"
)]
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
#[path = "pabulib_reference.rs"]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    fn records_of(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut records = Records::new(text);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = records.next_into(&mut fields) {
            out.push((line, fields.iter().map(ToString::to_string).collect()));
        }
        out
    }

    fn fields(text: &str) -> Vec<Vec<String>> {
        records_of(text).into_iter().map(|r| r.1).collect()
    }

    fn reference_records(text: &str) -> Vec<(u64, Vec<String>)> {
        reference::records(text)
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
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
        let lines = |t: &str| records_of(t).iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(lines("x\r\ny\n\nz\n"), [1, 2, 4]);
        // A quoted line break belongs to its record; the next record starts on the next line.
        assert_eq!(lines("a;\"1\n2\"\nb\r\rc"), [1, 3, 5]);
        // As the reader always counted: `\r\n` directly followed by `\n` is one line break.
        assert_eq!(lines("a\r\n\nb"), [1, 2]);
    }

    #[test]
    fn pieces_are_split_and_trimmed_as_split_and_trim_would() {
        for list in [
            "",
            ",",
            "a",
            "a,b",
            " a , b ,",
            ",,x,,",
            "\u{a0}x\u{a0},\ty\n",
            "é,ü ",
            "a,\u{1}b",
        ] {
            let mut got = Vec::new();
            for_each_piece(list, |p| {
                got.push(p);
                Ok(())
            })
            .unwrap();
            let want: Vec<&str> = list
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            assert_eq!(got, want, "{list:?}");
        }
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

    /// The committed fuzz seeds: the small Częstochowa file and the first 3 kB of the other
    /// pabulib files in `crates/engine/tests/data/pabulib` (the repository's copies; see
    /// `docs/ROBUSTNESS.md`).
    fn seed_files() -> Vec<Vec<u8>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/pb");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fuzz/seeds/pb")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| std::fs::read(p).expect("seed"))
            .collect()
    }

    #[test]
    fn the_byte_reader_returns_what_the_reference_returns_on_the_seed_files() {
        let seeds = seed_files();
        assert!(seeds.len() >= 5, "{} seed files", seeds.len());
        for bytes in seeds {
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(records_of(&text), reference_records(&text));
            assert_eq!(parse(&text), reference::parse(&text));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod differential {
        use super::*;
        use proptest::prelude::*;

        const PB_LINES: [&str; 34] = [
            "META",
            "meta",
            "PROJECTS",
            "VOTES",
            "Votes ",
            "key;value",
            "budget;100",
            "budget;1,5",
            "budget;x",
            "budget;0.125",
            "vote_type;cumulative",
            "vote_type;ordinal",
            "vote_type;scoring",
            "vote_type;nope",
            "max_sum_cost;7.5",
            "min_length;1",
            "project_id;cost;name;selected;votes",
            "project_id;cost",
            "project_id;name",
            "1;10;a;1;5",
            "2;5,5;\"b;c\";0",
            "3;none;x",
            "1;-3",
            "2;7;\"q\"\"x\";2;",
            "voter_id;vote;points;age;sex;extra",
            "voter_id;vote",
            "v1;1,2;3,4;34.0;F;e",
            "v2;1;x",
            "v3;9",
            "v1;",
            "\"open",
            "",
            "none;none",
            "v4;1, 2;5;;M",
        ];
        const ENDS: [&str; 4] = ["\n", "\r\n", "\r", "\r\n\n"];

        proptest! {
            // A failing case is saved in `crates/engine/proptest-regressions/pb/pabulib.txt`
            // (proptest's default place for `src/` files), to be committed.
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn pieces_agree_with_split_and_trim(s in "[a1, \t\u{a0}\u{85}é]{0,24}") {
                let mut got = Vec::new();
                for_each_piece(&s, |p| {
                    got.push(p.to_string());
                    Ok(())
                })
                .unwrap();
                let want: Vec<String> = s
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect();
                prop_assert_eq!(got, want);
            }

            #[test]
            fn records_agree_on_csv_like_text(s in "[a;\"\r\n ,]{0,40}") {
                prop_assert_eq!(records_of(&s), reference_records(&s));
            }

            #[test]
            fn parse_agrees_on_pb_shaped_text(
                lines in proptest::collection::vec((0..PB_LINES.len(), 0..ENDS.len()), 0..40)
            ) {
                let mut text = String::new();
                for (l, e) in lines {
                    text.push_str(PB_LINES[l]);
                    text.push_str(ENDS[e]);
                }
                prop_assert_eq!(parse(&text), reference::parse(&text));
            }

            #[test]
            fn parse_agrees_on_mutated_seed_files(
                file in 0usize..64,
                edits in proptest::collection::vec((any::<u32>(), 0u8..3, any::<u8>()), 1..20),
            ) {
                let files = seed_files();
                let mut bytes = files[file % files.len()].clone();
                for (pos, op, byte) in edits {
                    if bytes.is_empty() {
                        break;
                    }
                    let i = pos as usize % bytes.len();
                    let byte = [b';', b'"', b'\n', b'\r', b',', b'x', b'0', byte][byte as usize % 8];
                    match op {
                        0 => bytes[i] = byte,
                        1 => bytes.insert(i, byte),
                        _ => {
                            bytes.remove(i);
                        }
                    }
                }
                let text = String::from_utf8_lossy(&bytes);
                prop_assert_eq!(parse(&text), reference::parse(&text));
            }
        }
    }
}
