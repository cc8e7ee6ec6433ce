//! Event dates and periods in the words of each language.

use std::sync::OnceLock;

use giamsat_core::{Month, Period};
use regex::{Captures, Regex};

use crate::{DateRole, Fact, Found};

/// Bylines also write the short names without their point ("Dec 5, 2024 | 14:32").
const ENGLISH_MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
/// English months in full, as a month named alone is written ("in July").
const ENGLISH_FULL_MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
/// In lower case, as French writes them, or capitalised. Patterns that ignore case
/// altogether are several times slower: the regex crate cannot look for them by their
/// letters first.
const FRENCH_MONTHS: &str = "[Jj]anvier|[Ff]évrier|[Ff]evrier|[Mm]ars|[Aa]vril|[Mm]ai|[Jj]uin|[Jj]uillet|[Aa]oût|[Aa]out|[Ss]eptembre|[Oo]ctobre|[Nn]ovembre|[Dd]écembre|[Dd]ecembre";

/// French months shortened with a point, as bylines write them ("Publié le 05 déc. 2024").
const FRENCH_SHORT_MONTHS: &str = "[Jj]anv\\.|[Ff]évr\\.|[Ff]evr\\.|[Aa]vr\\.|[Jj]uil\\.|[Ss]ept\\.|[Oo]ct\\.|[Nn]ov\\.|[Dd]éc\\.";

/// Whether a capitalised word names a month ("March", "Sept."): "marine" does not.
pub(crate) fn is_month_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && month_number(word).is_some()
}

