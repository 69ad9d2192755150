//! The interface language on its own, a leaf of the app's modules (docs/ARCHITECTURE.md), so that
//! the share-link codec (`src/url.rs`) can also be compiled by the fuzz targets in `fuzz/`.

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Danish.
    #[default]
    Da,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in menu order.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 code, also used in `?lang=` and `<html lang>`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// This language's text of a pair: `lang.pick("Danish", "English")`. With the area texts
    /// (`src/i18n/*.rs`: a struct of fixed strings and its `DA` and `EN` values) this is the one way
    /// the app writes a text in both languages: Danish first, English second, side by side.
    #[must_use]
    pub fn pick<T>(self, da: T, en: T) -> T {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// The language with this code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}
