//! People and their positions as reports write them: *đồng chí Trần Minh Lực, UVTV Tỉnh ủy,
//! Phó Chủ tịch HĐND tỉnh*; *Comrade Nguyen Duc Trung - Chairman of the Provincial People's
//! Committee*; *Director of the Department of Industry and Trade Pham Van Hoa*; *M. Le Hong
//! Vinh, vice-président du Comité populaire*.
//!
//! A name is two to five capitalised words. It counts when a form of address comes before it
//! (*đồng chí*, *ông*, *Comrade*, *M.*), or when it starts with a Vietnamese family name, is
//! made of Vietnamese syllables and has a position right before or after it. Positions are
//! kept as written; the person key ([`giamsat_core::follow_up::person_key`]) is what links a
//! name to people already known, across diacritics and split or joined syllables.

use crate::{WordMap as HashMap, WordSet as HashSet};
use std::sync::{LazyLock, OnceLock};

use crate::fold;
use giamsat_core::Language;
use giamsat_core::follow_up::person_key;
use regex::Regex;

use crate::{Fact, Found, localities};

/// Forms of address before a name, lowercase.
const ADDRESS: &[&str] = &[
    "đồng chí",
    "ông",
    "bà",
    "comrade",
    "comrades",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "madam",
    "m.",
    "mme",
    "camarade",
    "camarades",
];

/// Vietnamese family names, lowercase NFC. In text without diacritics a name is compared
/// folded ("Nguyen"); in text with them exactly, so that the title *Trưởng* is not the name
/// *Trương*.
const FAMILY_NAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "lí", "trương", "đinh", "đoàn", "lâm", "mai", "trịnh", "hà", "cao",
    "lương", "tạ", "chu", "lưu", "thái", "tô", "quách", "kiều", "giang", "tống", "nông", "lò",
    "đào", "triệu", "châu", "mạc", "khổng", "phùng", "lại", "từ", "hầu", "tăng", "thân", "ninh",
    "mã", "âu", "diệp", "tôn", "lục", "đàm", "phương", "nghiêm", "doãn", "vương", "hứa", "thạch",
    "văn", "y", "ksor", "rơ", "h'",
    // Of the Khmer, the Hmong, the Thai, the Central Highlands and of Chinese origin.
    "kim", "sơn", "danh", "khúc", "tiêu", "khương", "kha", "ứng", "khuất", "tòng", "lường", "vàng",
    "giàng", "sùng", "thào", "lầu", "mùa", "điểu", "siu", "rah", "điêu", "lữ",
];

/// The words a position starts with, lowercase.
const POSITION_HEADS: &[&str] = &[
    // Vietnamese
    "ủy viên",
    "uỷ viên",
    "uvtv",
    "uvbtv",
    "tuv",
    "phó",
    "trưởng",
    "chủ tịch",
    "bí thư",
    "giám đốc",
    "chánh",
    "tổng",
    "bộ trưởng",
    "thứ trưởng",
    "đại biểu",
    "thường trực",
    "chủ nhiệm",
    "viện trưởng",
    "thủ tướng",
    "hiệu trưởng",
    "chỉ huy trưởng",
    "kế toán trưởng",
    "cục trưởng",
    "chi cục trưởng",
    "vụ trưởng",
    "cục phó",
    "vụ phó",
    "huyện ủy viên",
    "huyện uỷ viên",
    "đại sứ",
    "người phát ngôn",
    "thống đốc",
    "tổng lãnh sự",
    "tỉnh ủy viên",
    "tỉnh uỷ viên",
    "thành ủy viên",
    "thành uỷ viên",
    "đảng ủy viên",
    "đảng uỷ viên",
    // English
    "delegate",
    "member",
    "deputy",
    "vice",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "secretary",
    "head",
    "chief",
    "permanent",
    "standing",
    "minister",
    "president",
    "prime minister",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister-chairman",
    "vice-chairman",
    "vice-chairwoman",
    "vice-president",
    "consul",
    "acting",
    "general secretary",
    // French
    "membre",
    "vice-président",
    "vice-présidente",
    "président",
    "présidente",
    "directeur",
    "directrice",
    "cheffe",
    "secrétaire",
    "chef",
    "ministre",
    "vice-ministre",
    "premier ministre",
    "première ministre",
    "vice-premier ministre",
    "vice-première ministre",
    "député",
    "députée",
    "ambassadeur",
    "porte-parole",
    "ambassadrice",
    "gouverneur",
    "gouverneure",
    "consul",
    "consule",
];

/// Words that end a position: what the person did, or where the sentence goes next.
const STOPS: &[&str] = &[
    // Vietnamese
    "chủ trì",
    "phát biểu",
    "báo cáo",
    "đánh giá",
    "yêu cầu",
    "cho biết",
    "nhấn mạnh",
    "đề nghị",
    "kết luận",
    "chỉ đạo",
    "tham dự",
    "dự",
    "làm việc",
    "thăm",
    "khẳng định",
    "ghi nhận",
    "trình bày",
    "đã",
    "cùng",
    "với",
    "tại",
    "đồng chí",
    "là",
    "được",
    "khi",
    "trao",
    "tặng",
    "chúc mừng",
    "cho rằng",
    "nêu",
    "đề cập",
    "lưu ý",
    "giao",
    "do",
    "làm",
    "ông",
    "bà",
    "biểu dương",
    "truyền đạt",
    "quán triệt",
    "cơ bản",
    "nhất trí",
    "thông qua",
    "giới thiệu",
    "công bố",
    "thay mặt",
    "điều hành",
    "đề xuất",
    "cảm ơn",
    "khen ngợi",
    // English
    "spoke",
    "speaks",
    "said",
    "says",
    "reported",
    "reports",
    "chaired",
    "chairs",
    "concluded",
    "requested",
    "suggested",
    "emphasized",
    "emphasised",
    "attended",
    "visited",
    "gave",
    "gives",
    "highly",
    "also",
    "presented",
    "stated",
    "noted",
    "directed",
    "delivered",
    "affirmed",
    "asked",
    "proposed",
    "welcomed",
    "praised",
    "thanked",
    "expressed",
    "appreciated",
    "agreed",
    "acknowledged",
    "urged",
    "called",
    "pointed",
    "informed",
    "added",
    "made",
    "led",
    "at",
    "on",
    "in",
    "with",
    "to",
    "that",
    "who",
    "was",
    "is",
    "has",
    "had",
    "will",
    "once",
    "were",
    "are",
    "be",
    "been",
    "by",
    "including",
    "attending",
    // French
    "a",
    "ont",
    "est",
    "s'est",
    "préside",
    "présidé",
    "lors",
    "qui",
    "pour",
    "dans",
    "avec",
    "en",
    "à",
    "au",
    "aux",
];

/// Words a stop starts but that go on inside a position: "Ủy viên *dự khuyết*".
const NOT_STOPS: &[&str] = &["dự khuyết"];

/// Words before a position that say it was held ("*nguyên* Bí thư Tỉnh ủy", "*former*
/// Minister"): part of the position.
const KEPT_PREFIXES: &[&str] = &["nguyên", "quyền", "former", "ancien", "ancienne"];

/// Words before a position that are not part of it: "*également* président du Conseil".
const SKIPPED_PREFIXES: &[&str] = &[
    "également",
    "aussi",
    "đồng thời là",
    "đồng thời",
    "kiêm",
    "concurrently",
    "concurrently also",
    // "Pham Minh Chinh, le Premier ministre": the French article is not the position's.
    "le",
    "la",
];

/// Words that join two positions when a position's head follows them: "Phó Bí thư Tỉnh ủy
/// *và* Chủ tịch HĐND tỉnh", "Deputy Secretary *and* Chairman".
const JOINS: &[&str] = &["và", "and", "et"];

/// Words in an English position that are neither capitalised nor a head: "Director *of the*
/// Department *of* Industry *and* Trade".
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "&"];

/// Words an English position writes in lower case: "Chairman of the provincial People's
/// Committee".
const LOWERCASE_IN_POSITIONS: &[&str] = &[
    "provincial",
    "city",
    "municipal",
    "district",
    "commune",
    "national",
    "permanent",
    "standing",
    "term",
    "tenure",
    "legislature",
];

/// Lower-case words that go on in a Vietnamese position after its place: "Huyện *ủy* viên",
/// "HĐND tỉnh *khóa* XVII".
const IN_POSITION_AFTER_PLACE: &[&str] = &["ủy", "uỷ", "viên", "khóa", "khoá", "nhiệm", "kỳ"];

/// The last words of the Vietnamese words for a place: "tỉnh", "thành phố", "thị xã".
const PLACE_ENDS: &[&str] = &["tỉnh", "huyện", "xã", "quận", "phường", "phố", "trấn"];

/// Words before a name that make it a place: "UBND *huyện* Mai Châu".
const PLACE_WORDS: &[&str] = &[
    "tỉnh",
    "huyện",
    "xã",
    "quận",
    "phường",
    "thị xã",
    "thành phố",
    "thị trấn",
    "province",
    "district",
    "commune",
    "city",
    "ward",
    "town",
    "sở",
    "ban",
    "department",
    "tp",
];

/// Words after which a capitalised word in a position is a place's, not a name's: "président
/// du Comité populaire provincial *de* Lai Châu", "Chairman *of* Ha Nam".
const PREPOSITIONS: &[&str] = &["de", "du", "des", "à", "of", "in", "for", "của", "tại"];

/// The most words a name or one position has.
const NAME_WORDS: usize = 5;
const POSITION_WORDS: usize = 16;

struct Patterns {
    /// A syllable Vietnamese allows, without diacritics.
    syllable: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        syllable: Regex::new(
            r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$",
        )
        .expect("syllable pattern"),
    })
}

/// The words of `text[from..to]`, as byte ranges of `text`: runs of letters and digits
/// with the apostrophes and hyphens inside them, or opening with `&`.
fn words(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let letter = |c: char| c != '_' && crate::is_word_char(c);
    let mut words = Vec::new();
    let mut chars = text[from..to].char_indices().peekable();
    while let Some((start, first)) = chars.next() {
        if !letter(first) && first != '&' {
            continue;
        }
        let mut end = start + first.len_utf8();
        while let Some((at, c)) =
            chars.next_if(|(_, c)| letter(*c) || matches!(c, '\'' | '’' | '-'))
        {
            end = at + c.len_utf8();
        }
        // "L'ambassadeur", "d'État": the elided article is no part of the word.
        let word = &text[from + start..from + end];
        let elided = ["l'", "L'", "d'", "D'", "l’", "L’", "d’", "D’"]
            .iter()
            .find(|e| word.len() > e.len() && word.starts_with(**e))
            .map_or(0, |e| e.len());
        words.push((from + start + elided, from + end));
    }
    words
}