fn month_number(name: &str) -> Option<u8> {
    let lower = crate::lowercase(name);
    let lower = lower.trim_end_matches('.');
    let english = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if let Some(i) = english.iter().position(|m| lower.starts_with(m)) {
        return Some(i as u8 + 1);
    }
    // Without accents, as some write them.
    let french = [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    let plain = || {
        lower.chars().map(|c| match c {
            'é' | 'è' => 'e',
            'û' => 'u',
            c => c,
        })
    };
    let short = [
        ("janv", 1),
        ("fevr", 2),
        ("avr", 4),
        ("juil", 7),
        ("dec", 12),
    ];
    french
        .iter()
        .position(|m| m.chars().eq(plain()))
        .map(|i| i as u8 + 1)
        .or_else(|| {
            short
                .iter()
                .find(|(m, _)| m.chars().eq(plain()))
                .map(|(_, n)| *n)
        })
}

struct Patterns {
    /// Dates a date of issue may be written as, anchored at the start.
    date_here: Vec<Regex>,
    /// Two days of one month: "Từ 6 - 8/12", "ngày 26-27/12/2022", "les 4 et 5 mars",
    /// "December 5-6". Captures, by name: `first` and `second` days, the `month` (a number or
    /// a month's name), the `year`.
    ranges: Vec<Search>,
    /// Two days with their months, from one to the other: "từ 1/8 đến 5/8/2024", "Từ ngày
    /// 28/7 - 2/8". Captures: day, month and year of each.
    spans: Regex,
    /// Event dates.
    dates: Vec<Regex>,
    /// Periods: each with how to read its captures.
    periods: Vec<(Search, PeriodShape)>,
}

/// How a period's pattern is looked for.
enum Search {
    Anywhere(Regex),
    /// In the few words before its last words, which are looked for first: in "the
    /// 2021-2025 period" the regex crate finds nothing else it can look for quickly.
    EndingWith {
        last: Regex,
        pattern: Regex,
    },
    /// Only in a text where `needs`, which every match of `pattern` holds, is found: a
    /// pattern opening with a number is run over every byte of the text, and a Vietnamese
    /// pattern need not be run over an English or French one.
    Needing {
        needs: Regex,
        pattern: Regex,
    },
}

impl Search {
    fn captures_iter<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Captures<'t>> + 't> {
        match self {
            Search::Anywhere(pattern) => Box::new(pattern.captures_iter(text)),
            Search::EndingWith { last, pattern } => {
                Box::new(last.find_iter(text).filter_map(|m| {
                    let window = crate::look_back(text, m.start(), 48);
                    pattern.captures_at(&text[..m.end()], window)
                }))
            }
            Search::Needing { needs, pattern } => {
                if needs.is_match(text) {
                    Box::new(pattern.captures_iter(text))
                } else {
                    Box::new(std::iter::empty())
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum PeriodShape {
    /// Captures: the number of months, the year.
    FirstMonths,
    /// Captures: the number of the quarter, the year.
    Quarter,
    /// Captures: the number of months in the first or the second group; no year.
    FirstMonthsGlued,
    /// Captures: first or second, the year.
    Half,
    /// The last three or six months of a year: captures their number, the year.
    LastMonths,
    /// From January: captures the last month as a number, in English or in French; the year.
    FromJanuary,
    /// Captures: the first and the last year.
    Term,
    /// Captures: the month, the year.
    Month,
    /// Captures: the month in English, in French or as a number; the year.
    MonthAlone,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let numeric = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})";
        // "25-6-2020", "12.3.2021": hyphens and dots, without spaces, only with the year.
        let joined = r"(\d{1,2})[.-](\d{1,2})[.-](\d{4})";
        let vi_words = r"(?i)(\d{1,2})\s+tháng\s+(\d{1,2})(?:,?\s+năm\s+(\d{4}))?";
        let en_month_day = format!(r"({ENGLISH_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?");
        let en_day_month = format!(r"(\d{{1,2}})(?:(?:st|nd|rd|th)\s+of|st|nd|rd|th)?\s+({ENGLISH_MONTHS})(?:,?\s+(\d{{4}}))?");
        // A month's name ends its word; a short month ends with its point ("5 déc. (VNA)").
        let fr = format!(r"(1er|\d{{1,2}})\s+((?:{FRENCH_MONTHS})(?-u:\b)|{FRENCH_SHORT_MONTHS})(?:\s+(\d{{4}})(?-u:\b))?");
        let here = |p: &str| Regex::new(&format!("^(?:{p})")).expect("date pattern");
        let anywhere = |p: &str| Regex::new(p).expect("date pattern");
        let numbers = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze)";
        Patterns {
            date_here: vec![
                here(numeric),
                // "ngày 5/3" after a document's number: its year is the text's.
                here(r"(\d{1,2})\s*/\s*(\d{1,2})"),
                here(joined),
                // "ngày 20 - 3 - 2024": hyphens with spaces, with the year.
                here(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[-–]\s*(\d{4})"),
                here(vi_words),
                here(&en_month_day),
                here(&en_day_month),
                here(&fr),
            ],
            ranges: vec![
                // "Từ 6 - 8/12", "ngày 20 đến 23/11", "trong hai ngày 12 và 13/7".
                Search::Anywhere(anywhere(r"(?i)(?:(?-u:\b)(?:từ(?:\s+ngày)?|ngày)\s+|\(\s*)(?P<first>\d{1,2})\s*(?:[-–,]|đến(?:\s+ngày)?|và)\s*(?P<second>\d{1,2})\s*/\s*(?P<month>\d{1,2})(?:\s*/\s*(?P<year>\d{4}))?")),
                Search::Needing {
                    needs: anywhere(FRENCH_MONTHS),
                    pattern: anywhere(&format!(r"(?-u:\b)(?P<first>\d{{1,2}})(?:er)?\s*(?:(?:et|au)(?:\s+le)?|[-–])\s*(?P<second>\d{{1,2}})\s+(?P<month>{FRENCH_MONTHS})(?:\s+(?P<year>\d{{4}}))?(?-u:\b)")),
                },
                // "5-6 December 2024", "from 5 to 7 December", "5 and 6 December": the day
                // first, as British English writes it. Looked for where a month's name is.
                Search::Needing {
                    needs: anywhere(ENGLISH_FULL_MONTHS),
                    pattern: anywhere(&format!(r"(?-u:\b)(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|and|to|through)\s*(?P<second>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{ENGLISH_FULL_MONTHS})(?:,?\s+(?P<year>\d{{4}}))?(?-u:\b)")),
                },
                // "December 5-6", "July 15 and 16", "from December 5 to 7, 2024": the month
                // first, as English writes it.
                Search::Anywhere(anywhere(&format!(r"(?-u:\b)(?P<month>{ENGLISH_MONTHS})\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|and|to|through)\s*(?P<second>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?(?-u:\b)"))),
            ],
            spans: anywhere(r"(?-u:\b)[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?\s*(?:đến|tới|[-–])\s*(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?"),
            dates: vec![
                // "Sáng nay (15/3)", "Chiều qua (14/3)", "hôm nay (15/3)": the press names the
                // day it reports by its distance, the date in brackets after it.
                // "Sáng nay 15/3", "hôm nay, 15/3" without the brackets as well.
                anywhere(r"(?i)(?-u:\b)(?:sáng|chiều|tối|trưa|hôm)\s+(?:nay|qua|mai)\s*[,(]?\s*(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?"),
                // "Ngày 18/8", "ngày 18/8/2023", "ngày 15-9", "ngày 18 tháng 8 năm 2023";
                // the time of day stands for "ngày" in the press: "Chiều 4/11", "Sáng 8-10".
                // "hôm 15/3", "đêm 15/3", "rạng sáng 15/3" as well.
                // "Ngày mùng 2/9" too.
                anywhere(r"(?i)(?:(?-u:\b)(?:ngày|sáng|chiều|tối|trưa|hôm|rạng\s+sáng)|đêm)\s+(?:(?:mùng|mồng)\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?"),
                // "Ngày 15.3", "sáng 8.10": a point between day and month, without spaces.
                anywhere(r"(?i)(?-u:\b)(?:ngày|sáng|chiều|tối|trưa)\s+(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?"),
                // "ngày 18 tháng 8 năm 2023", "Sáng 15 tháng 3".
                anywhere(&format!(r"(?i)(?-u:\b)(?:ngày|sáng|chiều|tối|trưa)\s+{vi_words}", vi_words = &vi_words[4..])),
                // "Sáng thứ Hai (15/3)", "Chủ nhật (17/3)": a weekday and its date in brackets.
                anywhere(r"(?i)(?-u:\b)(?:(?:sáng|chiều|tối|trưa)\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*\(\s*(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?\s*\)"),
                // "Chiều thứ Sáu, 15/3,": a weekday in words, its comma and the day, where the
                // day's end says it is a date (not "thứ ba, 15/20 chỉ tiêu").
                anywhere(r"(?i)(?-u:\b)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,\s*(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?:\s*[,.;:)]|\s*\(|[ \t]*$|\s+(?:năm|tới|vừa|này))"),
                // A holiday's day, and the last day of a holiday's days: "dịp nghỉ lễ 30/4 -
                // 1/5", "Tết Dương lịch 1/1".
                anywhere(r"(?i)(?-u:\b)(?:dịp|lễ|tết\s+dương\s+lịch|kỳ\s+nghỉ)\s+\d{1,2}\s*/\s*\d{1,2}\s*[-–]\s*(\d{1,2})\s*/\s*(\d{1,2})"),
                anywhere(r"(?i)(?-u:\b)(?:dịp|lễ|tết\s+dương\s+lịch|kỳ\s+nghỉ)\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?"),
                // A day and month alone after a word of time that only a date follows so:
                // "hoàn thành trước 30/6,", "Tính đến 30/9, toàn tỉnh", "từ 1/7 và" (not "đạt
                // 10/12 chỉ tiêu", "đến 2/3 số xã": what ends it says it is a date).
                anywhere(r"(?m)(?:(?-u:\b)(?:[Tt]rước|[Tt]ới|[Tt]ừ|[Hh]ết|[Vv]ào)|[Đđ]ến)\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?:\s*[,.;)]|\s+(?:năm|tới|vừa|này|hằng|hàng|và|[-–])(?:[\s,.;)]|$)|[ \t]*$)"),
                // "17/01/2024", even glued to the word before it; "25-6-2020", "12.3.2021".
                anywhere(&format!(r"(?:^|[^\d/]){numeric}(?:[^\d/]|$)")),
                anywhere(&format!(r"(?:^|[^\d/.,-]){joined}(?:[^\d/-]|$)")),
                // After "dated", "du", "le": "dated 12/3", "du 12-3-2021".
                anywhere(r"(?-u:\b)(?:dated|du|[Ll]e)\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?"),
                // A holiday named by its day: "Quốc khánh 2/9", "lễ Quốc Khánh 2-9".
                anywhere(r"(?-u:\b)Quốc\s+(?:[Kk]hánh)\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?"),
                anywhere(&format!(r"(?-u:\b){en_month_day}(?-u:\b)")),
                anywhere(&format!(r"(?-u:\b){en_day_month}(?-u:\b)")),
                anywhere(&format!(r"(?-u:\b){fr}")),
                // The year first, as pages' metadata write a byline's date: "2024-12-05 10:25".
                // Opening with the century's digits, which the regex crate looks for first.
                anywhere(r"((?:19|20)\d{2})-(\d{2})-(\d{2})"),
                // A date on a line of its own near the top (last: looked at only there): a page's date, "4/01".
                anywhere(r"(?m)^[ \t]*(\d{1,2})/(\d{1,2})[ \t]*$"),
            ],
            periods: vec![
                // "tính đến hết tháng 9/2024": January to September, not September alone.
                (
                    Search::Anywhere(anywhere(r"(?i)(?-u:\b)(?:tính|lũy\s+kế|luỹ\s+kế)\s+đến\s+hết\s+tháng\s+(\d{1,2})(?:(?:\s*/\s*|\s+năm\s+)(\d{4}))?")),
                    PeriodShape::FirstMonths,
                ),
                (
                    // "5 tháng đầu năm (2023)", and "9 tháng năm 2024" without "đầu" only
                    // with its year.
                    Search::Needing {
                        needs: anywhere(r"(?i)tháng"),
                        pattern: anywhere(r"(?i)(?-u:\b)(\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+tháng\s+(?:đầu\s+năm(?:\s+(\d{4}))?|năm\s+(\d{4}))"),
                    },
                    PeriodShape::FirstMonths,
                ),
                // From January to a month: "từ tháng 1 đến tháng 9", "between January and
                // September", "in the January-October period", "entre janvier et septembre",
                // "de janvier à juin".
                (
                    Search::Anywhere(anywhere(&format!(
                        r"(?-u:\b)(?:[Tt]ừ\s+tháng\s+(?:1|01|giêng)\s+đến(?:\s+hết)?\s+tháng\s+(\d{{1,2}})|(?:[Bb]etween\s+January\s+and\s+|[Ff]rom\s+January\s+to\s+|January\s*[-–]\s*)({ENGLISH_FULL_MONTHS})|(?:[Ee]ntre\s+janvier\s+et|[Dd]e\s+janvier\s+à)\s+({FRENCH_MONTHS})|[Ee]n\s+janvier\s+et\s+(février))(?:(?:\s*/\s*|\s+(?:năm\s+)?)(\d{{4}}))?(?-u:\b)"
                    ))),
                    PeriodShape::FromJanuary,
                ),
                // A month with its year, "tháng 10/2024", "tháng 10 năm 2024"; a date's
                // "18 tháng 10 năm 2024" is read first, as a date.
                (
                    Search::Anywhere(anywhere(r"(?i)(?-u:\b)tháng\s+(\d{1,2})(?:\s*/\s*|\s+năm\s+)(\d{4})")),
                    PeriodShape::Month,
                ),
                (
                    Search::Anywhere(anywhere(r"(?i)(?-u:\b)(3|6|ba|sáu)\s+tháng\s+cuối\s+năm(?:\s+(\d{4}))?")),
                    PeriodShape::LastMonths,
                ),
                // Months reported from January without "đầu năm", where the words around
                // say the months are the year's so far, not a duration: "Hết 9 tháng,",
                // "kết quả 9 tháng", "kinh tế - xã hội 9 tháng", "9 tháng của tỉnh" ("trong 2
                // tháng" stays a duration). The press sometimes glues the number: "9tháng".
                (
                    // Its second form opens with the number: looked for only in a text with
                    // "tháng", which both forms hold.
                    Search::Needing {
                        needs: anywhere("tháng"),
                        pattern: anywhere(r"(?-u:\b)(?:(?:[Hh]ết|[Kk]ết\s+quả|xã\s+hội)\s+(\d{1,2})\s*tháng|(\d{1,2})\s*tháng\s+của\s+(?:tỉnh|thành\s+phố|huyện|toàn\s+tỉnh|cả\s+nước))(?-u:\b)"),
                    },
                    PeriodShape::FirstMonthsGlued,
                ),
                // "en neuf mois", "ces neuf derniers mois", "les six derniers mois": the
                // months of the year so far, as the French press on Vietnam reports them.
                (
                    Search::Anywhere(anywhere(&format!(
                        r"(?-u:\b)(?:[Ee]n|[Cc]es|[Ll]es)\s+{numbers}\s+(?:derniers\s+)?mois(?-u:\b)"
                    ))),
                    PeriodShape::FirstMonths,
                ),
                // A month named alone, "riêng tháng 7", "in July (2025)", "en juillet": its
                // year, when not written, is for the reader (or a figure) to take from
                // around it. Looked for by the month, not by "in", "en" or "trong", which
                // are everywhere; the three languages in one pass over the text.
                (
                    Search::EndingWith {
                        last: Regex::new(&format!(
                            r"(?-u:\b)(?:{ENGLISH_FULL_MONTHS}|{FRENCH_MONTHS})(?:\s+\d{{4}})?(?-u:\b)|tháng\s+\d{{1,2}}(?-u:\b)"
                        ))
                        .expect("period pattern"),
                        pattern: anywhere(&format!(
                            r"(?:(?-u:\b)(?:[Ii]n|[Dd]uring|[Ff]or)\s+({ENGLISH_FULL_MONTHS})|(?-u:\b)(?:[Ee]n|[Aa]u\s+mois\s+de)\s+({FRENCH_MONTHS})|\b(?i:trong|riêng|đầu|giữa|cuối|kỳ)\s+tháng\s+(\d{{1,2}}))(?:\s+(\d{{4}}))?$"
                        )),
                    },
                    PeriodShape::MonthAlone,
                ),
                (
                    Search::Anywhere(anywhere(r"(?i)(?-u:\b)quý\s+(IV|I{1,3}|[1-4])(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?")),
                    PeriodShape::Quarter,
                ),
                (
                    Search::Anywhere(anywhere(r"(?i)(?-u:\b)(?:giai đoạn|nhiệm kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})")),
                    PeriodShape::Term,
                ),
                (
                    Search::Anywhere(anywhere(&format!(
                        r"(?-u:\b)[Ff]irst\s+{numbers}\s+(?i:months)(?:\s+of\s+(?:the\s+year\s+)?(\d{{4}})|\s+of\s+the\s+year)?"
                    ))),
                    PeriodShape::FirstMonths,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)\s+[Qq]uarter(?:\s+of\s+(\d{4}))?")),
                    PeriodShape::Quarter,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)Q([1-4])[/\s-](\d{4})(?-u:\b)")),
                    PeriodShape::Quarter,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)([Ff]irst|[Ss]econd)\s+[Hh]alf\s+of\s+(?:the\s+year\s+)?(\d{4})?")),
                    PeriodShape::Half,
                ),
                // "In H1 2024", "H2/2023": a half as the English press abbreviates it.
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)H([12])[/\s-](\d{4})(?-u:\b)")),
                    PeriodShape::Half,
                ),
                // "in the 11-month period": months from January, as "the first 11 months".
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)-month\s+period(?:\s+of\s+(\d{4}))?")),
                    PeriodShape::FirstMonths,
                ),
                (
                    Search::EndingWith {
                        last: Regex::new(r"(?:[Pp]eriod|[Tt]erm)(?-u:\b)").expect("period pattern"),
                        pattern: Regex::new(r"(?-u:\b)(?:[Tt]he\s+)?(\d{4})\s*[-–]\s*(\d{4})\s+(?:[Pp]eriod|[Tt]erm)$")
                            .expect("period pattern"),
                    },
                    PeriodShape::Term,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)(?:[Pp]eriod|[Tt]erm)\s+(?:of\s+)?(\d{4})\s*[-–]\s*(\d{4})")),
                    PeriodShape::Term,
                ),
                (
                    Search::Anywhere(anywhere(&format!(
                        r"(?-u:\b){numbers}\s+premiers\s+mois(?:\s+de\s+l['’]année)?(?:\s+(?:de\s+)?(\d{{4}}))?"
                    ))),
                    PeriodShape::FirstMonths,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)([Pp]remier|[Dd]euxième|[Ss]econd|[Tt]roisième|[Qq]uatrième|1er|2e|3e|4e)\s+trimestre(?:\s+(?:de\s+)?(\d{4}))?")),
                    PeriodShape::Quarter,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)([Pp]remier|[Ss]econd)\s+semestre(?:\s+(?:de\s+)?(\d{4}))?")),
                    PeriodShape::Half,
                ),
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)[Pp]ériode\s+(\d{4})\s*[-–]\s*(\d{4})")),
                    PeriodShape::Term,
                ),
                // "From 2021 to 2023", "từ năm 2021 đến năm 2023", "de 2021 à 2023".
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)(?:[Ff]rom|[Tt]ừ(?:\s+(?i:năm))?|[Dd]e)\s+(\d{4})\s+(?i:to|đến(?:\s+năm)?|à)\s+(\d{4})(?-u:\b)")),
                    PeriodShape::Term,
                ),
                // A range of years alone, "2021-2025 targets", once no longer form has it.
                (
                    Search::Anywhere(anywhere(r"(?-u:\b)((?:19|20)[0-9]{2})\s?[-–]\s?((?:19|20)[0-9]{2})(?-u:\b)")),
                    PeriodShape::Term,
                ),
            ],
        }
    })
}

