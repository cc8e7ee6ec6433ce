//! Documents (*văn bản*) and their numbers (*số ký hiệu*).
//!
//! Party documents are written `21-NQ/TU` and State documents `123/QĐ-UBND` or, when
//! normative, `30/2020/NĐ-CP`; the press mixes the two (`21/NQ-TU`) and drops diacritics
//! (`96-QD/TW`). [`DocumentNumber::parse`] reads every spelling into one value, written back in
//! the form its issuer uses. A number is unique only with its issuing body and year, so the
//! key of a document ([`DocumentKey`]) carries the year and the store pairs it with the body.
//!
//! The National Assembly and its Standing Committee write no type in the number, only the
//! legislature: *Nghị quyết số 98/2023/QH15*. Such a number is read as a resolution, which is
//! what giamsat follows of theirs (they set the national five-year targets).

use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::text::{Language, fold};

/// The type of a document, from the code in its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DocumentType {
    /// NQ, *nghị quyết*.
    Resolution,
    /// QĐ, *quyết định* or *quy định*.
    Decision,
    /// KL, *kết luận*.
    Conclusion,
    /// CT, *chỉ thị*.
    Directive,
    /// KH, *kế hoạch*.
    Plan,
    /// TB, *thông báo*.
    Notice,
    /// HD, *hướng dẫn*.
    Guidance,
    /// BC, *báo cáo*.
    Report,
    /// CTr, *chương trình*.
    Programme,
    /// NĐ, *nghị định*.
    Decree,
    /// TT, *thông tư*.
    Circular,
}

impl DocumentType {
    pub const ALL: [DocumentType; 11] = [
        DocumentType::Resolution,
        DocumentType::Decision,
        DocumentType::Conclusion,
        DocumentType::Directive,
        DocumentType::Plan,
        DocumentType::Notice,
        DocumentType::Guidance,
        DocumentType::Report,
        DocumentType::Programme,
        DocumentType::Decree,
        DocumentType::Circular,
    ];

    /// The code as written in a number, with its diacritics.
    pub fn code(self) -> &'static str {
        match self {
            DocumentType::Resolution => "NQ",
            DocumentType::Decision => "QĐ",
            DocumentType::Conclusion => "KL",
            DocumentType::Directive => "CT",
            DocumentType::Plan => "KH",
            DocumentType::Notice => "TB",
            DocumentType::Guidance => "HD",
            DocumentType::Report => "BC",
            DocumentType::Programme => "CTr",
            DocumentType::Decree => "NĐ",
            DocumentType::Circular => "TT",
        }
    }

    fn from_code(code: &str) -> Option<DocumentType> {
        // Reading a report parses a number at every reference: the codes' keys are made once.
        static KEYS: LazyLock<Vec<(String, DocumentType)>> = LazyLock::new(|| {
            DocumentType::ALL
                .into_iter()
                .map(|t| (ascii_key(t.code()), t))
                .collect()
        });
        let folded = ascii_key(code);
        KEYS.iter().find(|(key, _)| *key == folded).map(|(_, t)| *t)
    }

    /// The English name, for messages; pages translate through the interface's messages.
    pub fn name_en(self) -> &'static str {
        match self {
            DocumentType::Resolution => "resolution",
            DocumentType::Decision => "decision",
            DocumentType::Conclusion => "conclusion",
            DocumentType::Directive => "directive",
            DocumentType::Plan => "plan",
            DocumentType::Notice => "notice",
            DocumentType::Guidance => "guidance",
            DocumentType::Report => "report",
            DocumentType::Programme => "programme",
            DocumentType::Decree => "decree",
            DocumentType::Circular => "circular",
        }
    }
}

/// Issuers whose documents are numbered the Party way, `21-NQ/TU`.
const PARTY_ISSUERS: [&str; 7] = ["TW", "TU", "HU", "ĐU", "QU", "BCT", "BBT"];

/// Issuer codes not written in plain uppercase ASCII, so that `HDND`, `DU` or `TTG` read as
/// the same code as `HĐND`, `ĐU` and `TTg`.
const ISSUERS_WITH_OWN_SPELLING: [&str; 3] = ["HĐND", "ĐU", "TTg"];

