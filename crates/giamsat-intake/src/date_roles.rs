//! What a date is in its text, from the words around it (its [`DateRole`]), and the year of a
//! date written without one.
//!
//! Every look is bounded: back to the start of the date's sentence, at most
//! [`CLAUSE`] bytes, and forward as far; the year of the text is found in one pass that
//! stops at the first year. Reading stays linear in the text.

use serde::Serialize;

use crate::{Fact, Found};

/// What a date is to the text that gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    /// The day of what is reported: *Sáng 8/10, …* a meeting, a visit, a conference.
    Event,
    /// A document's date of issue: *Nghị quyết số 12/NQ-CP ngày 3/2/2024*.
    Issued,
    /// A date by which something must be done: *trước ngày 30/6*, *by June 30*.
    Deadline,
    /// The date the text was published: a dateline or a byline's date.
    Dateline,
    /// Any other date: a day something happened before, a date data are given *as of*.
    Other,
}

impl DateRole {
    /// Every role, in the order above.
    pub const ALL: [DateRole; 5] = [
        DateRole::Event,
        DateRole::Issued,
        DateRole::Deadline,
        DateRole::Dateline,
        DateRole::Other,
    ];

    /// The role's name, as in the JSON.
    pub fn name(self) -> &'static str {
        match self {
            DateRole::Event => "event",
            DateRole::Issued => "issued",
            DateRole::Deadline => "deadline",
            DateRole::Dateline => "dateline",
            DateRole::Other => "other",
        }
    }
}

/// How far a role looks around its date, in bytes, within the date's sentence.
const CLAUSE: usize = 300;

/// How far from the start a date may be a dateline: the top of the page.
const TOP: usize = 1500;

/// Sets each date's role (a date inside a document reference is its date of issue) and gives
/// a date written without its year the year of the text (`text_year`): the year of the first dateline or
/// event date written with one, else the first year written alone (not a range of years, not
/// a date's, not "the same period of" a year). A dateline takes no year but its own: the day
/// a page was published is not given by the days it reports.
pub(crate) fn settle(text: &str, found: &mut [Found], references: &[(usize, usize)]) {
    // The two days of a range ("Từ 6 - 8/12", "từ ngày 1/8 đến 5/8", "December 5-6", "du 5
    // au 7 décembre") are one span to the words around them: each day is read with its
    // range's ends.
    let mut range_of: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    let dates: Vec<usize> = (0..found.len())
        .filter(|&i| matches!(found[i].fact, Fact::Date { .. }))
        .collect();
    // "(30/4/1975 - 30/4/2025)": the same day in two years, an anniversary's, no day of
    // what is reported however festive its sentence.
    let mut anniversary = vec![false; found.len()];
    for pair in dates.windows(2) {
        let (a, b) = (&found[pair[0]], &found[pair[1]]);
        if b.start < a.end || joins_a_range(&text[a.end..b.start]) {
            let span = (a.start, a.end.max(b.end));
            range_of[pair[0]] = span;
            range_of[pair[1]] = span;
            if let (
                Fact::Date {
                    year: Some(first),
                    month: m1,
                    day: d1,
                    ..
                },
                Fact::Date {
                    year: Some(second),
                    month: m2,
                    day: d2,
                    ..
                },
            ) = (&a.fact, &b.fact)
                && first < second
                && (m1, d1) == (m2, d2)
            {
                anniversary[pair[0]] = true;
                anniversary[pair[1]] = true;
            }
        }
    }
    for ((f, &(start, end)), &anniversary) in found.iter_mut().zip(&range_of).zip(&anniversary) {
        if let Fact::Date { role, .. } = &mut f.fact {
            *role = if anniversary {
                DateRole::Other
            } else if crate::overlaps(references, start, end) {
                DateRole::Issued
            } else {
                match role_of(text, start, end) {
                    DateRole::Event | DateRole::Other
                        if signed_in_sentence(text, start, end, references) =>
                    {
                        DateRole::Issued
                    }
                    role => role,
                }
            };
        }
    }
    let Some(year) = text_year(text, found) else {
        return;
    };
    for f in found.iter_mut() {
        if let Fact::Date {
            year: None,
            role,
            text_year,
            ..
        } = &mut f.fact
            && *role != DateRole::Dateline
        {
            *text_year = Some(year);
        }
        // "Le 2 septembre 1945, le Président Hô Chi Minh a lu la Déclaration": a day of a
        // year well before the text's happened in the past, whatever was done on it.
        if let Fact::Date {
            year: Some(written),
            role: role @ DateRole::Event,
            ..
        } = &mut f.fact
            && *written + 1 < year
        {
            *role = DateRole::Other;
        }
    }
}

/// Whether the words between two dates make them the ends of one range: "đến", "-", "và",
/// "to", "and", "au", "et", with "ngày" before the second.
fn joins_a_range(between: &str) -> bool {
    // The longest joining words are a few bytes: two dates further apart are not lowercased.
    if between.len() > 24 {
        return false;
    }
    let words = crate::lowercase(between.trim());
    let words = words.trim_end();
    let words = words.strip_suffix("ngày").map_or(words, str::trim_end);
    [
        "đến", "tới", "-", "–", "và", "to", "and", "through", "until", "till", "au", "et",
    ]
    .contains(&words)
}

/// The year of a text: the year of its first dateline or event date written with one, else the
/// first year written alone. A text that plans a year and reviews the one before (see
/// [`year_alone`]) is of the year reviewed when its first event falls in the second half of a
/// year (a year-end session, "on November 7"), and of the year planned in the first half (a
/// January conference that reviews the year past).
fn text_year(text: &str, found: &[Found]) -> Option<i32> {
    let dated = found.iter().find_map(|f| match f.fact {
        Fact::Date {
            year: Some(y),
            role: DateRole::Dateline | DateRole::Event,
            ..
        } => Some(y),
        _ => None,
    });
    dated.or_else(|| {
        // "La Métropole de Lyon est née le 1er janvier 2015": the year of a day written with
        // its month's name is that day's, no year written alone.
        let days: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| matches!(f.fact, Fact::Date { .. }))
            .map(|f| (f.start, f.end))
            .collect();
        let (year, reviewed) = year_alone(text, &days)?;
        let late_event = found.iter().find_map(|f| match f.fact {
            Fact::Date {
                role: DateRole::Event,
                month,
                ..
            } => Some(month >= 7),
            _ => None,
        });
        Some(match reviewed {
            Some(before) if late_event == Some(true) => before,
            _ => year,
        })
    })
}

/// The year a text reports figures for: the year of the text, else the year after the one it
/// compares with ("6 tháng đầu năm … cùng kỳ năm 2020 tăng 2,97%" reports on 2021). A day is
/// not dated so: "so với cùng kỳ năm 2023" says little of when a meeting was held.
pub(crate) fn reported_year(text: &str, found: &[Found]) -> Option<i32> {
    text_year(text, found).or_else(|| year_compared_with(text).map(|y| y + 1))
}

