//! Tagged speech-to-text transcripts: `<video_title>`, `<publish_date>`,
//! `<doc>…</doc>`.

use crate::model::Document;
use crate::text::date::{Date, find_date};
use regex::Regex;
use std::sync::LazyLock;

/// Tags of a tagged transcript before `<doc>`.
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<([a-z_]+)>(.*?)</([a-z_]+)>").expect("valid regex"));

pub(crate) fn read_tags(doc: &mut Document, open: usize) {
    let head = &doc.text[..open];
    let mut title = None;
    let mut date = None;
    let mut source = None;
    for c in TAG.captures_iter(head) {
        if c[1] != c[3] {
            continue;
        }
        let value = c[2].trim();
        match &c[1] {
            "video_title" | "title" => title = Some(value.to_string()),
            "publish_date" | "date" | "upload_date" => date = Date::parse_iso(value).or_else(|| find_date(value).map(|(d, _)| d)),
            "source" | "channel" | "outlet" => source = Some(value.to_string()),
            _ => {}
        }
    }
    if source.is_none() {
        // "Title | Outlet" (video titles name their channel last).
        source = title.as_deref().and_then(|t: &str| t.rsplit_once(" | ")).map(|(_, s)| s.trim().to_string()).filter(|s| !s.is_empty());
    }
    let mut start = open + "<doc>".len();
    if doc.text[start..].starts_with("\r\n") {
        start += 2;
    } else if doc.text[start..].starts_with('\n') {
        start += 1;
    }
    let end = doc.text[start..].find("</doc>").map_or(doc.text.len(), |e| start + e);
    doc.body = start..end;
    doc.title = title;
    doc.date = date;
    doc.source = source;
}