/// A parsed document number: its sequence number, optional year, type and issuer code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocumentNumber {
    number: u32,
    year: Option<u16>,
    doc_type: DocumentType,
    issuer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentNumberError {
    #[error("the document number is empty")]
    Empty,
    #[error(
        "\"{text}\" does not start with a number: write it like 21-NQ/TU, 123/QĐ-UBND or 30/2020/NĐ-CP"
    )]
    NoNumber { text: String },
    #[error("\"{text}\": {number} is not a usable sequence number (it must be 1 to 99999)")]
    BadNumber { text: String, number: String },
    #[error(
        "\"{text}\" has no type and issuer: write it like 21-NQ/TU, 123/QĐ-UBND or 30/2020/NĐ-CP"
    )]
    NoTypeOrIssuer { text: String },
    #[error(
        "\"{text}\": \"{code}\" is not a document type; known types are NQ, QĐ, KL, CT, KH, TB, HD, BC, CTr, NĐ, TT"
    )]
    UnknownType { text: String, code: String },
    #[error("\"{text}\": the issuer code is missing after the type {code}")]
    NoIssuer { text: String, code: String },
    #[error("\"{text}\": \"{issuer}\" is not an issuer code (letters only, such as TU, UBND, CP)")]
    BadIssuer { text: String, issuer: String },
    #[error("\"{text}\": the year {year} is not plausible for a document")]
    BadYear { text: String, year: String },
}