/// The year of the first comparison with the same period of a year ("cùng kỳ năm 2020",
/// "the same period of 2020", "la même période de 2020").
fn year_compared_with(text: &str) -> Option<i32> {
    let lower = crate::lowercase(text);
    [
        "cùng kỳ năm ",
        "cùng kì năm ",
        "same period of ",
        "same period in ",
        "même période de ",
    ]
    .iter()
    .filter_map(|words| {
        let at = lower.find(words)? + words.len();
        let year = lower.get(at..at + 4)?;
        let ends = lower[at + 4..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (ends && year.bytes().all(|b| b.is_ascii_digit()))
            .then(|| year.parse::<i32>().ok().map(|y| (at, y)))
            .flatten()
    })
    .min()
    .map(|(_, y)| y)
}

/// The role of the date at `start..end`, from the words of its sentence.
pub(crate) fn role_of(text: &str, start: usize, end: usize) -> DateRole {
    let from = crate::look_back(text, start, CLAUSE);
    // "ngày" read with the date belongs to the words before it: "số 12/NĐ-CP, ngày …",
    // "trước ngày …".
    let lead = crate::starts_with_lowercase(&text[start..end], "ngày").unwrap_or(0);
    let before = &text[from..start + lead];
    // The sentence so far: from its last stop.
    let sentence_start = before
        .rfind(['.', '\n', '!', '?', ';'])
        .map_or(0, |at| at + 1);
    let clause = crate::lowercase(&before[sentence_start..]);
    let near = clause.trim_end();
    // A document's number may hold a stop ("No. 60"): looked for over the whole window.
    let window = crate::lowercase(before);
    let to = crate::look_ahead(text, end, CLAUSE);
    let after = &text[end..to];
    let rest = after.split(['.', '\n', '!', '?', ';']).next().unwrap_or("");
    let rest_lower = crate::lowercase(rest);

    // A holiday named by its day ("nghỉ lễ Quốc khánh 2/9") is no day of what is reported,
    // whatever else its sentence holds.
    // "ngày 4/6 âm lịch": a day of the lunar calendar names a festival's or a custom's day.
    let lunar = ["âm lịch", "al)", "(al"].iter().any(|w| {
        rest_lower
            .trim_start()
            .trim_start_matches('(')
            .starts_with(w)
    });
    if page_header(text, start, end, near) || ends_with_any(near, HOLIDAYS) || lunar {
        return DateRole::Other;
    }
    if is_dateline(text, start, end, near, after) {
        return DateRole::Dateline;
    }
    if issued(window.trim_end()) || issued_unnumbered(near) || dated_or_cited(near) {
        return DateRole::Issued;
    }
    if deadline(near, &clause) || asked_by(near, &clause, &rest_lower) {
        return DateRole::Deadline;
    }
    // "the GSO said on January 6", "a déclaré le 10 mars": the day of the statement told.
    if ends_with_any(near, STATED_ON) {
        return DateRole::Event;
    }
    if in_the_past(near, &rest_lower) {
        return DateRole::Other;
    }
    // "Từ ngày 1/7/2024, Luật Đất đai có hiệu lực": the day something takes effect is not
    // the day of what is reported.
    let sentence_words = format!("{clause} {rest_lower}");
    if TAKES_EFFECT.iter().any(|w| sentence_words.contains(w))
        && !time_of_day_span(text, start, end)
    {
        return DateRole::Other;
    }
    // "jusqu'au 18 décembre": until then, not as of then.
    let until = ends_with_any(near, &["jusqu'au", "jusqu’au"]);
    // "Từ ngày 10/5 đến ngày 15/5/2024, Đoàn kiểm tra …": the last day of a span of days is
    // the span's, not a day things accumulated to ("Tính từ đầu năm đến ngày 20-8" is).
    let span_of_days = ends_with_any(near, &["đến ngày", "đến"]) && clause.contains("từ ngày");
    if !until && !span_of_days && ends_with_any(near, AS_OF_OR_PAST) {
        return DateRole::Other;
    }
    let span = crate::lowercase(&text[start..end]);
    let time_of_day = [
        "sáng",
        "chiều",
        "tối",
        "trưa",
        "hôm nay",
        "hôm qua",
        "đêm",
        "rạng sáng",
    ]
    .iter()
    .any(|w| span.starts_with(w))
        // "Chiều cùng ngày 15/3": the same day's afternoon.
        || ends_with_any(
            near,
            &["sáng cùng ngày", "chiều cùng ngày", "tối cùng ngày", "trưa cùng ngày"],
        );
    let opens = near
        .split(|c: char| !crate::is_word_char(c))
        .filter(|w| !w.is_empty())
        .all(|w| OPENERS.contains(&w) || w.chars().all(|c| c.is_ascii_digit()));
    let sentence = format!("{clause} {rest_lower}");
    // "Ngày 15/3 vừa qua, …", "Ngày 20/3 tới, …": words of nearness between the date and
    // the comma of an opening.
    let rest_opened = {
        let rest = rest_lower.trim_start();
        let rest = [
            "vừa qua",
            "vừa rồi",
            "tới",
            "dernier",
            "prochain",
            "last",
            "next",
        ]
        .iter()
        .find_map(|w| crate::starts_with_lowercase(rest, w).map(|at| &rest[at..]))
        .unwrap_or(rest);
        // "Lundi (16 décembre), la délégation …": the bracket the day stands in closes
        // before the comma.
        let rest = rest.trim_start();
        rest.strip_prefix(')')
            .unwrap_or(rest)
            .trim_start()
            .starts_with(',')
    };
    let has_event = sentence_has_event(&sentence);
    // "Từ 1/7/2025, cả nước có 34 tỉnh": a day from which a state holds, with nothing done
    // on it, opens no event.
    let from_then = ends_with_any(near, &["từ", "từ ngày", "from", "à partir du", "dès le"]);
    if time_of_day || has_event || (opens && rest_opened && !from_then) {
        return DateRole::Event;
    }
    DateRole::Other
}

/// Whether the date at `start..end` is the day a document its sentence names was signed or
/// issued: "Ngày 5/7/2024, UBND tỉnh ban hành Kế hoạch số 12/KH-UBND", "The Prime Minister
/// signed Decision 123/QD-TTg on March 1". Not when the sentence speaks of a meeting too:
/// the session's day is its event.
fn signed_in_sentence(text: &str, start: usize, end: usize, references: &[(usize, usize)]) -> bool {
    let from = crate::look_back(text, start, CLAUSE);
    let sentence_start = text[from..start]
        .rfind(['\n', '!', '?', ';'])
        .map_or(from, |at| from + at + 1);
    let sentence_start = text[sentence_start..start]
        .rfind(". ")
        .map_or(sentence_start, |at| sentence_start + at + 2);
    let to = crate::look_ahead(text, end, CLAUSE);
    let sentence_end = text[end..to]
        .find(['\n', '!', '?', ';'])
        .map_or(to, |at| end + at);
    let sentence_end = text[end..sentence_end]
        .find(". ")
        .map_or(sentence_end, |at| end + at);
    if !crate::overlaps(references, sentence_start, sentence_end) {
        return false;
    }
    let sentence = crate::lowercase(&text[sentence_start..sentence_end]);
    const SIGNING: &[&str] = &[
        "ban hành",
        // Not "ký" alone: "đăng ký" registers.
        "đã ký",
        "vừa ký",
        "ký quyết định",
        "ký nghị quyết",
        "ký chỉ thị",
        "ký công điện",
        "signed",
        "issued",
        "promulgated",
        "a signé",
        "a promulgué",
        "ont signé",
        "a publié",
        "ont publié",
        "a émis",
        // Passive: "La résolution 68-NQ/TW a été publiée le 4 mai 2025".
        "été publiée",
        "été publié",
        "été signée",
        "été signé",
        "été adoptée",
        "été adopté",
        "été promulguée",
        "été promulgué",
        "was signed",
        "was adopted",
        "was promulgated",
        "được ký",
    ];
    // A document published is signed, not an event: "Le 4 mai 2025, le Bureau politique a
    // publié la résolution n° 68-NQ/TW".
    static MEETING: std::sync::LazyLock<crate::Words> = std::sync::LazyLock::new(|| {
        let meeting: Vec<&'static str> = EVENT_WORDS
            .iter()
            .copied()
            .filter(|w| !PUBLISHING.contains(w))
            .collect();
        crate::Words::new(&meeting)
    });
    static SIGNING_WORDS: std::sync::LazyLock<crate::Words> =
        std::sync::LazyLock::new(|| crate::Words::new(SIGNING));
    SIGNING_WORDS.any_in(&sentence) && !MEETING.any_in(&sentence)
}

/// Words of an event that publish a document when the sentence names one.
const PUBLISHING: &[&str] = &["publiée", "publié", "published", "công bố"];

/// Words that may open a sentence before its date: "On", "On the morning of", "Le", "Les 4
/// et", "Từ 6 -", "Vào", "Trong 2 ngày".
const OPENERS: &[&str] = &[
    "on",
    "the",
    "morning",
    "afternoon",
    "evening",
    "of",
    "le",
    "les",
    "et",
    "and",
    "từ",
    "vào",
    "trong",
    "ngày",
    "sáng",
    "chiều",
    "tối",
    "trưa",
    "matin",
    "après",
    "midi",
    "dans",
    "la",
    "journée",
    "du",
    "au",
    "to",
    "from",
    "và",
    "đến",
    "ce",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words opening a sentence that tells what happened before the day reported: "Trước đó,
/// ngày 10/3, …", "Earlier, on March 5, …", "Auparavant, le 5 mars, …", "Như Báo Nghệ An đã
/// đưa tin, ngày 5/3 …".
const BEFORE_THEN: &[&str] = &[
    "trước đó",
    "trước đấy",
    "trước đây",
    "earlier",
    "previously",
    "before that",
    "prior to that",
    "auparavant",
    "plus tôt",
    "précédemment",
    "avant cela",
];

/// Words right before a day something started or was founded on, and has gone on since:
/// "thành lập ngày 2/9/1945", "founded on", "fondée le".
const STARTED_ON: &[&str] = &[
    "thành lập ngày",
    "thành lập từ ngày",
    "thành lập vào ngày",
    "ra đời ngày",
    "ra đời vào ngày",
    "kể từ ngày",
    "kể từ",
    "founded on",
    "established on",
    "fondé le",
    "fondée le",
    "créé le",
    "créée le",
];

/// Whether the date whose sentence so far is `near` (lowercased), and whose rest is `rest`,
/// is a day of the past the report looks back to, no day of what it reports (the set's
/// `other`): in a sentence opened by words of before (`BEFORE_THEN`), a day something was
/// founded on (`STARTED_ON`), or a day things have gone on from "đến nay" ("khởi công từ ngày
/// 15/8/2022, đến nay đã hoàn thành 80%").
fn in_the_past(near: &str, rest: &str) -> bool {
    let opening = near.trim_start();
    let before_then = BEFORE_THEN.iter().any(|w| {
        opening
            .strip_prefix(w)
            .is_some_and(|after| after.starts_with([',', ' ']))
    }) || (opening.starts_with("như ") && opening.contains("đưa tin"));
    let from_then_on = ends_with_any(near, &["từ ngày", "từ"])
        && ["đến nay", "tới nay", "đến thời điểm này"]
            .iter()
            .any(|w| rest.contains(w));
    before_then || ends_with_any(near, STARTED_ON) || from_then_on
}

/// Words that say something takes effect on a day: that day is no event.
const TAKES_EFFECT: &[&str] = &[
    "có hiệu lực",
    "hiệu lực thi hành",
    "takes effect",
    "take effect",
    "took effect",
    "come into force",
    "comes into force",
    "came into force",
    "entre en vigueur",
    "entrera en vigueur",
    "est entré en vigueur",
    "est entrée en vigueur",
];

/// Whether the date's span opens with a time of day ("Sáng 8/10"): the day of a meeting.
fn time_of_day_span(text: &str, start: usize, end: usize) -> bool {
    let span = crate::lowercase(&text[start..end]);
    [
        "sáng",
        "chiều",
        "tối",
        "trưa",
        "hôm nay",
        "hôm qua",
        "đêm",
        "rạng sáng",
    ]
    .iter()
    .any(|w| span.starts_with(w))
}

/// Words naming a holiday right before its day: "Quốc khánh 2/9", "dịp nghỉ lễ 30/4 - 1/5",
/// "Tết Dương lịch 1/1". The day is the holiday's, no day of what is reported.
const HOLIDAYS: &[&str] = &[
    "quốc khánh",
    "dịp",
    "dịp lễ",
    "nghỉ lễ",
    "kỳ nghỉ",
    "kỳ nghỉ lễ",
    "tết dương lịch",
];

/// Words of a statement right before its day: the day is that of what the text reports.
const STATED_ON: &[&str] = &[
    "said on",
    "announced on",
    "stated on",
    "declared on",
    "reported on",
    "a déclaré le",
    "a annoncé le",
    "a indiqué le",
    "ont annoncé le",
];

/// Words of a meeting, a visit, a conference, a publication: what a report's event is.
const EVENT_WORDS: &[&str] = &[
    "hội nghị",
    "kỳ họp",
    "kì họp",
    "phiên họp",
    "cuộc họp",
    "buổi họp",
    "họp",
    "làm việc",
    "hội thảo",
    "tọa đàm",
    "toạ đàm",
    "chủ trì",
    "thăm",
    "tiếp xúc",
    "công bố",
    "meeting",
    "meetings",
    "session",
    "sessions",
    "conference",
    "visit",
    "chaired",
    "workshop",
    "held",
    "réunion",
    "réunions",
    "séance",
    "conférence",
    "visite",
    "rencontre",
    "rencontres",
    "publiée",
    "publié",
    "published",
    // Ceremonies, congresses, openings, receptions: days of what is reported too, also
    // when they are to come ("sẽ khánh thành vào ngày 2/9").
    "đại hội",
    "khai mạc",
    "bế mạc",
    "khánh thành",
    "khởi công",
    "buổi lễ",
    "lễ kỷ niệm",
    "lễ ký kết",
    "lễ trao",
    "diễn đàn",
    "hội chợ",
    "triển lãm",
    "hội đàm",
    "gặp mặt",
    "đoàn giám sát",
    // A delegation's inspection or working trip is the day of what is reported.
    "đoàn kiểm tra",
    "đoàn công tác",
    "đoàn khảo sát",
    "ceremony",
    "forum",
    "congress",
    "summit",
    "talks",
    "inaugurated",
    "received",
    "cérémonie",
    "congrès",
    "sommet",
    "inauguré",
    "inaugurée",
    "a reçu",
    // The gatherings provincial news reports: reviews, briefings, trainings, supervision,
    // dialogues, and their like in English and French.
    "tổ chức",
    "tham dự",
    "organized",
    "organised",
    "a organisé",
    "ont organisé",
    "sơ kết",
    "tổng kết",
    "giao ban",
    "tập huấn",
    "khảo sát",
    "giám sát",
    "đối thoại",
    "chất vấn",
    "tiếp công dân",
    "mít tinh",
    "phát động",
    "ra quân",
    "dâng hương",
    "trao tặng",
    "seminar",
    "exhibition",
    "dialogue",
    "hosted",
    "attended",
    "inspection",
    "met with",
    "séminaire",
    "atelier",
    "exposition",
    "a présidé",
    "a rencontré",
    "a accueilli",
    "a visité",
    "s'est rendu",
    "s’est rendu",
    "s'est rendue",
    "s’est rendue",
    "se sont rendus",
    "se sont rendues",
    "a travaillé",
    "ont travaillé",
    // The day a statement was made to the press is the day of what is reported.
    "told the press",
    "told reporters",
    "told journalists",
    // Of what takes place, also to come ("a meeting yet to come is the event").
    "diễn ra",
    "lễ hội",
    "festival",
    "will be held",
    "will take place",
    "took place",
    "takes place",
    "scheduled",
    "slated",
    "worked with",
    "working session",
    "aura lieu",
    "auront lieu",
    "se tiendra",
    "se tiendront",
    "se déroulera",
    "se dérouleront",
    "s'est déroulé",
    "s'est déroulée",
    "s’est déroulé",
    "s’est déroulée",
    // Of what opens, closes or is held in the present tense.
    "opened",
    "closed",
    "kicked off",
    "wrapped up",
    "se tient",
    "se tiennent",
    "se déroule",
    "se déroulent",
    "a lieu",
    "ont lieu",
    "s'est ouvert",
    "s'est ouverte",
    "s’est ouvert",
    "s’est ouverte",
    "s'est clôturé",
    "s'est clôturée",
    "s’est clôturé",
    "s’est clôturée",
    "a pris fin",
    "s'est tenu",
    "s'est tenue",
    "s’est tenu",
    "s’est tenue",
    "a eu lieu",
    // Of what a delegation or a council does on the day reported.
    "kiểm tra",
    "cho ý kiến",
    "thảo luận",
    "bàn giao",
    "thông xe",
    "gắn biển",
    "khai trương",
    "ra mắt",
    "gặp gỡ",
    "chúc mừng",
    "tuyên dương",
    "biểu dương",
    "visited",
    "met on",
    "launched",
    "presided",
    "convened",
    "celebrated",
    "a inauguré",
    "a lancé",
    "a tenu",
    "ont tenu",
    "s'est réuni",
    "s’est réuni",
    "se sont réunis",
    "a participé",
    "a assisté",
];

fn sentence_has_event(sentence: &str) -> bool {
    static EVENT: std::sync::LazyLock<crate::Words> =
        std::sync::LazyLock::new(|| crate::Words::new(EVENT_WORDS));
    EVENT.any_in(sentence)
}

/// Words after which a date is an end of accumulation or a point of comparison.
const AS_OF_OR_PAST: &[&str] = &[
    "tính đến ngày",
    "tính đến",
    "đến ngày",
    "đến",
    "đến hết ngày",
    "so với ngày",
    "so với",
    // "Tại thời điểm 31/12/2023, toàn tỉnh có …": the day data are given at.
    "tại thời điểm",
    "thời điểm",
    "đến thời điểm",
    "as of",
    "as at",
    "since",
    "au",
    "à la date du",
    "depuis le",
    // "penalties will be suspended till December 31": until then, no day of what is done.
    "until",
    "till",
];

/// After a document's number: "số 783/BC-UBND ngày", "No. 60 dated", "n° 12 du".
fn issued(near: &str) -> bool {
    let Some(before) = [
        "ngày",
        "dated",
        "en date du",
        "du",
        "of",
        "signed on",
        "ký ngày",
    ]
    .iter()
    .find_map(|w| crate::ends_with_lowercase(near, w).filter(|at| crate::starts_word(near, *at)))
    .map(|at| near[..at].trim_end().trim_end_matches(',').trim_end()) else {
        return false;
    };
    // The last word is a number with a digit, and a mark of number stands shortly before.
    let last = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    if !last.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let tail = &before[crate::look_back(before, before.len(), 48)..];
    ["số ", "no.", "no ", "n°", "nº", "number "]
        .iter()
        .any(|mark| tail.contains(mark))
        || last.contains(['/', '-']) && last.chars().any(char::is_alphabetic)
}

/// After "dated" ("the Law on Organization of the Government dated June 19, 2015", "a letter
/// dated"), or after "ngày", "du" in a legal basis a document cites ("Căn cứ Luật Tổ chức
/// chính quyền địa phương ngày 19/6/2015", "Pursuant to the Law … of", "Vu la loi du"): a
/// date of issue, whether or not the document has a number.
fn dated_or_cited(near: &str) -> bool {
    if ends_with_any(near, &["dated", "en date du"]) {
        return true;
    }
    let opening = near.trim_start();
    [
        "căn cứ ",
        "pursuant to ",
        "vu le ",
        "vu la ",
        "vu les ",
        "vu l'",
        "vu l’",
    ]
    .iter()
    .any(|w| opening.starts_with(w))
        && ends_with_any(near, &["ngày", "ngày ban hành", "du", "of"])
        && !ends_with_any(near, &["từ ngày", "đến ngày", "kể từ ngày"])
}

/// After a document's type named without its number: "theo Quyết định ngày 15/3/2024 của
/// UBND tỉnh", "the decision dated March 5", "le décret du 5 mars 2024". The day is its date
/// of issue.
fn issued_unnumbered(near: &str) -> bool {
    // "The decree signed on March 5", "le décret signé le 5 mars": a verb of signing between
    // the type and its day.
    let Some(before) = [
        "ngày",
        "dated",
        "du",
        "en date du",
        "signed on",
        "promulgated on",
        "signé le",
        "signée le",
        "promulgué le",
        "promulguée le",
    ]
    .iter()
    .find_map(|w| crate::ends_with_lowercase(near, w).filter(|at| crate::starts_word(near, *at)))
    .map(|at| near[..at].trim_end().trim_end_matches(',').trim_end()) else {
        return false;
    };
    let before = ["ban hành", "ký", "signed", "issued"]
        .iter()
        .find_map(|w| {
            crate::ends_with_lowercase(before, w).filter(|at| crate::starts_word(before, *at))
        })
        .map_or(before, |at| before[..at].trim_end());
    ends_with_any(
        before,
        &[
            "quyết định",
            "nghị quyết",
            "chỉ thị",
            "công văn",
            "văn bản",
            "tờ trình",
            "công điện",
            "nghị định",
            "thông tư",
            "kết luận",
            "decision",
            "resolution",
            "directive",
            "decree",
            "circular",
            "décision",
            "résolution",
            "décret",
            "circulaire",
        ],
    )
}

/// Words that set a deadline. "by" and "before" only in a clause that asks for something:
/// "reaching VND 19 billion by September 24" reports what was done by then.
fn deadline(near: &str, clause: &str) -> bool {
    const ALWAYS: &[&str] = &[
        "trước ngày",
        "hạn chót",
        "hạn cuối",
        "thời hạn",
        "chậm nhất ngày",
        "chậm nhất",
        // "chậm nhất là ngày 30/6", "không muộn hơn ngày 5/7": the latest a thing may be done.
        "chậm nhất là ngày",
        "chậm nhất là",
        "muộn nhất là ngày",
        "muộn nhất là",
        "muộn nhất",
        "không muộn hơn ngày",
        "không muộn hơn",
        "không chậm hơn ngày",
        "không chậm hơn",
        // "hoàn thành trước 30/6": what must be finished before a day.
        "hoàn thành trước",
        "xong trước",
        "hạn",
        "deadline",
        "due on",
        "due by",
        "no later than",
        "not later than",
        "date butoir",
        "échéance",
        "avant le",
        "avant la date du",
        "au plus tard le",
        // "Investors have until August 1 to register", "ont jusqu'au 15 juillet pour": the
        // time left to do a thing.
        "have until",
        "has until",
        "had until",
        "ont jusqu'au",
        "ont jusqu’au",
        "a jusqu'au",
        "a jusqu’au",
        // "Từ nay đến ngày 30/6, các huyện …": from now until a day is the time left.
        "từ nay đến ngày",
        "từ nay đến",
        "từ nay tới",
        "d'ici le",
        "d’ici le",
        "d'ici au",
        "d’ici au",
    ];
    if ends_with_any(near, ALWAYS) {
        return true;
    }
    // "Les dossiers doivent être déposés jusqu'au 31 décembre": until a day something must
    // be done by.
    ends_with_any(
        near,
        &[
            "by",
            "before",
            "prior to",
            "ahead of",
            "trước",
            "jusqu'au",
            "jusqu’au",
        ],
    ) && [
        "must",
        "should",
        "will",
        "shall",
        "need",
        "required",
        "asked",
        "requested",
        // "A report is expected before June 25": what is awaited by a day.
        "expected",
        "to ",
        "phải",
        "yêu cầu",
        "đề nghị",
        "cần",
        "doit",
        "doivent",
        "devra",
        "devront",
    ]
    .iter()
    .any(|w| clause.contains(w))
}

/// A deadline written as a day things are due: "Hạn chót nộp hồ sơ là ngày 15/5", "The
/// deadline for applications is June 30", "La date limite est le 30 juin"; or "đến ngày
/// 31/12/2024 các huyện phải hoàn thành", what must be done by a day named before it (not
/// "Đến ngày 30/9, tỉnh đã hoàn thành", what was).
fn asked_by(near: &str, clause: &str, rest: &str) -> bool {
    // "Ngày 15/3/2024 là hạn cuối để …", "June 30 is the deadline for …": the day named first.
    let due_after_day = [
        "là hạn",
        "là thời hạn",
        "là ngày cuối cùng",
        "is the deadline",
        "is the last day",
        "est la date limite",
        "est le dernier jour",
    ]
    .iter()
    .any(|w| rest.trim_start().starts_with(w));
    if due_after_day {
        return true;
    }
    let named_due = ends_with_any(
        near,
        &[
            "là",
            "is",
            "was",
            "est",
            "est le",
            "là ngày",
            "au",
            "le",
            "on",
            "for",
        ],
    ) && [
        "hạn chót",
        "hạn cuối",
        "thời hạn",
        "deadline",
        "date limite",
        "date butoir",
        "échéance",
    ]
    .iter()
    .any(|w| clause.contains(w));
    let due_after = ends_with_any(near, &["đến ngày", "đến", "đến hết ngày"])
        && !ends_with_any(near, &["tính đến ngày", "tính đến", "từ"])
        && !clause.contains("từ ")
        && ["phải ", "cần ", "buộc "].iter().any(|w| rest.contains(w));
    named_due || due_after
}

fn ends_with_any(near: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| crate::ends_with_lowercase(near, w).is_some_and(|at| crate::starts_word(near, at)))
}

/// A dateline: near the top, a date on a short line of its own (with a byline or a time
/// beside it), after "Cập nhật", "Updated", "Publié le", a weekday ("Thứ Hai, ngày …"), or
/// before a news agency's "(VNA) -".
fn is_dateline(text: &str, start: usize, end: usize, near: &str, after: &str) -> bool {
    let agency = after.trim_start().starts_with('(')
        && after
            .split_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['-', '–', '—']));
    if agency {
        return true;
    }
    const PUBLISHED: &[&str] = &[
        "cập nhật",
        "cập nhật lúc",
        "đăng ngày",
        "ngày đăng",
        "ngày cập nhật",
        "updated",
        "posted",
        "published on",
        "publié le",
        "mis à jour le",
        "ngày phát hành",
        "ngày xuất bản",
        "xuất bản",
        "đăng lúc",
        "thời gian đăng",
    ];
    // "Publié le vendredi 15 mars 2024": a weekday between the words and the day.
    let near_published = near.trim_end_matches([':', ',']).trim_end();
    let near_published = WEEKDAYS
        .iter()
        .find_map(|w| crate::ends_with_lowercase(near_published, w))
        .map_or(near_published, |at| near_published[..at].trim_end());
    // The words head a byline: at the head of the line, after a separator or one word
    // ("Last updated"); not in a sentence ("Selon le rapport publié le 6 décembre").
    let heads_byline = |near: &str| {
        PUBLISHED.iter().any(|w| {
            crate::ends_with_lowercase(near, w)
                .filter(|at| crate::starts_word(near, *at))
                .is_some_and(|at| {
                    let before = near[..at].trim_end();
                    before.is_empty()
                        || before.ends_with(['-', '–', '—', '|', '•', '·', ':', '('])
                        || !before.contains(char::is_whitespace)
                            && before.chars().all(char::is_alphabetic)
                })
        })
    };
    if heads_byline(near_published) {
        return true;
    }
    // "Cập nhật lúc 10:25 ngày 16/03/2024", "Updated 10:25, March 16": a time between.
    let without_time = {
        let near = near.trim_end();
        let near = crate::ends_with_lowercase(near, "ngày")
            .filter(|at| crate::starts_word(near, *at))
            .map_or(near, |at| &near[..at]);
        near.trim_end_matches(|c: char| {
            c.is_ascii_digit()
                || matches!(c, ':' | 'h' | ',' | '|' | '-' | '–')
                || c.is_whitespace()
        })
    };
    if without_time.len() < near.trim_end().len()
        && heads_byline(without_time.trim_end_matches(':').trim_end())
    {
        return true;
    }
    if start > TOP {
        return false;
    }
    // "Mercredi 11 décembre, la délégation a visité …": a weekday opening a sentence is the
    // day of what it tells, not the page's.
    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
    let sentence_after = text[end..line_end]
        .trim_start()
        .strip_prefix(',')
        .is_some_and(|rest| rest.trim_start().starts_with(char::is_alphabetic));
    if !sentence_after && headed_by_weekday(near) {
        return true;
    }
    // "Hanoi, le 12 mars 2024 - …", "Hà Nội, ngày 12/3/2024 –": a place, its comma and the
    // date, then a dash, opening a line near the top.
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    if after.trim_start().starts_with(['-', '–', '—'])
        && let Some((place, between)) = text[line_start..start].rsplit_once(',')
        && ["", "le", "ngày"].contains(&crate::lowercase(between.trim()).as_ref())
        && place.trim().starts_with(char::is_uppercase)
        && (1..=4).contains(&place.split_whitespace().count())
    {
        return true;
    }
    // A short line of its own: what is around the date on its line is a byline or a time.
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
    let line = &text[line_start..line_end];
    // A time zone beside a byline's time ("Dec 5, 2024 | 14:32 GMT+7") is of the time.
    let after_on_line = text[end..line_end].trim();
    let after_on_line = ["GMT", "UTC", "ICT"]
        .iter()
        .find_map(|zone| {
            let at = after_on_line.find(zone)?;
            after_on_line[at + zone.len()..]
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ')' | ' '))
                .then(|| &after_on_line[..at])
        })
        .unwrap_or(after_on_line);
    // "March 15, 2024 | 10:25 am": the time's half of the day.
    // "15/03/2024 | 10:30 | Lượt xem: 235": a page's counters after its byline's time.
    let after_on_line = {
        let lower = crate::lowercase(after_on_line);
        [
            "lượt xem",
            "lượt đọc",
            "bình luận",
            "views",
            "comments",
            "vues",
        ]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .filter(|&at| after_on_line.is_char_boundary(at) && lower.len() == after_on_line.len())
        .map_or(after_on_line, |at| {
            after_on_line[..at].trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '|' | '-' | '–' | '•' | '·' | ',')
            })
        })
    };
    // "Le 5 décembre 2024 à 10h00", "15/03/2024 lúc 10:30", "March 15, 2024 at 10:30".
    let after_on_line = after_on_line.trim();
    let after_on_line = ["à ", "lúc ", "at "]
        .iter()
        .find_map(|w| after_on_line.strip_prefix(w))
        .filter(|time| time.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(after_on_line);
    let after_on_line = ["am", "pm", "AM", "PM", "a.m.", "p.m.", "SA", "CH"]
        .iter()
        .find_map(|half| after_on_line.strip_suffix(half))
        .map_or(after_on_line, str::trim_end);
    // "Mar 15, 2024, 10:30 am": a comma before a time is the byline's, not a sentence's.
    let time_after_comma = after_on_line
        .strip_prefix(',')
        .is_some_and(|time| time.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    // "10:30 15/03/2024", "10h30, 15/03/2024": a time before the day, as a figure is not.
    let before_on_line = text[line_start..start].trim_end();
    let time_before = before_on_line
        .trim_end_matches([',', '|', '-', '–'])
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|last| {
            last.split_once([':', 'h']).is_some_and(|(hours, minutes)| {
                (1..=2).contains(&hours.len())
                    && minutes.len() == 2
                    && format!("{hours}{minutes}")
                        .bytes()
                        .all(|b| b.is_ascii_digit())
            })
        });
    line.chars().count() <= 60
        && (!after_on_line.starts_with(',') || time_after_comma)
        && after_on_line.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ':' | ' ' | '|' | '-' | 'h' | '(' | ')' | ',')
        })
        && (time_before || !before_on_line.ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether `near` ends with a weekday heading a page's date ("Thứ Sáu, 15/03/2024 - 10:30",
/// "| Monday, March 4", "Thứ 3, Ngày 16/07/2024"); in a sentence a weekday is the day of what
/// is told ("a annoncé mardi 11 mars").
fn headed_by_weekday(near: &str) -> bool {
    let weekday = near.trim_end_matches(',').trim_end();
    let weekday = crate::ends_with_lowercase(weekday, "ngày")
        .map_or(weekday, |at| weekday[..at].trim_end().trim_end_matches(','));
    WEEKDAYS.iter().any(|w| {
        weekday.ends_with(w) && {
            let head = weekday[..weekday.len() - w.len()].trim_end();
            head.is_empty() || head.ends_with([',', '|', '-', '–'])
        }
    })
}

/// Weekdays in the three languages, as pages head their dates: Vietnamese also by number
/// ("Thứ 3").
const WEEKDAYS: &[&str] = &[
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "thứ 2",
    "thứ 3",
    "thứ 4",
    "thứ 5",
    "thứ 6",
    "thứ 7",
];

/// A page's header: a weekday and the day alone on their line, with no time ("Thứ 3, Ngày
/// 16/07/2024"), the day the page was shown rather than the text's: neither the text's
/// dateline nor its event.
fn page_header(text: &str, start: usize, end: usize, near: &str) -> bool {
    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let alone = text[end..line_end].trim().is_empty();
    let opens_line = {
        let before = crate::lowercase(text[line_start..start].trim());
        let before = before.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
        let before = before.strip_suffix("ngày").map_or(before, |b| {
            b.trim_end_matches(|c: char| c == ',' || c.is_whitespace())
        });
        WEEKDAYS.contains(&before)
    };
    start <= TOP && alone && opens_line && headed_by_weekday(near)
}

/// The first year written alone in the text: not in a range of years, not a date's or a
/// document number's, not the year of comparison ("cùng kỳ năm 2020"), not the year an index
/// of provinces assesses (see [`index_years`]). When that year is one planned for ("the 2024
/// supervision programme", "kế hoạch năm 2025") and the text reviews the year before it too
/// ("the implementation of the 2023 programme"), that year comes second: the text was
/// written at the turn of the two, which its days settle ([`text_year`]).
fn year_alone(text: &str, days: &[(usize, usize)]) -> Option<(i32, Option<i32>)> {
    let assessed = std::cell::OnceCell::new();
    // The first year found alone when a plan is made for it: looked past for the year before
    // it, reviewed.
    let mut first: Option<i32> = None;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at + 4 <= bytes.len() {
        let Some(s) = text[at..].find(['1', '2']).map(|i| at + i) else {
            break;
        };
        at = s + 1;
        let Some(digits) = bytes.get(s..s + 4) else {
            break;
        };
        if !digits.iter().all(u8::is_ascii_digit)
            || !(digits[..2] == *b"19" || digits[..2] == *b"20")
        {
            continue;
        }
        if !crate::starts_word(text, s)
            || !crate::ends_word(text, s + 4)
            || days.iter().any(|&(from, to)| from <= s && s < to)
        {
            continue;
        }
        let before = text[crate::look_back(text, s, 24)..s].trim_end();
        let after = text[s + 4..].trim_start();
        if before.ends_with(['-', '–', '/', '.', ','])
            || after.starts_with(['-', '–', '/'])
            || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let lower = crate::lowercase(before);
        if [
            "cùng kỳ năm",
            "cùng kì năm",
            "so với năm",
            "than in",
            "compared with",
            "compared to",
            "up from",
            "down from",
            "par rapport à",
            "qu'en",
            "qu’en",
            "contre",
        ]
        .iter()
        .any(|w| lower.ends_with(w))
        {
            continue;
        }
        // A year things started from is past ("Từ năm 2016 đến nay", "since 2016"), and a
        // law's year names it ("Luật Đất đai năm 2024", "the 2024 Land Law").
        let near_before = crate::lowercase(&text[crate::look_back(text, s, 40)..s]);
        let law = near_before.contains("luật")
            || crate::starts_with_lowercase(after, "land law").is_some()
            || ["law", "loi"]
                .iter()
                .any(|w| crate::contains_words(&near_before, w));
        if law
            || ["từ năm", "kể từ", "since", "depuis"].iter().any(|w| {
                crate::ends_with_lowercase(&lower, w)
                    .is_some_and(|at| crate::starts_word(&lower, at))
            })
        {
            continue;
        }
        // A horizon is not the year of the text: "tầm nhìn đến năm 2050", "by 2030", "à
        // l'horizon 2050", "the 2050 vision".
        if [
            "đến năm",
            "tới năm",
            "đến",
            "tầm nhìn",
            "đến cuối năm",
            "tới cuối năm",
            "d'ici fin",
            "d’ici fin",
            "jusqu'en",
            "jusqu’en",
            "by the end of",
            "by end",
            "horizon",
            "d'ici",
            "d’ici",
            "by",
            "until",
            "towards",
            "vision",
        ]
        .iter()
        .any(|w| {
            crate::ends_with_lowercase(&lower, w).is_some_and(|at| crate::starts_word(&lower, at))
        }) || crate::starts_with_lowercase(after, "vision").is_some()
        {
            continue;
        }
        // "la province vise 25 millions de touristes en 2030": a year a French sentence aims
        // at, after its words of aiming, is a target's.
        let sentence = text[..s]
            .rfind(['.', '\n', ';', '!', '?'])
            .map_or(0, |i| i + 1);
        let aimed = crate::lowercase(&text[sentence..s]);
        if [
            "vise",
            "visent",
            "cible",
            "ciblent",
            "objectif",
            "ambitionn",
            "s'efforce",
            "s’efforce",
            "table sur",
            "tablent sur",
            "prévoit",
            "espère",
        ]
        .iter()
        .any(|w| aimed.contains(w))
        {
            continue;
        }
        let Some(year) = std::str::from_utf8(digits)
            .ok()
            .and_then(|d| d.parse::<i32>().ok())
        else {
            continue;
        };
        if assessed.get_or_init(|| index_years(text)).contains(&year) {
            continue;
        }
        let window = crate::lowercase(&text[crate::look_back(text, s, 64)..s]);
        match first {
            None if planned_for(&window, after) => first = Some(year),
            None => return Some((year, None)),
            Some(planned) => {
                if year + 1 == planned && reviewed(&window) {
                    return Some((planned, Some(year)));
                }
            }
        }
    }
    first.map(|year| (year, None))
}

/// Whether the words before a year (`before`, lowercased) review what was done in it: "the
/// implementation of the 2023 programme", "kết quả thực hiện năm 2024", "le bilan de 2024".
fn reviewed(before: &str) -> bool {
    const REVIEWS: &[&str] = &[
        "kết quả",
        "tổng kết",
        "sơ kết",
        "đánh giá",
        "thực hiện",
        "review",
        "reviewed",
        "implementation",
        "outcomes",
        "results",
        "bilan",
        "résultats",
    ];
    static REVIEW_WORDS: std::sync::LazyLock<crate::Words> =
        std::sync::LazyLock::new(|| crate::Words::new(REVIEWS));
    REVIEW_WORDS.any_in(before)
}

/// Whether a year, with `before` (lowercased) and `after` it, is one a plan, a programme or a
/// budget is made for: "kế hoạch năm 2025", "dự toán năm 2025", "the 2024 supervision
/// programme", "plans for 2025". Texts written at a year's end plan the next one: when the
/// year before is written too, that is the text's ([`year_alone`]).
fn planned_for(before: &str, after: &str) -> bool {
    const PLANS: &[&str] = &[
        "kế hoạch",
        "dự toán",
        "phương hướng",
        "kịch bản",
        "plan",
        "plans",
        "programme",
        "program",
        "targets",
        "budget",
        "prévisions",
    ];
    // "phương hướng, nhiệm vụ 6 tháng cuối năm 2021": months of the year, not a year planned.
    let close = &before[crate::floor_char_boundary(before, before.len().saturating_sub(24))..];
    if ["tháng", "quý", "months", "quarter", "mois", "trimestre"]
        .iter()
        .any(|w| close.contains(w))
    {
        return false;
    }
    let after = crate::lowercase(&after[..crate::floor_char_boundary(after, after.len().min(32))]);
    static PLAN_WORDS: std::sync::LazyLock<crate::Words> =
        std::sync::LazyLock::new(|| crate::Words::new(PLANS));
    PLAN_WORDS.any_in(before)
        || after
            .split(|c: char| !crate::is_word_char(c))
            .filter(|w| !w.is_empty())
            .take(2)
            .any(|w| PLANS.contains(&w))
}

/// Indexes that rank provinces by a year they assess and publish the year after: "PCI 2016"
/// comes out in March 2017.
const INDEXES: &[&str] = &[
    "PCI",
    "PAPI",
    "PAR INDEX",
    "SIPAS",
    "DDCI",
    "DTI",
    "ICT INDEX",
];

/// The years indexes of provinces are named with ("PCI 2016", "PAPI 2023"): a text on such an
/// index names its year throughout ("le rapport de la VCCI de 2016"), and none of them is the
/// year the text was written in.
fn index_years(text: &str) -> Vec<i32> {
    // One pass for every index's name, not one a name.
    static NAMES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let names: Vec<String> = INDEXES.iter().map(|n| regex::escape(n)).collect();
        regex::Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", names.join("|")))
            .expect("index names")
    });
    let mut years = Vec::new();
    for name in NAMES.find_iter(text) {
        let rest = text[name.end()..].trim_start_matches([' ', '\u{a0}']);
        let rest = rest.strip_prefix("năm ").unwrap_or(rest);
        if let Some(year) = rest
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .filter(|_| crate::ends_word(rest, 4))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1990..2100).contains(y))
        {
            years.push(year);
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The year of the text each date is given, in the order of the dates.
    fn text_years(text: &str) -> Vec<Option<i32>> {
        crate::read(text.as_bytes())
            .expect("reads")
            .items
            .into_iter()
            .filter_map(|item| match item.fact {
                Fact::Date { text_year, .. } => Some(text_year),
                _ => None,
            })
            .collect()
    }

    fn role(text: &str, date: &str) -> DateRole {
        let start = text.find(date).expect("the date in the text");
        role_of(text, start, start + date.len())
    }

    /// The role of each date a whole reading gives, with its text.
    fn roles(text: &str) -> Vec<(String, DateRole)> {
        crate::read(text.as_bytes())
            .expect("reads")
            .items
            .into_iter()
            .filter_map(|item| match item.fact {
                Fact::Date { role, .. } => Some((item.text, role)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_day_something_takes_effect_is_no_event_and_today_in_brackets_is() {
        assert_eq!(
            role(
                "Từ ngày 1/7/2024, Luật Đất đai sửa đổi chính thức có hiệu lực.",
                "ngày 1/7/2024"
            ),
            DateRole::Other
        );
        assert_eq!(
            role(
                "Le décret entre en vigueur le 1er juillet 2024.",
                "1er juillet 2024"
            ),
            DateRole::Other
        );
        assert_eq!(
            roles("Sáng nay (15/3), Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.")
                .into_iter()
                .map(|(_, role)| role)
                .collect::<Vec<_>>(),
            [DateRole::Event]
        );
    }

    #[test]
    fn a_horizon_is_not_the_year_of_the_text() {
        assert_eq!(
            text_years(
                "Chiều 15/3, Tỉnh ủy họp về Quy hoạch tỉnh, tầm nhìn đến năm 2050. Năm 2023, GRDP tăng 8%."
            ),
            [Some(2023)]
        );
        assert_eq!(
            text_years(
                "On March 15, the committee met on the 2045 vision and the goals to be met by 2030. In 2024, GRDP grew 7%."
            ),
            [Some(2024)]
        );
        assert_eq!(
            text_years(
                "Le 15 mars, le comité s'est réuni sur la vision à l'horizon 2050. En 2024, le PIB a progressé."
            ),
            [Some(2024)]
        );
    }

    #[test]
    fn a_weekday_heads_a_pages_date_only_at_the_head_of_its_line_or_after_a_comma() {
        assert_eq!(
            role("Thứ Sáu, 15/03/2024 - 10:30\nTin tức", "15/03/2024"),
            DateRole::Dateline
        );
        assert_eq!(
            role(
                "Le ministère a annoncé mardi 11 mars que les exportations avaient augmenté.",
                "11 mars"
            ),
            DateRole::Other
        );
    }

    #[test]
    fn a_place_its_comma_the_date_and_a_dash_at_the_top_is_a_dateline() {
        assert_eq!(
            role(
                "Hanoi, le 12 mars 2024 - Le ministère a organisé une conférence.",
                "12 mars 2024"
            ),
            DateRole::Dateline
        );
        assert_eq!(
            role(
                "Hà Nội, ngày 12/3/2024 – Bộ Tài chính tổ chức hội nghị.",
                "12/3/2024"
            ),
            DateRole::Dateline
        );
        // A date and a dash inside a sentence are no dateline.
        assert_ne!(
            role(
                "Le 12 mars 2024 - jour de la réunion - la province a voté.",
                "12 mars 2024"
            ),
            DateRole::Dateline
        );
    }

    #[test]
    fn the_day_a_statement_ceremony_or_congress_is_held_is_the_event() {
        assert_eq!(
            role(
                "Vietnam's exports rose 14%, the General Statistics Office said on January 6.",
                "January 6"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Dự án dự kiến khánh thành vào ngày 2/9 năm nay.",
                "ngày 2/9"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Đại hội Đảng bộ tỉnh lần thứ XX sẽ diễn ra ngày 15/10.",
                "ngày 15/10"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "La cérémonie d'inauguration s'est tenue le 2 septembre à Hanoi.",
                "2 septembre"
            ),
            DateRole::Event
        );
    }

    #[test]
    fn the_day_a_document_named_in_its_sentence_is_signed_is_its_date_of_issue() {
        assert_eq!(
            roles("Ngày 5/7/2024, UBND tỉnh ban hành Kế hoạch số 12/KH-UBND về chuyển đổi số."),
            [("Ngày 5/7/2024".to_owned(), DateRole::Issued)]
        );
        assert_eq!(
            roles(
                "The Prime Minister signed Decision No. 123/QD-TTg on March 1, 2024 to approve the plan."
            ),
            [("March 1, 2024".to_owned(), DateRole::Issued)]
        );
        // A document published is one issued.
        assert_eq!(
            roles(
                "Le 4 mai 2025, le Bureau politique a publié la résolution n° 68-NQ/TW sur l'économie privée."
            ),
            [("4 mai 2025".to_owned(), DateRole::Issued)]
        );
        // A holiday's day is no event, even beside a festival.
        assert_eq!(
            roles("Giá tăng do nghỉ lễ Quốc khánh 2/9 kéo dài và tỉnh tổ chức Lễ hội Thành Tuyên."),
            [("2/9".to_owned(), DateRole::Other)]
        );

        assert_eq!(
            roles("Ngày 10/7/2024, kỳ họp HĐND tỉnh ban hành Nghị quyết số 15/NQ-HĐND."),
            [("Ngày 10/7/2024".to_owned(), DateRole::Event)]
        );
        // A capital registered is not a document signed.
        assert_eq!(
            roles("Ngày 5/7/2024, vốn đăng ký theo Quyết định số 12/QĐ-UBND tăng."),
            [("Ngày 5/7/2024".to_owned(), DateRole::Event)]
        );
    }

    #[test]
    fn a_date_after_a_documents_number_is_its_date_of_issue() {
        assert_eq!(
            role(
                "theo Nghị định số 45/2023/NĐ-CP, ngày 2/6/2023 của Chính phủ",
                "ngày 2/6/2023"
            ),
            DateRole::Issued
        );
        assert_eq!(
            role(
                "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2024 của UBND tỉnh",
                "20/01/2024"
            ),
            DateRole::Issued
        );
        assert_eq!(
            role(
                "under Directive No. 12 dated May 3, 2022 of the Secretariat",
                "May 3, 2022"
            ),
            DateRole::Issued
        );
        assert_eq!(
            role(
                "selon le décret n° 15 du 2 mars 2023, les communes",
                "2 mars 2023"
            ),
            DateRole::Issued
        );
    }

    #[test]
    fn a_day_named_due_or_what_must_be_done_by_it_is_a_deadline() {
        assert_eq!(
            roles(
                "Hạn chót nộp hồ sơ là ngày 15/5/2024. Theo kế hoạch, đến ngày 31/12/2024 các huyện phải hoàn thành việc rà soát. Đến ngày 30/9/2024, tỉnh đã hoàn thành 80% kế hoạch. The deadline for applications is June 30, 2024."
            ),
            [
                ("ngày 15/5/2024".to_owned(), DateRole::Deadline),
                ("ngày 31/12/2024".to_owned(), DateRole::Deadline),
                ("ngày 30/9/2024".to_owned(), DateRole::Other),
                ("June 30, 2024".to_owned(), DateRole::Deadline),
            ]
        );
        // The same day's afternoon is the event's.
        assert_eq!(
            role(
                "Sáng 15/3, Đoàn làm việc với tỉnh. Chiều cùng ngày 15/3, Đoàn kiểm tra thực tế tại xã.",
                "ngày 15/3"
            ),
            DateRole::Event
        );
    }

    #[test]
    fn the_days_of_a_range_share_its_role_and_meetings_to_come_are_events() {
        assert_eq!(
            roles(
                "Từ ngày 1/8 đến 5/8, Sở Y tế tổ chức đợt kiểm tra. Le forum se tiendra du 5 au 7 décembre à Hanoï. On July 15 and 16, the delegation worked with the city."
            ),
            [
                ("ngày 1/8".to_owned(), DateRole::Event),
                ("5/8".to_owned(), DateRole::Event),
                ("5 au 7 décembre".to_owned(), DateRole::Event),
                ("7 décembre".to_owned(), DateRole::Event),
                ("July 15 and 16".to_owned(), DateRole::Event),
                ("16".to_owned(), DateRole::Event),
            ]
        );
        assert_eq!(
            roles(
                "The event, scheduled for December 20, will gather 300 delegates. Le festival aura lieu le 12 janvier."
            ),
            [
                ("December 20".to_owned(), DateRole::Event),
                ("12 janvier".to_owned(), DateRole::Event),
            ]
        );
        // A span of days to be implemented is no event.
        assert_eq!(
            roles("Thời gian thực hiện: từ ngày 1/8/2024 đến ngày 31/12/2024."),
            [
                ("ngày 1/8/2024".to_owned(), DateRole::Other),
                ("ngày 31/12/2024".to_owned(), DateRole::Other),
            ]
        );
    }

    #[test]
    fn the_year_an_index_assesses_is_not_the_year_of_the_text() {
        assert_eq!(
            text_years(
                "PCI 2023 : Quang Ninh en tête\n\nLe classement publié le 8 mai place Quang Ninh en tête. Selon le rapport de 2023, les provinces progressent."
            ),
            [None]
        );
        assert_eq!(
            text_years(
                "Chỉ số PCI năm 2023 được công bố sáng 8/5. Năm 2024, tỉnh phấn đấu vào top 10."
            ),
            [Some(2024)]
        );
        // Nor is a law's year, nor the year things started from.
        assert_eq!(
            text_years(
                "Sáng 15/3, Sở Tài nguyên phổ biến Luật Đất đai năm 2024. Từ năm 2016 đến nay, năm 2023 là năm tỉnh cấp nhiều sổ nhất."
            ),
            [Some(2023)]
        );
        assert_eq!(
            text_years(
                "On March 15, the department explained the 2024 Land Law. Since 2016, the province has grown; in 2023 it issued more titles."
            ),
            [Some(2023)]
        );
    }

    #[test]
    fn what_must_be_finished_before_a_day_and_a_bylines_time_zone() {
        assert_eq!(
            roles("Các sở hoàn thành trước 30/6, báo cáo UBND tỉnh."),
            [("30/6".to_owned(), DateRole::Deadline)]
        );
        assert_eq!(
            role("Dec 5, 2024 | 14:32 GMT+7\nThe province", "Dec 5, 2024"),
            DateRole::Dateline
        );
    }

    #[test]
    fn nearness_after_an_opening_day_time_left_and_a_pages_words_of_publication() {
        assert_eq!(
            roles(
                "Ngày 15/3 vừa qua, Sở Tài chính đã trình UBND tỉnh dự thảo. Ce 5 décembre, le comité a voté."
            ),
            [
                ("Ngày 15/3".to_owned(), DateRole::Event),
                ("5 décembre".to_owned(), DateRole::Event),
            ]
        );
        assert_eq!(
            roles("Từ nay đến ngày 30/6, các huyện rà soát toàn bộ hồ sơ."),
            [("ngày 30/6".to_owned(), DateRole::Deadline)]
        );
        assert_eq!(
            role(
                "Tin tức\nNgày phát hành: 16/07/2024\nHội nghị",
                "16/07/2024"
            ),
            DateRole::Dateline
        );
    }

    #[test]
    fn a_pages_date_written_year_first_is_its_dateline() {
        assert_eq!(
            roles(
                "Tin tức\n2024-12-05 10:25\nDu 28 novembre au 2 décembre, le festival se tiendra à Hué. The 2021-2025 plan."
            ),
            [
                ("2024-12-05".to_owned(), DateRole::Dateline),
                ("28 novembre".to_owned(), DateRole::Event),
                ("2 décembre".to_owned(), DateRole::Event),
            ]
        );
    }

    #[test]
    fn the_gatherings_provincial_news_reports_are_events() {
        assert_eq!(
            roles(
                "UBND tỉnh tổ chức hội nghị sơ kết 6 tháng vào ngày 15/7. Sở Y tế mở lớp tập huấn ngày 20/7. The governor hosted the delegation on July 22."
            ),
            [
                ("ngày 15/7".to_owned(), DateRole::Event),
                ("ngày 20/7".to_owned(), DateRole::Event),
                ("July 22".to_owned(), DateRole::Event),
            ]
        );
    }

    #[test]
    fn a_day_due_and_a_day_data_are_given_at() {
        assert_eq!(
            roles(
                "Reports are due on June 30, 2024. La date butoir est fixée au 15 juillet. Tại thời điểm 31/12/2023, toàn tỉnh có 120 hợp tác xã."
            ),
            [
                ("June 30, 2024".to_owned(), DateRole::Deadline),
                ("15 juillet".to_owned(), DateRole::Deadline),
                ("31/12/2023".to_owned(), DateRole::Other),
            ]
        );
    }

    #[test]
    fn an_update_with_its_time_before_the_day_is_a_dateline() {
        assert_eq!(
            role(
                "Cập nhật lúc 10:25 ngày 16/03/2024\nSáng 15/3, Đoàn giám sát làm việc với huyện.",
                "ngày 16/03/2024"
            ),
            DateRole::Dateline
        );
    }

    #[test]
    fn a_delegations_days_are_the_event() {
        assert_eq!(
            roles(
                "Từ ngày 10/5 đến ngày 15/5/2024, Đoàn kiểm tra số 2 của Tỉnh ủy đã kiểm tra tại Đảng bộ huyện. Tính từ đầu năm đến ngày 20/8/2024, toàn huyện có 12 dự án."
            ),
            [
                ("ngày 10/5".to_owned(), DateRole::Event),
                ("ngày 15/5/2024".to_owned(), DateRole::Event),
                ("ngày 20/8/2024".to_owned(), DateRole::Other),
            ]
        );
    }

    #[test]
    fn a_date_things_must_be_done_by_is_a_deadline() {
        assert_eq!(
            role("Các xã gửi báo cáo trước ngày 30/6/2024.", "30/6/2024"),
            DateRole::Deadline
        );
        assert_eq!(
            role(
                "Districts must submit their plans by June 30, 2024.",
                "June 30, 2024"
            ),
            DateRole::Deadline
        );
        assert_eq!(
            role(
                "Les dossiers sont à déposer avant le 15 avril 2024.",
                "15 avril 2024"
            ),
            DateRole::Deadline
        );
        // What was reached by a day is not a deadline.
        assert_eq!(
            role(
                "Disbursement grew steadily, reaching VND 800 billion by May 12.",
                "May 12"
            ),
            DateRole::Other
        );
    }

    #[test]
    fn a_date_at_the_top_on_its_own_line_or_before_an_agency_is_a_dateline() {
        let text = "Bản tin\n\n12/03/2024\nTăng cỡ chữ\nHĐND huyện họp";
        assert_eq!(role(text, "12/03/2024"), DateRole::Dateline);
        let byline = "Growth targets\n\nLe Minh 14/02/2025 09:30\n\nThe province";
        assert_eq!(role(byline, "14/02/2025"), DateRole::Dateline);
        assert_eq!(
            role("Hanoi, March 8 (VNA) - The Government", "March 8"),
            DateRole::Dateline
        );
        // A weekday and the day alone on their line head the page, not the text (the real
        // set's convention): with a time beside them they date the text.
        assert_eq!(
            role("Thứ Ba, ngày 12/3/2024\nKỳ họp", "12/3/2024"),
            DateRole::Other
        );
        assert_eq!(
            role("Thứ 3, Ngày 16/07/2024\nTin hoạt động", "16/07/2024"),
            DateRole::Other
        );
        assert_eq!(
            role("Thứ Ba, 16/07/2024 - 10:25\nKỳ họp", "16/07/2024"),
            DateRole::Dateline
        );
        // A weekday opening a sentence near the top is the day of what it tells.
        assert_eq!(
            role(
                "Mercredi 11 décembre, la délégation a visité Hanoï.",
                "11 décembre"
            ),
            DateRole::Event
        );
    }

    #[test]
    fn a_date_opening_a_sentence_of_a_meeting_is_the_event() {
        assert_eq!(
            role(
                "Chiều 8-10, Thường trực HĐND huyện họp phiên thường kỳ.",
                "8-10"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "On March 2, the provincial council held a meeting on",
                "March 2"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Le ministre a eu le 9 mai à Hue une séance de travail avec",
                "9 mai"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Tính từ đầu năm đến ngày 20-8, toàn huyện có 12 dự án.",
                "20-8"
            ),
            DateRole::Other
        );
        assert_eq!(
            role(
                "As of June 30, 2024, the city counted 120 buses.",
                "June 30, 2024"
            ),
            DateRole::Other
        );
    }

    fn date(start: usize, end: usize, year: Option<i32>) -> Found {
        Found {
            start,
            end,
            fact: Fact::Date {
                year,
                month: 1,
                day: 1,
                role: DateRole::Other,
                text_year: None,
            },
        }
    }

    #[test]
    fn a_date_without_its_year_takes_the_year_of_the_text() {
        let text = "On May 4, the council met to review the first 4 months of 2024.";
        let mut found = vec![date(3, 8, None)];
        settle(text, &mut found, &[]);
        assert!(matches!(
            found[0].fact,
            Fact::Date {
                year: None,
                text_year: Some(2024),
                role: DateRole::Event,
                ..
            }
        ));
        // Not from a range of years or a year of comparison.
        let text = "Sáng 4/5, HĐND nhiệm kỳ 2021-2026 họp; tăng 3% so với cùng kỳ năm 2023.";
        let mut found = vec![date(0, 9, None)];
        settle(text, &mut found, &[]);
        assert!(matches!(
            found[0].fact,
            Fact::Date {
                text_year: None,
                ..
            }
        ));
    }

    #[test]
    fn days_a_report_looks_back_to_are_no_days_of_what_it_reports() {
        for (text, date) in [
            (
                "Trước đó, ngày 2/4, Sở Y tế đã tổ chức hội nghị tập huấn.",
                "ngày 2/4",
            ),
            (
                "Earlier, on April 2, the department held a training workshop.",
                "April 2",
            ),
            (
                "Auparavant, le 2 avril, le département avait organisé un atelier.",
                "2 avril",
            ),
            (
                "Như Báo Hà Tĩnh đã đưa tin, ngày 2/4, tại xã Kỳ Tân xảy ra sạt lở.",
                "ngày 2/4",
            ),
            // A day something was founded on, or started on and went on from.
            (
                "Hợp tác xã được thành lập ngày 12/5/2015 với 30 thành viên.",
                "ngày 12/5/2015",
            ),
            (
                "Công trình khởi công từ ngày 3/9/2023, đến nay đạt 70% khối lượng.",
                "ngày 3/9/2023",
            ),
            (
                "The cooperative, founded on May 12, 2015, has 30 members.",
                "May 12, 2015",
            ),
        ] {
            assert_eq!(role(text, date), DateRole::Other, "{text}");
        }
        // The day a sentence opens with stays the day of what it reports.
        assert_eq!(
            role("Ngày 2/4, Sở Y tế tổ chức hội nghị tập huấn.", "Ngày 2/4"),
            DateRole::Event
        );
    }

    #[test]
    fn a_holidays_days_a_day_named_due_and_a_document_signed_in_the_passive() {
        assert_eq!(
            roles("Dịp nghỉ lễ 30/4 - 1/5, tỉnh đón 200 nghìn lượt khách, tổ chức nhiều lễ hội."),
            [
                ("30/4".to_owned(), DateRole::Other),
                ("1/5".to_owned(), DateRole::Other)
            ]
        );
        assert_eq!(
            role(
                "Ngày 20/5/2024 là hạn cuối để các xã nộp báo cáo.",
                "Ngày 20/5/2024"
            ),
            DateRole::Deadline
        );
        assert_eq!(
            role(
                "May 20 is the deadline for the communes' reports.",
                "May 20"
            ),
            DateRole::Deadline
        );
        assert_eq!(
            roles("Le 3 avril 2025, la directive n° 45-CT/TW a été signée par le Secrétariat."),
            [("3 avril 2025".to_owned(), DateRole::Issued)]
        );
    }

    #[test]
    fn bylines_with_a_time_before_their_day_a_half_of_day_or_a_pages_counters() {
        for (text, date) in [
            (
                "Sở Tư pháp\n09:45 22/04/2024\nChiều 21/4, Sở họp.",
                "22/04/2024",
            ),
            (
                "Sở Tư pháp\n22/04/2024 | 09:45 | Lượt xem: 1.024\nChiều 21/4, Sở họp.",
                "22/04/2024",
            ),
            (
                "Apr 22, 2024, 9:45 am\nThe department met on April 21.",
                "Apr 22, 2024",
            ),
            (
                "April 22, 2024 | 09:45 pm GMT+7\nThe department met on April 21.",
                "April 22, 2024",
            ),
            (
                "Publié le lundi 22 avril 2024 à 9h45\nLe département s'est réuni.",
                "22 avril 2024",
            ),
        ] {
            assert_eq!(
                roles(text)[0],
                (date.to_owned(), DateRole::Dateline),
                "{text}"
            );
        }
        // A count before a day is no time: "120 22/04" is not a byline.
        assert_ne!(
            role("Tổng số\n120 22/04/2024", "22/04/2024"),
            DateRole::Dateline
        );
    }

    #[test]
    fn a_text_that_plans_a_year_and_reviews_the_one_before_is_dated_by_its_days() {
        // A session late in the year, on next year's plan and this year's results.
        assert_eq!(
            text_years(
                "Sáng 6/12, HĐND tỉnh thảo luận kế hoạch đầu tư công năm 2026 và đánh giá kết quả thực hiện năm 2025."
            ),
            [Some(2025)]
        );
        assert_eq!(
            text_years(
                "On December 6, the council discussed the 2026 investment plan and the implementation of the 2025 programme."
            ),
            [Some(2025)]
        );
        // A conference early in the year reviews the year past and is of the year planned.
        assert_eq!(
            text_years("Sáng 8/1, UBND tỉnh triển khai kế hoạch năm 2026 và tổng kết năm 2025."),
            [Some(2026)]
        );
        // Months of a year are no year planned for.
        assert_eq!(
            text_years(
                "Sáng 8/7, Huyện ủy đề ra phương hướng 6 tháng cuối năm 2025. Kết quả năm 2024 khá."
            ),
            [Some(2025)]
        );
    }

    #[test]
    fn a_documents_type_without_its_number_dates_its_issue_and_more_days_of_what_is_done() {
        for (text, date) in [
            (
                "Theo Quyết định ngày 4/6/2024 của UBND tỉnh, huyện được bổ sung vốn.",
                "ngày 4/6/2024",
            ),
            (
                "Under the decision dated June 4, the district gets funds.",
                "June 4",
            ),
            (
                "Selon le décret du 4 juin 2024, le district reçoit des fonds.",
                "4 juin 2024",
            ),
        ] {
            assert_eq!(role(text, date), DateRole::Issued, "{text}");
        }
        for (text, date) in [
            (
                "Đoàn của Sở Xây dựng đã kiểm tra công trình vào ngày 4/6.",
                "ngày 4/6",
            ),
            ("The minister visited the site on June 4.", "June 4"),
            ("Le comité a tenu sa réunion mensuelle le 4 juin.", "4 juin"),
        ] {
            assert_eq!(role(text, date), DateRole::Event, "{text}");
        }
    }

    #[test]
    fn a_year_a_french_sentence_aims_at_is_not_the_texts() {
        assert_eq!(
            text_years(
                "La ville vise 30 millions de visiteurs en 2030. En mars, elle a accueilli 2 millions de visiteurs. Le 5 mars, le festival a ouvert. En 2025, les arrivées ont progressé."
            ),
            [Some(2025)]
        );
    }

    #[test]
    fn a_day_of_a_year_well_before_the_texts_is_in_the_past() {
        assert_eq!(
            roles(
                "Le 3 juin 2025, la province a inauguré le musée. Le 30 avril 1975, les troupes sont entrées dans la ville."
            ),
            [
                ("3 juin 2025".to_owned(), DateRole::Event),
                ("30 avril 1975".to_owned(), DateRole::Other)
            ]
        );
    }

    #[test]
    fn a_french_range_from_the_first_and_a_day_until_which_something_must_be_done() {
        assert_eq!(
            roles("Du 1er au 4 octobre, le salon a eu lieu à Da Nang."),
            [
                ("1er au 4 octobre".to_owned(), DateRole::Event),
                ("4 octobre".to_owned(), DateRole::Event)
            ]
        );
        assert_eq!(
            role(
                "Les communes devront remettre leurs rapports jusqu'au 20 novembre.",
                "20 novembre"
            ),
            DateRole::Deadline
        );
        // Until a day, with nothing to be done by it, is no deadline.
        assert_ne!(
            role("Le festival dure jusqu'au 20 novembre.", "20 novembre"),
            DateRole::Deadline
        );
    }

    #[test]
    fn a_day_in_brackets_after_its_weekday_opens_its_sentence() {
        assert_eq!(
            role(
                "Mardi (8 avril), les experts sont arrivés au barrage.",
                "8 avril"
            ),
            DateRole::Event
        );
    }

    #[test]
    fn a_french_byline_with_its_hour_and_an_horizon_at_a_years_end() {
        assert_eq!(
            roles("Le 4 juin 2024 à 9h45\nLe comité s'est réuni.")[0],
            ("4 juin 2024".to_owned(), DateRole::Dateline)
        );
        assert_eq!(
            text_years(
                "La province veut 3 millions de visiteurs d'ici fin 2026. Le 4 juin, elle a lancé un plan. En 2025, les arrivées ont progressé."
            ),
            [Some(2025)]
        );
    }

    #[test]
    fn an_anniversarys_days_a_lunar_day_and_a_day_from_which_a_state_holds() {
        // The same day in two years: an anniversary's, neither its festive sentence's event
        // nor the year of the text.
        let read = crate::read(
            "Sáng 2/2, Tỉnh ủy tổ chức lễ kỷ niệm 95 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2025). Năm 2025, tỉnh đón nhiều khách."
                .as_bytes(),
        )
        .expect("reads");
        let dates: Vec<(String, DateRole, Option<i32>)> = read
            .items
            .into_iter()
            .filter_map(|item| match item.fact {
                Fact::Date {
                    role, text_year, ..
                } => Some((item.text, role, text_year)),
                _ => None,
            })
            .collect();
        assert_eq!(
            dates,
            [
                ("Sáng 2/2".to_owned(), DateRole::Event, Some(2025)),
                ("3/2/1930".to_owned(), DateRole::Other, None),
                ("3/2/2025".to_owned(), DateRole::Other, None),
            ]
        );
        assert_eq!(
            role(
                "Sáng 12/8 (tức ngày 9/7 âm lịch), nhân dân tổ chức lễ hội.",
                "ngày 9/7"
            ),
            DateRole::Other
        );
        assert_eq!(
            role("Từ 1/7/2025, tỉnh có 130 xã, phường.", "1/7/2025"),
            DateRole::Other
        );
        assert_eq!(
            role("Từ 1/7/2025, tỉnh tổ chức lấy ý kiến.", "1/7/2025"),
            DateRole::Event
        );
    }

    #[test]
    fn words_of_publication_head_a_byline_not_a_sentence_and_a_french_deadline() {
        assert_eq!(
            role(
                "Selon le bilan publié le 9 juin par le ministère, les ventes ont progressé.",
                "9 juin"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Le Courrier - Publié le 9 juin 2024\nLes ventes",
                "9 juin 2024"
            ),
            DateRole::Dateline
        );
        assert_eq!(
            role("Last updated: June 9, 2024\nSales rose.", "June 9, 2024"),
            DateRole::Dateline
        );
        assert_eq!(
            role("Les communes doivent répondre d'ici au 9 juin.", "9 juin"),
            DateRole::Deadline
        );
        assert_eq!(
            roles("Da Nang, 9 juin (VNA) - La ville a reçu des visiteurs.\n")[0],
            ("9 juin".to_owned(), DateRole::Dateline)
        );
        assert_eq!(
            roles("Da Nang, 9 juil. (VNA) - La ville a reçu des visiteurs.\n")[0],
            ("9 juil.".to_owned(), DateRole::Dateline)
        );
    }

    #[test]
    fn a_year_compared_with_in_french_or_up_from_is_not_the_texts() {
        assert_eq!(
            text_years(
                "Les ventes ont progressé de 8% par rapport à 2024. Le 9 juin, la province a tenu une réunion sur 2025."
            ),
            [Some(2025)]
        );
        assert_eq!(
            text_years(
                "Sales rose to 9%, up from 2024. On June 9, the province held a meeting on 2025."
            ),
            [Some(2025)]
        );
        assert_eq!(
            text_years(
                "Le plan court jusqu'en 2030. Le 9 juin, la province a tenu une réunion en 2025."
            ),
            [Some(2025)]
        );
    }

    #[test]
    fn the_year_of_a_day_written_with_its_months_name_is_not_the_texts() {
        // The museum's founding day is past; the visit has no year written.
        assert_eq!(
            text_years(
                "Le musée est né le 3 mars 2011. Le 12 octobre, une délégation de la province a visité le musée."
            ),
            [None, None]
        );
        assert_eq!(
            roles("Le musée est né le 3 mars 2011. Le 12 octobre, une délégation de la province a visité le musée.")
                .into_iter()
                .map(|(_, r)| r)
                .collect::<Vec<_>>(),
            [DateRole::Other, DateRole::Event]
        );
    }

    #[test]
    fn a_day_a_document_is_dated_or_a_legal_basis_cites_is_its_issue() {
        let text = "Pursuant to the Law on Public Investment dated June 13, 2019;";
        assert_eq!(role(text, "June 13, 2019"), DateRole::Issued);
        let text = "The province replied in a letter dated March 4 to the ministry.";
        assert_eq!(role(text, "March 4"), DateRole::Issued);
        let text = "Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;";
        assert_eq!(role(text, "25/6/2015"), DateRole::Issued);
        let text = "Vu la loi du 12 mai 2020 sur les finances publiques,";
        assert_eq!(role(text, "12 mai 2020"), DateRole::Issued);
        // Not the day a law takes effect from.
        let text = "Căn cứ Luật Đầu tư có hiệu lực từ ngày 1/1/2021;";
        assert_ne!(role(text, "1/1/2021"), DateRole::Issued);
    }

    #[test]
    fn a_day_something_holds_until_a_french_trip_and_a_statement_to_the_press() {
        let text =
            "The ministry said fees for trucks will be waived until March 31 at the meeting.";
        assert_eq!(role(text, "March 31"), DateRole::Other);
        let text = "La délégation du comité s'est rendue jeudi 7 mars dans la province de Son La.";
        assert_eq!(role(text, "7 mars"), DateRole::Event);
        let text = "Deputy Minister Le Van Thanh told the press on May 12 that the plan was ready.";
        assert_eq!(role(text, "May 12"), DateRole::Event);
    }

    #[test]
    fn a_pages_time_glued_to_its_day_and_a_report_expected_before_a_day() {
        assert_eq!(
            roles("Ngày 05/3/2024-14:20:00 PM\nKết quả thu ngân sách quý I."),
            [("Ngày 05/3/2024".to_owned(), DateRole::Dateline)]
        );
        let text = "A plan from the ministry is expected before May 15, the minister said.";
        assert_eq!(role(text, "May 15"), DateRole::Deadline);
    }

    #[test]
    fn what_opens_closes_or_is_held_in_the_present_tense_is_the_event() {
        let text = "The trade fair opened on 4th March and closed on 6 March in Da Nang.";
        assert_eq!(role(text, "4th March"), DateRole::Event);
        assert_eq!(role(text, "6 March"), DateRole::Event);
        let text = "Le festival du riz se tient du 3 au 5 octobre à Can Tho.";
        assert_eq!(role(text, "3 au 5 octobre"), DateRole::Event);
        let text = "La foire s'est clôturée le 9 octobre après quatre jours.";
        assert_eq!(role(text, "9 octobre"), DateRole::Event);
    }

    #[test]
    fn the_latest_day_a_thing_may_be_done_is_a_deadline() {
        let text = "Các xã nộp báo cáo chậm nhất là ngày 15/8 để tổng hợp.";
        assert_eq!(role(text, "ngày 15/8"), DateRole::Deadline);
        let text = "Sở Tài chính trình phương án không muộn hơn ngày 10/9.";
        assert_eq!(role(text, "ngày 10/9"), DateRole::Deadline);
    }

    #[test]
    fn the_time_left_to_do_a_thing_and_a_type_signed_on_a_day() {
        let text = "Households have until May 20 to apply for support.";
        assert_eq!(role(text, "May 20"), DateRole::Deadline);
        let text = "Districts were asked to report prior to May 25.";
        assert_eq!(role(text, "May 25"), DateRole::Deadline);
        let text = "Les communes ont jusqu'au 20 mai pour déposer leurs dossiers.";
        assert_eq!(role(text, "20 mai"), DateRole::Deadline);
        let text = "Les entreprises remettent leurs déclarations avant la date du 25 mai.";
        assert_eq!(role(text, "25 mai"), DateRole::Deadline);
        let text = "The circular signed on April 2 guides the payments.";
        assert_eq!(role(text, "April 2"), DateRole::Issued);
        let text = "La circulaire signée le 2 avril précise les paiements.";
        assert_eq!(role(text, "2 avril"), DateRole::Issued);
    }
}
