//! QR code geometry for share links: the dark modules as one SVG path (drawn by the share dialog).

use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

/// A QR code as an SVG path over a square of `size` modules (quiet zone included).
#[derive(Clone, Debug, PartialEq)]
pub struct QrPath {
    /// Side in modules, including a 4-module quiet zone on each side.
    pub size: usize,
    /// `d` attribute with one `h1v1h-1z` square per dark module.
    pub d: String,
}

/// The QR code of `text` (error correction level L, for the shortest code), or `None` when the
/// text is too long for a QR code.
#[must_use]
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for (k, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            let (x, y) = (k % width + 4, k / width + 4);
            let _ = write!(d, "M{x} {y}h1v1h-1z");
        }
    }
    Some(QrPath { size: width + 8, d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_gives_a_square_code_with_finder_patterns() {
        let q =
            qr_path("https://example.org/?v=1&lang=da&preset=faxe-dialogue&budget=250000").unwrap();
        assert_eq!((q.size - 8 - 17) % 4, 0, "QR widths are 17 + 4·version");
        // The top-left finder pattern's corner module is dark.
        assert!(q.d.starts_with("M4 4h1v1h-1z"), "{}", &q.d[..20]);
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }
}