impl DocumentNumber {
    /// Reads a number in any of the spellings above. Spaces around separators, `–`/`—` for
    /// `-`, lowercase letters and dropped diacritics are accepted. The prefix `số` or `No.` is
    /// ignored.
    pub fn parse(text: &str) -> Result<DocumentNumber, DocumentNumberError> {
        let original = text.trim();
        if original.is_empty() {
            return Err(DocumentNumberError::Empty);
        }
        let nfc = crate::text::nfc(original);
        let normalised: String = nfc
            .chars()
            .map(|c| match c {
                '–' | '—' | '‑' => '-',
                _ => c,
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        let body = strip_number_prefix(&normalised);
        let owned = || original.to_owned();

        let digits_end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        if digits_end == 0 {
            return Err(DocumentNumberError::NoNumber { text: owned() });
        }
        let number_text = &body[..digits_end];
        let number = number_text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=99_999).contains(n))
            .ok_or_else(|| DocumentNumberError::BadNumber {
                text: owned(),
                number: number_text.to_owned(),
            })?;
        let mut rest = &body[digits_end..];
        if rest.is_empty() || !(rest.starts_with('/') || rest.starts_with('-')) {
            return Err(DocumentNumberError::NoTypeOrIssuer { text: owned() });
        }
        rest = &rest[1..];

        // A year between the number and the type: 30/2020/NĐ-CP.
        let mut year = None;
        if let Some((head, tail)) = rest.split_once('/')
            && head.len() == 4
            && head.bytes().all(|b| b.is_ascii_digit())
        {
            let y: u16 = head.parse().unwrap_or(0);
            if !(1945..=2199).contains(&y) {
                return Err(DocumentNumberError::BadYear {
                    text: owned(),
                    year: head.to_owned(),
                });
            }
            year = Some(y);
            rest = tail;
        }

        // The legislature's form, with a year and no type: 98/2023/QH15.
        if year.is_some() && is_legislature(rest) {
            return Ok(DocumentNumber {
                number,
                year,
                doc_type: DocumentType::Resolution,
                issuer: rest.to_ascii_uppercase(),
            });
        }

        // What is left is TYPE/ISSUER or TYPE-ISSUER; issuers may hold more dashes (QĐ-UBND-X
        // is not a thing, but HĐND-CP is not either), so split at the first separator only.
        let split = rest.find(['/', '-']);
        let (type_code, issuer) = match split {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        if type_code.is_empty() {
            return Err(DocumentNumberError::NoTypeOrIssuer { text: owned() });
        }
        let doc_type =
            DocumentType::from_code(type_code).ok_or_else(|| DocumentNumberError::UnknownType {
                text: owned(),
                code: type_code.to_owned(),
            })?;
        if issuer.is_empty() {
            return Err(DocumentNumberError::NoIssuer {
                text: owned(),
                code: doc_type.code().to_owned(),
            });
        }
        // Issuer codes are Vietnamese abbreviations: Latin letters, possibly with Vietnamese
        // diacritics (HĐND, TƯ), and dashes between parts.
        let latin_letter = |c: char| {
            let folded = fold(c.encode_utf8(&mut [0; 4]));
            // One letter in upper case too: 'ǰ' is 'J' and a loose caron there, which would
            // not read back as an issuer.
            folded.len() == 1
                && folded.bytes().all(|b| b.is_ascii_lowercase())
                && c.to_uppercase().count() == 1
        };
        let letters = || {
            issuer.chars().all(|c| c == '-' || latin_letter(c))
                && !issuer.ends_with('-')
                && !issuer.contains("--")
        };
        if !(letters() || is_legislature(issuer)) {
            return Err(DocumentNumberError::BadIssuer {
                text: owned(),
                issuer: issuer.to_owned(),
            });
        }
        Ok(DocumentNumber {
            number,
            year,
            doc_type,
            issuer: canonical_issuer(issuer),
        })
    }

    pub fn number(&self) -> u32 {
        self.number
    }

    pub fn year(&self) -> Option<u16> {
        self.year
    }

    pub fn doc_type(&self) -> DocumentType {
        self.doc_type
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Whether the issuer numbers its documents the Party way.
    pub fn is_party(&self) -> bool {
        PARTY_ISSUERS.contains(&self.issuer.as_str())
    }
}

impl fmt::Display for DocumentNumber {
    /// Writes the number the way its issuer does: `21-NQ/TU` for the Party, `123/QĐ-UBND` or
    /// `30/2020/NĐ-CP` for the State. Numbers under 10 take a leading zero (`01/NQ-CP`,
    /// `06-NQ/TW`): numbering starts at 01 each year (Decree 30/2020/NĐ-CP, Appendix I).
    /// The key ([`DocumentKey`]) keeps the bare number, so keys and URLs do not change.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.doc_type.code();
        let number = self.number;
        // A year, when the number carries one, is kept in the State form: the Party form has
        // no place for it.
        match (self.is_party(), self.year) {
            (_, Some(year))
                if self.doc_type == DocumentType::Resolution && is_legislature(&self.issuer) =>
            {
                write!(f, "{number:02}/{year}/{}", self.issuer)
            }
            (_, Some(year)) => write!(f, "{number:02}/{year}/{code}-{}", self.issuer),
            (true, None) => write!(f, "{number:02}-{code}/{}", self.issuer),
            (false, None) => write!(f, "{number:02}/{code}-{}", self.issuer),
        }
    }
}

/// The National Assembly (`QH15`) or its Standing Committee (`UBTVQH15`) of a legislature,
/// the only issuers whose code holds digits.
fn is_legislature(issuer: &str) -> bool {
    let upper = issuer.to_ascii_uppercase();
    let body = upper.strip_prefix("UBTV").unwrap_or(&upper);
    body.strip_prefix("QH").is_some_and(|term| {
        (1..=2).contains(&term.len()) && term.bytes().all(|b| b.is_ascii_digit())
    })
}

fn strip_number_prefix(text: &str) -> &str {
    let lower_prefixes = ["số:", "số", "so:", "no.", "no:", "n°", "nº"];
    for prefix in lower_prefixes {
        if text.len() >= prefix.len()
            && text.is_char_boundary(prefix.len())
            && text[..prefix.len()].to_lowercase() == prefix
        {
            return &text[prefix.len()..];
        }
    }
    text
}

/// Uppercase, with the spelling of the issuers known to have their own restored.
fn canonical_issuer(issuer: &str) -> String {
    // Uppercasing can leave marks out of canonical order: normalise again.
    let upper = crate::text::nfc(
        &issuer
            .chars()
            .flat_map(char::to_uppercase)
            .collect::<String>(),
    );
    static KEYS: LazyLock<Vec<(String, &str)>> = LazyLock::new(|| {
        ISSUERS_WITH_OWN_SPELLING
            .into_iter()
            .map(|known| (ascii_key(known), known))
            .collect()
    });
    let key = ascii_key(&upper);
    KEYS.iter()
        .find(|(known, _)| *known == key)
        .map(|(_, spelling)| (*spelling).to_owned())
        .unwrap_or(upper)
}

/// An uppercase ASCII spelling for comparing codes: `QĐ` and `qd` both give `QD`.
fn ascii_key(code: &str) -> String {
    fold(code).to_ascii_uppercase()
}

/// The stable, URL-safe key of a document: `21-NQ-TU-2022`, `30-ND-CP-2020`. Without a year
/// (the source did not give one) the key has none: `96-QD-TW`. A document without a number
/// (a congress resolution, an annual plan) gets a key chosen by whoever registers it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DocumentKey(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentKeyError {
    #[error(
        "a document key may hold only letters A–Z, digits and single dashes, 2 to 64 characters; \"{0}\" does not"
    )]
    Malformed(String),
    #[error("the number {number} says {number_year} but the document is dated {date_year}")]
    YearMismatch {
        number: String,
        number_year: u16,
        date_year: i32,
    },
}

