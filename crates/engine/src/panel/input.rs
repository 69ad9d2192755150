//! The selection software's input format: `categories.csv` (category, feature, min, max) and
//! `respondents.csv` (one row per pool member, one column per category, optional household
//! column), parsed into a [`Pool`] with errors that name the file, line and value at fault.

use std::collections::BTreeMap;

use super::PanelError;

/// Largest accepted input file, in bytes.
pub const MAX_BYTES: usize = 64 << 20;
/// Largest accepted pool.
pub const MAX_RESPONDENTS: usize = 200_000;

/// One feature of a quota category with its quota on the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feature {
    /// The feature's value as written in `respondents.csv` (for example `female`).
    pub name: String,
    /// At least this many panel members have the feature.
    pub min: u32,
    /// At most this many panel members have the feature.
    pub max: u32,
}

/// A quota category (a column of `respondents.csv`) with its features, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// The category's name, the header of its column in `respondents.csv`.
    pub name: String,
    /// Its features in the order of `categories.csv`.
    pub features: Vec<Feature>,
}

/// A pool of respondents with their features and the quotas on the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pool {
    /// The quota categories, in the order of their first row in `categories.csv`.
    pub categories: Vec<Category>,
    /// Feature index of respondent `i` in category `c` at `i * categories.len() + c`.
    pub features: Vec<u16>,
    /// Household of each respondent (an index into the distinct household values), `None` when
    /// the household column is absent or the cell is empty.
    pub households: Vec<Option<u32>>,
    /// Number of respondents.
    pub len: u32,
}

impl Pool {
    /// Builds a pool from categories and, per respondent, its feature index in each category.
    ///
    /// # Errors
    /// [`PanelError::Csv`] when a respondent has the wrong number of values or an index out of
    /// range, [`PanelError::MinAboveMax`] for a quota whose minimum exceeds its maximum.
    pub fn new(
        categories: Vec<Category>,
        rows: &[Vec<u16>],
        households: Vec<Option<u32>>,
    ) -> Result<Self, PanelError> {
        for c in &categories {
            for f in &c.features {
                if f.min > f.max {
                    return Err(PanelError::MinAboveMax {
                        category: c.name.clone(),
                        feature: f.name.clone(),
                        min: f.min,
                        max: f.max,
                    });
                }
            }
        }
        if rows.len() > MAX_RESPONDENTS {
            return Err(PanelError::TooLarge {
                what: "respondents".into(),
                limit: MAX_RESPONDENTS as u64,
            });
        }
        let mut features = Vec::with_capacity(rows.len() * categories.len());
        for (i, row) in rows.iter().enumerate() {
            if row.len() != categories.len()
                || row
                    .iter()
                    .zip(&categories)
                    .any(|(&v, c)| usize::from(v) >= c.features.len())
            {
                return Err(PanelError::Csv {
                    file: "respondents".into(),
                    line: i as u64 + 2,
                    message: "a feature index is missing or out of range".into(),
                });
            }
            features.extend_from_slice(row);
        }
        let households = if households.is_empty() {
            vec![None; rows.len()]
        } else {
            households
        };
        if households.len() != rows.len() {
            return Err(PanelError::Csv {
                file: "respondents".into(),
                line: 1,
                message: "one household per respondent is needed".into(),
            });
        }
        Ok(Self {
            categories,
            features,
            households,
            len: rows.len() as u32,
        })
    }

    /// Feature index of respondent `i` in category `c`.
    #[must_use]
    pub fn feature(&self, i: u32, c: usize) -> u16 {
        self.features[i as usize * self.categories.len() + c]
    }

    /// Number of respondents with each feature, per category.
    #[must_use]
    pub fn counts(&self) -> Vec<Vec<u32>> {
        let mut counts: Vec<Vec<u32>> = self
            .categories
            .iter()
            .map(|c| vec![0; c.features.len()])
            .collect();
        for i in 0..self.len {
            for (c, row) in counts.iter_mut().enumerate() {
                row[usize::from(self.feature(i, c))] += 1;
            }
        }
        counts
    }

    /// Whether any two respondents share a household.
    #[must_use]
    pub fn has_households(&self) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        self.households.iter().flatten().any(|h| !seen.insert(*h))
    }
}

