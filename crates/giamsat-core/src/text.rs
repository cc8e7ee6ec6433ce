//! Text the way Vietnamese, English and French readers write it: names compared without
//! diacritics, content in three languages with fallbacks, and numbers read and written by each
//! language's conventions (`36.539` and `9,63` in Vietnamese, `36,539` and `9.63` in English,
//! `36 539` and `9,63` in French).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A language of the interface and of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Vi,
    En,
    Fr,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Vi, Language::En, Language::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
            Language::Fr => "fr",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a supported language: use vi, en or fr")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;
    fn from_str(text: &str) -> Result<Language, UnknownLanguage> {
        let primary = text.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "vi" => Ok(Language::Vi),
            "en" => Ok(Language::En),
            "fr" => Ok(Language::Fr),
            _ => Err(UnknownLanguage(text.to_owned())),
        }
    }
}

/// The text in Unicode NFC, the form giamsat stores.
pub fn nfc(text: &str) -> String {
    // Most text arrives composed already; checking is several times cheaper than composing.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text.to_owned();
    }
    text.nfc().collect()
}

/// A key for comparing names without regard to diacritics, case, Unicode form or spacing:
/// "Bắc Ninh", "Bac Ninh", "BẮC  NINH" and the NFD spelling all give "bac ninh". Tone marks
/// placed in the old or new style (Thuỷ, Thủy) fold alike because all marks are dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut push = |c: char| {
        if !c.is_ascii() && is_combining_mark(c) {
            return;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' => out.push('d'),
            _ => out.push(c),
        }
    };
    let lower = text.to_lowercase();
    // Names are folded at every mention a report makes; ASCII needs no decomposing.
    if lower.is_ascii() {
        lower.chars().for_each(&mut push);
    } else {
        // Lowercasing first, then decomposing, drops the marks that lowercasing can add
        // (İ → i̇).
        lower.nfd().for_each(&mut push);
    }
    out
}

/// Content in up to three languages. Reading a language that is missing falls back to
/// Vietnamese, then English, then French, so that a name is never blank when one exists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Translations {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Translations {
    pub fn vi(text: &str) -> Translations {
        Translations::default().with(Language::Vi, text)
    }

    /// Sets one language's text, stored in NFC; blank text removes it.
    pub fn with(mut self, language: Language, text: &str) -> Translations {
        let text = text.trim();
        *self.slot(language) = (!text.is_empty()).then(|| nfc(text));
        self
    }

    fn slot(&mut self, language: Language) -> &mut Option<String> {
        match language {
            Language::Vi => &mut self.vi,
            Language::En => &mut self.en,
            Language::Fr => &mut self.fr,
        }
    }

    /// The text in exactly this language, if present.
    pub fn exact(&self, language: Language) -> Option<&str> {
        match language {
            Language::Vi => self.vi.as_deref(),
            Language::En => self.en.as_deref(),
            Language::Fr => self.fr.as_deref(),
        }
    }

    /// The text in this language, or the best fallback.
    pub fn get(&self, language: Language) -> &str {
        std::iter::once(language)
            .chain(Language::ALL)
            .find_map(|l| self.exact(l))
            .unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        Language::ALL.iter().all(|l| self.exact(*l).is_none())
    }

    /// Whether any language's text folds to the same key as `query`.
    pub fn matches_folded(&self, folded_query: &str) -> bool {
        Language::ALL
            .iter()
            .filter_map(|l| self.exact(*l))
            .any(|t| fold(t) == folded_query)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("no number given")]
    Empty,
    #[error("\"{text}\" is not a number")]
    NotANumber { text: String },
    #[error(
        "\"{text}\": in {language} the decimal separator is \"{decimal}\" and thousands are grouped by three with \"{group}\""
    )]
    BadGrouping {
        text: String,
        language: &'static str,
        decimal: &'static str,
        group: &'static str,
    },
    #[error("\"{text}\" is too large")]
    TooLarge { text: String },
}

struct NumberStyle {
    decimal: char,
    /// Characters accepted as thousands separators when reading.
    groups: &'static [char],
    /// The separator written.
    group_out: &'static str,
    percent_out: &'static str,
    name: &'static str,
    decimal_name: &'static str,
    group_name: &'static str,
}