impl DocumentKey {
    /// A key chosen by hand, for a document without a number. Lowercase is uppercased.
    pub fn parse(text: &str) -> Result<DocumentKey, DocumentKeyError> {
        let key = ascii_key(text.trim());
        let ok = (2..=64).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
            && !key.starts_with('-')
            && !key.ends_with('-')
            && !key.contains("--");
        if ok {
            Ok(DocumentKey(key))
        } else {
            Err(DocumentKeyError::Malformed(text.to_owned()))
        }
    }

    /// The key of a numbered document; the year comes from the number, else from the date.
    pub fn of_number(
        number: &DocumentNumber,
        date_year: Option<i32>,
    ) -> Result<DocumentKey, DocumentKeyError> {
        let year = match (number.year, date_year) {
            (Some(n), Some(d)) if i32::from(n) != d => {
                return Err(DocumentKeyError::YearMismatch {
                    number: number.to_string(),
                    number_year: n,
                    date_year: d,
                });
            }
            (Some(n), _) => Some(i32::from(n)),
            (None, d) => d,
        };
        let mut key = format!(
            "{}-{}-{}",
            number.number,
            ascii_key(number.doc_type.code()),
            ascii_key(&number.issuer)
        );
        if let Some(year) = year {
            key.push_str(&format!("-{year}"));
        }
        Ok(DocumentKey(key))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DocumentKey {
    type Error = DocumentKeyError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        DocumentKey::parse(&value)
    }
}

impl From<DocumentKey> for String {
    fn from(key: DocumentKey) -> String {
        key.0
    }
}

impl fmt::Display for DocumentKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How far a document looks: "to 2025, orientation to 2030, vision to 2045".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Horizon {
    /// *Đến năm*: the year its targets fall due.
    pub target_year: Option<i32>,
    /// *Định hướng đến năm*.
    pub orientation_year: Option<i32>,
    /// *Tầm nhìn đến năm*.
    pub vision_year: Option<i32>,
}

/// A document with targets or tasks: a resolution, decision, plan, conclusion…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: crate::DocumentId,
    pub key: DocumentKey,
    /// Absent for documents known only by their title (a congress resolution).
    pub number: Option<String>,
    pub doc_type: DocumentType,
    /// The body that issued it: a unit of the organisation tree.
    pub issued_by: crate::UnitId,
    pub issued_on: Option<time::Date>,
    pub title: crate::text::Translations,
    pub horizon: Horizon,
    pub provenance: crate::Provenance,
}

