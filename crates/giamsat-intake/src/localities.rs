//! The provinces and centrally governed cities, before and after the 2025 reform, by every
//! name the press gives them: with or without diacritics, in English, with "City" or
//! "Tỉnh" around them.

use crate::{WordMap as HashMap, WordSet as HashSet};
use std::sync::OnceLock;

use crate::fold;

const LEGACY: &str = include_str!("../../../data/vietnam/provinces_legacy.csv");
const CURRENT: &str = include_str!("../../../data/vietnam/provinces_2025.csv");
/// Names in use beside the official ones.
const ALIASES: &[(&str, &str)] = &[
    ("Thừa Thiên Huế", "Huế"),
    ("Thừa Thiên - Huế", "Huế"),
    ("TP.HCM", "Hồ Chí Minh"),
    ("TPHCM", "Hồ Chí Minh"),
    ("HCM", "Hồ Chí Minh"),
    ("Hanoi", "Hà Nội"),
    ("Danang", "Đà Nẵng"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
];

/// A locality found by name: its Vietnamese name in the official lists. Which unit it is
/// (the province before the 2025 reform or the one after, which may share its name) depends
/// on the date of the text, and is for the person reviewing it to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    pub name: String,
}

/// The longest name a gazetteer entry has, in words.
pub const MAX_WORDS: usize = 5;

/// The key a name is compared by: folded, dashes and dots as spaces.
pub fn key(name: &str) -> String {
    crate::fold_spacing(name, |c| matches!(c, '-' | '–' | '.' | ','))
}

fn gazetteer() -> &'static HashMap<String, Locality> {
    static GAZETTEER: OnceLock<HashMap<String, Locality>> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut names = HashMap::default();
        for file in [LEGACY, CURRENT] {
            for line in file.lines().skip(1) {
                let cells: Vec<&str> = line.split(',').collect();
                let [_code, name_vi, name_en, ..] = cells[..] else {
                    continue;
                };
                for name in [name_vi, name_en] {
                    names.insert(
                        key(name),
                        Locality {
                            name: name_vi.to_owned(),
                        },
                    );
                }
            }
        }
        for (alias, name) in ALIASES {
            names.insert(
                key(alias),
                Locality {
                    name: (*name).to_owned(),
                },
            );
        }
        names
    })
}

/// Whether the locality of this official name is a centrally governed city (*thành phố trực
/// thuộc trung ương*), before or after the 2025 reform: "Thành phố Hà Nội" is the locality,
/// where "thành phố Hà Tĩnh" is a province's city.
pub fn is_central_city(name_vi: &str) -> bool {
    static CITIES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CITIES
        .get_or_init(|| {
            [LEGACY, CURRENT]
                .iter()
                .flat_map(|file| file.lines().skip(1))
                .filter_map(|line| {
                    let cells: Vec<&str> = line.split(',').collect();
                    (cells.get(3) == Some(&"city")).then(|| cells[1])
                })
                .collect()
        })
        .contains(&name_vi)
}

/// Whether `name` is a locality's name in any spelling the gazetteer knows.
pub fn is_locality(name: &str) -> bool {
    gazetteer().contains_key(&key(name))
}

/// The locality whose name ends `before`, with the byte offset where the name starts.
/// "Tỉnh", "Thành phố", "City" and "Province" around the name are part of it.
pub fn ending(before: &str) -> Option<(usize, &'static Locality)> {
    // A name and its prefix are a few words: look back no further, and not from inside a
    // word, so that reading stays linear in the text's length.
    let mut base = crate::look_back(before, before.len(), 200);
    if base > 0 {
        base = before[base..]
            .find(char::is_whitespace)
            .map_or(before.len(), |i| base + i);
    }
    let (start, locality) = ending_within(&before[base..])?;
    Some((base + start, locality))
}

fn ending_within(before: &str) -> Option<(usize, &'static Locality)> {
    let trimmed = before.trim_end();
    let mut trimmed_words = trimmed;
    // "Ho Chi Minh City", "Quang Ninh province".
    for suffix in [" City", " city", " Province", " province"] {
        if let Some(stripped) = trimmed_words.strip_suffix(suffix) {
            trimmed_words = stripped;
            break;
        }
    }
    // From the last word back, each word folded once (a name's key is its words' keys
    // joined by spaces), for as long as the words end some name; the longest name wins.
    let mut candidate = String::new();
    let mut longest = None;
    for (start, end) in words_backwards(trimmed_words).take(MAX_WORDS) {
        let word = key(&trimmed_words[start..end]);
        if word.is_empty() {
            continue;
        }
        candidate = if candidate.is_empty() {
            word
        } else {
            format!("{word} {candidate}")
        };
        if !name_endings().contains(candidate.as_str()) {
            break;
        }
        if let Some(locality) = gazetteer().get(&candidate) {
            longest = Some((start, locality));
        }
    }
    let (start, locality) = longest?;
    let with_prefix = prefix_start(&trimmed_words[..start]).unwrap_or(start);
    Some((with_prefix, locality))
}

/// The last words of every name's key, one, two and more: "ninh", "quang ninh".
fn name_endings() -> &'static HashSet<&'static str> {
    static ENDINGS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut endings = HashSet::default();
        for name in gazetteer().keys() {
            endings.insert(name.as_str());
            endings.extend(name.match_indices(' ').map(|(i, _)| &name[i + 1..]));
        }
        endings
    })
}

/// The words of `text` from the last one back, as byte ranges (words as separated by white
/// space).
fn words_backwards(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut end = text.len();
    std::iter::from_fn(move || {
        let trimmed = text[..end].trim_end();
        if trimmed.is_empty() {
            return None;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        end = start;
        Some((start, trimmed.len()))
    })
}

/// Where "Tỉnh " or "Thành phố " before a name starts, if it is there.
fn prefix_start(before: &str) -> Option<usize> {
    let folded_tail = |n: usize| {
        let start = before.char_indices().rev().nth(n - 1).map(|(i, _)| i)?;
        Some((start, fold(&before[start..])))
    };
    // fold drops the space at the end.
    for (chars, prefix) in [(5, "tinh"), (10, "thanh pho")] {
        if let Some((start, tail)) = folded_tail(chars)
            && tail == prefix
        {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_however_written() {
        fn find(text: &str) -> Option<(&str, &str)> {
            ending(text).map(|(start, l)| (&text[start..], l.name.as_str()))
        }
        assert_eq!(
            find("including: Quang Ninh"),
            Some(("Quang Ninh", "Quảng Ninh"))
        );
        assert_eq!(
            find("gồm Tỉnh Quảng Ninh"),
            Some(("Tỉnh Quảng Ninh", "Quảng Ninh"))
        );
        assert_eq!(
            find("Ho Chi Minh City"),
            Some(("Ho Chi Minh City", "Hồ Chí Minh"))
        );
        assert_eq!(
            find("Ba Ria - Vung Tau"),
            Some(("Ba Ria - Vung Tau", "Bà Rịa - Vũng Tàu"))
        );
        assert_eq!(find("Thua Thien Hue"), Some(("Thua Thien Hue", "Huế")));
        assert_eq!(find("Bac Giang"), Some(("Bac Giang", "Bắc Giang")));
        assert_eq!(find("Kien Giang"), Some(("Kien Giang", "Kiên Giang")));
        assert_eq!(find("localities"), None);
    }
}