/// Reads a date that starts at byte `at`: its year (if written), month, day and where it
/// ends.
pub fn date_at(text: &str, at: usize) -> Option<(Option<i32>, u8, u8, usize)> {
    let rest = &text[at..];
    // Every date here opens with its day's digits or an English month's capital: a word
    // opening otherwise is not tried against each pattern.
    if !rest.chars().next().is_some_and(opens_a_date) {
        return None;
    }
    for pattern in &patterns().date_here {
        if let Some(c) = pattern.captures(rest) {
            let (day, month, year) = day_month_year(&c)?;
            valid(year, month, day)?;
            let end = at + c.get(0)?.end();
            // Not a ratio or a decimal going on: "5/3/2024" is read by the first pattern.
            return ends_date(text, end).then_some((year, month, day, end));
        }
    }
    None
}

/// Whether a date of [`Patterns::date_here`] may open with `c`: a digit (`\d`, `1er`) or the
/// capital of an English month's name.
fn opens_a_date(c: char) -> bool {
    c.is_numeric() || matches!(c, 'J' | 'F' | 'M' | 'A' | 'S' | 'O' | 'N' | 'D')
}

/// Day, month and year from the captures of any date pattern, whichever order they are in.
fn day_month_year(c: &regex::Captures<'_>) -> Option<(u8, u8, Option<i32>)> {
    let first = c.get(1)?.as_str();
    let second = c.get(2)?.as_str();
    // The year first: "2024-12-05", as pages' metadata write it.
    if first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) {
        let day = c.get(3)?.as_str().parse().ok()?;
        return Some((day, second.parse().ok()?, Some(first.parse().ok()?)));
    }
    let year = c.get(3).and_then(|y| y.as_str().parse().ok());
    let number = |s: &str| -> Option<u8> {
        if s.eq_ignore_ascii_case("1er") {
            Some(1)
        } else {
            s.parse().ok()
        }
    };
    match (number(first), number(second)) {
        (Some(day), Some(month)) => Some((day, month, year)),
        (Some(day), None) => Some((day, month_number(second)?, year)),
        (None, Some(day)) => Some((day, month_number(first)?, year)),
        (None, None) => None,
    }
}

fn valid(year: Option<i32>, month: u8, day: u8) -> Option<()> {
    let month_of = time::Month::try_from(month).ok()?;
    // A date without its year is checked against a leap year, so 29/2 passes.
    let year = year.unwrap_or(2024);
    if !(1900..=2199).contains(&year) {
        return None;
    }
    time::Date::from_calendar_date(year, month_of, day).ok()?;
    Some(())
}

/// The text up to the end of the line holding its [`TOP`]th byte: a line starting near the
/// top ends there, and a pattern matching lines alone finds there what it finds in the
/// whole text.
fn near_the_top(text: &str) -> &str {
    let top = crate::look_ahead(text, TOP, 0);
    text[top..].find('\n').map_or(text, |i| &text[..=top + i])
}