impl Document {
    pub fn title(&self, language: Language) -> &str {
        self.title.get(language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn canonical(text: &str) -> String {
        DocumentNumber::parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .to_string()
    }

    #[test]
    fn every_spelling_in_the_domain_reads_to_one_number() {
        for (spelling, expected) in [
            ("21-NQ/TU", "21-NQ/TU"),
            ("21/NQ-TU", "21-NQ/TU"),
            ("số 21/NQ-TU", "21-NQ/TU"),
            ("21 - nq / tu", "21-NQ/TU"),
            ("123/QĐ-UBND", "123/QĐ-UBND"),
            ("123/QD-UBND", "123/QĐ-UBND"),
            ("123/qđ-ubnd", "123/QĐ-UBND"),
            ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
            ("30/2020/ND-CP", "30/2020/NĐ-CP"),
            ("96-QD/TW", "96-QĐ/TW"),
            ("96-QĐ/TW", "96-QĐ/TW"),
            ("21-KL/TW", "21-KL/TW"),
            ("29-TB/TW", "29-TB/TW"),
            ("15/CTr-UBND", "15/CTr-UBND"),
            ("07/NQ-HDND", "07/NQ-HĐND"),
            ("7/NQ-HDND", "07/NQ-HĐND"),
            ("12-NQ/DU", "12-NQ/ĐU"),
            ("No. 05/CT-TTg", "05/CT-TTg"),
            ("5/2020/NQ-TU", "05/2020/NQ-TU"),
            ("98/2023/QH15", "98/2023/QH15"),
            ("số 16/2021/qh15", "16/2021/QH15"),
            ("35/2023/UBTVQH15", "35/2023/UBTVQH15"),
            ("1111/NQ-UBTVQH14", "1111/NQ-UBTVQH14"),
        ] {
            assert_eq!(canonical(spelling), expected, "{spelling}");
        }
    }

    #[test]
    fn nfd_input_reads_like_nfc() {
        // "số" typed with combining marks (NFD) is still the prefix.
        assert_eq!(canonical("so\u{0302}\u{0301} 21/NQ-TU"), "21-NQ/TU");
    }

    #[test]
    fn key_is_unique_per_year_and_url_safe() {
        let n = DocumentNumber::parse("21/NQ-TU").expect("valid");
        let key = DocumentKey::of_number(&n, Some(2022)).expect("key");
        assert_eq!(key.as_str(), "21-NQ-TU-2022");
        let decree = DocumentNumber::parse("30/2020/NĐ-CP").expect("valid");
        assert_eq!(
            DocumentKey::of_number(&decree, None).expect("key").as_str(),
            "30-ND-CP-2020"
        );
        assert!(matches!(
            DocumentKey::of_number(&decree, Some(2021)),
            Err(DocumentKeyError::YearMismatch { .. })
        ));
        let assembly = DocumentNumber::parse("98/2023/QH15").expect("valid");
        assert_eq!(assembly.doc_type(), DocumentType::Resolution);
        assert_eq!(
            DocumentKey::of_number(&assembly, None)
                .expect("key")
                .as_str(),
            "98-NQ-QH15-2023"
        );
        let undated = DocumentNumber::parse("96-QD/TW").expect("valid");
        assert_eq!(
            DocumentKey::of_number(&undated, None)
                .expect("key")
                .as_str(),
            "96-QD-TW"
        );
    }

    #[test]
    fn malformed_numbers_say_what_is_wrong() {
        let err = |t: &str| DocumentNumber::parse(t).expect_err(t).to_string();
        assert_eq!(DocumentNumber::parse("  "), Err(DocumentNumberError::Empty));
        assert!(err("NQ-TU").contains("does not start with a number"));
        assert!(err("21").contains("has no type and issuer"));
        assert!(err("21-XY/TU").contains("\"XY\" is not a document type"));
        assert!(err("21-NQ/").contains("issuer code is missing"));
        assert!(err("21-NQ/T3").contains("not an issuer code"));
        // Found by fuzzing: combining marks that uppercasing reorders.
        assert!(err("5-CT-A-\u{618}\u{610}").contains("not an issuer code"));
        assert!(err("5/CT-A--B").contains("not an issuer code"));
        assert!(err("0-NQ/TU").contains("not a usable sequence number"));
        assert!(
            err("98/QH15").contains("not a document type"),
            "the legislature's form has a year"
        );
        assert!(err("98/2023/QH155").contains("not a document type"));
        // Found by cargo fuzz: a letter whose upper case is two characters.
        assert!(err("5-nd/dDDnǰ").contains("not an issuer code"));
        assert!(err("30/1800/NĐ-CP").contains("not plausible"));
    }

    #[test]
    fn hand_chosen_keys_are_checked() {
        assert_eq!(
            DocumentKey::parse("na-plan-2023").expect("ok").as_str(),
            "NA-PLAN-2023"
        );
        assert!(DocumentKey::parse("a b").is_err());
        assert!(DocumentKey::parse("-x").is_err());
        assert!(DocumentKey::parse("x--y").is_err());
    }

    proptest! {
        #[test]
        fn parser_never_panics(text in "\\PC{0,24}") {
            let _ = DocumentNumber::parse(&text);
            let _ = DocumentKey::parse(&text);
        }

        #[test]
        fn canonical_form_is_a_fixed_point(
            n in 1u32..99_999,
            t in prop::sample::select(DocumentType::ALL.to_vec()),
            issuer in prop::sample::select(vec!["TU", "TW", "HU", "UBND", "HĐND", "CP", "TTg", "QH", "QH15", "UBTVQH14"]),
            year in prop::option::of(1990u16..2100),
            party_spelling in any::<bool>(),
        ) {
            let code = t.code();
            let text = match (party_spelling, year) {
                (true, _) => format!("{n}-{code}/{issuer}"),
                (false, Some(y)) => format!("{n}/{y}/{code}-{issuer}"),
                (false, None) => format!("{n}/{code}-{issuer}"),
            };
            let parsed = DocumentNumber::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(parsed.number(), n);
            prop_assert_eq!(parsed.doc_type(), t);
            let again = DocumentNumber::parse(&parsed.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again, parsed);
        }
    }
}