/// Runs of two or more capitalised or upper-case words (*Trần Minh Lực*, *UBND Tỉnh*)
/// separated by single spaces, as byte ranges. A word is a longest run of letters, digits and
/// `_`; it counts when its first letter is upper case and the rest are all lower or all upper
/// case. Scanned by hand: it is the commonest shape in a report, and a pattern for it needs
/// Unicode word boundaries, which keep the regex crate on its slowest engine.
fn capitalised_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    // The run being built: where it starts, where its last word ends, how many words.
    let mut run: Option<(usize, usize, usize)> = None;
    let mut close = |run: &mut Option<(usize, usize, usize)>| {
        if let Some((start, end, words)) = run.take()
            && words >= 2
        {
            runs.push((start, end));
        }
    };
    let is_word_char = crate::is_word_char;
    let mut chars = text.char_indices().peekable();
    while let Some((start, first)) = chars.next() {
        if !is_word_char(first) {
            continue;
        }
        let mut end = start + first.len_utf8();
        let (mut lower, mut upper, mut other) = (false, false, false);
        while let Some(&(at, c)) = chars.peek().filter(|(_, c)| is_word_char(*c)) {
            lower |= c.is_lowercase();
            upper |= c.is_uppercase();
            other |= !c.is_lowercase() && !c.is_uppercase();
            end = at + c.len_utf8();
            chars.next();
        }
        if !first.is_uppercase() || other || (lower && upper) {
            close(&mut run);
            continue;
        }
        match &mut run {
            Some((_, last_end, words)) if matches!(&text[*last_end..start], " " | "\u{a0}") => {
                *last_end = end;
                *words += 1;
            }
            _ => {
                close(&mut run);
                run = Some((start, end, 1));
            }
        }
    }
    close(&mut run);
    runs
}

/// A list of phrases indexed by their first word, for asking at every word of a clause
/// whether one starts there.
struct Phrases(HashMap<&'static str, Vec<Vec<&'static str>>>);

impl Phrases {
    fn new(list: &[&'static str]) -> Phrases {
        let mut by_first: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::default();
        for phrase in list {
            let mut words = phrase.split(' ');
            let first = words.next().expect("a phrase has a word");
            by_first.entry(first).or_default().push(words.collect());
        }
        // The longest phrase that fits is the one read.
        for rests in by_first.values_mut() {
            rests.sort_by_key(|rest| std::cmp::Reverse(rest.len()));
        }
        Phrases(by_first)
    }
}

static ADDRESSES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(ADDRESS));
static HEADS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(POSITION_HEADS));
static ENDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(STOPS));
static NOT_ENDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(NOT_STOPS));
static KEPT: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(KEPT_PREFIXES));
static SKIPPED: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(SKIPPED_PREFIXES));

/// Whether the words begin with one of the phrases, compared in lowercase, with only white
/// space between the words; the number of words the phrase takes.
fn starts_with_phrase(text: &str, words: &[(usize, usize)], phrases: &Phrases) -> Option<usize> {
    let (start, end) = *words.first()?;
    let rests = crate::with_lowercase(&text[start..end], |word| phrases.0.get(word))?;
    rests
        .iter()
        .find(|rest| {
            words.len() > rest.len()
                && rest.iter().zip(words.windows(2)).all(|(wanted, pair)| {
                    let ((_, before), (s, e)) = (pair[0], pair[1]);
                    text[before..s].trim().is_empty()
                        && text[s..e]
                            .chars()
                            .flat_map(char::to_lowercase)
                            .eq(wanted.chars())
                })
        })
        .map(|rest| rest.len() + 1)
}

fn is_family_name(word: &str) -> bool {
    static FOLDED: OnceLock<HashSet<String>> = OnceLock::new();
    // The names as written, looked up rather than compared one by one.
    static WRITTEN: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| FAMILY_NAMES.iter().copied().collect());
    crate::with_lowercase(word, |lower| {
        if lower.is_ascii() {
            FOLDED
                .get_or_init(|| FAMILY_NAMES.iter().map(|f| fold(f)).collect())
                .contains(lower)
        } else {
            WRITTEN.contains(lower)
        }
    })
}

/// Whether the word `i` of a run of capitalised words opens a name with a family name, also
/// in a French spelling, which keeps only the marks French has ("Trân Hông Hà", "Nguyên
/// Xuân Phuc"). Such a spelling is taken only when the words after it have no letter of
/// Vietnamese alone: "Nguyên Phó Chủ tịch" is a former vice-chairman, and folding
/// "Trường" would make a school a Trương.
fn opens_with_family_name(text: &str, run: &[(usize, usize)], i: usize) -> bool {
    let word = &text[run[i].0..run[i].1];
    if is_family_name(word) {
        return true;
    }
    static FOLDED: OnceLock<HashSet<String>> = OnceLock::new();
    let french = |w: &str| w.chars().all(|c| c <= 'ÿ');
    !word.is_ascii()
        && french(word)
        && run[i + 1..]
            .iter()
            .take(NAME_WORDS)
            .all(|(s, e)| french(&text[*s..*e]))
        && FOLDED
            .get_or_init(|| FAMILY_NAMES.iter().map(|f| fold(f)).collect())
            .contains(&fold(word))
}

fn is_syllable(word: &str) -> bool {
    patterns().syllable.is_match(&fold(word))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every person named with a form of address or a position.
pub fn find(text: &str, language: Language) -> Vec<Found> {
    let mut found = Vec::new();
    let mut seen = Seen::default();
    let mut after_last = 0;
    for (run_start, run_end) in capitalised_runs(text) {
        if run_start < after_last {
            continue;
        }
        let Some(person) = person_in_run(text, (run_start, run_end), after_last, &seen, language)
        else {
            continue;
        };
        if let Fact::Person { name, key, .. } = &person.fact {
            seen.add(name, key);
        }
        after_last = person.end;
        found.push(person);
    }
    let addressed = addressed_by_given_name(text, &found, language);
    if !addressed.is_empty() {
        found.extend(addressed);
        found.sort_by_key(|f| f.start);
    }
    found
}

/// Later mentions by a form of address and the last word of a name read before: "ông Sâm cho
/// biết", "According to Mr. Son", "M. Huê a souligné". The name stands alone, so no run of
/// capitalised words holds it.
fn addressed_by_given_name(text: &str, found: &[Found], language: Language) -> Vec<Found> {
    let given: Vec<(usize, String)> = found
        .iter()
        .filter_map(|f| match &f.fact {
            Fact::Person { name, .. } if name.split_whitespace().count() >= 2 => {
                Some((f.end, fold(name.split_whitespace().next_back()?)))
            }
            _ => None,
        })
        .collect();
    if given.is_empty() {
        return Vec::new();
    }
    let mut mentions = Vec::new();
    // The forms of address, found in one pass.
    static FORMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:M\.|Mme|Mr\.?|Mrs\.|Ms\.|[ôÔ]ng|[bB]à|[đĐ]ồng chí|[cC]omrade|[cC]amarade) ")
            .expect("forms of address")
    });
    for m in FORMS.find_iter(text) {
        let (at, form) = (m.start(), m.as_str());
        if !crate::starts_word(text, at) {
            continue;
        }
        let from = at + form.len();
        let rest = &text[from..];
        let length = rest
            .find(|c: char| !crate::is_word_char(c))
            .unwrap_or(rest.len());
        let word = &rest[..length];
        let after = &rest[length..];
        let run_goes_on = after.starts_with(' ') && after[1..].starts_with(char::is_uppercase);
        if length == 0
            || !is_capitalised(word)
            || run_goes_on
            || !given.iter().any(|(end, g)| *end <= at && *g == fold(word))
            || found
                .iter()
                .any(|f| f.start < from + length && from < f.end)
        {
            continue;
        }
        mentions.push(Found {
            start: at,
            end: from + length,
            fact: Fact::Person {
                name: word.to_owned(),
                key: person_key(word),
                positions: Vec::new(),
                known: None,
            },
        });
    }
    // "Phó Chủ tịch Lâm đề nghị": the last word of a name read before, alone after a
    // position written in lower case, which no run of capitalised words holds either.
    let written: Vec<(usize, &str)> = found
        .iter()
        .filter_map(|f| match &f.fact {
            Fact::Person { name, .. } if name.split_whitespace().count() >= 2 => {
                Some((f.end, name.split_whitespace().next_back()?))
            }
            _ => None,
        })
        .collect();
    let mut looked: Vec<&str> = Vec::new();
    for &(_, last) in &written {
        if looked.contains(&last) {
            continue;
        }
        looked.push(last);
        for (at, _) in text.match_indices(last) {
            let end = at + last.len();
            if !crate::starts_word(text, at)
                || !crate::ends_word(text, end)
                || !written.iter().any(|(e, w)| *e <= at && *w == last)
            {
                continue;
            }
            // Alone: no capitalised word right before or after it.
            let before = text[..at].strip_suffix(' ');
            let capital_before = before.is_some_and(|b| {
                b.rsplit(|c: char| !crate::is_word_char(c))
                    .next()
                    .is_some_and(is_capitalised)
            });
            let capital_after = text[end..]
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(char::is_uppercase));
            // What the person did, or a stop, follows: "Lâm đề nghị", not "Tỉnh ủy".
            let next = words(
                text,
                end,
                crate::floor_char_boundary(text, (end + 48).min(text.len())),
            );
            let then_acts = text[end..].starts_with([',', '.', ';', ':', ')'])
                || (text[end..].starts_with(' ')
                    && starts_with_phrase(text, &next, &ENDS).is_some());
            if before.is_none()
                || capital_before
                || capital_after
                || !then_acts
                || found
                    .iter()
                    .chain(&mentions)
                    .any(|f| f.start < end && at < f.end)
            {
                continue;
            }
            let floor = found
                .iter()
                .map(|f| f.end)
                .filter(|e| *e <= at)
                .max()
                .unwrap_or(0);
            let (positions, from) = positions_before(text, at, floor, language);
            if positions.is_empty() {
                continue;
            }
            mentions.push(Found {
                start: from,
                end,
                fact: Fact::Person {
                    name: last.to_owned(),
                    key: person_key(last),
                    positions,
                    known: None,
                },
            });
        }
    }
    mentions
}

/// The people already read in a text: a later mention names them without a position ("Nguyen
/// Sinh Hung a recommandé"), or by the last word of the name after one ("Prime Minister
/// Chinh").
#[derive(Default)]
struct Seen {
    keys: HashSet<String>,
    given: HashSet<String>,
}

impl Seen {
    fn add(&mut self, name: &str, key: &str) {
        self.keys.insert(key.to_owned());
        if let Some(last) = name.split_whitespace().next_back()
            && name.split_whitespace().count() >= 2
        {
            self.given.insert(fold(last));
        }
    }
}

/// A name read in a run of capitalised words.
struct NameInRun {
    /// The name's first word in the run, and the word after its last.
    first: usize,
    last: usize,
    /// A form of address comes before it.
    addressed: bool,
    /// The text vouches for it as a name without a position: a form of address, a byline, or
    /// the same name read before.
    vouched: bool,
}