fn style(language: Language) -> NumberStyle {
    match language {
        Language::Vi => NumberStyle {
            decimal: ',',
            groups: &['.'],
            group_out: ".",
            percent_out: "%",
            name: "Vietnamese",
            decimal_name: ",",
            group_name: ".",
        },
        Language::En => NumberStyle {
            decimal: '.',
            groups: &[','],
            group_out: ",",
            percent_out: "%",
            name: "English",
            decimal_name: ".",
            group_name: ",",
        },
        Language::Fr => NumberStyle {
            decimal: ',',
            groups: &[' ', '\u{a0}', '\u{202f}', '\u{2009}'],
            // CLDR writes French thousands and the space before % with a narrow no-break space.
            group_out: "\u{202f}",
            percent_out: "\u{202f}%",
            name: "French",
            decimal_name: ",",
            group_name: "a space",
        },
    }
}

/// The largest magnitude of a figure: a billion billion, a thousand times a year of Vietnam's
/// GDP in đồng. Anything larger is a typing or a client's mistake, not a figure.
pub const LARGEST_FIGURE: f64 = 1e18;

/// Reads a number written by `language`'s conventions. A leading sign (`-`, `−`, `+`) and a
/// trailing `%` are accepted; thousands separators must group by three. `2.658` is 2658 in
/// Vietnamese and 2.658 in English: the language decides.
pub fn parse_number(text: &str, language: Language) -> Result<f64, NumberError> {
    let style = style(language);
    let trimmed = text.trim();
    let body = trimmed
        .strip_suffix('%')
        .map(|b| b.trim_end_matches(|c: char| c.is_whitespace()))
        .unwrap_or(trimmed);
    if body.is_empty() {
        return Err(NumberError::Empty);
    }
    let not_a_number = || NumberError::NotANumber {
        text: trimmed.to_owned(),
    };
    let bad_grouping = || NumberError::BadGrouping {
        text: trimmed.to_owned(),
        language: style.name,
        decimal: style.decimal_name,
        group: style.group_name,
    };
    let (negative, unsigned) = match body.chars().next() {
        Some('-' | '−') => (true, &body[body.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &body[1..]),
        _ => (false, body),
    };
    let (integer, fraction) = match unsigned.split_once(style.decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    if let Some(f) = fraction
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(if f.contains(style.groups) || f.contains(style.decimal) {
            bad_grouping()
        } else {
            not_a_number()
        });
    }
    let groups: Vec<&str> = integer.split(style.groups).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        let foreign = integer.contains(['.', ',', ' ', '\u{a0}', '\u{202f}']);
        return Err(if foreign {
            bad_grouping()
        } else {
            not_a_number()
        });
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(bad_grouping());
    }
    let mut plain: String = groups.concat();
    if let Some(f) = fraction {
        plain.push('.');
        plain.push_str(f);
    }
    let value: f64 = plain.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() || value > LARGEST_FIGURE {
        return Err(NumberError::TooLarge {
            text: trimmed.to_owned(),
        });
    }
    Ok(if negative { -value } else { value })
}

/// Writes a number with `decimals` places by `language`'s conventions.
pub fn format_number(value: f64, decimals: u8, language: Language) -> String {
    let style = style(language);
    if !value.is_finite() {
        return "—".to_owned();
    }
    let fixed = format!("{:.*}", usize::from(decimals), value.abs());
    let (integer, fraction) = match fixed.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (fixed.as_str(), None),
    };
    let is_zero = fixed.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::with_capacity(fixed.len() + 8);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    let digits = integer.len();
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push_str(style.group_out);
        }
        out.push(digit);
    }
    if let Some(f) = fraction {
        out.push(style.decimal);
        out.push_str(f);
    }
    out
}

