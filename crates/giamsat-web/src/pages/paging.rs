//! Long lists shown a page at a time: which rows a page shows, and the links to the pages
//! before and after it, which keep every other choice of the address (period, filters,
//! language).

use std::ops::Range;

use askama::Template;

use super::{Reader, Tr};
use crate::i18n::Arg;

/// Rows of targets a page shows: each row weighs about 1.2 KB, so a page stays well under
/// 100 KB whatever the list's length.
pub const TARGET_ROWS: usize = 25;

/// The links between the pages of a list, and which rows this one shows.
#[derive(Template)]
#[template(path = "pager.html")]
pub struct Pager<'t> {
    tr: Tr<'t>,
    /// Tells the links of two paged lists of one page apart.
    id: &'static str,
    previous: String,
    next: String,
    shown: String,
    /// The rows of the whole list this page shows.
    pub rows: Range<usize>,
}

impl<'t> Pager<'t> {
    /// The page `reader` asks for by `key` (from 1; beyond the last, the last) of a list of
    /// `total` rows, `per_page` a page.
    pub fn new(
        tr: Tr<'t>,
        reader: &Reader,
        key: &'static str,
        total: usize,
        per_page: usize,
    ) -> Pager<'t> {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        let asked = reader
            .query_value(key)
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1);
        let page = asked.clamp(1, pages);
        let rows = (page - 1) * per_page..(page * per_page).min(total);
        let link = |to: usize| {
            if to == 1 {
                reader.href_without(key)
            } else {
                reader.href_with(key, &to.to_string())
            }
        };
        let number = |n: usize| Arg::Text(tr.number(n as f64, 0));
        Pager {
            tr,
            id: key,
            previous: if page > 1 {
                link(page - 1)
            } else {
                String::new()
            },
            next: if page < pages {
                link(page + 1)
            } else {
                String::new()
            },
            shown: tr.t_args(
                "pager-shown",
                &[
                    ("from", number(rows.start + 1)),
                    ("to", number(rows.end)),
                    ("total", number(total)),
                ],
            ),
            rows,
        }
    }

    /// Whether there is more than one page, so links are worth showing.
    pub fn is_needed(&self) -> bool {
        !self.previous.is_empty() || !self.next.is_empty()
    }

    fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }
}