/// Where a name is read in a run of capitalised words.
fn name_in_run(text: &str, run: &mut Vec<(usize, usize)>, seen: &Seen) -> Option<NameInRun> {
    // "Comrade Nguyen Duc Trung": the form of address opens the run.
    let mut addressed = false;
    // "Bà Lê Thị Hoa cho biết": "Bà" and "Ông" opening a sentence, before a family name
    // (not "Bà Rịa").
    if run.len() >= 3
        && ["Bà", "Ông"].contains(&&text[run[0].0..run[0].1])
        && is_family_name(&text[run[1].0..run[1].1])
        && name_follows(text, &run[1..])
    {
        run.drain(..1);
        addressed = true;
    }
    if let Some(n) = starts_with_phrase(text, run, &ADDRESSES)
        && is_capitalised(&text[run[0].0..run[0].1])
        && !text[run[0].0..run[0].1].starts_with("Bà")
        && !text[run[0].0..run[0].1].starts_with("Ông")
    {
        run.drain(..n);
        addressed = true;
    }
    let before = &text[..run.first()?.0];
    addressed |= address_ends(before);
    if addressed {
        if starts_with_phrase(text, run, &HEADS).is_some() {
            return None;
        }
        let count = run
            .iter()
            .take(NAME_WORDS)
            .take_while(|(s, e)| {
                starts_with_phrase(text, &[(*s, *e)], &HEADS).is_none()
                    && !text[*s..*e].chars().any(|c| c.is_ascii_digit())
            })
            .count();
        return Some(NameInRun {
            first: 0,
            last: count,
            addressed: true,
            vouched: true,
        });
    }
    // "By Kim Oanh": the byline's word is no part of the name.
    if run.len() >= 3 && ["By", "Par"].contains(&&text[run[0].0..run[0].1]) {
        run.drain(..1);
    }
    // "Ảnh: Thành Duy": a byline's name need not open with a family name.
    if (2..=4).contains(&run.len())
        && run.iter().all(|(s, e)| is_syllable(&text[*s..*e]))
        && byline(text, run[0].0, run[run.len() - 1].1)
    {
        return Some(NameInRun {
            first: 0,
            last: run.len(),
            addressed: false,
            vouched: true,
        });
    }
    let mut first = (0..run.len()).find(|i| opens_with_family_name(text, run, *i))?;
    // "Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng": a province's name before the family name is
    // the position's.
    if let Some(n) = (2..=4).rev().find(|n| {
        first + n < run.len()
            && localities::is_locality(&text[run[first].0..run[first + n - 1].1])
            && opens_with_family_name(text, run, first + n)
    }) {
        first += n;
    }
    let count = run[first..]
        .iter()
        .take(NAME_WORDS)
        .take_while(|(s, e)| is_syllable(&text[*s..*e]))
        .count();
    let last = first + count;
    // "la province de Quang Ninh", "Ninh Binh": a family name ending a locality's name is
    // the place's.
    if (0..first).any(|k| localities::is_locality(&text[run[k].0..run[last - 1].1])) {
        return None;
    }
    let vouched = last - first >= 2
        && (byline(text, run[first].0, run[last - 1].1)
            || seen
                .keys
                .contains(&person_key(&text[run[first].0..run[last - 1].1])));
    Some(NameInRun {
        first,
        last,
        addressed: false,
        vouched,
    })
}

/// Whether the name at `start..end` signs a photo or the article: after "Ảnh:" or "Photo:",
/// or alone on its line (but for a date and time after it), in two to four words.
fn byline(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    let words = name.split_whitespace().count();
    if !(2..=4).contains(&words)
        || name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    let base = crate::look_back(text, start, 32);
    let before = &text[base..start];
    let credit = before.trim_end().trim_end_matches(':').trim_end();
    let credited = |words: &[&str]| {
        words.iter().any(|w| {
            crate::ends_with_lowercase(credit, w).is_some_and(|at| word_ends_before(credit, at))
        })
    };
    if credited(&[
        "ảnh",
        "photo",
        "photos",
        "tác giả",
        "tác giả bài viết",
        "bài",
        "bài và ảnh",
        "bài, ảnh",
        "story",
        "text",
        "texte",
        "texte et photos",
    ]) && before.trim_end().ends_with(':')
    {
        return !localities::is_locality(name);
    }
    // "By Lam Nguyen – Translated by Hai Mien", "Reported by Thu Dung": who wrote or
    // translated the article.
    let by_line = ["by", "par"].iter().any(|w| {
        crate::ends_with_lowercase(credit, w).is_some_and(|at| {
            let line = text[..base + at].trim_end_matches([' ', '\u{a0}']);
            line.is_empty() || line.ends_with('\n')
        })
    });
    if (by_line
        || credited(&[
            "reported by",
            "written by",
            "translated by",
            "photo by",
            "photos by",
            "edited by",
        ]))
        && before.ends_with(' ')
    {
        return !localities::is_locality(name);
    }
    let line_start = before.trim_end_matches([' ', '\u{a0}', '\t']);
    let alone_before = line_start.is_empty() && start < 16 || line_start.ends_with('\n');
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let alone_after = text[end..line_end]
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '/' | ':' | '-' | '.' | '\u{a0}' | '\r'))
        || agency_mark(&text[end..line_end]);
    (alone_before && alone_after || names_and_date_line(text, start, line_end))
        && !localities::is_locality(name)
}

/// Whether the line holding a name from `start` to `line_end` is a byline of names and the
/// page's date parted by dashes: "Ngan Hanh - Lam Tung - 5 décembre 2024 08:50".
fn names_and_date_line(text: &str, start: usize, line_end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..line_end];
    let parts: Vec<&str> = line.split(" - ").collect();
    parts.len() >= 2
        && parts
            .last()
            .is_some_and(|p| p.chars().any(|c| c.is_ascii_digit()))
        && parts[..parts.len() - 1].iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (2..=4).contains(&words.len())
                && words.iter().all(|w| {
                    is_capitalised(w) && is_syllable(w) && !w.chars().all(char::is_uppercase)
                })
        })
}

/// Whether the rest of a byline's line is the agency its writer works for: "Thu Hà/TTXVN",
/// "Huong Linh/CVN", "Lê Minh (TTXVN)", "Thu Ha, VNS".
fn agency_mark(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    let Some(rest) = rest
        .strip_prefix(['/', '(', ',', '-', '–'])
        .map(|r| r.trim_start_matches([' ', '\u{a0}']))
    else {
        return false;
    };
    let letters = rest.chars().take_while(|c| c.is_uppercase()).count();
    let tail = &rest[rest
        .char_indices()
        .nth(letters)
        .map_or(rest.len(), |(i, _)| i)..];
    (2..=8).contains(&letters)
        && tail
            .trim_start_matches(')')
            .chars()
            .all(|c| matches!(c, ' ' | '.' | '\u{a0}' | '\r'))
}

fn person_in_run(
    text: &str,
    (run_start, run_end): (usize, usize),
    floor: usize,
    seen: &Seen,
    language: Language,
) -> Option<Found> {
    let mut run = words(text, run_start, run_end);
    let Some(NameInRun {
        first,
        last,
        addressed,
        vouched,
    }) = name_in_run(text, &mut run, seen)
    else {
        return given_name_mention(text, &run, floor, seen, language);
    };
    if last - first < 2 {
        return given_name_mention(text, &run, floor, seen, language);
    }
    let name_start = run[first].0;
    let name_end = run[last - 1].1;
    let name = &text[name_start..name_end];
    // "huyện Mai Châu" is a place; "tỉnh Lê Hồng Vinh" after "Chủ tịch UBND" is a person.
    if localities::is_locality(name) || (last - first == 2 && place_word_ends(&text[..name_start]))
    {
        return None;
    }
    let (after_positions, end) = positions_after(text, name_end, language);
    // Capitalised words before the family name in the run are the end of a position
    // ("... Industry and Trade Pham Van Hoa").
    let (before_positions, start) = if addressed {
        positions_before(text, address_start(text, name_start), floor, language)
    } else {
        positions_before(text, name_start, floor, language)
    };
    // "Chairman of the provincial People's Committee – Vo Van Mot – delivers a speech": a
    // name set off by dashes after its position.
    let (before_positions, start) = match dash_before(text, name_start) {
        Some(dash)
            if before_positions.is_empty()
                && after_positions.is_empty()
                && dash_after(text, name_end) =>
        {
            positions_before(text, dash, floor, language)
        }
        _ => (before_positions, start),
    };
    // "Vice Chairmen Do Tan Kiet and Dinh Thi Viet Huynh", "Nguyễn Văn An, Lê Thị Hoa":
    // a name listed right after a person's is a person's.
    let listed = floor > 0
        && floor <= name_start
        && matches!(
            &text[floor..name_start],
            ", " | " and " | ", and " | " và " | " et " | ", et "
        );
    if !vouched && !listed && after_positions.is_empty() && before_positions.is_empty() {
        return None;
    }
    let start = if before_positions.is_empty() {
        if first == 0 && addressed {
            address_start(text, name_start)
        } else {
            name_start
        }
    } else {
        start
    };
    let mut positions = before_positions;
    positions.extend(after_positions);
    Some(Found {
        start,
        end: end.max(name_end),
        fact: Fact::Person {
            name: name.to_owned(),
            key: person_key(name),
            positions,
            known: None,
        },
    })
}

