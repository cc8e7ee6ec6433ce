//! The text of an HTML page, and the boilerplate of news sites taken out of any text:
//! comment counters, share buttons, "Source" lines and lists of related articles.

use crate::fold;

/// Whether a text is HTML rather than plain text: it opens with a tag, or holds the tags a
/// page cannot do without.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    let head = &start[..crate::floor_char_boundary(start, 1024)].to_ascii_lowercase();
    (start.starts_with('<') && head[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!'))
        || ["<p>", "<p ", "<div", "<body", "<br"]
            .iter()
            .any(|tag| head.contains(tag))
}

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
    "iframe", "template", "select", "figure",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "title",
    "dd",
    "dt",
    "hr",
    "main",
];

/// The text of an HTML page: tags removed, blocks on their own lines, entities decoded,
/// boilerplate dropped.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_decoded(&mut out, &rest[..open]);
        rest = &rest[open..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            // A lone "<" in text.
            push_decoded(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !tag.starts_with('/') && !tag.ends_with('/') && DROPPED.contains(&name.as_str()) {
            let end = format!("</{name}");
            rest = find_ascii_case_insensitive(rest, &end)
                .and_then(|at| rest[at..].find('>').map(|gt| &rest[at + gt + 1..]))
                .unwrap_or("");
            out.push('\n');
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    push_decoded(&mut out, rest);
    without_boilerplate(&out)
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[..crate::floor_char_boundary(rest, 12)].find(';');
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Lines that are a site's furniture, not the article, compared folded.
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "binh luan",
    "commentaire",
    "commentaires",
    "source",
    "nguon",
    "share",
    "chia se",
    "partager",
    "facebook",
    "twitter",
    "zalo",
    "print",
    "in bai",
    "imprimer",
    "photo caption",
    "tags",
    "tu khoa",
    "mots cles",
    "back to top",
    "len dau trang",
    "email",
    "copy link",
    "sao chep lien ket",
    "no data",
    "khong co du lieu",
    "no videos available",
];
/// Headings of the lists of other articles that close a news page.
const RELATED: &[&str] = &[
    "tin lien quan",
    "bai lien quan",
    "tin khac",
    "xem them",
    "doc them",
    "related",
    "related news",
    "related articles",
    "read more",
    "see also",
    "articles lies",
    "a lire aussi",
    "voir aussi",
    "sur le meme sujet",
    "same category",
    "same author",
    "cung chuyen muc",
    "cung tac gia",
    "meme categorie",
];

/// The text without furniture lines, related-article lists and blank lines: one paragraph
/// a line.
pub fn without_boilerplate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_related = false;
    for line in text.lines() {
        let trimmed = line.trim();
        // Counting stops past what any test below needs: paragraphs are long.
        let words = trimmed.split_whitespace().take(25).count();
        // "Comment (0)", "Bình luận (12)", "Source: VNA", "Share:" …; only short lines can be
        // furniture, so only they are folded.
        let head = if words <= 6 {
            let key = fold(trimmed);
            key.split(['(', ':', '|'])
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        } else {
            String::new()
        };
        if RELATED.contains(&head.as_str()) && words <= 4 {
            in_related = true;
            continue;
        }
        if in_related {
            // The list ends where a paragraph of the article resumes.
            if words >= 25 {
                in_related = false;
            } else {
                continue;
            }
        }
        if !head.is_empty() && FURNITURE.contains(&head.as_str()) {
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        out.push_str(trimmed);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_page_gives_its_article_only() {
        let page = r#"<!DOCTYPE html><html><head><title>Đoàn giám sát</title>
<script>var x = "<p>not this</p>";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Trang chủ</a></nav>
<article><h1>Đoàn giám sát làm việc</h1>
<p>Ngày 18/8, Đoàn giám sát&nbsp;làm việc với Sở Công Thương &amp; các ngành.</p>
<!-- quảng cáo --><div class="share">Chia sẻ</div>
<p>Bình luận (0)</p><p>Nguồn: Báo Gia Lai</p>
<h3>Tin liên quan</h3><ul><li><a href="/a">Tỉnh ủy họp</a></li><li>Một tin khác</li></ul>
</article><footer>© 2023</footer></body></html>"#;
        assert!(looks_like_html(page));
        let text = to_text(page);
        assert_eq!(
            text,
            "Đoàn giám sát\nĐoàn giám sát làm việc\nNgày 18/8, Đoàn giám sát\u{a0}làm việc với Sở Công Thương & các ngành.\n"
        );
    }

    #[test]
    fn plain_text_is_not_taken_for_html() {
        assert!(!looks_like_html("Ngày 18/8, tăng 9,63% < 10%"));
    }
}