/// Writes a percentage (`9,63%`, `9.63%`, `9,63 %`).
pub fn format_percent(value: f64, decimals: u8, language: Language) -> String {
    let mut out = format_number(value, decimals, language);
    out.push_str(style(language).percent_out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_names_alike() {
        let key = fold("Bắc Ninh");
        assert_eq!(key, "bac ninh");
        for spelling in [
            "Bac Ninh",
            "BẮC NINH",
            "  bắc   ninh ",
            &"Bắc Ninh".nfd().collect::<String>(),
        ] {
            assert_eq!(fold(spelling), key, "{spelling}");
        }
        assert_eq!(fold("Thuỷ"), fold("Thủy"));
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Trần Minh Lực"), fold("Tran Minh Luc"));
    }

    #[test]
    fn translations_fall_back() {
        let t = Translations::vi("Sở Công Thương")
            .with(Language::En, "Department of Industry and Trade");
        assert_eq!(t.get(Language::En), "Department of Industry and Trade");
        assert_eq!(t.get(Language::Fr), "Sở Công Thương");
        let en_only = Translations::default().with(Language::En, "Only English");
        assert_eq!(en_only.get(Language::Vi), "Only English");
        assert!(Translations::vi("  ").is_empty());
        let nfd: String = "Nghệ An".nfd().collect();
        assert_eq!(Translations::vi(&nfd).get(Language::Vi), "Nghệ An");
    }

    #[test]
    fn reads_numbers_by_the_language_of_the_text() {
        use Language::*;
        for (text, language, value) in [
            ("36.539", Vi, 36539.0),
            ("9,63", Vi, 9.63),
            ("9,63%", Vi, 9.63),
            ("2.658", Vi, 2658.0),
            ("2.658", En, 2.658),
            ("36,539", En, 36539.0),
            ("9.63%", En, 9.63),
            ("36 539", Fr, 36539.0),
            ("36\u{202f}539", Fr, 36539.0),
            ("9,63 %", Fr, 9.63),
            ("−3,1", Vi, -3.1),
            ("-1.27", En, -1.27),
            ("+1,62", Fr, 1.62),
            ("1.234.567,5", Vi, 1234567.5),
            ("892.3", En, 892.3),
            ("0", Vi, 0.0),
        ] {
            assert_eq!(
                parse_number(text, language),
                Ok(value),
                "{text} in {language}"
            );
        }
    }

    #[test]
    fn rejects_numbers_written_in_another_convention() {
        use Language::*;
        assert!(matches!(
            parse_number("1.5", Vi),
            Err(NumberError::BadGrouping { .. })
        ));
        assert!(matches!(
            parse_number("36.539", Fr),
            Err(NumberError::BadGrouping { .. })
        ));
        assert!(matches!(
            parse_number("9,63", En),
            Err(NumberError::BadGrouping { .. })
        ));
        assert!(matches!(
            parse_number("12,34,567", En),
            Err(NumberError::BadGrouping { .. })
        ));
        assert!(matches!(
            parse_number("abc", En),
            Err(NumberError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_number("1e5", En),
            Err(NumberError::NotANumber { .. })
        ));
        assert_eq!(parse_number(" ", En), Err(NumberError::Empty));
        assert_eq!(parse_number("%", En), Err(NumberError::Empty));
        let message = parse_number("1.5", Vi).expect_err("bad").to_string();
        assert!(message.contains("decimal separator is \",\""), "{message}");
    }

    #[test]
    fn writes_numbers_by_the_readers_language() {
        use Language::*;
        assert_eq!(format_number(36539.0, 0, Vi), "36.539");
        assert_eq!(format_number(36539.0, 0, En), "36,539");
        assert_eq!(format_number(36539.0, 0, Fr), "36\u{202f}539");
        assert_eq!(format_percent(9.63, 2, Vi), "9,63%");
        assert_eq!(format_percent(9.63, 2, En), "9.63%");
        assert_eq!(format_percent(9.63, 2, Fr), "9,63\u{202f}%");
        assert_eq!(format_number(-1234567.891, 2, En), "-1,234,567.89");
        assert_eq!(format_number(-0.001, 2, En), "0.00");
        assert_eq!(format_number(999.5, 0, En), "1,000");
        assert_eq!(format_number(f64::NAN, 0, En), "—");
    }

    fn any_language() -> impl Strategy<Value = Language> {
        prop::sample::select(Language::ALL.to_vec())
    }

    #[test]
    fn a_number_beyond_any_figure_is_too_large_not_malformed() {
        let huge = format!("{}", 1.797e308_f64);
        assert!(matches!(
            parse_number(&huge, Language::En),
            Err(NumberError::TooLarge { .. })
        ));
        assert!(parse_number("1000000000000000000", Language::En).is_ok());
        assert!(matches!(
            parse_number("-1000000000000000001000", Language::En),
            Err(NumberError::TooLarge { .. })
        ));
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(value in -1e12f64..1e12, decimals in 0u8..4, language in any_language()) {
            let written = format_number(value, decimals, language);
            let read = parse_number(&written, language).map_err(|e| TestCaseError::fail(format!("{written}: {e}")))?;
            let rounded: f64 = format!("{:.*}", usize::from(decimals), value).parse().expect("std float");
            prop_assert!((read - rounded).abs() <= rounded.abs() * 1e-15, "{} read as {}, want {}", written, read, rounded);
        }

        #[test]
        fn number_parser_never_panics(text in "\\PC{0,20}", language in any_language()) {
            let _ = parse_number(&text, language);
        }

        #[test]
        fn number_parser_never_panics_on_near_misses(text in "[-+−]?[0-9.,  ]{0,12}%?", language in any_language()) {
            let _ = parse_number(&text, language);
        }

        #[test]
        fn fold_is_idempotent(text in "\\PC{0,20}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
        }
    }
}
