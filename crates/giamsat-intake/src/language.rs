//! Which of giamsat's languages a text is written in, from its commonest words.

use giamsat_core::Language;

const VIETNAMESE: &[&str] = &[
    "của", "và", "các", "được", "trong", "với", "những", "là", "cho", "đã", "có", "năm", "không",
    "một", "này", "theo", "về", "tỉnh", "người", "đến",
];
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "for", "with", "was", "on", "that", "by", "as", "are",
    "has", "have", "at", "from",
];
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "et", "du", "un", "une", "est", "pour", "dans", "sur", "au", "aux",
    "que", "par", "avec", "en",
];

/// The language most of the text's common words belong to; Vietnamese when none stands
/// out. Reads at most the first 64 KB: a report does not change language half way.
pub fn detect(text: &str) -> Language {
    let sample = &text[..crate::floor_char_boundary(text, 64 << 10)];
    let mut counts = [0usize; 3];
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        let word = word.to_lowercase();
        for (count, list) in counts.iter_mut().zip([VIETNAMESE, ENGLISH, FRENCH]) {
            if list.contains(&word.as_str()) {
                *count += 1;
            }
        }
    }
    let [vi, en, fr] = counts;
    if en > vi && en >= fr {
        Language::En
    } else if fr > vi && fr > en {
        Language::Fr
    } else {
        Language::Vi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_told_apart() {
        assert_eq!(
            detect("Đoàn giám sát của Ban Thường vụ Tỉnh ủy làm việc với Sở Công Thương"),
            Language::Vi
        );
        assert_eq!(
            detect("The industrial production index in the first 5 months of 2023 is estimated"),
            Language::En
        );
        assert_eq!(
            detect(
                "L'indice de la production industrielle des cinq premiers mois de 2023 est estimé"
            ),
            Language::Fr
        );
    }
}
