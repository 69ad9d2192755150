//! The citizen attributes the metrics are computed over, with their stable keys and category keys.

/// A categorical attribute of a citizen. The first eight are the *core* attributes of
/// DESIGN §2.3, over which the representativeness index is averaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attribute {
    /// Age band: 18–29, 30–49, 50–66, 67+.
    AgeBand,
    /// Gender: woman, man.
    Gender,
    /// Occupation: employed, student, retired, outside the labour force.
    Occupation,
    /// School-age children at home: yes, no.
    Children,
    /// Education: basic, vocational, higher.
    Education,
    /// Income tercile: low, middle, high.
    Income,
    /// Marginalised (socially vulnerable or a language barrier): yes, no.
    Marginalised,
    /// Member of at least one association: yes, no.
    AssociationMember,
    /// Home district (not a core attribute: reported, not part of the index).
    District,
}

impl Attribute {
    /// The core attributes, in report order.
    pub const CORE: [Attribute; 8] = [
        Attribute::AgeBand,
        Attribute::Gender,
        Attribute::Occupation,
        Attribute::Children,
        Attribute::Education,
        Attribute::Income,
        Attribute::Marginalised,
        Attribute::AssociationMember,
    ];

    /// Every reported attribute: the core ones, then district.
    pub const ALL: [Attribute; 9] = [
        Attribute::AgeBand,
        Attribute::Gender,
        Attribute::Occupation,
        Attribute::Children,
        Attribute::Education,
        Attribute::Income,
        Attribute::Marginalised,
        Attribute::AssociationMember,
        Attribute::District,
    ];

    /// The stable key used in reports, CSV and links.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Attribute::AgeBand => "age_band",
            Attribute::Gender => "gender",
            Attribute::Occupation => "occupation",
            Attribute::Children => "children",
            Attribute::Education => "education",
            Attribute::Income => "income",
            Attribute::Marginalised => "marginalised",
            Attribute::AssociationMember => "association_member",
            Attribute::District => "district",
        }
    }

    /// The attribute with this key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Whether the attribute counts towards the representativeness index.
    #[must_use]
    pub fn is_core(self) -> bool {
        self != Attribute::District
    }

    /// Number of categories (`districts` is the scenario's number of districts).
    #[must_use]
    pub fn category_count(self, districts: u8) -> usize {
        match self {
            Attribute::AgeBand | Attribute::Occupation => 4,
            Attribute::Education | Attribute::Income => 3,
            Attribute::Gender
            | Attribute::Children
            | Attribute::Marginalised
            | Attribute::AssociationMember => 2,
            Attribute::District => usize::from(districts.max(1)),
        }
    }

    /// The stable key of category `code`.
    #[must_use]
    pub fn category_key(self, code: u8) -> String {
        let fixed: &[&str] = match self {
            Attribute::AgeBand => &AGE_BANDS,
            Attribute::Gender => &["woman", "man"],
            Attribute::Occupation => &["employed", "student", "retired", "outside"],
            Attribute::Education => &["basic", "vocational", "higher"],
            Attribute::Income => &["low", "middle", "high"],
            Attribute::Children | Attribute::Marginalised | Attribute::AssociationMember => {
                &["yes", "no"]
            }
            Attribute::District => return format!("d{}", u32::from(code) + 1),
        };
        fixed
            .get(usize::from(code))
            .map_or_else(String::new, |s| (*s).to_string())
    }
}

/// Age band keys, youngest first.
pub const AGE_BANDS: [&str; 4] = ["18-29", "30-49", "50-66", "67+"];

/// Occupation codes.
pub mod occupation {
    /// In work.
    pub const EMPLOYED: u8 = 0;
    /// In education.
    pub const STUDENT: u8 = 1;
    /// Retired.
    pub const RETIRED: u8 = 2;
    /// Outside the labour force (unemployed, on benefits, at home).
    pub const OUTSIDE: u8 = 3;
}

/// The town's structure by age band (rows 18–29, 30–49, 50–66, 67+; docs/MODEL.md §1): data
/// about who lives there, like `population.age_shares`, not a coefficient of a mechanism. Faxe's
/// approximately (Statistics Denmark, rough; not checked cell by cell). Occupation: the shares
/// employed, in education, retired and outside the labour force.
pub const OCCUPATION_BY_AGE: [[f64; 4]; 4] = [
    [0.58, 0.34, 0.0, 0.08],
    [0.85, 0.03, 0.0, 0.12],
    [0.72, 0.0, 0.10, 0.18],
    [0.06, 0.0, 0.94, 0.0],
];

/// Share with school-age children at home, by age band (see [`OCCUPATION_BY_AGE`]).
pub const CHILDREN_BY_AGE: [f64; 4] = [0.12, 0.55, 0.18, 0.01];

/// Shares with basic, vocational and higher education, by age band (see [`OCCUPATION_BY_AGE`]).
pub const EDUCATION_BY_AGE: [[f64; 3]; 4] = [
    [0.35, 0.30, 0.35],
    [0.18, 0.40, 0.42],
    [0.25, 0.45, 0.30],
    [0.38, 0.40, 0.22],
];

/// Kind of association of the members (sports, nature, residents', social), by age band (see
/// [`OCCUPATION_BY_AGE`]).
pub const ASSOCIATION_KINDS_BY_AGE: [[f64; 4]; 4] = [
    [0.50, 0.20, 0.15, 0.15],
    [0.50, 0.20, 0.15, 0.15],
    [0.30, 0.25, 0.25, 0.20],
    [0.15, 0.25, 0.25, 0.35],
];

/// The two-valued attributes use 0 = yes, 1 = no, so that "yes" comes first in reports.
pub const YES: u8 = 0;
/// See [`YES`].
pub const NO: u8 = 1;

/// Kinds of association a member belongs to (0 = none).
pub const ASSOCIATION_KINDS: [&str; 5] = ["none", "sports", "nature", "residents", "social"];

/// Project categories that citizens weigh (preferences) and that proposals belong to.
pub const PROJECT_CATEGORIES: [&str; 6] = [
    "green_areas",
    "children_schools",
    "elderly",
    "culture_sports",
    "social_inclusion",
    "roads_infrastructure",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_categories_are_named() {
        for a in Attribute::ALL {
            assert_eq!(Attribute::from_key(a.key()), Some(a));
            for c in 0..a.category_count(5) {
                assert!(!a.category_key(c as u8).is_empty(), "{a:?} {c}");
            }
        }
        assert_eq!(Attribute::District.category_key(2), "d3");
        assert!(Attribute::CORE.iter().all(|a| a.is_core()));
    }
}