/// Every event date and period in the text.
pub fn find(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut claimed = crate::Claimed::default();
    let patterns = patterns();
    for pattern in &patterns.ranges {
        for c in pattern.captures_iter(text) {
            let (Some(first), Some(second), Some(month)) =
                (c.name("first"), c.name("second"), c.name("month"))
            else {
                continue;
            };
            let year = c.name("year").and_then(|y| y.as_str().parse().ok());
            let (Ok(first_day), Ok(second_day)) =
                (first.as_str().parse::<u8>(), second.as_str().parse::<u8>())
            else {
                continue;
            };
            let Some(month_number) = month
                .as_str()
                .parse()
                .ok()
                .or_else(|| month_number(month.as_str()))
            else {
                continue;
            };
            // "from 5 to 7 percent" is a range of rates.
            let after = text[c.get(0).expect("match").end()..].trim_start();
            let rate = after.starts_with('%')
                || ["percent", "per cent", "pour cent", "phần trăm"]
                    .iter()
                    .any(|w| crate::starts_with_lowercase(after, w).is_some());
            if first_day >= second_day
                || rate
                || valid(year, month_number, first_day).is_none()
                || valid(year, month_number, second_day).is_none()
                || !ends_date(text, c.get(0).expect("match").end())
            {
                continue;
            }
            let whole = c.get(0).expect("match");
            let end = c.name("year").unwrap_or(month).end().max(second.end());
            if claimed.claim(whole.start(), end) {
                for (start, day) in [(whole.start(), first_day), (second.start(), second_day)] {
                    found.push(Found {
                        start,
                        end,
                        fact: date_fact(year, month_number, day),
                    });
                }
            }
        }
    }
    for c in patterns.spans.captures_iter(text) {
        let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u8>().ok());
        let (Some(first_day), Some(first_month), Some(second_day), Some(second_month)) =
            (number(1), number(2), number(4), number(5))
        else {
            continue;
        };
        let year = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        // "từ 1/8 đến 5/8/2024": the first day is of the second's year unless the span
        // crosses a new year.
        let second_year = year(6);
        let first_year = year(3).or(second_year.filter(|_| first_month <= second_month));
        let whole = c.get(0).expect("match");
        let last = c.get(6).or(c.get(5)).expect("month").end();
        if valid(first_year, first_month, first_day).is_none()
            || valid(second_year, second_month, second_day).is_none()
            || !ends_date(text, last)
        {
            continue;
        }
        let first_end = c.get(3).or(c.get(2)).expect("month").end();
        // Two days each after "ngày" are read as dates one by one; the first's span opens at
        // its "ngày" when written, as a date's does.
        let lower = crate::lowercase(whole.as_str());
        if lower.matches("ngày").count() >= 2 {
            continue;
        }
        let first_start = crate::lowercase(&text[whole.start()..c.get(1).expect("day").start()])
            .find("ngày")
            .map_or(whole.start(), |at| whole.start() + at);
        // The second day's span opens at its "ngày" when written.
        let between = &text[first_end..c.get(4).expect("day").start()];
        let second_start = crate::lowercase(between)
            .rfind("ngày")
            .map_or(c.get(4).expect("day").start(), |at| first_end + at);
        if claimed.is_free(first_start, last) {
            claimed.claim(first_start, first_end);
            claimed.claim(second_start, last);
            found.push(Found {
                start: first_start,
                end: first_end,
                fact: date_fact(first_year, first_month, first_day),
            });
            found.push(Found {
                start: second_start,
                end: last,
                fact: date_fact(second_year, second_month, second_day),
            });
        }
    }
    for (i, pattern) in patterns.dates.iter().enumerate() {
        // The line of its own is a page's date only near the top.
        let top_only = i + 1 == patterns.dates.len();
        let haystack = if top_only { near_the_top(text) } else { text };
        for c in pattern.captures_iter(haystack) {
            let Some((day, month, year)) = day_month_year(&c) else {
                continue;
            };
            if valid(year, month, day).is_none() {
                continue;
            }
            if top_only && c.get(0).expect("match").start() > TOP {
                continue;
            }
            // The span: from "ngày" (or the time of day) when it is there, else from the first
            // to the last part.
            let whole = c.get(0).expect("match");
            let parts = (1..=3).filter_map(|i| c.get(i));
            let start = if ["ngày", "sáng", "chiều", "tối", "trưa", "hôm", "đêm", "rạng"]
                .iter()
                .any(|w| crate::starts_with_lowercase(whole.as_str(), w).is_some())
            {
                whole.start()
            } else {
                parts
                    .clone()
                    .map(|m| m.start())
                    .min()
                    .unwrap_or(whole.start())
            };
            let end = parts.map(|m| m.end()).max().unwrap_or(whole.end());
            // Not a decimal, a time, a ratio or a range of numbers going on after it.
            if !ends_date(text, end) {
                continue;
            }
            if claimed.claim(start, end) {
                found.push(Found {
                    start,
                    end,
                    fact: date_fact(year, month, day),
                });
            }
        }
    }
    // A month's last day after "tính đến", "as of" or "au" closes a cumulative period: the
    // date stays an item, and the period spans the words and the date.
    let as_of: Vec<Found> = found
        .iter()
        .filter_map(|date| {
            let Fact::Date {
                year, month, day, ..
            } = date.fact
            else {
                return None;
            };
            let start = as_of_start(text, date.start)?;
            let last_day = time::Month::try_from(month)
                .ok()?
                .length(year.unwrap_or(2023));
            (day == last_day).then(|| Found {
                start,
                end: date.end,
                fact: first_months(year, month),
            })
        })
        .collect();
    found.extend(as_of);
    for (pattern, shape) in &patterns.periods {
        for c in pattern.captures_iter(text) {
            let whole = c.get(0).expect("match");
            let Some(fact) = period(&c, *shape) else {
                continue;
            };
            // "in July 5" is a date's month, not a month's period.
            if matches!(shape, PeriodShape::Month | PeriodShape::MonthAlone)
                && text[whole.end()..]
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_digit())
            {
                continue;
            }
            // "Lũy kế đến giữa tháng 9": what has accumulated up to some day of a month, not
            // that month.
            if matches!(shape, PeriodShape::MonthAlone) && {
                let before = crate::lowercase(
                    &text[crate::look_back(text, whole.start(), 40)..whole.start()],
                );
                let before = before.trim_end();
                ["đến", "tới"].iter().any(|w| {
                    crate::ends_with_lowercase(before, w)
                        .is_some_and(|at| crate::starts_word(before, at))
                })
            } {
                continue;
            }
            let start = with_article(
                text,
                whole.start()
                    + whole
                        .as_str()
                        .find(|ch: char| !ch.is_whitespace())
                        .unwrap_or(0),
            );
            let end = whole.end();
            if claimed.claim(start, end) {
                found.push(Found { start, end, fact });
            }
        }
    }
    found
}

/// How far from the start of a text a date on a line of its own is taken for its date.
const TOP: usize = 1500;

/// A date read, its role to be settled.
fn date_fact(year: Option<i32>, month: u8, day: u8) -> Fact {
    Fact::Date {
        year,
        month,
        day,
        role: DateRole::Other,
        text_year: None,
    }
}