/// Where a dash between words ends the text before a name ("… Committee – Vo Van Mot"): the
/// dash's byte.
fn dash_before(text: &str, name_start: usize) -> Option<usize> {
    let before = text[..name_start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == name_start {
        return None;
    }
    let dash = before.chars().next_back()?;
    let at = before.len() - dash.len_utf8();
    let spaced = text[..at].ends_with([' ', '\u{a0}']);
    (matches!(dash, '–' | '—') || (dash == '-' && spaced)).then_some(at)
}

/// Whether a dash between words follows the name ending at `name_end`.
fn dash_after(text: &str, name_end: usize) -> bool {
    let rest = text[name_end..].trim_start_matches([' ', '\u{a0}']);
    rest.len() < text.len() - name_end && (rest.starts_with(['–', '—']) || rest.starts_with("- "))
}

/// A person named by the last word of a name read before, right after a position: "Prime
/// Minister Chinh", "NA Chairman Hue".
fn given_name_mention(
    text: &str,
    run: &[(usize, usize)],
    floor: usize,
    seen: &Seen,
    language: Language,
) -> Option<Found> {
    let (start, end) = *run.last()?;
    let name = &text[start..end];
    if run.len() < 2 || !seen.given.contains(&fold(name)) {
        return None;
    }
    // "vice-président du Comité populaire de la province de Quang Ninh": a given name ending
    // a locality's name is the place's.
    if (0..run.len() - 1).any(|k| localities::is_locality(&text[run[k].0..end])) {
        return None;
    }
    let (positions, from) = positions_before(text, start, floor, language);
    if positions.is_empty() {
        return None;
    }
    Some(Found {
        start: from,
        end,
        fact: Fact::Person {
            name: name.to_owned(),
            key: person_key(name),
            positions,
            known: None,
        },
    })
}

/// Whether `before` ends with a form of address ("đồng chí ", "M. ").
fn address_ends(before: &str) -> bool {
    let before = &before[crate::look_back(before, before.len(), 64)..];
    let trimmed = before.trim_end().trim_end_matches(':').trim_end();
    ADDRESS.iter().any(|a| {
        crate::ends_with_lowercase(trimmed, a).is_some_and(|at| word_ends_before(trimmed, at))
    })
}

/// Where the form of address before `name_start` begins, so that the item shows it.
fn address_start(text: &str, name_start: usize) -> usize {
    let base = crate::look_back(text, name_start, 64);
    let before = &text[base..name_start];
    let trimmed = before.trim_end().trim_end_matches(':').trim_end();
    ADDRESS
        .iter()
        .filter_map(|a| crate::ends_with_lowercase(trimmed, a))
        .min()
        .map_or(name_start, |at| base + at)
}

fn place_word_ends(before: &str) -> bool {
    let before = &before[crate::look_back(before, before.len(), 64)..];
    let trimmed = before.trim_end();
    PLACE_WORDS.iter().any(|p| {
        crate::ends_with_lowercase(trimmed, p).is_some_and(|at| word_ends_before(trimmed, at))
    })
}

/// Whether no letter or digit comes right before byte `at`.
fn word_ends_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The positions written right after a name (", UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh", " -
/// Director of ..."), and where they end.
fn positions_after(text: &str, name_end: usize, language: Language) -> (Vec<String>, usize) {
    let rest = &text[name_end..];
    let opening = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let mut at = name_end + opening;
    let Some(separator) = text[at..].chars().next() else {
        return (Vec::new(), name_end);
    };
    let closing = match separator {
        ',' | '-' | '–' | '—' => None,
        '(' => Some(')'),
        _ => return (Vec::new(), name_end),
    };
    at += separator.len_utf8();
    let mut positions = Vec::new();
    let mut end = name_end;
    while let Some((position, position_end)) = position_at(text, at, language) {
        // "Bui Thanh Son, Minister of Justice Do Duc Duy": a position a name follows is
        // that name's, written before it in a list of people.
        if name_starts_at(text, position_end) {
            break;
        }
        positions.push(position);
        end = position_end;
        // Another position follows a comma or "and" only when it starts like one.
        let after = &text[position_end..];
        let joined = |rest: &'_ str| -> Option<usize> {
            JOINS.iter().find_map(|j| {
                let tail = rest.strip_prefix(' ')?.strip_prefix(j)?.strip_prefix(' ')?;
                Some(rest.len() - tail.len())
            })
        };
        let Some(rest) = after
            .strip_prefix(',')
            // "…, chef de la Commission, et président dudit conseil": a comma and a join.
            .map(|rest| joined(rest).map_or(rest, |n| &rest[n..]))
            .or_else(|| joined(after).map(|n| &after[n..]))
        else {
            break;
        };
        at = text.len() - rest.len();
    }
    if let Some(close) = closing {
        if positions.is_empty() || !text[end..].trim_start().starts_with(close) {
            return (Vec::new(), name_end);
        }
        let spaces = text[end..].len() - text[end..].trim_start().len();
        end += spaces + close.len_utf8();
    }
    (positions, end)
}

/// Whether a name begins right after byte `at`, past one space: a capitalised family name
/// and another capitalised syllable.
fn name_starts_at(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix(' ') else {
        return false;
    };
    let from = at + 1;
    let to = from + crate::floor_char_boundary(rest, rest.len().min(48));
    let next = words(text, from, to);
    next.first().is_some_and(|(s, e)| {
        *s == from && is_capitalised(&text[*s..*e]) && is_family_name(&text[*s..*e])
    }) && name_follows(text, &next)
        // "Bí thư Tỉnh ủy Hà Tĩnh": a province's name goes on with the position.
        && !(2..=4.min(next.len()))
            .any(|n| localities::is_locality(&text[next[0].0..next[n - 1].1]))
}

/// One position starting at byte `at` (after white space), and where it ends.
fn position_at(text: &str, at: usize, language: Language) -> Option<(String, usize)> {
    let limit = clause_limit(text, at);
    let all = words(text, at, limit);
    if all.first().is_none_or(|(s, _)| text[at..*s].trim() != "") {
        return None;
    }
    // "également président du Conseil": the adverb is not the position's.
    let skipped = starts_with_phrase(text, &all, &SKIPPED).unwrap_or(0);
    let all = &all[skipped..];
    let kept = starts_with_phrase(text, all, &KEPT).unwrap_or(0);
    let english = language == Language::En;
    // "National Assembly Delegate", "NA Chairman": an English position may open with the
    // body's capitalised name before its head.
    let lead = if english {
        english_lead(text, &all[kept..])
    } else {
        0
    };
    starts_with_phrase(text, &all[kept + lead..], &HEADS)?;
    // English positions are capitalised words and connectors; French and Vietnamese ones
    // run on in lowercase.
    let mut taken = kept + lead;
    let mut after_place = false;
    while taken < all.len() && taken < POSITION_WORDS {
        let (s, e) = all[taken];
        let word = &text[s..e];
        if taken > 0 && ends_position(text, &all[taken..], language) && !envoy_to(text, all, taken)
        {
            break;
        }
        // "UBND tỉnh Hà Tĩnh cho hay": a Vietnamese position ends with its place, and what
        // follows in lower case is what the person did.
        if language == Language::Vi {
            let lower = crate::lowercase(word);
            if after_place && !is_capitalised(word) && !IN_POSITION_AFTER_PLACE.contains(&&*lower) {
                break;
            }
            let place = matches!(word, "TP" | "Tp")
                || (!is_capitalised(word) && PLACE_ENDS.contains(&&*lower));
            after_place = place || (after_place && is_capitalised(word));
        }
        if english
            && word.is_ascii()
            && !is_capitalised(word)
            && !CONNECTORS.contains(&word)
            && !LOWERCASE_IN_POSITIONS.contains(&word)
            && !is_ordinal(word)
            && !envoy_to(text, all, taken)
            && starts_with_phrase(text, &all[taken..], &HEADS).is_none()
        {
            break;
        }
        // A person's name after a position in a list begins the next item; a province's
        // name after "tỉnh" or a preposition ("de Lai Châu", "à Ho Chi Minh-Ville") does
        // not, nor a lower-case word that spells a family name ("Trưởng *đoàn* Đại biểu").
        if taken > 0
            && is_capitalised(word)
            && is_family_name(word)
            && name_follows(text, &all[taken..])
            && !PLACE_WORDS
                .iter()
                .chain(PREPOSITIONS)
                .any(|w| crate::same_word(&text[all[taken - 1].0..all[taken - 1].1], w))
        {
            break;
        }
        taken += 1;
    }
    while taken > 1 && CONNECTORS.contains(&&text[all[taken - 1].0..all[taken - 1].1]) {
        taken -= 1;
    }
    if taken == 0 {
        return None;
    }
    let end = all[taken - 1].1;
    Some((text[all[0].0..end].to_owned(), end))
}

/// Where the clause starting at `at` ends: at a stop, a comma, a bracket, a colon, a line's
/// end; not at a dash ("Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh") nor at the point of "TP."
/// ("Chủ tịch UBND TP. Hải Phòng").
fn clause_limit(text: &str, at: usize) -> usize {
    let mut from = at;
    loop {
        let Some(i) = text[from..].find([
            '.', ';', ':', '(', ')', ',', '\n', '!', '?', '"', '“', '”', '—',
        ]) else {
            return text.len();
        };
        let stop = from + i;
        let abbreviation = text[stop..].starts_with('.')
            && ["TP", "Tp"]
                .iter()
                .any(|a| text[..stop].ends_with(a) && crate::starts_word(text, stop - a.len()));
        // "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism": a
        // comma inside a body's name.
        let in_a_name = text[stop..].starts_with(',') && {
            let next = text[stop + 1..]
                .find([
                    '.', ';', ':', '(', ')', ',', '\n', '!', '?', '"', '“', '”', '—',
                ])
                .map_or(text.len(), |j| stop + 1 + j);
            list_tail(text, stop + 1, next)
        };
        if !abbreviation && !in_a_name {
            return stop;
        }
        from = stop + 1;
    }
}

/// Words that go on inside a body's name in French: "Service de la Culture, *des* Sports *et
/// du* Tourisme".
const NAME_ARTICLES: &[&str] = &["de", "des", "du", "la", "le", "l", "d"];

/// Whether `text[from..to]`, after a comma, ends a body's name that lists its fields: "Thể
/// thao và Du lịch", "Sports and Tourism", "des Sports et du Tourisme", "Invalids and Social
/// Affairs". It opens with a capitalised word (in French maybe after an article), joins its
/// last field with "và", "and", "et", and holds neither a position's head, a name nor what
/// someone did.
fn list_tail(text: &str, from: usize, to: usize) -> bool {
    let mut all = words(text, from, to);
    // "Thể thao và Du lịch phát biểu": what the person did ends the name.
    if let Some(stop) =
        (1..all.len()).find(|&i| starts_with_phrase(text, &all[i..], &ENDS).is_some())
    {
        all.truncate(stop);
    }
    if !(2..=8).contains(&all.len()) {
        return false;
    }
    let word = |i: usize| &text[all[i].0..all[i].1];
    // Written in lower case: "Du lịch" is a field, not "du".
    let article = |i: usize| NAME_ARTICLES.contains(&word(i));
    let capital_after_articles = |mut i: usize| {
        while i < all.len() && article(i) {
            i += 1;
        }
        i < all.len() && is_capitalised(word(i))
    };
    let join = (1..all.len() - 1).find(|&i| JOINS.iter().any(|j| crate::same_word(word(i), j)));
    let vietnamese = (0..all.len()).any(|i| !word(i).is_ascii() && !is_syllable(word(i)))
        || (0..all.len()).all(|i| is_syllable(word(i)));
    capital_after_articles(0)
        && join.is_some_and(|j| capital_after_articles(j + 1))
        && starts_with_phrase(text, &all, &HEADS).is_none()
        && starts_with_phrase(text, &all, &ADDRESSES).is_none()
        && !(is_family_name(word(0)) && name_follows(text, &all))
        && (0..all.len()).all(|i| {
            let w = word(i);
            let lower_ok = vietnamese
                || CONNECTORS.contains(&w)
                || article(i)
                || JOINS.iter().any(|j| crate::same_word(w, j));
            (is_capitalised(w) || lower_ok)
                && starts_with_phrase(text, &all[i..], &ENDS).is_none()
                && starts_with_phrase(text, &all[i..], &HEADS).is_none()
        })
}

/// Whether a position ends at the first of `words`: a stop ("phát biểu", "said"), or a
/// word joining it to a second position ("và Chủ tịch"), or in Vietnamese "và" before
/// lower-case words ("và các đồng chí"). A Vietnamese stop written with a capital is a
/// body's name ("Ban Chỉ đạo"), except a form of address.
fn ends_position(text: &str, words: &[(usize, usize)], language: Language) -> bool {
    let (s, e) = words[0];
    let word = &text[s..e];
    if JOINS.iter().any(|j| crate::same_word(word, j)) {
        let next = &words[1..];
        return next.first().is_none_or(|(s, e)| {
            starts_with_phrase(text, next, &HEADS).is_some()
                || starts_with_phrase(text, next, &KEPT).is_some()
                // "Chairwoman of the Council and Mr. Dinh Huu Hoc": the next person.
                || starts_with_phrase(text, next, &ADDRESSES).is_some()
                || (language == Language::Vi && !is_capitalised(&text[*s..*e]))
        });
    }
    is_stop(text, words, language)
}

/// Whether a stop starts the words: what a person did, or where the sentence goes next.
fn is_stop(text: &str, words: &[(usize, usize)], language: Language) -> bool {
    if starts_with_phrase(text, words, &NOT_ENDS).is_some()
        || starts_with_phrase(text, words, &ENDS).is_none()
    {
        return false;
    }
    let (s, e) = words[0];
    // "ambassadeur du Vietnam en France", "consul général à Marseille": before a place's
    // name these go on with the position.
    // "président du Comité d'État des Vietnamiens à l'étranger": nor before an elided
    // article.
    if language == Language::Fr
        && ["en", "à", "au", "aux"].contains(&&text[s..e])
        && words.get(1).is_some_and(|(ns, ne)| {
            is_capitalised(&text[*ns..*ne])
                || text[e..*ns].ends_with("l'")
                || text[e..*ns].ends_with("l’")
        })
    {
        return false;
    }
    !(language == Language::Vi
        && is_capitalised(&text[s..e])
        && starts_with_phrase(text, words, &ADDRESSES).is_none())
}

/// How many capitalised words, at most four, come before a head: "National Assembly" in
/// "National Assembly Delegate"; none when no head follows them.
fn english_lead(text: &str, words: &[(usize, usize)]) -> usize {
    if starts_with_phrase(text, words, &HEADS).is_some() {
        return 0;
    }
    (1..=4.min(words.len().saturating_sub(1)))
        .find(|n| {
            words[..*n].iter().all(|(s, e)| {
                let word = &text[*s..*e];
                is_capitalised(word) && !word.ends_with("'s") && !word.ends_with("’s")
            }) && starts_with_phrase(text, &words[*n..], &HEADS).is_some()
        })
        .unwrap_or(0)
}

/// Whether word `i`, a stop elsewhere, goes on inside a position: the "to" of an envoy's
/// post ("Ambassador *to* France"), the "giao" of "Bộ Ngoại *giao*" (diplomacy, not "to
/// assign").
fn envoy_to(text: &str, words: &[(usize, usize)], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let (word, before) = (
        &text[words[i].0..words[i].1],
        &text[words[i - 1].0..words[i - 1].1],
    );
    (word == "to"
        && ["ambassador", "envoy", "consul"]
            .iter()
            .any(|w| crate::same_word(before, w)))
        || (word == "giao" && crate::same_word(before, "ngoại"))
        // "Đại sứ Việt Nam *tại* Lào": an envoy's post names where it is held.
        || (word == "tại"
            && words
                .get(i + 1)
                .is_some_and(|(s, e)| is_capitalised(&text[*s..*e]))
            && words[..i].windows(2).any(|pair| {
                let (a, b) = (&text[pair[0].0..pair[0].1], &text[pair[1].0..pair[1].1]);
                (crate::same_word(a, "đại") && crate::same_word(b, "sứ"))
                    || (crate::same_word(a, "lãnh") && crate::same_word(b, "sự"))
            }))
}

/// "15th", "1st": an ordinal, as in "Delegate of the 15th term".
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].contains(&&word[digits.len()..])
}