/// Splits one CSV line into trimmed fields (RFC 4180 quotes: `"a, b"` and `""` inside quotes).
fn fields(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            '"' if cur.trim().is_empty() => {
                cur.clear();
                quoted = true;
            }
            ',' if !quoted => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(ch),
        }
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    out.push(cur.trim().to_string());
    Ok(out)
}

/// The non-blank lines of a file with their 1-based line numbers (a UTF-8 BOM is skipped).
fn lines(text: &str) -> impl Iterator<Item = (u64, &str)> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(k, l)| (k as u64 + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

/// Parses `categories.csv`: a header with the columns `category`, `feature` (or `name`), `min` and
/// `max` in any order, then one row per feature.
///
/// # Errors
/// A [`PanelError`] naming the line and what is wrong.
pub fn parse_categories(text: &str) -> Result<Vec<Category>, PanelError> {
    const FILE: &str = "categories";
    if text.len() > MAX_BYTES {
        return Err(PanelError::TooLarge {
            what: "bytes in categories.csv".into(),
            limit: MAX_BYTES as u64,
        });
    }
    let mut it = lines(text);
    let (_, head) = it.next().ok_or(PanelError::Empty { file: FILE.into() })?;
    let header = fields(head).map_err(|message| PanelError::Csv {
        file: FILE.into(),
        line: 1,
        message,
    })?;
    let need = |names: &[&str], column_name: &'static str| {
        column(&header, names).ok_or(PanelError::MissingColumn {
            file: FILE.into(),
            column: column_name.to_string(),
        })
    };
    let (cc, fc, minc, maxc) = (
        need(&["category"], "category")?,
        need(&["feature", "name", "value"], "feature")?,
        need(&["min"], "min")?,
        need(&["max"], "max")?,
    );
    let mut categories: Vec<Category> = Vec::new();
    for (line, l) in it {
        let row = fields(l).map_err(|message| PanelError::Csv {
            file: FILE.into(),
            line,
            message,
        })?;
        let get = |k: usize| row.get(k).map_or("", String::as_str);
        let number = |k: usize, name: &str| {
            get(k).parse::<u32>().map_err(|_| PanelError::Csv {
                file: FILE.into(),
                line,
                message: format!("{name} must be a whole number ≥ 0, found »{}«", get(k)),
            })
        };
        let (category, feature) = (get(cc), get(fc));
        if category.is_empty() || feature.is_empty() {
            return Err(PanelError::Csv {
                file: FILE.into(),
                line,
                message: "the category and the feature must not be empty".into(),
            });
        }
        let (min, max) = (number(minc, "min")?, number(maxc, "max")?);
        if min > max {
            return Err(PanelError::MinAboveMax {
                category: category.into(),
                feature: feature.into(),
                min,
                max,
            });
        }
        let k = if let Some(k) = categories.iter().position(|c| c.name == category) {
            k
        } else {
            categories.push(Category {
                name: category.into(),
                features: Vec::new(),
            });
            categories.len() - 1
        };
        let features = &mut categories[k].features;
        if features.iter().any(|f| f.name == feature) {
            return Err(PanelError::Csv {
                file: FILE.into(),
                line,
                message: format!("feature »{feature}« of category »{category}« appears twice"),
            });
        }
        if features.len() >= usize::from(u16::MAX) {
            return Err(PanelError::TooLarge {
                what: "features in one category".into(),
                limit: u64::from(u16::MAX),
            });
        }
        features.push(Feature {
            name: feature.into(),
            min,
            max,
        });
    }
    if categories.is_empty() {
        return Err(PanelError::Empty { file: FILE.into() });
    }
    Ok(categories)
}