/// Whether a date may end at byte `end`: no digit, no "%", no decimal or time, no further
/// "/" or "-" with a number after it ("8-10-12", "12/3.5", "2-3%", "8.30").
fn ends_date(text: &str, end: usize) -> bool {
    // "Ngày 11/11/2022-09:13:00 AM": a page's time glued to its day by a hyphen.
    if let Some(time) = text[end..].strip_prefix('-') {
        let hours = time.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&hours)
            && time[hours..].starts_with(':')
            && time[hours + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count()
                == 2
        {
            return true;
        }
    }
    let mut rest = text[end..].chars();
    match rest.next() {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '%' => false,
        Some('.' | ',' | '/' | '-' | ':' | 'h') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Words before a date that make it the end of what has accumulated: "tính đến ngày
/// 30/9/2024", "as of December 31", "Au 30 juin". Not "by", "trước" or "avant": those set
/// deadlines. Longest first.
const AS_OF: &[&str] = &[
    "tính đến hết",
    "tính đến",
    "lũy kế đến hết",
    "luỹ kế đến hết",
    "lũy kế đến",
    "luỹ kế đến",
    "ước thực hiện đến",
    "thực hiện đến",
    // "Nợ xấu đến 30/9/2022 khoảng 360 tỷ đồng"; not the end of a range ("từ 1/7 đến
    // 31/7"), see [`as_of_start`].
    "đến",
    "as of",
    "as at",
    "à la date du",
    "au",
];

/// Where the words that make the date at `date_start` an end of accumulation start.
fn as_of_start(text: &str, date_start: usize) -> Option<usize> {
    let before = text[..date_start].trim_end();
    // "ngày" belongs to the date when the date's span starts after it.
    let before = crate::ends_with_lowercase(before, "ngày")
        .filter(|at| crate::starts_word(before, *at))
        .map_or(before, |at| before[..at].trim_end());
    AS_OF.iter().find_map(|words| {
        let at = crate::ends_with_lowercase(before, words)?;
        if !crate::starts_word(before, at) {
            return None;
        }
        // "Au 30 juin, …" opens its clause; "reporté au 30 juin" is a deadline.
        let opens = before[..at]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '\n' | '(' | '-' | '–'));
        // "đến" alone closes a range when "từ" opens it shortly before.
        let ranged = *words == "đến" && {
            let near = crate::lowercase(&before[crate::look_back(before, at, 40)..at]);
            crate::contains_words(&near, "từ") || near.trim_end().ends_with(char::is_numeric)
        };
        ((*words != "au" || opens) && !ranged).then_some(at)
    })
}

/// The code of the months `first..=last` of `year`: the first months, a quarter, a half or a
/// month, as the period readers give them.
pub(crate) fn months_code(year: i32, first: u8, last: u8) -> Option<String> {
    let period = match (first, last) {
        (f, l) if f == l => Period::month(Month::new(year, f)?),
        (1, l) => Period::year_to_date(Month::new(year, l)?),
        (f, l) if l == f + 2 && l % 3 == 0 => Period::quarter(year, l / 3).ok()?,
        (7, 12) => Period::half(year, 2).ok()?,
        _ => return None,
    };
    Some(period.code())
}

/// The months from January to `month`, of `year` when it is known.
fn first_months(year: Option<i32>, month: u8) -> Fact {
    Fact::Period {
        period: year.and_then(|y| months_code(y, 1, month)),
        year,
        first_month: Some(1),
        last_month: Some(month),
    }
}

/// Where the article before a period starts ("the first quarter", "le premier trimestre"),
/// or `start` when there is none. Looked for here, not in the patterns: an optional "the"
/// or "le" opening a pattern makes the regex crate stop at every one in the text.
fn with_article(text: &str, start: usize) -> usize {
    let before = text[..start].trim_end();
    if before.len() == start {
        return start;
    }
    ["the", "les", "le", "la"]
        .iter()
        .filter_map(|article| crate::ends_with_lowercase(before, article))
        .find(|at| crate::starts_word(text, *at))
        .unwrap_or(start)
}

fn count(word: &str) -> Option<u8> {
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    ];
    let french = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    ];
    let vietnamese = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    let lower = crate::lowercase(word);
    word.parse()
        .ok()
        .or_else(|| words.iter().position(|w| *w == lower).map(|i| i as u8 + 1))
        .or_else(|| french.iter().position(|w| *w == lower).map(|i| i as u8 + 1))
        .or_else(|| {
            vietnamese
                .iter()
                .position(|w| *w == lower)
                .map(|i| i as u8 + 1)
        })
}

fn ordinal(word: &str) -> Option<u8> {
    Some(match &*crate::lowercase(word) {
        "i" | "1" | "first" | "1st" | "premier" | "1er" => 1,
        "ii" | "2" | "second" | "2nd" | "deuxième" | "2e" => 2,
        "iii" | "3" | "third" | "3rd" | "troisième" | "3e" => 3,
        "iv" | "4" | "fourth" | "4th" | "quatrième" | "4e" => 4,
        _ => return None,
    })
}

