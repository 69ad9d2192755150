//! Texts of the results: attribute and category names, the funnel and representation sentences,
//! the run summary and preset titles.

use dialoglab_engine::Strategy;
use dialoglab_engine::attributes::Attribute;

use super::{Lang, lower};
use crate::format;

impl Lang {
    /// Name of an attribute.
    #[must_use]
    pub fn attribute(self, a: Attribute) -> &'static str {
        match (self, a) {
            (Lang::Da, Attribute::AgeBand) => "Alder",
            (Lang::Da, Attribute::Gender) => "Køn",
            (Lang::Da, Attribute::Occupation) => "Beskæftigelse",
            (Lang::Da, Attribute::Children) => "Skolebørn hjemme",
            (Lang::Da, Attribute::Education) => "Uddannelse",
            (Lang::Da, Attribute::Income) => "Indkomst",
            (Lang::Da, Attribute::Marginalised) => "Socialt udsat",
            (Lang::Da, Attribute::AssociationMember) => "Foreningsmedlem",
            (Lang::Da, Attribute::District) => "Bydel",
            (Lang::En, Attribute::AgeBand) => "Age",
            (Lang::En, Attribute::Gender) => "Gender",
            (Lang::En, Attribute::Occupation) => "Occupation",
            (Lang::En, Attribute::Children) => "School-age children",
            (Lang::En, Attribute::Education) => "Education",
            (Lang::En, Attribute::Income) => "Income",
            (Lang::En, Attribute::Marginalised) => "Marginalised",
            (Lang::En, Attribute::AssociationMember) => "Association member",
            (Lang::En, Attribute::District) => "District",
        }
    }

    /// Name of category `key` of attribute `a` (keys as in the report).
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "one match arm per text, in both languages side by side"
    )]
    pub fn category(self, a: Attribute, key: &str) -> String {
        let s = match (a, key) {
            (Attribute::AgeBand, k) => {
                return format!("{} {}", format::range(k), self.pick("år", "yrs"));
            }
            (Attribute::District, k) => {
                let n = k.trim_start_matches('d');
                return format!("{} {n}", self.pick("Bydel", "District"));
            }
            (Attribute::Gender, "woman") => self.pick("Kvinder", "Women"),
            (Attribute::Gender, _) => self.pick("Mænd", "Men"),
            (Attribute::Occupation, "employed") => self.pick("I arbejde", "Employed"),
            (Attribute::Occupation, "student") => self.pick("Studerende", "Students"),
            (Attribute::Occupation, "retired") => self.pick("Pensionister", "Retired"),
            (Attribute::Occupation, _) => {
                self.pick("Uden for arbejdsmarkedet", "Outside the labour force")
            }
            (Attribute::Education, "basic") => self.pick("Grundskole", "Basic"),
            (Attribute::Education, "vocational") => self.pick("Erhvervsfaglig", "Vocational"),
            (Attribute::Education, _) => self.pick("Videregående", "Higher"),
            (Attribute::Income, "low") => self.pick("Lav", "Low"),
            (Attribute::Income, "middle") => self.pick("Mellem", "Middle"),
            (Attribute::Income, _) => self.pick("Høj", "High"),
            (
                Attribute::Children | Attribute::Marginalised | Attribute::AssociationMember,
                "yes",
            ) => self.pick("Ja", "Yes"),
            (Attribute::Children | Attribute::Marginalised | Attribute::AssociationMember, _) => {
                self.pick("Nej", "No")
            }
        };
        s.to_string()
    }

    /// The representativeness index of a stage, e.g. `Representativeness index – attendees`.
    #[must_use]
    pub fn index_of(self, stage: &str) -> String {
        format!("{} – {}", self.t().index_label, lower(stage))
    }

    /// The citizens of category `key` of attribute `a` (keys as in the report) in words, for
    /// use mid-sentence as a plural noun phrase: `de 67+-årige`, `socialt udsatte`,
    /// `people aged 18–29`, `association members`.
    #[must_use]
    pub fn group_name(self, a: Attribute, key: &str) -> String {
        let fixed = match (a, key) {
            (Attribute::AgeBand, k) => {
                let k = format::range(k);
                return self.pick(format!("de {k}-årige"), format!("people aged {k}"));
            }
            (Attribute::District, k) => {
                let n = k.trim_start_matches('d');
                return self.pick(
                    format!("borgerne i bydel {n}"),
                    format!("residents of district {n}"),
                );
            }
            (Attribute::Gender, "woman") => self.pick("kvinder", "women"),
            (Attribute::Gender, _) => self.pick("mænd", "men"),
            (Attribute::Occupation, "employed") => self.pick("folk i arbejde", "employed people"),
            (Attribute::Occupation, "student") => self.pick("studerende", "students"),
            (Attribute::Occupation, "retired") => self.pick("pensionister", "retired people"),
            (Attribute::Occupation, _) => self.pick(
                "folk uden for arbejdsmarkedet",
                "people outside the labour force",
            ),
            (Attribute::Children, "yes") => self.pick(
                "forældre med skolebørn hjemme",
                "parents of school-age children",
            ),
            (Attribute::Children, _) => self.pick(
                "borgere uden skolebørn hjemme",
                "people without school-age children at home",
            ),
            (Attribute::Education, "basic") => self.pick(
                "borgere med grundskole som uddannelse",
                "people with basic schooling",
            ),
            (Attribute::Education, "vocational") => self.pick(
                "borgere med en erhvervsfaglig uddannelse",
                "people with vocational training",
            ),
            (Attribute::Education, _) => self.pick(
                "borgere med en videregående uddannelse",
                "people with higher education",
            ),
            (Attribute::Income, "low") => {
                self.pick("borgere med lav indkomst", "people on low incomes")
            }
            (Attribute::Income, "middle") => {
                self.pick("borgere med mellemindkomst", "people on middle incomes")
            }
            (Attribute::Income, _) => {
                self.pick("borgere med høj indkomst", "people on high incomes")
            }
            (Attribute::Marginalised, "yes") => {
                self.pick("socialt udsatte", "marginalised citizens")
            }
            (Attribute::Marginalised, _) => self.pick(
                "borgere, der ikke er socialt udsatte",
                "citizens who are not marginalised",
            ),
            (Attribute::AssociationMember, "yes") => {
                self.pick("foreningsmedlemmer", "association members")
            }
            (Attribute::AssociationMember, _) => self.pick(
                "borgere uden for foreningerne",
                "people outside associations",
            ),
        };
        fixed.to_string()
    }

    /// Text alternative of the funnel chart.
    #[must_use]
    pub fn funnel_desc(self, population: u32, invited: u32, attendees: u32) -> String {
        let share = if population == 0 {
            0.0
        } else {
            f64::from(attendees) / f64::from(population)
        };
        let (p, i, a, s) = (
            format::int(self, population.into()),
            format::int(self, invited.into()),
            format::int(self, attendees.into()),
            format::percent(self, share, 1),
        );
        match self {
            Lang::Da => format!(
                "Af {p} borgere blev {i} inviteret eller hørte om mødet, og {a} deltog ({s} af befolkningen)."
            ),
            Lang::En => format!(
                "Of {p} citizens, {i} were invited or heard of the meeting, and {a} attended ({s} of the population)."
            ),
        }
    }

    /// Text alternative of the ratio chart: the most over- and under-represented groups.
    #[must_use]
    pub fn ratio_desc(self, over: (&str, f64), under: (&str, f64), index: f64) -> String {
        let (o, ov) = (over.0, format::dec(self, over.1, 2));
        let (u, uv) = (under.0, format::dec(self, under.1, 2));
        let idx = format::dec(self, index, 2);
        match self {
            Lang::Da => format!(
                "Blandt deltagerne er {o} de mest overrepræsenterede (forhold {ov}) og {u} de mest underrepræsenterede (forhold {uv}). Repræsentativitetsindeks: {idx}."
            ),
            Lang::En => format!(
                "Among attendees, {o} are the most over-represented (ratio {ov}) and {u} the most under-represented (ratio {uv}). Representativeness index: {idx}."
            ),
        }
    }

    /// The one-sentence summary announced after each run.
    #[must_use]
    pub fn run_summary(self, strategy: Strategy, attendees: u32, index: f64) -> String {
        let a = format::int(self, attendees.into());
        let idx = format::dec(self, index, 2);
        let s = self.strategy(strategy);
        match self {
            Lang::Da => format!("{s}: {a} deltagere, repræsentativitetsindeks {idx}."),
            Lang::En => format!("{s}: {a} attendees, representativeness index {idx}."),
        }
    }

    /// Name of a preset, from the engine's bilingual titles.
    #[must_use]
    pub fn preset_title(self, preset: &dialoglab_engine::presets::Preset) -> &'static str {
        match self {
            Lang::Da => preset.title_da,
            Lang::En => preset.title_en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every category of every attribute is a plural noun phrase of its own in both languages
    /// (no `attribute: value` label), with an en dash in age ranges.
    #[test]
    fn every_group_has_a_name_for_a_sentence() {
        for lang in [Lang::Da, Lang::En] {
            let mut seen = Vec::new();
            for a in Attribute::CORE {
                for code in 0..a.category_count(1) {
                    let name = lang.group_name(a, &a.category_key(code as u8));
                    assert!(!name.is_empty() && !name.contains(':'), "{name}");
                    assert!(!seen.contains(&name), "{name} twice");
                    seen.push(name);
                }
            }
            assert_eq!(seen.len(), 4 + 2 + 4 + 2 + 3 + 3 + 2 + 2, "{seen:?}");
        }
        assert_eq!(
            Lang::Da.group_name(Attribute::AgeBand, "18-29"),
            "de 18–29-årige"
        );
        assert_eq!(
            Lang::En.group_name(Attribute::AgeBand, "67+"),
            "people aged 67+"
        );
        assert_eq!(
            Lang::Da.group_name(Attribute::District, "d3"),
            "borgerne i bydel 3"
        );
    }
}