/// Parses `respondents.csv` against `categories`: a header naming (at least) every category, then
/// one row per respondent. Other columns are ignored, except the household column `household`
/// (when present; `household` may also name another column): respondents with the same non-empty
/// value there share a household, and at most one of them may sit on a panel.
///
/// # Errors
/// A [`PanelError`] naming the line, category and value at fault.
pub fn parse_respondents(
    text: &str,
    categories: Vec<Category>,
    household: Option<&str>,
) -> Result<Pool, PanelError> {
    const FILE: &str = "respondents";
    if text.len() > MAX_BYTES {
        return Err(PanelError::TooLarge {
            what: "bytes in respondents.csv".into(),
            limit: MAX_BYTES as u64,
        });
    }
    let mut it = lines(text);
    let (_, head) = it.next().ok_or(PanelError::Empty { file: FILE.into() })?;
    let header = fields(head).map_err(|message| PanelError::Csv {
        file: FILE.into(),
        line: 1,
        message,
    })?;
    let cols = categories
        .iter()
        .map(|c| {
            column(&header, &[c.name.as_str()]).ok_or_else(|| PanelError::MissingColumn {
                file: FILE.into(),
                column: c.name.clone(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let hcol = match household {
        Some(name) => Some(
            column(&header, &[name]).ok_or_else(|| PanelError::MissingColumn {
                file: FILE.into(),
                column: name.to_string(),
            })?,
        ),
        None => column(&header, &["household"]),
    };
    let mut rows = Vec::new();
    let mut households = Vec::new();
    let mut ids: BTreeMap<String, u32> = BTreeMap::new();
    for (line, l) in it {
        if rows.len() >= MAX_RESPONDENTS {
            return Err(PanelError::TooLarge {
                what: "respondents".into(),
                limit: MAX_RESPONDENTS as u64,
            });
        }
        let row = fields(l).map_err(|message| PanelError::Csv {
            file: FILE.into(),
            line,
            message,
        })?;
        let mut values = Vec::with_capacity(categories.len());
        for (c, &k) in categories.iter().zip(&cols) {
            let value = row.get(k).map_or("", String::as_str);
            let f = c
                .features
                .iter()
                .position(|f| f.name == value)
                .ok_or_else(|| PanelError::UnknownFeature {
                    line,
                    category: c.name.clone(),
                    value: value.to_string(),
                })?;
            values.push(f as u16);
        }
        rows.push(values);
        let h = hcol
            .and_then(|k| row.get(k))
            .filter(|v| !v.is_empty())
            .map(|v| {
                let next = ids.len() as u32;
                *ids.entry(v.clone()).or_insert(next)
            });
        households.push(h);
    }
    if rows.is_empty() {
        return Err(PanelError::Empty { file: FILE.into() });
    }
    Pool::new(categories, &rows, households)
}

/// Parses both files into a pool.
///
/// # Errors
/// As [`parse_categories`] and [`parse_respondents`].
pub fn parse(
    categories_csv: &str,
    respondents_csv: &str,
    household: Option<&str>,
) -> Result<Pool, PanelError> {
    parse_respondents(
        respondents_csv,
        parse_categories(categories_csv)?,
        household,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATS: &str = "category,feature,min,max\ngender,female,1,2\ngender,male,1,2\nage,young,0,3\nage,old,1,3\n";

    #[test]
    fn parses_quoted_fields_and_households() {
        let pool = parse(
            CATS,
            "id,gender,age,household\n1,female,young,a\n2,\"male\",old,a\n3,male,\"young\",\n",
            None,
        )
        .unwrap();
        assert_eq!(pool.len, 3);
        assert_eq!(pool.feature(1, 0), 1);
        assert_eq!(pool.feature(2, 1), 0);
        assert_eq!(pool.households, vec![Some(0), Some(0), None]);
        assert!(pool.has_households());
        assert_eq!(pool.counts(), vec![vec![1, 2], vec![2, 1]]);
        assert_eq!(
            fields(r#"a, "b, ""c""" ,d"#).unwrap(),
            vec!["a", "b, \"c\"", "d"]
        );
    }

    #[test]
    fn bad_input_names_what_is_wrong() {
        let unknown = parse(CATS, "gender,age\nfemale,middle\n", None).unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "respondents.csv line 2: »middle« is not a feature of category »age« in categories.csv"
        );
        let missing = parse(CATS, "gender\nfemale\n", None).unwrap_err();
        assert!(missing.to_string().contains("»age«"), "{missing}");
        let bad = parse_categories("category,feature,min,max\ngender,female,x,2\n").unwrap_err();
        assert!(bad.to_string().contains("line 2"), "{bad}");
        let order = parse_categories("category,feature,min,max\ngender,female,3,2\n").unwrap_err();
        assert!(order.to_string().contains("female"), "{order}");
        assert!(parse_categories("").is_err());
        assert!(parse_categories("category,feature,min\n").is_err());
        assert!(fields("\"open").is_err());
    }
}