/// Whether the words start a name: a family name and at least one more capitalised
/// syllable, separated by a space.
fn name_follows(text: &str, words: &[(usize, usize)]) -> bool {
    words.len() >= 2
        && text[words[0].1..words[1].0] == *" "
        && is_capitalised(&text[words[1].0..words[1].1])
        && is_syllable(&text[words[1].0..words[1].1])
        && is_syllable(&text[words[0].0..words[0].1])
}

/// The positions written right before a name ("Chairman of the Provincial People's
/// Committee Nguyen Duc Trung", "Phó Chủ tịch UBND tỉnh Lê Hồng Vinh"), and where they start.
fn positions_before(
    text: &str,
    name_start: usize,
    floor: usize,
    language: Language,
) -> (Vec<String>, usize) {
    // Not into the person read before: "…, Chủ tịch HĐND tỉnh và các đồng chí: Lại Thế
    // Nguyên" gives the first person's position to the first person only.
    let window = crate::look_back(text, name_start, crate::LOOK_BACK).max(floor.min(name_start));
    let before = &text[window..name_start];
    // A hyphen inside a word ("vice-Premier ministre") does not end the clause; one between
    // words ("Comrade X - Director") does.
    let hyphen_between_words = |i: usize| {
        before[..i].ends_with(char::is_whitespace)
            || before[i + 1..].starts_with(char::is_whitespace)
    };
    // "directeur général de l'Office général des statistiques (GSO), Nguyen Thi Huong": an
    // acronym in brackets is the body's, inside the position.
    let acronym = |open: usize| {
        before[open + 1..].find(')').is_some_and(|close| {
            let inner = &before[open + 1..open + 1 + close];
            (2..=10).contains(&inner.len()) && inner.chars().all(|c| c.is_uppercase() || c == '-')
        })
    };
    let delimiter = |to: usize| {
        before[..to].char_indices().rfind(|(i, c)| {
            let bracket = match c {
                '(' => !acronym(*i),
                ')' => !before[..*i].rfind('(').is_some_and(acronym),
                _ => false,
            };
            bracket
                || matches!(
                    c,
                    '.' | ';' | ':' | '\n' | '!' | '?' | '"' | '“' | '”' | '–' | '—'
                )
                || (*c == '-' && hyphen_between_words(*i))
        })
    };
    let mut found = delimiter(before.len());
    // "Trưởng phòng Tài chính - Kế hoạch huyện Lê Văn Tám": a dash inside a body's name,
    // whose words after it hold no head, goes on with the position before it.
    if let Some((i, dash @ ('-' | '–'))) = found {
        let after = words(text, window + i + dash.len_utf8(), name_start);
        let no_head =
            (0..after.len()).all(|k| starts_with_phrase(text, &after[k..], &HEADS).is_none());
        if no_head && !after.is_empty() && language == Language::Vi {
            let earlier = delimiter(i);
            let from = earlier.map_or(0, |(j, c)| j + c.len_utf8());
            let head_before = {
                let part = words(text, window + from, window + i);
                (0..part.len()).any(|k| starts_with_phrase(text, &part[k..], &HEADS).is_some())
            };
            if head_before {
                found = earlier;
            }
        }
    }
    let clause_start = found.map_or(window, |(i, c)| window + i + c.len_utf8());
    // Comma-separated parts, the nearest first.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut end = name_start;
    for (i, _) in text[clause_start..name_start].rmatch_indices(',') {
        // "Director of the Department of Culture, Sports and Tourism Le Tran Sang": the
        // comma is inside the body's name, whose tail runs to the name.
        let tail_end = if end == name_start { name_start } else { end };
        if list_tail(text, clause_start + i + 1, tail_end) {
            continue;
        }
        parts.push((clause_start + i + 1, end));
        end = clause_start + i;
    }
    parts.push((clause_start, end));
    let mut positions = Vec::new();
    let mut start = name_start;
    for (from, to) in parts {
        let all = words(text, from, to);
        if all.is_empty() {
            // "Le président du Comité populaire provincial, M. Cao Tuong Huy": nothing
            // between the comma and the form of address.
            if to == name_start && positions.is_empty() {
                continue;
            }
            break;
        }
        // The position begins at the earliest head after the last stop word.
        let after_stop = (0..all.len())
            .rev()
            .find(|i| is_stop(text, &all[*i..], language) && !envoy_to(text, &all, *i))
            .map_or(0, |i| i + 1);
        let head = (after_stop..all.len())
            .find(|i| starts_with_phrase(text, &all[*i..], &HEADS).is_some());
        let Some(mut head) = head else { break };
        // "NA Chairman", "nguyên Chủ tịch": the words before the head that are the
        // position's.
        let english = language == Language::En;
        let lead_from = head;
        while head > after_stop && lead_from - head < 4 {
            let word = &text[all[head - 1].0..all[head - 1].1];
            let lead = english
                && is_capitalised(word)
                && !word.ends_with("'s")
                && !word.ends_with("’s")
                && word != "The";
            if !lead && starts_with_phrase(text, &all[head - 1..], &KEPT).is_none() {
                break;
            }
            head -= 1;
        }
        if all.len() - head > POSITION_WORDS {
            break;
        }
        if english
            && all[head..].iter().enumerate().any(|(k, (s, e))| {
                let word = &text[*s..*e];
                word.is_ascii()
                    && !envoy_to(text, &all, head + k)
                    && !is_capitalised(word)
                    && !CONNECTORS.contains(&word)
                    && !LOWERCASE_IN_POSITIONS.contains(&word)
                    && starts_with_phrase(text, &[(*s, *e)], &HEADS).is_none()
            })
        {
            break;
        }
        for position in joined_positions(text, &all[head..]).into_iter().rev() {
            positions.push(position);
        }
        start = all[head].0;
        // A part that does not start with its position ends the list.
        if head != 0 {
            break;
        }
    }
    positions.reverse();
    (positions, start)
}

/// `text[start..end]`, with the bracket that closes an acronym opened in it: "… statistiques
/// (GSO)".
fn closed(text: &str, start: usize, end: usize) -> String {
    let open = text[start..end].matches('(').count() > text[start..end].matches(')').count();
    let end = if open && text[end..].starts_with(')') {
        end + 1
    } else {
        end
    };
    text[start..end].to_owned()
}

