//! Chart geometry: pure scales and ticks (unit-tested), QR geometry, and the Okabe–Ito palette.

pub mod kinds;
pub mod meeting;
pub mod qr;
pub mod scale;
pub mod sweep;
pub mod town;

/// Okabe–Ito colour-blind-safe palette.
pub mod palette {
    /// Orange.
    pub const ORANGE: &str = "#E69F00";
    /// Bluish green.
    pub const GREEN: &str = "#009E73";
    /// Blue.
    pub const BLUE: &str = "#0072B2";
    /// Reddish purple.
    pub const PURPLE: &str = "#CC79A7";
    /// Vermillion.
    pub const VERMILLION: &str = "#D55E00";
    /// Grey for the population.
    pub const GREY: &str = "#6B6B6B";
}