fn period(c: &regex::Captures<'_>, shape: PeriodShape) -> Option<Fact> {
    let year_in = |i: usize| c.get(i).and_then(|y| y.as_str().parse::<i32>().ok());
    let (year, first, last, period) = match shape {
        PeriodShape::FirstMonthsGlued => {
            let written = c.get(1).or_else(|| c.get(2))?.as_str();
            let months = count(written).filter(|n| (2..=12).contains(n))?;
            (None, 1, months, None)
        }
        PeriodShape::FirstMonths => {
            let months = count(c.get(1)?.as_str()).filter(|n| (1..=12).contains(n))?;
            let year = year_in(2).or_else(|| year_in(3));
            let period = year
                .and_then(|y| Month::new(y, months))
                .map(Period::year_to_date);
            (year, 1, months, period)
        }
        PeriodShape::Quarter => {
            let quarter = ordinal(c.get(1)?.as_str())?;
            let year = year_in(2).or_else(|| year_in(3));
            let period = year.and_then(|y| Period::quarter(y, quarter).ok());
            (year, quarter * 3 - 2, quarter * 3, period)
        }
        PeriodShape::Half => {
            let half = ordinal(c.get(1)?.as_str()).filter(|h| *h <= 2)?;
            let year = year_in(2);
            let period = year.and_then(|y| Period::half(y, half).ok());
            (year, half * 6 - 5, half * 6, period)
        }
        PeriodShape::LastMonths => {
            let months = count(c.get(1)?.as_str()).filter(|n| matches!(n, 3 | 6))?;
            let year = year_in(2);
            let first = 13 - months;
            let period = year.and_then(|y| {
                if months == 3 {
                    Period::quarter(y, 4).ok()
                } else {
                    Period::half(y, 2).ok()
                }
            });
            (year, first, 12, period)
        }
        PeriodShape::FromJanuary => {
            // The month a span from January ends on, in each language's words ("en janvier
            // et février" the fourth), then its year.
            let written = (1..=4).find_map(|i| c.get(i))?.as_str();
            let month = written
                .parse()
                .ok()
                .or_else(|| month_number(written))
                .filter(|m| (1..=12).contains(m))?;
            let year = year_in(5);
            let period = year
                .and_then(|y| Month::new(y, month))
                .map(Period::year_to_date);
            (year, 1, month, period)
        }
        PeriodShape::Month | PeriodShape::MonthAlone => {
            let (written, year) = match shape {
                PeriodShape::MonthAlone => ((1..=3).find_map(|i| c.get(i))?.as_str(), year_in(4)),
                _ => (c.get(1)?.as_str(), year_in(2)),
            };
            let month = written
                .parse()
                .ok()
                .or_else(|| month_number(written))
                .filter(|m| (1..=12).contains(m))?;
            let period = year.and_then(|y| Month::new(y, month)).map(Period::month);
            (year, month, month, period)
        }
        PeriodShape::Term => {
            let (from, to) = (year_in(1)?, year_in(2)?);
            let period = Period::term(from, to).ok()?;
            return Some(Fact::Period {
                period: Some(period.code()),
                year: None,
                first_month: None,
                last_month: None,
            });
        }
    };
    if year.is_some() && period.is_none() {
        return None;
    }
    Some(Fact::Period {
        period: period.map(|p| p.code()),
        year,
        first_month: Some(first),
        last_month: Some(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_english_month_opens_a_date() {
        for month in ENGLISH_MONTHS.split('|') {
            assert!(month.chars().next().is_some_and(opens_a_date), "{month}");
        }
    }

    proptest! {
        /// A pattern looked for only where its needed words are is never skipped in a text
        /// where it matches.
        #[test]
        fn what_a_pattern_needs_is_in_every_text_it_matches(
            pieces in prop::collection::vec(prop::sample::select(&[
                "5", "12", " ", "THÁNG", "tháng", "Tháng", "đầu", "năm", "2023", "et", "au",
                "Mars", "mars", "juin", "Août", "hai", "\n", "/",
            ][..]), 0..12),
        ) {
            let text = pieces.concat();
            let all = patterns();
            for search in all.ranges.iter().chain(all.periods.iter().map(|(s, _)| s)) {
                if let Search::Needing { needs, pattern } = search {
                    prop_assert!(!pattern.is_match(&text) || needs.is_match(&text), "{text:?}");
                }
            }
        }

        /// A text opening with a character no date opens with holds no date at its start.
        #[test]
        fn a_date_opens_with_a_digit_or_a_month(rest in "[a-zA-Z0-9 .,/\u{e9}\u{661}]{0,3}(January|Jan\\.|1er|12 mars|5/3|mai)?") {
            if !rest.chars().next().is_some_and(opens_a_date) {
                for pattern in &patterns().date_here {
                    prop_assert!(!pattern.is_match(&rest), "{rest:?} {}", pattern.as_str());
                }
            }
        }

        /// The page's date on a line of its own is looked for near the top only: what is
        /// found there is what a search of the whole text finds there.
        #[test]
        fn the_top_is_searched_as_the_whole_text_is(
            pieces in prop::collection::vec(prop::sample::select(&[
                "4/01", " ", "\t", "\n", "x", "ệ", "12/3 ", "5",
            ][..]), 0..800),
        ) {
            let text = pieces.concat();
            let line = patterns().dates.last().expect("the top's pattern");
            let whole: Vec<(usize, usize)> = line
                .find_iter(&text)
                .filter(|m| m.start() <= TOP)
                .map(|m| (m.start(), m.end()))
                .collect();
            let near: Vec<(usize, usize)> = line
                .find_iter(near_the_top(&text))
                .filter(|m| m.start() <= TOP)
                .map(|m| (m.start(), m.end()))
                .collect();
            prop_assert_eq!(near, whole);
        }
    }

    fn read(text: &str) -> Vec<(String, Fact)> {
        let mut found = find(text);
        found.sort_by_key(|f| f.start);
        found
            .into_iter()
            .map(|f| (text[f.start..f.end].to_owned(), f.fact))
            .collect()
    }

    fn date(year: Option<i32>, month: u8, day: u8) -> Fact {
        date_fact(year, month, day)
    }

    #[test]
    fn dates_in_three_languages() {
        assert_eq!(
            read("Ngày 18/8, Đoàn giám sát"),
            [("Ngày 18/8".to_owned(), date(None, 8, 18))]
        );
        assert_eq!(
            read("Pham Bang June 7, 2023 19:44"),
            [("June 7, 2023".to_owned(), date(Some(2023), 6, 7))]
        );
        assert_eq!(
            read("Báo Tài nguyên Môi trường17/01/2024"),
            [("17/01/2024".to_owned(), date(Some(2024), 1, 17))]
        );
        assert_eq!(
            read("le 18 août 2023, la délégation"),
            [("18 août 2023".to_owned(), date(Some(2023), 8, 18))]
        );
        assert_eq!(
            read("(Baohatinh.vn) - Chiều 4/11, UBND tỉnh"),
            [("Chiều 4/11".to_owned(), date(None, 11, 4))]
        );
        assert!(read("ngày 31/2/2023 và 45/13").is_empty());
    }

    #[test]
    fn dates_with_hyphens_and_dots_with_or_without_the_year() {
        assert_eq!(
            read("Ngày 12-3, Ban Thường vụ họp"),
            [("Ngày 12-3".to_owned(), date(None, 3, 12))]
        );
        assert_eq!(
            read("Sáng 8-10, HĐND huyện"),
            [("Sáng 8-10".to_owned(), date(None, 10, 8))]
        );
        assert_eq!(
            read("ký ngày 25-6-2020 và 12.3.2021."),
            [
                ("ngày 25-6-2020".to_owned(), date(Some(2020), 6, 25)),
                ("12.3.2021".to_owned(), date(Some(2021), 3, 12))
            ]
        );
        assert_eq!(
            read("the letter dated 4/11 and the note du 5-12-2022"),
            [
                ("4/11".to_owned(), date(None, 11, 4)),
                ("5-12-2022".to_owned(), date(Some(2022), 12, 5))
            ]
        );
        assert_eq!(
            read("lễ Quốc khánh 2/9 kéo dài"),
            [("2/9".to_owned(), date(None, 9, 2))]
        );
    }

    #[test]
    fn times_scores_ranges_of_numbers_and_decimals_are_not_dates() {
        for text in [
            "tăng 12.3%, đạt 1.5-2.0 lần",
            "giá 8.30 đồng, tỷ số 2-1 ngày 3",
            "ngày 2-3% so với",
            "Sáng 8-10-12 người",
            "lúc 8.30, 2.5.12",
            "đạt 15/15 chỉ tiêu; 109/139 kiến nghị",
            "version 1.12.3.2021",
            "call 0912.3.2021",
        ] {
            assert!(
                read(text)
                    .iter()
                    .all(|(_, f)| !matches!(f, Fact::Date { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn two_days_of_a_month_are_two_dates() {
        let days = |text: &str| -> Vec<(String, Fact)> { read(text) };
        assert_eq!(
            days("Từ 3 - 5/11, tại hội trường"),
            [
                ("Từ 3 - 5/11".to_owned(), date(None, 11, 3)),
                ("5/11".to_owned(), date(None, 11, 5))
            ]
        );
        assert_eq!(
            days("Trong 2 ngày 14-15/7/2023, HĐND"),
            [
                ("ngày 14-15/7/2023".to_owned(), date(Some(2023), 7, 14)),
                ("15/7/2023".to_owned(), date(Some(2023), 7, 15))
            ]
        );
        assert_eq!(
            days("Les 9 et 10 avril, le comité"),
            [
                ("9 et 10 avril".to_owned(), date(None, 4, 9)),
                ("10 avril".to_owned(), date(None, 4, 10))
            ]
        );
    }

    #[test]
    fn two_days_joined_by_va_and_or_to_and_a_span_of_days_with_their_months() {
        let days = |text: &str| -> Vec<(String, Fact)> { read(text) };
        assert_eq!(
            days("Trong hai ngày 12 và 13/7, Đoàn giám sát làm việc"),
            [
                ("ngày 12 và 13/7".to_owned(), date(None, 7, 12)),
                ("13/7".to_owned(), date(None, 7, 13))
            ]
        );
        assert_eq!(
            days("The forum was held on December 5-6 in Ha Long."),
            [
                ("December 5-6".to_owned(), date(None, 12, 5)),
                ("6".to_owned(), date(None, 12, 6))
            ]
        );
        assert_eq!(
            days("On July 15 and 16, 2024, the delegation worked"),
            [
                ("July 15 and 16, 2024".to_owned(), date(Some(2024), 7, 15)),
                ("16, 2024".to_owned(), date(Some(2024), 7, 16))
            ]
        );
        assert_eq!(
            days("Le festival aura lieu les 5-7 décembre."),
            [
                ("5-7 décembre".to_owned(), date(None, 12, 5)),
                ("7 décembre".to_owned(), date(None, 12, 7))
            ]
        );
        assert_eq!(
            days(
                "Từ ngày 1/8 đến 5/8, Sở Y tế kiểm tra. Từ 28/7 - 2/8/2024, tỉnh tổ chức hội chợ."
            ),
            [
                ("ngày 1/8".to_owned(), date(None, 8, 1)),
                ("5/8".to_owned(), date(None, 8, 5)),
                ("Từ 28/7".to_owned(), date(Some(2024), 7, 28)),
                ("2/8/2024".to_owned(), date(Some(2024), 8, 2))
            ]
        );
        // A range of rates is no range of days.
        assert!(
            !days("Prices rose in March 5 to 7 percent.")
                .iter()
                .any(|(_, fact)| matches!(fact, Fact::Date { day: 7, .. }))
        );
    }

    #[test]
    fn days_the_press_writes_without_ngay_or_with_a_weekday_a_point_or_words() {
        let days: Vec<(String, u8, u8)> = read(
            "Sáng nay 15/3, Quốc hội khai mạc. Sáng thứ Hai (16/3), Thường trực họp. Ngày 17.3, HĐND họp. Sáng 18 tháng 3, tỉnh họp. Chiều qua 14/3, UBND họp. Ngày mùng 2/9, nhân dân treo cờ. Các sở hoàn thành trước 30/6, báo cáo UBND tỉnh. Tính đến 30/9, toàn tỉnh có 120 dự án. Khoảng 2/3 số xã đạt chuẩn; tỉnh đạt 10/12 chỉ tiêu.",
        )
        .into_iter()
        .filter_map(|(written, fact)| match fact {
            Fact::Date { day, month, .. } => Some((written, day, month)),
            _ => None,
        })
        .collect();
        assert_eq!(
            days,
            [
                ("Sáng nay 15/3".to_owned(), 15, 3),
                ("Sáng thứ Hai (16/3".to_owned(), 16, 3),
                ("Ngày 17.3".to_owned(), 17, 3),
                ("Sáng 18 tháng 3".to_owned(), 18, 3),
                ("Chiều qua 14/3".to_owned(), 14, 3),
                ("Ngày mùng 2/9".to_owned(), 2, 9),
                ("30/6".to_owned(), 30, 6),
                ("30/9".to_owned(), 30, 9),
            ]
        );
        // What ends such a day may be a word that ends in a letter with a mark, or a dash.
        let days: Vec<String> = read("Hạn nộp trước 30/6 tới, từ 1/7 và ngày 5/7 - các xã")
            .into_iter()
            .map(|(written, _)| written)
            .collect();
        assert_eq!(days, ["30/6", "1/7", "ngày 5/7"]);
        assert_eq!(read("Hôm nay, 15/3, tỉnh họp.").len(), 1);
        let days: Vec<(String, Fact)> =
            read("Publié le 05 déc. 2024 à 10h25. Le 3 janv. 2025, la séance.");
        assert_eq!(
            days,
            [
                ("05 déc. 2024".to_owned(), date(Some(2024), 12, 5)),
                ("3 janv. 2025".to_owned(), date(Some(2025), 1, 3)),
            ]
        );
        let days: Vec<String> =
            read("Dec 5, 2024 | 14:32 GMT+7\nIt was held on the 5th of December.")
                .into_iter()
                .map(|(written, _)| written)
                .collect();
        assert_eq!(days, ["Dec 5, 2024", "5th of December"]);
    }

    #[test]
    fn a_day_and_month_alone_on_a_line_at_the_top_is_a_date() {
        assert_eq!(
            read("Kỳ họp HĐND xã\n\n7/02\n\nNăm 2024"),
            [("7/02".to_owned(), date(None, 2, 7))]
        );
        let far = format!("{}\n7/02\n", "x".repeat(2000));
        assert!(read(&far).is_empty());
    }

    #[test]
    fn periods_in_three_languages() {
        let code = |text: &str| match &read(text)[..] {
            [(_, Fact::Period { period, .. })] => period.clone(),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(code("5 tháng đầu năm 2023").as_deref(), Some("2023-YTD05"));
        assert_eq!(
            code("in the first 5 months of 2023").as_deref(),
            Some("2023-YTD05")
        );
        assert_eq!(
            code("les cinq premiers mois de 2023").as_deref(),
            Some("2023-YTD05")
        );
        assert_eq!(code("6 tháng đầu năm 2023").as_deref(), Some("2023-H1"));
        assert_eq!(code("quý II/2023").as_deref(), Some("2023-Q2"));
        assert_eq!(code("giai đoạn 2021-2025").as_deref(), Some("2021-2025"));
        assert_eq!(code("the first 5 months of the year"), None);
    }

    #[test]
    fn a_term_is_read_from_the_words_before_its_last_word() {
        assert_eq!(
            read("targets for the 2021–2025 period, and"),
            [(
                "the 2021–2025 period".to_owned(),
                Fact::Period {
                    period: Some("2021-2025".to_owned()),
                    year: None,
                    first_month: None,
                    last_month: None,
                }
            )]
        );
        assert_eq!(read("the 2020 - 2025 term").len(), 1);
        let spans: Vec<String> = read("a 2020-2025 midterm, 2021-2025 periods")
            .into_iter()
            .map(|(span, _)| span)
            .collect();
        assert_eq!(
            spans,
            ["2020-2025", "2021-2025"],
            "not a term by its word, a range of years alone"
        );
    }

    #[test]
    fn a_months_last_day_after_den_closes_what_has_accumulated() {
        let periods = |text: &str| -> Vec<(String, Option<String>)> {
            read(text)
                .into_iter()
                .filter_map(|(written, fact)| match fact {
                    Fact::Period { period, .. } => Some((written, period)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            periods("Dư nợ tín dụng ước thực hiện đến 31/3/2023 là 12.400 tỷ đồng."),
            [("ước thực hiện đến 31/3/2023".into(), Some("2023-Q1".into()))]
        );
        assert_eq!(
            periods("Nợ xấu đến 30/6/2023 khoảng 120 tỷ đồng."),
            [("đến 30/6/2023".into(), Some("2023-H1".into()))]
        );
        assert!(periods("Từ 1/7/2023 đến 31/7/2023, tỉnh tổ chức hội chợ.").is_empty());
        assert!(periods("Hồ sơ nộp đến 15/6/2023.").is_empty());
    }

    #[test]
    fn a_day_named_by_its_distance_with_the_date_in_brackets() {
        let days: Vec<(String, u8, u8)> =
            read("Sáng nay (15/3), tại Hà Nội, Quốc hội khai mạc. Hôm qua (14/3) trời mưa.")
                .into_iter()
                .map(|(written, fact)| match fact {
                    Fact::Date { day, month, .. } => (written, day, month),
                    other => panic!("{other:?}"),
                })
                .collect();
        assert_eq!(
            days,
            [
                ("Sáng nay (15/3".to_owned(), 15, 3),
                ("Hôm qua (14/3".to_owned(), 14, 3)
            ]
        );
        let days: Vec<String> =
            read("Đêm 20/4, mưa lớn gây ngập; rạng sáng 21/4 nước rút. Hôm 22/4, tỉnh họp.")
                .into_iter()
                .map(|(written, _)| written)
                .collect();
        assert_eq!(days, ["Đêm 20/4", "rạng sáng 21/4", "Hôm 22/4"]);
    }

    #[test]
    fn two_days_joined_by_den_are_two_dates() {
        let days: Vec<(String, u8)> = read("Hội chợ diễn ra từ ngày 20 đến 23/11/2024 tại tỉnh.")
            .into_iter()
            .map(|(written, fact)| match fact {
                Fact::Date { day, .. } => (written, day),
                other => panic!("{other:?}"),
            })
            .collect();
        // As "Từ 6 - 8/12": the first from the range's start, the second its own day.
        assert_eq!(
            days,
            [
                ("từ ngày 20 đến 23/11/2024".to_owned(), 20),
                ("23/11/2024".to_owned(), 23)
            ]
        );
    }

    #[test]
    fn a_month_that_ends_what_has_accumulated_is_not_that_month() {
        let periods = |text: &str| -> usize {
            read(text)
                .into_iter()
                .filter(|(_, fact)| matches!(fact, Fact::Period { .. }))
                .count()
        };
        assert_eq!(
            periods("Lũy kế đến giữa tháng 9, có 156 dự án còn hiệu lực."),
            0
        );
        assert_eq!(periods("Riêng tháng 9, có 12 dự án mới."), 1);
    }

    #[test]
    fn months_of_the_year_so_far_without_its_words_for_it() {
        let months = |text: &str| -> Vec<(Option<u8>, Option<u8>)> {
            read(text)
                .into_iter()
                .map(|(_, fact)| match fact {
                    Fact::Period {
                        first_month,
                        last_month,
                        ..
                    } => (first_month, last_month),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(months("Hết 8 tháng, kim ngạch tăng."), [(Some(1), Some(8))]);
        assert_eq!(months("Báo cáo kết quả 10 tháng."), [(Some(1), Some(10))]);
        assert_eq!(
            months("Tình hình kinh tế - xã hội 11 tháng; nhiệm vụ tháng 12."),
            [(Some(1), Some(11))]
        );
        assert_eq!(
            months("Chỉ số GRDP 7tháng của tỉnh tăng."),
            [(Some(1), Some(7))]
        );
        assert_eq!(
            months("les huit derniers mois, et en sept mois"),
            [(Some(1), Some(8)), (Some(1), Some(7))]
        );
        assert!(months("Công trình hoàn thành trong 2 tháng.").is_empty());
        assert_eq!(
            months("kinh tế - xã hội 6 tháng cuối năm"),
            [(Some(7), Some(12))]
        );
    }

    #[test]
    fn nine_months_of_a_year_and_a_range_of_years_alone_are_periods() {
        let codes = |text: &str| -> Vec<Option<String>> {
            read(text)
                .into_iter()
                .map(|(_, fact)| match fact {
                    Fact::Period { period, .. } => period,
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(
            codes("9 tháng năm 2024, tỉnh"),
            [Some("2024-YTD09".to_owned())]
        );
        assert!(codes("9 tháng năm nay").is_empty(), "no year, no 'đầu'");
        assert_eq!(
            codes("phiên họp thường kỳ tháng 10/2024 và tháng 11 năm 2024"),
            [Some("2024-10".to_owned()), Some("2024-11".to_owned())]
        );
        assert!(codes("tháng 13/2024").is_empty());
        assert_eq!(
            codes("progress on 2021-2025 targets"),
            [Some("2021-2025".to_owned())]
        );
        assert!(
            codes("call 1234-5678 or 2025-2021").is_empty(),
            "not years, not in order"
        );
    }

    #[test]
    fn a_period_takes_the_article_before_it() {
        let span = |text: &str| read(text).first().map(|(span, _)| span.clone());
        assert_eq!(
            span("in the first quarter of 2024,").as_deref(),
            Some("the first quarter of 2024")
        );
        assert_eq!(
            span("Pendant le premier trimestre 2023").as_deref(),
            Some("le premier trimestre 2023")
        );
        assert_eq!(
            span("Tonle premier trimestre 2023").as_deref(),
            Some("premier trimestre 2023")
        );
    }

    #[test]
    fn a_months_last_day_after_as_of_closes_a_cumulative_period() {
        let periods = |text: &str| -> Vec<(String, Option<String>)> {
            read(text)
                .into_iter()
                .filter_map(|(span, fact)| match fact {
                    Fact::Period { period, .. } => Some((span, period)),
                    _ => None,
                })
                .collect()
        };
        let one = |span: &str, code: &str| vec![(span.to_owned(), Some(code.to_owned()))];
        for (text, span, code) in [
            (
                "Tính đến ngày 30/9/2024, toàn huyện",
                "Tính đến ngày 30/9/2024",
                "2024-YTD09",
            ),
            (
                "As of December 31, 2023, revenue",
                "As of December 31, 2023",
                "2023",
            ),
            ("Au 30 juin 2024, les", "Au 30 juin 2024", "2024-H1"),
            (
                "lũy kế đến hết tháng 10/2024 đạt",
                "lũy kế đến hết tháng 10/2024",
                "2024-YTD10",
            ),
        ] {
            assert_eq!(periods(text), one(span, code), "{text}");
        }
        // The date itself is still an item.
        assert!(
            read("Tính đến ngày 30/9/2024")
                .iter()
                .any(|(span, fact)| span == "ngày 30/9/2024" && *fact == date(Some(2024), 9, 30))
        );
        for not_cumulative in [
            "tính đến ngày 15/10/2024",
            "báo cáo trước ngày 30/6/2024",
            "to report by June 30, 2024",
            "la réunion est reportée au 30 juin 2024",
        ] {
            assert!(periods(not_cumulative).is_empty(), "{not_cumulative}");
        }
        let yearless = read("as of October 31");
        assert!(yearless.iter().any(|(_, fact)| matches!(
            fact,
            Fact::Period {
                period: None,
                first_month: Some(1),
                last_month: Some(10),
                ..
            }
        )));
    }

    #[test]
    fn last_months_months_from_january_and_months_in_vietnamese_words() {
        /// A period read: its span, its code and its months.
        type Read = (String, Option<String>, Option<(u8, u8)>);
        let code = |text: &str| -> Vec<Read> {
            read(text)
                .into_iter()
                .filter_map(|(span, fact)| match fact {
                    Fact::Period {
                        period,
                        first_month,
                        last_month,
                        ..
                    } => Some((span, period, first_month.zip(last_month))),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            code("Nhiệm vụ 3 tháng cuối năm 2024 và 6 tháng cuối năm."),
            [
                (
                    "3 tháng cuối năm 2024".into(),
                    Some("2024-Q4".into()),
                    Some((10, 12))
                ),
                ("6 tháng cuối năm".into(), None, Some((7, 12))),
            ]
        );
        assert_eq!(
            code("Bảy tháng đầu năm 2019, thu ngân sách tăng."),
            [(
                "Bảy tháng đầu năm 2019".into(),
                Some("2019-YTD07".into()),
                Some((1, 7))
            )]
        );
        assert_eq!(
            code(
                "Entre janvier et août 2023, les exportations ont augmenté. Between January and May, exports rose. Từ tháng 1 đến tháng 4 năm 2022, xuất khẩu tăng."
            ),
            [
                (
                    "Entre janvier et août 2023".into(),
                    Some("2023-YTD08".into()),
                    Some((1, 8))
                ),
                ("Between January and May".into(), None, Some((1, 5))),
                (
                    "Từ tháng 1 đến tháng 4 năm 2022".into(),
                    Some("2022-YTD04".into()),
                    Some((1, 4))
                ),
            ]
        );
        // The first two months named together, with or without their year.
        assert_eq!(
            code("En janvier et février 2025, les ventes ont progressé."),
            [(
                "En janvier et février 2025".into(),
                Some("2025-YTD02".into()),
                Some((1, 2))
            )]
        );
        assert_eq!(
            code("Đầu tháng 11, giá lúa tăng; giữa tháng 3 giảm."),
            [
                ("Đầu tháng 11".into(), None, Some((11, 11))),
                ("giữa tháng 3".into(), None, Some((3, 3))),
            ]
        );
    }

    #[test]
    fn a_month_named_alone_is_a_period_with_or_without_its_year() {
        let months = |text: &str| -> Vec<(String, Option<String>, Option<u8>)> {
            read(text)
                .into_iter()
                .filter_map(|(span, fact)| match fact {
                    Fact::Period {
                        period, last_month, ..
                    } => Some((span, period, last_month)),
                    _ => None,
                })
                .collect()
        };
        let one = |span: &str, code: Option<&str>, month| {
            vec![(span.to_owned(), code.map(str::to_owned), Some(month))]
        };
        assert_eq!(months("Exports in July alone"), one("in July", None, 7));
        assert_eq!(
            months("during March 2025, the"),
            one("during March 2025", Some("2025-03"), 3)
        );
        assert_eq!(months("en juillet, les"), one("en juillet", None, 7));
        assert_eq!(
            months("Riêng tháng 7, kim ngạch"),
            one("Riêng tháng 7", None, 7)
        );
        // A month before its day is a date's.
        assert!(months("in July 5, 2025").is_empty());
    }

    #[test]
    fn a_weekday_and_its_comma_before_the_day_and_a_holidays_days() {
        let days = |text: &str| -> Vec<(String, u8, u8)> {
            read(text)
                .into_iter()
                .filter_map(|(span, fact)| match fact {
                    Fact::Date { month, day, .. } => Some((span, day, month)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            days("Sáng thứ Tư, 17/4, Ban Dân vận Tỉnh ủy họp."),
            [("17/4".to_owned(), 17, 4)]
        );
        assert_eq!(
            days("Chủ nhật, 21/4 tới, xã tổ chức ngày hội."),
            [("21/4".to_owned(), 21, 4)]
        );
        // An ordinal's comma before a ratio is no weekday's.
        assert!(days("Huyện xếp thứ ba, 15/20 chỉ tiêu đạt.").is_empty());
        assert_eq!(
            days("Trong kỳ nghỉ 2/9, và dịp Tết Dương lịch 1/1 tỉnh đón khách."),
            [("2/9".to_owned(), 2, 9), ("1/1".to_owned(), 1, 1)]
        );
        assert_eq!(
            days("Le salon se tiendra entre le 12 et le 14 juin."),
            [
                ("12 et le 14 juin".to_owned(), 12, 6),
                ("14 juin".to_owned(), 14, 6)
            ]
        );
        assert_eq!(
            days("Kỳ họp diễn ra trong hai ngày (11 - 12/12)."),
            [
                ("(11 - 12/12".to_owned(), 11, 12),
                ("12/12".to_owned(), 12, 12)
            ]
        );
        assert_eq!(
            days("The fair runs from 12 to 14 June 2025."),
            [
                ("12 to 14 June 2025".to_owned(), 12, 6),
                ("14 June 2025".to_owned(), 14, 6)
            ]
        );
        assert_eq!(
            days("Delegates met on 12 and 13 June."),
            [
                ("12 and 13 June".to_owned(), 12, 6),
                ("13 June".to_owned(), 13, 6)
            ]
        );
        assert_eq!(
            days("Dịp lễ 30/4 - 1/5 năm nay"),
            [("30/4".to_owned(), 30, 4), ("1/5".to_owned(), 1, 5)]
        );
    }
}