/// The positions of a run of words, apart where a joining word comes before a position's
/// head: "NA Secretary General and Chairman of the NA Office" is two.
fn joined_positions(text: &str, words: &[(usize, usize)]) -> Vec<String> {
    let mut positions = Vec::new();
    let mut from = 0;
    let mut i = 1;
    while i + 1 < words.len() {
        let (s, e) = words[i];
        // "vice-ministre des Affaires étrangères également président du Comité": an adverb
        // of holding two posts parts them as "and" does, and is neither's.
        let joining = if JOINS.iter().any(|j| crate::same_word(&text[s..e], j)) {
            1
        } else if !["le", "la"].contains(&&text[s..e]) {
            starts_with_phrase(text, &words[i..], &SKIPPED).unwrap_or(0)
        } else {
            0
        };
        if joining > 0
            && i + joining < words.len()
            && (starts_with_phrase(text, &words[i + joining..], &HEADS).is_some()
                || starts_with_phrase(text, &words[i + joining..], &KEPT).is_some())
        {
            positions.push(closed(text, words[from].0, words[i - 1].1));
            from = i + joining;
            i += joining;
            continue;
        }
        i += 1;
    }
    if let Some(last) = words.last() {
        positions.push(closed(text, words[from].0, last.1));
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, String, Vec<String>)> {
        find(text, crate::language::detect(text))
            .into_iter()
            .map(|f| match f.fact {
                Fact::Person {
                    name, positions, ..
                } => (text[f.start..f.end].to_owned(), name, positions),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_position_before_the_name_in_lower_case_or_before_a_comma() {
        assert_eq!(
            people(
                "Chairman of the provincial People's Committee Le Ngoc Chau said that exports rose."
            ),
            [(
                "Chairman of the provincial People's Committee Le Ngoc Chau".to_owned(),
                "Le Ngoc Chau".to_owned(),
                vec!["Chairman of the provincial People's Committee".to_owned()]
            )]
        );
        assert_eq!(
            people(
                "Le président du Comité populaire provincial, M. Cao Tuong Huy, a indiqué que la province a progressé."
            ),
            [(
                "président du Comité populaire provincial, M. Cao Tuong Huy".to_owned(),
                "Cao Tuong Huy".to_owned(),
                vec!["président du Comité populaire provincial".to_owned()]
            )]
        );
    }

    #[test]
    fn vietnamese_people_follow_a_form_of_address_with_their_positions() {
        let text = "Đoàn giám sát do đồng chí Trần Minh Lực, UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh, Phó Trưởng Đoàn giám sát chủ trì buổi làm việc.";
        assert_eq!(
            people(text),
            [(
                "đồng chí Trần Minh Lực, UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh, Phó Trưởng Đoàn giám sát".to_owned(),
                "Trần Minh Lực".to_owned(),
                strings(&["UVTV Tỉnh ủy", "Phó Chủ tịch HĐND tỉnh", "Phó Trưởng Đoàn giám sát"])
            )]
        );
        let ethnic =
            "Tham dự có đồng chí Chamaléa Thị Thủy, UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy.";
        assert_eq!(
            people(ethnic)[0].2,
            strings(&["UVTV Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"])
        );
        let before = "Phát biểu tại hội nghị, Phó Chủ tịch UBND tỉnh Lê Hồng Vinh yêu cầu các sở.";
        assert_eq!(
            people(before),
            [(
                "Phó Chủ tịch UBND tỉnh Lê Hồng Vinh".to_owned(),
                "Lê Hồng Vinh".to_owned(),
                strings(&["Phó Chủ tịch UBND tỉnh"])
            )]
        );
    }

    #[test]
    fn english_and_french_people_with_positions_before_or_after() {
        let text = "Chairman of the Provincial People's Committee Nguyen Duc Trung requested the industry. Comrade Pham Van Hoa - Director of the Department of Industry and Trade reported on it. Attending were comrades: Le Hong Vinh - Member of the Provincial Party Standing Committee, Permanent Vice Chairman of the Provincial People's Committee; and others.";
        let found = people(text);
        assert_eq!(
            found
                .iter()
                .map(|(_, n, p)| (n.as_str(), p.clone()))
                .collect::<Vec<_>>(),
            [
                (
                    "Nguyen Duc Trung",
                    strings(&["Chairman of the Provincial People's Committee"])
                ),
                (
                    "Pham Van Hoa",
                    strings(&["Director of the Department of Industry and Trade"])
                ),
                (
                    "Le Hong Vinh",
                    strings(&[
                        "Member of the Provincial Party Standing Committee",
                        "Permanent Vice Chairman of the Provincial People's Committee"
                    ])
                ),
            ]
        );
        let french =
            "M. Le Hong Vinh, vice-président du Comité populaire provincial, a présidé la séance.";
        assert_eq!(
            people(french),
            [(
                "M. Le Hong Vinh, vice-président du Comité populaire provincial".to_owned(),
                "Le Hong Vinh".to_owned(),
                strings(&["vice-président du Comité populaire provincial"])
            )]
        );
        // A hyphen inside a word does not end the position before a name.
        let hyphenated =
            "Le 2 décembre 2024, le vice-Premier ministre Le Thanh Long a présidé une réunion.";
        assert_eq!(
            people(hyphenated),
            [(
                "vice-Premier ministre Le Thanh Long".to_owned(),
                "Le Thanh Long".to_owned(),
                strings(&["vice-Premier ministre"])
            )]
        );
    }

    fn names_and_positions(text: &str) -> Vec<(String, Vec<String>)> {
        people(text)
            .into_iter()
            .map(|(_, name, positions)| (name, positions))
            .collect()
    }

    #[test]
    fn the_french_press_names_ambassadors_after_an_article_and_places_in_positions() {
        let person = |name: &str, positions: &[&str]| (name.to_owned(), strings(positions));
        // An elided article before the head; "en", "à" before a place's name go on with
        // the position.
        assert_eq!(
            names_and_positions(
                "L'ambassadeur du Vietnam en France, M. Dinh Toan Thang, a reçu la délégation. L'ambassadrice Nguyen Thi Van Anh a pris la parole. Le consul général du Vietnam à Marseille, M. Le Van Hoa, a accueilli les invités."
            ),
            [
                person("Dinh Toan Thang", &["ambassadeur du Vietnam en France"]),
                person("Nguyen Thi Van Anh", &["ambassadrice"]),
                person("Le Van Hoa", &["consul général du Vietnam à Marseille"]),
            ]
        );
        // A French article after the comma is not the position's; a feminine title is one.
        assert_eq!(
            names_and_positions(
                "Pham Minh Chinh, le Premier ministre, a déclaré. Mme Nguyen Thi Hong, gouverneure de la Banque d'Etat, était présente."
            ),
            [
                person("Pham Minh Chinh", &["Premier ministre"]),
                person("Nguyen Thi Hong", &["gouverneure de la Banque d'Etat"]),
            ]
        );
        // A province named in a position keeps its last word, a family name or a given name
        // read before ("Ninh").
        assert_eq!(
            names_and_positions(
                "Mme Tôn Nu Thi Ninh a parlé. Le vice-président du Comité populaire de la province de Quang Ninh, Nguyen Tuong Van, a présenté le bilan."
            ),
            [
                person("Tôn Nu Thi Ninh", &[]),
                person(
                    "Nguyen Tuong Van",
                    &["vice-président du Comité populaire de la province de Quang Ninh"]
                ),
            ]
        );
        // In lower case, "en" still ends a position: "en visite".
        assert_eq!(
            names_and_positions(
                "M. Nguyen Van Thang, ministre des Finances en visite à Paris, a signé."
            ),
            [person("Nguyen Van Thang", &["ministre des Finances"])]
        );
    }

    #[test]
    fn ambassadors_and_governors_hold_positions() {
        assert_eq!(
            names_and_positions(
                "Selon Dinh Toan Thang, ambassadeur du Vietnam, la visite est utile. Le gouverneur de la Banque d'État Nguyen Thi Hong a indiqué."
            ),
            [
                (
                    "Dinh Toan Thang".to_owned(),
                    strings(&["ambassadeur du Vietnam"])
                ),
                (
                    "Nguyen Thi Hong".to_owned(),
                    strings(&["gouverneur de la Banque d'État"])
                ),
            ]
        );
        assert_eq!(
            names_and_positions(
                "Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng và Đại sứ Phạm Quang Hiệu tiếp đoàn."
            ),
            [
                (
                    "Nguyễn Thị Hồng".to_owned(),
                    strings(&["Thống đốc Ngân hàng Nhà nước"])
                ),
                ("Phạm Quang Hiệu".to_owned(), strings(&["Đại sứ"])),
            ]
        );
    }

    #[test]
    fn french_spellings_of_family_names_are_family_names() {
        assert_eq!(
            names_and_positions(
                "Le vice-Premier ministre Trân Luu Quang a reçu le ministre de l'Industrie Nguyên Hông Diên."
            ),
            [
                (
                    "Trân Luu Quang".to_owned(),
                    strings(&["vice-Premier ministre"])
                ),
                (
                    "Nguyên Hông Diên".to_owned(),
                    strings(&["ministre de l'Industrie"])
                ),
            ]
        );
        // A word spelled with a letter of Vietnamese alone is not folded into a family name:
        // "Trường" is a school, not "Trương".
        assert_eq!(
            names_and_positions(
                "Trường Đại học Vinh đón đoàn. Nguyên Phó Chủ tịch tỉnh phát biểu."
            ),
            []
        );
    }

    #[test]
    fn positions_joined_by_and_are_apart_and_whole() {
        assert_eq!(
            names_and_positions(
                "Dự họp có đồng chí Trương Văn Bình, Phó Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh, nguyên Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng."
            ),
            [(
                "Trương Văn Bình".to_owned(),
                strings(&[
                    "Phó Bí thư Tỉnh ủy",
                    "Chủ tịch UBND tỉnh",
                    "nguyên Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng"
                ])
            )]
        );
        assert_eq!(
            names_and_positions(
                "Deputy Secretary of the City Party Committee and Chairman of the City People's Council Tran Van Minh opened the meeting."
            ),
            [(
                "Tran Van Minh".to_owned(),
                strings(&[
                    "Deputy Secretary of the City Party Committee",
                    "Chairman of the City People's Council"
                ])
            )]
        );
        assert_eq!(
            names_and_positions(
                "Mme Ha Thi Lan, secrétaire du Comité du Parti et présidente du Conseil populaire, également présidente du Comité électoral, a ouvert la séance."
            ),
            [(
                "Ha Thi Lan".to_owned(),
                strings(&[
                    "secrétaire du Comité du Parti",
                    "présidente du Conseil populaire",
                    "présidente du Comité électoral"
                ])
            )]
        );
        // "và" inside a body's name does not part it, nor does a capitalised stop word.
        assert_eq!(
            names_and_positions(
                "Bộ trưởng Bộ Tài nguyên và Môi trường Đặng Quốc Khánh làm việc. Ông Vũ Văn Hải, Phó Trưởng Ban Chỉ đạo tỉnh, dự."
            ),
            [
                (
                    "Đặng Quốc Khánh".to_owned(),
                    strings(&["Bộ trưởng Bộ Tài nguyên và Môi trường"])
                ),
                (
                    "Vũ Văn Hải".to_owned(),
                    strings(&["Phó Trưởng Ban Chỉ đạo tỉnh"])
                ),
            ]
        );
    }

    #[test]
    fn english_positions_open_with_the_body_and_run_on_with_the_term() {
        assert_eq!(
            names_and_positions(
                "NA Vice Chairman Tran Quang Phuong met voters. Comrade Le Thi Hoa, National Assembly Deputy of the 14th term, spoke."
            ),
            [
                (
                    "Tran Quang Phuong".to_owned(),
                    strings(&["NA Vice Chairman"])
                ),
                (
                    "Le Thi Hoa".to_owned(),
                    strings(&["National Assembly Deputy of the 14th term"])
                ),
            ]
        );
    }

    #[test]
    fn a_province_named_in_a_position_stays_in_it() {
        assert_eq!(
            names_and_positions(
                "Chủ tịch UBND tỉnh Quảng Bình Trần Thắng phát biểu. Bà Lê Thị Mai, Giám đốc Sở Y tế tỉnh Quảng Bình nhận xét, ông Phan Văn Tú, Phó Chủ tịch UBND TP. Đà Nẵng theo dõi."
            ),
            [
                (
                    "Trần Thắng".to_owned(),
                    strings(&["Chủ tịch UBND tỉnh Quảng Bình"])
                ),
                (
                    "Lê Thị Mai".to_owned(),
                    strings(&["Giám đốc Sở Y tế tỉnh Quảng Bình"])
                ),
                (
                    "Phan Văn Tú".to_owned(),
                    strings(&["Phó Chủ tịch UBND TP. Đà Nẵng"])
                ),
            ]
        );
    }

    #[test]
    fn a_place_after_a_preposition_and_a_lower_case_family_name_stay_in_the_position() {
        assert_eq!(
            names_and_positions(
                "Vu Thanh Long, président du Comité populaire de la province de Lai Châu, a visité l'école."
            ),
            [(
                "Vu Thanh Long".to_owned(),
                strings(&["président du Comité populaire de la province de Lai Châu"])
            )]
        );
        assert_eq!(
            names_and_positions(
                "Dự họp có đồng chí Hà Văn Tâm, Bí thư Huyện ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh."
            ),
            [(
                "Hà Văn Tâm".to_owned(),
                strings(&["Bí thư Huyện ủy", "Trưởng đoàn Đại biểu Quốc hội tỉnh"])
            )]
        );
    }

    #[test]
    fn an_acting_chairman_and_a_position_that_ends_before_the_next_persons_address() {
        assert_eq!(
            names_and_positions("Đồng chí Lưu Minh Tâm, Quyền Giám đốc Sở Tài chính, phát biểu."),
            [(
                "Lưu Minh Tâm".to_owned(),
                strings(&["Quyền Giám đốc Sở Tài chính"])
            )]
        );
        assert_eq!(
            names_and_positions(
                "Ms. Tran Thu Ha, Director of the Department of Health and Mr. Le Van Binh, Director of the Department of Finance, attended."
            ),
            [
                (
                    "Tran Thu Ha".to_owned(),
                    strings(&["Director of the Department of Health"])
                ),
                (
                    "Le Van Binh".to_owned(),
                    strings(&["Director of the Department of Finance"])
                ),
            ]
        );
    }

    #[test]
    fn a_position_before_a_name_in_a_list_and_names_listed_after_a_person() {
        assert_eq!(
            names_and_positions(
                "The meeting was attended by Deputy Ministers Pham Van Tam, Ly Thi Hoa and Dang Quoc Viet, Minister of Construction Vo Thanh Hai and others."
            ),
            [
                ("Pham Van Tam".to_owned(), strings(&["Deputy Ministers"])),
                ("Ly Thi Hoa".to_owned(), vec![]),
                ("Dang Quoc Viet".to_owned(), vec![]),
                (
                    "Vo Thanh Hai".to_owned(),
                    strings(&["Minister of Construction"])
                ),
            ]
        );
    }

    #[test]
    fn a_name_set_off_by_dashes_after_its_position_and_bylines_of_writers() {
        assert_eq!(
            names_and_positions(
                "The Director of the provincial Department of Education – Trinh Van Hai – opened the course."
            ),
            [(
                "Trinh Van Hai".to_owned(),
                strings(&["Director of the provincial Department of Education"])
            )]
        );
        assert_eq!(
            names_and_positions(
                "The roads were repaired.\nBy Kim Oanh – Translated by Thu Trang\n"
            ),
            [
                ("Kim Oanh".to_owned(), vec![]),
                ("Thu Trang".to_owned(), vec![]),
            ]
        );
        assert_eq!(
            names_and_positions("Đường đã được sửa.\nTác giả bài viết: Lò Thị Mai - TTVH\n"),
            [("Lò Thị Mai".to_owned(), vec![])]
        );
        // A province is nobody's byline.
        assert!(people("The goods were shipped by Ha Nam.").is_empty());
    }

    #[test]
    fn a_comma_inside_a_bodys_list_of_fields_stays_in_the_position() {
        assert_eq!(
            names_and_positions(
                "Đồng chí Lê Minh Khoa, Giám đốc Sở Nông nghiệp, Môi trường và Phát triển nông thôn cho biết như vậy."
            ),
            [(
                "Lê Minh Khoa".to_owned(),
                strings(&["Giám đốc Sở Nông nghiệp, Môi trường và Phát triển nông thôn"])
            )]
        );
        assert_eq!(
            names_and_positions(
                "Deputy Director of the municipal Department of Science, Technology and Innovation Hoang Thi Mai opened the forum."
            ),
            [(
                "Hoang Thi Mai".to_owned(),
                strings(&[
                    "Deputy Director of the municipal Department of Science, Technology and Innovation"
                ])
            )]
        );
        assert_eq!(
            names_and_positions(
                "Tran Quoc Bao, directeur du Service de l'Industrie, du Commerce et de l'Énergie, a présenté le bilan."
            ),
            [(
                "Tran Quoc Bao".to_owned(),
                strings(&["directeur du Service de l'Industrie, du Commerce et de l'Énergie"])
            )]
        );
        // Two positions after a comma stay two.
        assert_eq!(
            names_and_positions(
                "Đồng chí Vi Văn Sơn, Bí thư Huyện ủy, Chủ tịch HĐND huyện và các đại biểu dự họp."
            ),
            [(
                "Vi Văn Sơn".to_owned(),
                strings(&["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"])
            )]
        );
    }

    #[test]
    fn two_posts_held_together_and_a_last_position_after_a_comma_and_et() {
        assert_eq!(
            names_and_positions(
                "Le vice-ministre de la Santé également président du Conseil d'éthique à l'échelle nationale, Do Van Lam, a ouvert la séance."
            ),
            [(
                "Do Van Lam".to_owned(),
                strings(&[
                    "vice-ministre de la Santé",
                    "président du Conseil d'éthique à l'échelle nationale"
                ])
            )]
        );
        assert_eq!(
            names_and_positions(
                "La réunion était présidée par Ngo Thi Lan, secrétaire du Comité provincial du Parti, et présidente du Conseil populaire provincial."
            ),
            [(
                "Ngo Thi Lan".to_owned(),
                strings(&[
                    "secrétaire du Comité provincial du Parti",
                    "présidente du Conseil populaire provincial"
                ])
            )]
        );
    }

    #[test]
    fn heads_of_departments_a_dash_in_a_bodys_name_and_ba_opening_a_sentence() {
        assert_eq!(
            names_and_positions(
                "Cục trưởng Cục Hải quan tỉnh Đinh Văn Toàn cho biết số thu tăng. Theo ông Mạc Văn Hòa, Chi cục trưởng Chi cục Kiểm lâm, diện tích rừng tăng."
            ),
            [
                (
                    "Đinh Văn Toàn".to_owned(),
                    strings(&["Cục trưởng Cục Hải quan tỉnh"])
                ),
                (
                    "Mạc Văn Hòa".to_owned(),
                    strings(&["Chi cục trưởng Chi cục Kiểm lâm"])
                ),
            ]
        );
        assert_eq!(
            names_and_positions(
                "Trưởng phòng Văn hóa - Thông tin huyện Nông Thị Hà phát biểu tại buổi lễ."
            ),
            [(
                "Nông Thị Hà".to_owned(),
                strings(&["Trưởng phòng Văn hóa - Thông tin huyện"])
            )]
        );
        assert_eq!(
            people("Bà Phùng Thị Mai cho biết xã đã hoàn thành."),
            [(
                "Bà Phùng Thị Mai".to_owned(),
                "Phùng Thị Mai".to_owned(),
                vec![]
            )]
        );
        // The province is no person.
        assert!(people("Bà Rịa - Vũng Tàu tăng trưởng cao.").is_empty());
    }

    #[test]
    fn an_acronym_in_brackets_inside_a_position_before_the_name() {
        assert_eq!(
            names_and_positions(
                "Le directeur de l'Agence nationale du tourisme (VNAT), Ha Van Sieu, a ouvert le salon. Selon Vu Thi Mai, cheffe du Bureau de liaison, le salon a réussi."
            ),
            [
                (
                    "Ha Van Sieu".to_owned(),
                    strings(&["directeur de l'Agence nationale du tourisme (VNAT)"])
                ),
                (
                    "Vu Thi Mai".to_owned(),
                    strings(&["cheffe du Bureau de liaison"])
                ),
            ]
        );
    }

    #[test]
    fn bylines_with_their_agency_and_credits_of_text_and_photos() {
        assert_eq!(
            names_and_positions(
                "Le riz se vend bien.\nKim Chi/CVN\nTexte et photos : Bao Ngoc\nPar Hai Yen\n"
            ),
            [
                ("Kim Chi".to_owned(), vec![]),
                ("Bao Ngoc".to_owned(), vec![]),
                ("Hai Yen".to_owned(), vec![]),
            ]
        );
        assert_eq!(
            names_and_positions("Lúa được mùa.\nMinh Hằng (TTXVN)\nBài và ảnh: Quốc Việt\n"),
            [
                ("Minh Hằng".to_owned(), vec![]),
                ("Quốc Việt".to_owned(), vec![]),
            ]
        );
        // A province and its agency's line is no byline.
        assert!(people("Giá lúa tăng.\nCà Mau/TTXVN\n").is_empty());
    }

    #[test]
    fn envoys_spokespeople_and_joined_titles() {
        assert_eq!(
            names_and_positions(
                "Vietnamese Ambassador to Japan Pham Quang Hieu met the governor. Hoang Anh Tuan, spokesman of the Ministry of Industry and Trade, said so. Minister-Chairman of the Ethnic Committee Hau A Lenh spoke."
            ),
            [
                (
                    "Pham Quang Hieu".to_owned(),
                    strings(&["Vietnamese Ambassador to Japan"])
                ),
                (
                    "Hoang Anh Tuan".to_owned(),
                    strings(&["spokesman of the Ministry of Industry and Trade"])
                ),
                (
                    "Hau A Lenh".to_owned(),
                    strings(&["Minister-Chairman of the Ethnic Committee"])
                ),
            ]
        );
        assert_eq!(
            names_and_positions(
                "Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng và Người phát ngôn Bộ Ngoại giao Đoàn Khắc Việt dự lễ."
            ),
            [
                (
                    "Nguyễn Bá Hùng".to_owned(),
                    strings(&["Đại sứ Việt Nam tại Lào"])
                ),
                (
                    "Đoàn Khắc Việt".to_owned(),
                    strings(&["Người phát ngôn Bộ Ngoại giao"])
                ),
            ]
        );
    }

    #[test]
    fn family_names_of_the_khmer_the_hmong_and_the_highlands() {
        assert_eq!(
            names_and_positions(
                "Phó Bí thư Huyện ủy Danh Hoàng Sơn và Chủ tịch UBND xã Thào Mí Páo dự lễ. Đồng chí Siu Hơ Lan, Phó Chủ tịch HĐND huyện phát biểu."
            ),
            [
                (
                    "Danh Hoàng Sơn".to_owned(),
                    strings(&["Phó Bí thư Huyện ủy"])
                ),
                ("Thào Mí Páo".to_owned(), strings(&["Chủ tịch UBND xã"])),
                (
                    "Siu Hơ Lan".to_owned(),
                    strings(&["Phó Chủ tịch HĐND huyện"])
                ),
            ]
        );
        // Sơn La is a province.
        assert!(people("Tỉnh Sơn La Mường La tăng trưởng.").is_empty());
    }

    #[test]
    fn a_byline_of_names_and_the_pages_date_parted_by_dashes() {
        assert_eq!(
            names_and_positions(
                "La foire s'ouvre.\nMinh Chau - Quoc Tuan - 3 mars 2025 10:15\nLe matin du 3 mars, la foire a ouvert."
            ),
            [
                ("Minh Chau".to_owned(), vec![]),
                ("Quoc Tuan".to_owned(), vec![]),
            ]
        );
        // Positions parted by a dash are no byline.
        assert!(people("Ban Kinh tế - Ngân sách - 2025\n").is_empty());
    }

    #[test]
    fn a_later_mention_by_a_form_of_address_and_the_last_word_of_the_name() {
        assert_eq!(
            people(
                "Đồng chí Lò Văn Quý, Bí thư Huyện ủy phát biểu. Theo ông Quý, huyện cần làm tốt hơn. Bà con đồng tình."
            ),
            [
                (
                    "Đồng chí Lò Văn Quý, Bí thư Huyện ủy".to_owned(),
                    "Lò Văn Quý".to_owned(),
                    strings(&["Bí thư Huyện ủy"])
                ),
                ("ông Quý".to_owned(), "Quý".to_owned(), vec![]),
            ]
        );
        assert_eq!(
            names_and_positions(
                "La directrice Tran Thi Lien a ouvert le forum. Selon Mme Lien, le forum est utile. M. Dung n'est pas cité avant."
            ),
            [
                ("Tran Thi Lien".to_owned(), strings(&["directrice"])),
                ("Lien".to_owned(), vec![]),
            ]
        );
    }

    #[test]
    fn a_later_mention_by_the_last_word_of_the_name_after_comrade_or_a_position() {
        assert_eq!(
            names_and_positions(
                "Đồng chí Hà Thị Nga, Chủ tịch HĐND huyện dự họp. Đồng chí Nga đánh giá cao kết quả. Chủ tịch Nga đề nghị các xã rà soát."
            ),
            [
                ("Hà Thị Nga".to_owned(), strings(&["Chủ tịch HĐND huyện"])),
                ("Nga".to_owned(), vec![]),
                ("Nga".to_owned(), strings(&["Chủ tịch"])),
            ]
        );
        // A name's last word that begins a body's name is no mention: "Tỉnh ủy".
        assert_eq!(
            names_and_positions(
                "Ông Bùi Văn Tỉnh, nguyên Bí thư Tỉnh ủy dự lễ. Ủy viên Ban Thường vụ Tỉnh ủy Lê Văn Hòa phát biểu."
            ),
            [
                (
                    "Bùi Văn Tỉnh".to_owned(),
                    strings(&["nguyên Bí thư Tỉnh ủy"])
                ),
                (
                    "Lê Văn Hòa".to_owned(),
                    strings(&["Ủy viên Ban Thường vụ Tỉnh ủy"])
                ),
            ]
        );
    }

    #[test]
    fn one_persons_positions_are_not_given_to_the_next() {
        assert_eq!(
            names_and_positions(
                "Dự có đồng chí Lý Văn Nam, Bí thư Huyện ủy, Chủ tịch HĐND huyện và các đồng chí: Tô Minh Hà, Phó Bí thư Huyện ủy."
            ),
            [
                (
                    "Lý Văn Nam".to_owned(),
                    strings(&["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"])
                ),
                ("Tô Minh Hà".to_owned(), strings(&["Phó Bí thư Huyện ủy"])),
            ]
        );
    }

    #[test]
    fn later_mentions_bylines_and_given_names_are_people() {
        let text = "Le vice-président Vo Van Tam a visité la province. Vo Van Tam a salué ses efforts.\nPhoto : Minh Chau";
        assert_eq!(
            names_and_positions(text),
            [
                ("Vo Van Tam".to_owned(), strings(&["vice-président"])),
                ("Vo Van Tam".to_owned(), vec![]),
                ("Minh Chau".to_owned(), vec![]),
            ]
        );
        let text = "Deputy Prime Minister Tran Hong Ha chaired it. Deputy Prime Minister Ha said so.\nKim Ngan 03/11/2024 10:05\nHa Long Bay is green.";
        assert_eq!(
            names_and_positions(text),
            [
                (
                    "Tran Hong Ha".to_owned(),
                    strings(&["Deputy Prime Minister"])
                ),
                ("Ha".to_owned(), strings(&["Deputy Prime Minister"])),
                ("Kim Ngan".to_owned(), vec![]),
            ]
        );
        // A name alone on its line is a byline, a province's name is not.
        assert!(people("Tin tức\nQuảng Trị\nNgười dân vui mừng.").is_empty());
    }

    /// Syllables of names, with the old placement of the tone mark where it differs.
    const SYLLABLES: &[(&str, &str)] = &[
        ("Nguyễn", "Nguyễn"),
        ("Thị", "Thị"),
        ("Thủy", "Thuỷ"),
        ("Hòa", "Hoà"),
        ("Chamaléa", "Chamaléa"),
        ("Lực", "Lực"),
        ("Quỳnh", "Quỳnh"),
        ("Khỏe", "Khoẻ"),
        ("Đức", "Đức"),
        ("Tuấn", "Tuấn"),
        ("Xuân", "Xuân"),
        ("Lê", "Lê"),
    ];

    fn without_marks(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        use unicode_normalization::char::is_combining_mark;
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| match c {
                'đ' => 'd',
                'Đ' => 'D',
                c => c,
            })
            .collect()
    }

    proptest::proptest! {
        /// The words scanned by hand are the words of the pattern they replaced.
        #[test]
        fn words_are_runs_of_letters_digits_apostrophes_and_hyphens_without_elided_articles(
            text in "[a-zA-Z0-9àáạảãâầấậẩẫăằắặẳẵđĐÀÉỳýỵỷỹ&'’_²\\- ,.;\u{a0}\n]{0,40}"
        ) {
            let pattern = regex::Regex::new(r"[\p{L}\p{N}&][\p{L}\p{N}'’\-]*").expect("pattern");
            // An elided article ("l'", "d'") is no part of the word after it.
            let elided = |word: &str| {
                ["l'", "L'", "d'", "D'", "l’", "L’", "d’", "D’"]
                    .iter()
                    .find(|e| word.len() > e.len() && word.starts_with(**e))
                    .map_or(0, |e| e.len())
            };
            let expected: Vec<(usize, usize)> = pattern
                .find_iter(&text)
                .map(|m| (m.start() + elided(m.as_str()), m.end()))
                .collect();
            proptest::prop_assert_eq!(words(&text, 0, text.len()), expected);
        }

        /// Positions joined by "và", "and" or "et", after the name or before it, are read
        /// apart and whole, whichever positions and name they are.
        #[test]
        fn positions_joined_are_read_apart_and_whole(
            language in 0..3usize,
            first in 0..4usize,
            second in 0..4usize,
            name in 0..3usize,
            after in proptest::bool::ANY,
        ) {
            const POSITIONS: [[&str; 4]; 3] = [
                ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Trưởng Ban Dân vận Tỉnh ủy", "Giám đốc Sở Tài chính"],
                ["Deputy Secretary of the Provincial Party Committee", "Chairman of the Provincial People's Committee", "Head of the Mass Mobilization Commission", "Director of the Department of Finance"],
                ["secrétaire adjoint du Comité provincial du Parti", "président du Comité populaire provincial", "chef de la Commission de mobilisation", "directeur du Service des finances"],
            ];
            const NAMES: [&str; 3] = ["Nguyễn Văn Hùng", "Tran Thi Mai", "Lê Quang Huy"];
            const JOIN: [&str; 3] = ["và", "and", "et"];
            const VERB: [&str; 3] = ["phát biểu tại hội nghị.", "spoke at the meeting.", "a pris la parole."];
            const ADDRESS: [&str; 3] = ["Đồng chí", "Comrade", "M."];
            let (p1, p2) = (POSITIONS[language][first], POSITIONS[language][second]);
            let name = NAMES[name];
            let text = if after {
                format!("{} {name}, {p1} {} {p2} {}", ADDRESS[language], JOIN[language], VERB[language])
            } else {
                format!("{p1} {} {p2} {name} {}", JOIN[language], VERB[language])
            };
            let found = names_and_positions(&text);
            proptest::prop_assert_eq!(found, vec![(name.to_owned(), strings(&[p1, p2]))], "{}", text);
        }

        /// A name read in any spelling a report may use gets the same person key: NFC or
        /// NFD, old or new tone placement, no diacritics, capitals, one syllable split in
        /// two or two joined.
        #[test]
        fn a_name_has_one_key_however_it_is_spelt(
            picks in proptest::collection::vec(0..SYLLABLES.len(), 2..=4),
            spelling in 0..6usize,
            cut in 1..4usize,
        ) {
            use unicode_normalization::UnicodeNormalization;
            let name: Vec<&str> = picks.iter().map(|i| SYLLABLES[*i].0).collect();
            let written: String = match spelling {
                0 => name.join(" ").nfd().collect(),
                1 => picks.iter().map(|i| SYLLABLES[*i].1).collect::<Vec<_>>().join(" "),
                2 => without_marks(&name.join(" ")),
                3 => name.join(" ").to_uppercase(),
                4 => {
                    // "Chamaléa" as "Chama Léa".
                    let first = name[0];
                    let at = first.char_indices().nth(cut.min(first.chars().count() - 1)).map_or(first.len(), |(i, _)| i);
                    let (head, tail) = first.split_at(at);
                    let tail: String = tail.chars().enumerate().map(|(i, c)| if i == 0 { c.to_uppercase().next().unwrap_or(c) } else { c }).collect();
                    std::iter::once(format!("{head} {tail}")).chain(name[1..].iter().map(|s| (*s).to_owned())).collect::<Vec<_>>().join(" ")
                }
                _ if name.len() < 3 => name.join(" "),
                _ => {
                    // Two syllables written as one word; a name keeps two words at least.
                    let joined = format!("{}{}", name[0], name[1].to_lowercase());
                    std::iter::once(joined).chain(name[2..].iter().map(|s| (*s).to_owned())).collect::<Vec<_>>().join(" ")
                }
            };
            let key_of = |name: &str| {
                let text = format!("Tham dự có đồng chí {name}, Giám đốc Sở Tài chính phát biểu.");
                let reading = crate::read(text.as_bytes()).map_err(|e| e.to_string())?;
                reading
                    .items
                    .iter()
                    .find_map(|i| match &i.fact {
                        Fact::Person { key, positions, .. } if positions == &["Giám đốc Sở Tài chính"] => Some(key.clone()),
                        _ => None,
                    })
                    .ok_or_else(|| format!("no person in {text:?}"))
            };
            let expected = key_of(&name.join(" "));
            proptest::prop_assert!(expected.is_ok(), "{expected:?}");
            proptest::prop_assert_eq!(key_of(&written), expected, "{}", written);
        }
    }

    /// Found by cargo fuzz: a clause opened by a curly quote (three bytes) was cut one byte
    /// after the quote's start.
    #[test]
    fn a_clause_after_a_multibyte_quote_is_cut_at_a_character() {
        let text = "He said “Secretary of the City Party Committee Nguyen Van Quang chaired it.";
        assert_eq!(
            people(text)[0].2,
            strings(&["Secretary of the City Party Committee"])
        );
    }

    #[test]
    fn places_and_capitalised_phrases_are_not_people() {
        assert!(
            people("Chủ tịch UBND tỉnh Hà Tĩnh phát biểu. Chủ tịch UBND huyện Mai Châu dự.")
                .is_empty()
        );
        assert!(people("Director of the Department of Industry and Trade reported.").is_empty());
        assert!(people("Le Comité populaire provincial, Bà Rịa - Vũng Tàu.").is_empty());
    }
}
